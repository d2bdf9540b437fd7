import { sql, type Kysely } from "kysely";

// The operator's outbox page lists newest first and pages by (created_at, id).
export async function up(db: Kysely<unknown>) {
  await sql`create index outbox_created_idx on outbox (created_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop index if exists outbox_created_idx`.execute(db);
}
