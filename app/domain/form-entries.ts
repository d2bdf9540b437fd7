// Reading a posted form (FormData or URLSearchParams) the same way in every parser:
// text normalised (./input-text.ts) and trimmed, lists without blanks, and every value kept
// to put back in the fields.

import { normaliseText } from "./input-text";

export type Entries = { get(name: string): FormDataEntryValue | null; getAll(name: string): FormDataEntryValue[] };

/** The field's text, trimmed; "" when absent or a file. */
export function text(form: Entries, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? normaliseText(value).trim() : "";
}

/** Every text value of a repeated field (checkboxes), trimmed, blanks left out. */
export function list(form: Entries, name: string): string[] {
  return form
    .getAll(name)
    .filter((v): v is string => typeof v === "string")
    .map((v) => normaliseText(v).trim())
    .filter(Boolean);
}

export type SubmittedValues = Record<string, string | string[]>;

/** Every value a submitted form held, to put back in the fields after a refusal. */
export function submittedValues(form: { entries(): IterableIterator<[string, FormDataEntryValue]> }): SubmittedValues {
  const values: SubmittedValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const existing = values[name];
    if (existing === undefined) values[name] = value;
    else values[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}
