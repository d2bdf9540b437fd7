import { sql, type Kysely } from "kysely";

// Several web processes on one PostgreSQL server (ADR 0026) each keep the public page cache
// (ADR 0009) and the scorecard cache (ADR 0011) in memory. A commit that touches what those
// show now sends NOTIFY markedsdialog_changes; every process LISTENs and forgets both caches
// (db/coordination.ts). NOTIFY is delivered at commit and only then, so no process hears of a
// change its next read could still miss. Statement-level triggers: one notification per
// statement, and PostgreSQL folds identical ones within a transaction into one.
// The tables: what the public pages show (as public_pages_version, migration 0012) and what
// the scorecards count (app/models/scorecard.server.ts).

export const CHANGE_TABLES = [
  "events",
  "event_standards",
  "event_co_buyers",
  "organisations",
  "standards",
  "registrations",
  "event_questions",
  "effort_requests",
  "effort_request_recipients",
  "effort_reports",
  "blocked_publish_attempts",
  "conduct_adoptions",
  "interaction_entries",
  "interaction_answers",
  "pilot_exits",
] as const;

export async function up(db: Kysely<unknown>) {
  await sql`
    create function notify_public_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('markedsdialog_changes', '');
      return null;
    end $$`.execute(db);
  for (const table of CHANGE_TABLES) {
    await sql`create trigger ${sql.id(`${table}_notify_change`)}
      after insert or update or delete on ${sql.table(table)}
      for each statement execute function notify_public_change()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>) {
  for (const table of CHANGE_TABLES) {
    await sql`drop trigger if exists ${sql.id(`${table}_notify_change`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists notify_public_change()`.execute(db);
}
