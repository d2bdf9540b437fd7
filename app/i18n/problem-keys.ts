// One order for turning a problem code into words, shared by the pages (useProblemText)
// and the API (describeProblems): the page's own namespace first, then the areas whose
// rules produce codes, then the generic form messages, then a catch-all.

/** Namespaces tried after a page's own, in this order. */
export const PROBLEM_NAMESPACES = ["events:problems", "participation:problems", "effort:errors", "consultations:errors", "requests:problems", "reports:problems", "responses:problems", "organisations:formErrors", "forms"] as const;

/** The i18n keys to try for `code`, most specific first; `first` is the page's own prefix (e.g. "organisations:formErrors"). */
export function problemKeys(code: string, first?: string): string[] {
  const prefixes = first ? [first, ...PROBLEM_NAMESPACES.filter((p) => p !== first)] : [...PROBLEM_NAMESPACES];
  return [...prefixes.map((p) => (p.includes(":") ? `${p}.${code}` : `${p}:${code}`)), "forms:invalid_value"];
}
