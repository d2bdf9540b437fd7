// Row ids are Postgres uuids; checking the shape before a query turns a hostile or mistyped id
// into "not found" instead of a database error ("invalid input syntax for type uuid").
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_SHAPE.test(value);
}
