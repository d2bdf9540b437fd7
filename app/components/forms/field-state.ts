import type { FieldMetadata } from "@conform-to/react";

// What every field component reads, whichever way the form is driven: Conform's metadata,
// or the plain values/errors records of the effort, event and participation forms.

export type Values = Record<string, string | string[] | undefined>;
export type Errors = Record<string, string[]>;

export interface FieldState {
  id: string;
  name: string;
  errorId: string;
  errors?: string[];
  value?: string | string[];
  /** Conform's remount key and constraint attributes; absent for record-driven forms. */
  key?: string;
  formId?: string;
  constraint?: { required?: boolean; minLength?: number; maxLength?: number; min?: string | number; max?: string | number; step?: string | number; pattern?: string };
}

export function conformField(meta: FieldMetadata<unknown>): FieldState {
  const initial = meta.initialValue;
  return {
    id: meta.id,
    name: meta.name,
    errorId: meta.errorId,
    errors: meta.errors,
    value: typeof initial === "string" ? initial : Array.isArray(initial) ? initial.map(String) : undefined,
    key: meta.key,
    formId: meta.formId,
    constraint: { required: meta.required, minLength: meta.minLength, maxLength: meta.maxLength, min: meta.min, max: meta.max, step: meta.step, pattern: meta.pattern },
  };
}

/** A field of a record-driven form; `idOf` names its element (each form keeps its own id scheme). */
export function recordField(name: string, { values, errors }: { values: Values; errors: Errors }, idOf: (name: string) => string): FieldState {
  const id = idOf(name);
  return { id, name, errorId: `${id}-error`, errors: errors[name], value: values[name] };
}

export const first = (value: FieldState["value"]) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));
/** Every value; "" counts, so a choice whose value is empty (e.g. "use the event's") can be the chosen one. */
export const all = (value: FieldState["value"]) => (Array.isArray(value) ? value : value !== undefined ? [value] : []);

export const invalid = (field: FieldState) => Boolean(field.errors?.length);

/** The hint and error ids an element is described by. */
export function describedBy(field: FieldState, hasHint: boolean) {
  const ids = [hasHint ? `${field.id}-hint` : null, invalid(field) ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}
