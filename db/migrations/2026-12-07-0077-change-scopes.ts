import { sql, type Kysely } from "kysely";

// What a change empties (issue 20). Every NOTIFY markedsdialog_changes (migration 0049) moved
// one change epoch, and the page cache's every entry depended on it: one interaction logged
// anywhere emptied /demand for everyone, so under a steady trickle of writes the demand pages
// were rendered on nearly every request. The notification now names the table it comes from,
// so each process can tell a change to what the demand pages show from a change that only the
// scorecards count (db/coordination.ts).
//
// Consultations are on /demand, in its count and in the demand API since issue 18, but neither
// moved public_pages_version nor notified: a consultation published or closed could be missing
// from a cached page for up to its ten seconds. They now do both.

export async function up(db: Kysely<unknown>) {
  await sql`
    create or replace function notify_public_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('markedsdialog_changes', tg_table_name);
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger consultations_public_pages_version
    after insert or update or delete on consultations deferrable initially deferred
    for each row execute function bump_public_pages_version()`.execute(db);
  await sql`create trigger consultations_notify_change
    after insert or update or delete on consultations
    for each statement execute function notify_public_change()`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop trigger if exists consultations_notify_change on consultations`.execute(db);
  await sql`drop trigger if exists consultations_public_pages_version on consultations`.execute(db);
  await sql`
    create or replace function notify_public_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('markedsdialog_changes', '');
      return null;
    end $$`.execute(db);
}
