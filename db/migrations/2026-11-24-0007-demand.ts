import { sql, type Kysely } from "kysely";

// Upcoming demand (/demand): Norwegian full-text search over title, buyer name and
// description, and the indexes the listed sorts page through with keyset pagination.
//
// The search document lives in a column kept by triggers rather than a generated
// column, because it includes the buyer's name from another table. Only features
// PostgreSQL 15 (CI) and PGlite (PostgreSQL 18) both have.

export async function up(db: Kysely<unknown>) {
  // Title weighs most, then the buyer's name, then the description (ts_rank weights A, B, C).
  await sql`
    create function events_search_document(title text, description text, buyer_name text) returns tsvector
    language sql immutable parallel safe as $$
      select setweight(to_tsvector('norwegian', coalesce(title, '')), 'A')
          || setweight(to_tsvector('norwegian', coalesce(buyer_name, '')), 'B')
          || setweight(to_tsvector('norwegian', coalesce(description, '')), 'C')
    $$`.execute(db);

  await sql`alter table events add column search_document tsvector not null default ''::tsvector`.execute(db);

  await sql`
    create function events_set_search_document() returns trigger language plpgsql as $$
    begin
      new.search_document := events_search_document(
        new.title, new.description, (select name from organisations where id = new.buyer_id));
      return new;
    end $$`.execute(db);
  await sql`
    create trigger events_search_document before insert or update of title, description, buyer_id on events
    for each row execute function events_set_search_document()`.execute(db);

  // A buyer that changes its name is found by the new one.
  await sql`
    create function organisations_refresh_event_search() returns trigger language plpgsql as $$
    begin
      update events set search_document = events_search_document(title, description, new.name) where buyer_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger organisations_event_search after update of name on organisations
    for each row when (old.name is distinct from new.name) execute function organisations_refresh_event_search()`.execute(db);

  await sql`
    update events set search_document = events_search_document(events.title, events.description, organisations.name)
    from organisations where organisations.id = events.buyer_id`.execute(db);
  await sql`create index events_search_document_idx on events using gin (search_document)`.execute(db);

  // One index per listed sort, over published events only, ending in id so that the
  // keyset (sort key, id) is read straight from the index however deep the page.
  // The expressions must stay identical to the ones in app/models/demand.server.ts.
  await sql`create index events_demand_deadline_idx on events
    ((coalesce(registration_deadline, response_deadline, 'infinity'::timestamptz)), id) where status = 'published'`.execute(db);
  await sql`create index events_demand_tender_idx on events
    ((coalesce(expected_tender_quarter, '9999-Q9')), id) where status = 'published'`.execute(db);
  await sql`create index events_demand_budget_idx on events
    ((coalesce(budget_max_nok, -1)), id) where status = 'published'`.execute(db);
  await sql`create index events_demand_region_idx on events (region) where status = 'published'`.execute(db);
  // The OCDS release feed pages by last change (GET /api/v1/ocds/releases?since=).
  await sql`create index events_published_updated_idx on events (updated_at, id) where status = 'published'`.execute(db);
  // The standard filter looks events up by standard; the primary key starts with the event.
  await sql`create index event_standards_standard_idx on event_standards (standard_id, event_id)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const index of [
    "event_standards_standard_idx",
    "events_published_updated_idx",
    "events_demand_region_idx",
    "events_demand_budget_idx",
    "events_demand_tender_idx",
    "events_demand_deadline_idx",
    "events_search_document_idx",
  ]) {
    await sql`drop index if exists ${sql.raw(index)}`.execute(db);
  }
  await sql`drop trigger if exists organisations_event_search on organisations`.execute(db);
  await sql`drop function if exists organisations_refresh_event_search()`.execute(db);
  await sql`drop trigger if exists events_search_document on events`.execute(db);
  await sql`drop function if exists events_set_search_document()`.execute(db);
  await sql`alter table events drop column if exists search_document`.execute(db);
  await sql`drop function if exists events_search_document(text, text, text)`.execute(db);
}
