// The shape every business rule in app/domain answers with: machine codes and the
// field they concern. The UI turns codes into words through i18n; the domain never does.
export interface Problem<Code extends string = string> {
  /** Dotted field path, e.g. "expectation.budgetMinNok". */
  path: string;
  code: Code;
}

export type GateResult<Code extends string = string> = { ok: true } | { ok: false; problems: Problem<Code>[] };

export function gateResult<Code extends string>(problems: Problem<Code>[]): GateResult<Code> {
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

export function problemsOf<Code extends string>(result: GateResult<Code>): Problem<Code>[] {
  return result.ok ? [] : result.problems;
}

/** Problems grouped by path, the shape Conform's `fieldErrors` expects (a rule's answer or a model's failure). */
export function fieldErrors(source: readonly Problem[] | GateResult | { ok: false; problems: readonly Problem[] }): Record<string, string[]> {
  const problems = Array.isArray(source) ? source : "problems" in source ? source.problems : [];
  const errors: Record<string, string[]> = {};
  for (const { path, code } of problems as readonly Problem[]) (errors[path] ??= []).push(code);
  return errors;
}

/** The other way: a form-style map of field → codes as problems, in the map's order. */
export function problemsOfFields(errors: Readonly<Record<string, readonly string[]>>): Problem[] {
  return Object.entries(errors).flatMap(([path, codes]) => codes.map((code) => ({ path, code })));
}

export function isNegative(value: number | null): boolean {
  return value !== null && value < 0;
}

// What a reader cannot see: white space and the Unicode format characters (category Cf:
// zero-width space U+200B, joiners U+200C–U+200D, word joiner U+2060, byte-order mark U+FEFF,
// soft hyphen, direction marks …). A field of only these declares nothing. The database
// has the same class in visible_length() (db/migrations/2026-12-04-0013-gate-loopholes.ts).
const INVISIBLE = /[\s\p{Cf}]/gu;

/** Characters a reader sees: "a\u200b b" has 2. */
export function visibleLength(value: string | null | undefined): number {
  return value === null || value === undefined ? 0 : [...value.replace(INVISIBLE, "")].length;
}

/** Blank after normalisation: nothing but white space and format characters. The one such check for every rule. */
export function isBlank(value: string | null | undefined): boolean {
  return visibleLength(value) === 0;
}
