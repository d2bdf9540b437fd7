import { sql, type Kysely } from "kysely";

// Sessions people can see and end (issue 21).
// - handle: what pages and forms name a session by. The session id is the cookie's secret and
//   never leaves the server; before this migration /settings put every session's id in the page.
// - last_used_at: when the session last made a request, written at most once a minute.

export async function up(db: Kysely<unknown>) {
  await sql`alter table sessions add column handle uuid not null default gen_random_uuid()`.execute(db);
  await sql`alter table sessions add column last_used_at timestamptz not null default now()`.execute(db);
  await sql`update sessions set last_used_at = created_at`.execute(db);
  await sql`create unique index sessions_handle_idx on sessions (handle)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop index sessions_handle_idx`.execute(db);
  await sql`alter table sessions drop column last_used_at`.execute(db);
  await sql`alter table sessions drop column handle`.execute(db);
}
