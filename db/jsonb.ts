import { sql, type RawBuilder } from "kysely";

/**
 * A value for a jsonb column, sent as text and parsed by the server. Both drivers ask the
 * server for parameter types, and postgres.js JSON-encodes whatever goes into a jsonb
 * parameter: a JSON text would be stored as a jsonb *string* (`"[…]"`). Declaring the
 * parameter text makes both drivers store the array or object itself.
 */
export function jsonb(value: unknown): RawBuilder<string> {
  return sql<string>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
}
