import { sql, type Kysely } from "kysely";

// Upcoming demand at national scale (issue 6, ADR 0009).
//
// 1. The pipeline (demand by tender quarter) over the whole published set reads this
//    covering index instead of the table (an index-only scan once the table is vacuumed).
// 2. public_pages_version: a number that moves whenever something the public demand pages
//    show may have changed (events, their standards and co-buyers, organisations, the
//    standards catalogue). The server's cache of anonymous public pages keeps a page only
//    while the number is unchanged. The triggers fire at commit (deferred constraint
//    triggers), so a page rendered from the old data is not stored under the new number
//    for longer than the moment between the bump and the commit; the cache's time limit
//    bounds even that.

const TABLES = ["events", "event_standards", "event_co_buyers", "organisations", "standards"] as const;

export async function up(db: Kysely<unknown>) {
  await sql`create index events_pipeline_idx on events (expected_tender_quarter)
    include (buyer_id, budget_min_nok, budget_max_nok) where status = 'published'`.execute(db);

  await sql`create sequence public_pages_version`.execute(db);
  await sql`
    create function bump_public_pages_version() returns trigger language plpgsql as $$
    begin
      perform nextval('public_pages_version');
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`create constraint trigger ${sql.id(`${table}_public_pages_version`)}
      after insert or update or delete on ${sql.table(table)} deferrable initially deferred
      for each row execute function bump_public_pages_version()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>) {
  for (const table of TABLES) {
    await sql`drop trigger if exists ${sql.id(`${table}_public_pages_version`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists bump_public_pages_version()`.execute(db);
  await sql`drop sequence if exists public_pages_version`.execute(db);
  await sql`drop index if exists events_pipeline_idx`.execute(db);
}
