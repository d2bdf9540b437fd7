import { sql, type Kysely } from "kysely";

// How each interaction-log row was hashed (ADR 0004, app/models/interaction-chain.server.ts):
// 1, the rows appended before this migration (a fixed list of fields, participants read as
// side, user and name only), verified as they were hashed; 2, every row appended from now
// on, a canonical form of the whole row (every stored column, the participants JSON whole,
// this version too), so an extra key slipped into participants breaks the chain. Adding a
// column with a constant default fills the old rows without an UPDATE, so the append-only
// triggers stay as they are.

const TABLES = ["interaction_entries", "interaction_responses"] as const;

export async function up(db: Kysely<unknown>) {
  for (const table of TABLES) {
    await sql`
      alter table ${sql.table(table)}
      add column hash_version smallint not null default 1
      constraint ${sql.id(`${table}_hash_version_known`)} check (hash_version in (1, 2))`.execute(db);
  }
}

export async function down(db: Kysely<unknown>) {
  for (const table of TABLES) await sql`alter table ${sql.table(table)} drop column hash_version`.execute(db);
}
