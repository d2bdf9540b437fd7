// What an amendment changed: each field of the published declaration whose value differs,
// before and after (forutsigbarhet: vendors see exactly what moved, and why).

/** One field of an amendment: the API path and its JSON values before and after. */
export interface AmendmentChange {
  field: string;
  before: unknown;
  after: unknown;
}

function leaves(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** Field-by-field changes, in JSON values (dates as ISO strings); arrays compare whole. */
export function diffDeclarations(before: object, after: object): AmendmentChange[] {
  const a = leaves(JSON.parse(JSON.stringify(before)), "", new Map());
  const b = leaves(JSON.parse(JSON.stringify(after)), "", new Map());
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((field) => JSON.stringify(a.get(field) ?? null) !== JSON.stringify(b.get(field) ?? null))
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }));
}
