import { sql, type Kysely } from "kysely";

// Search that finds Norwegian words (issue 14). Norwegian writes compounds as one word, so
// "journal" must find "pasientjournal" and "journalføring", which the `norwegian` tsvector
// (whole stemmed words) cannot. Beside it: `search_text`, the same title, buyer name and
// description in lower case, with a trigram index that answers `like '%journal%'`.
// app/models/demand.server.ts matches a word when either finds it, and ranks by both.
//
// pg_trgm is a contrib extension: PGlite loads it (db/client.ts, PGLITE_EXTENSIONS); on a
// PostgreSQL server it comes with Debian's `postgresql` package and is trusted, so the
// database owner may create it.

export async function up(db: Kysely<unknown>) {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create function events_search_text(title text, description text, buyer_name text) returns text
    language sql immutable parallel safe as $$
      select lower(coalesce(title, '') || ' ' || coalesce(buyer_name, '') || ' ' || coalesce(description, ''))
    $$`.execute(db);
  await sql`alter table events add column search_text text not null default ''`.execute(db);

  // The triggers of migration 0007 keep both documents from now on.
  await sql`
    create or replace function events_set_search_document() returns trigger language plpgsql as $$
    declare
      buyer_name text := (select name from organisations where id = new.buyer_id);
    begin
      new.search_document := events_search_document(new.title, new.description, buyer_name);
      new.search_text := events_search_text(new.title, new.description, buyer_name);
      return new;
    end $$`.execute(db);
  await sql`
    create or replace function organisations_refresh_event_search() returns trigger language plpgsql as $$
    begin
      update events set search_document = events_search_document(title, description, new.name),
                        search_text = events_search_text(title, description, new.name)
      where buyer_id = new.id;
      return null;
    end $$`.execute(db);

  // Rows published before migration 0013 may break its rules, which it added NOT VALID so
  // they stay; PostgreSQL checks a NOT VALID constraint on every update, so the backfill
  // lifts those constraints while it writes search_text and puts them back as they were.
  const { rows: unvalidated } = await sql<{ name: string; definition: string }>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = 'events'::regclass and contype = 'c' and not convalidated`.execute(db);
  for (const c of unvalidated) await sql`alter table events drop constraint ${sql.id(c.name)}`.execute(db);
  await sql`
    update events set search_text = events_search_text(events.title, events.description, organisations.name)
    from organisations where organisations.id = events.buyer_id`.execute(db);
  // The update queued the deferred public_pages_version triggers (migration 0012); a table
  // with pending trigger events can be neither altered nor indexed, so they run now.
  await sql`set constraints all immediate`.execute(db);
  // pg_get_constraintdef ends in NOT VALID for these.
  for (const c of unvalidated) await sql`alter table events add constraint ${sql.id(c.name)} ${sql.raw(c.definition)}`.execute(db);
  // Only published events are searched (the query repeats `status = 'published'`).
  await sql`create index events_search_text_trgm_idx on events using gin (search_text gin_trgm_ops)
    where status = 'published'`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop index if exists events_search_text_trgm_idx`.execute(db);
  await sql`
    create or replace function organisations_refresh_event_search() returns trigger language plpgsql as $$
    begin
      update events set search_document = events_search_document(title, description, new.name) where buyer_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function events_set_search_document() returns trigger language plpgsql as $$
    begin
      new.search_document := events_search_document(
        new.title, new.description, (select name from organisations where id = new.buyer_id));
      return new;
    end $$`.execute(db);
  await sql`alter table events drop column if exists search_text`.execute(db);
  await sql`drop function if exists events_search_text(text, text, text)`.execute(db);
  // The extension stays: other objects may use it, and dropping it needs more rights than creating it.
}
