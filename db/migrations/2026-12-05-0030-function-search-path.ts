import { sql, type Kysely } from "kysely";

// pilot_criteria_complete (0024), used by a CHECK on events, calls visible_length (0013)
// without a schema. pg_restore runs with an empty search_path, so restoring a backup failed
// on the events table ("function visible_length(text) does not exist"; CI's backup test).
// The function keeps the search_path it was created under, and pg_dump writes it out.

export async function up(db: Kysely<unknown>) {
  await sql`alter function pilot_criteria_complete(jsonb) set search_path from current`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter function pilot_criteria_complete(jsonb) reset search_path`.execute(db);
}
