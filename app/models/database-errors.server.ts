// PostgreSQL reports a broken unique constraint as SQLSTATE 23505 with the
// constraint's name; postgres.js calls it constraint_name, PGlite constraint.
export function uniqueViolation(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
  if (e.code !== "23505") return null;
  const name = e.constraint_name ?? e.constraint;
  return typeof name === "string" ? name : "unknown";
}
