import { sql, type Kysely } from "kysely";

// Consultations in /demand's search and in watches (issue 18).
//
// Search: a consultation is found by text as an event is (0007, 0016): a weighted `norwegian`
// document (title A, organiser B, case number, summary and questions C) with a GIN index, and
// the lower-case text for word parts with a trigram index, both kept by a trigger, and renewed
// when the organiser changes its name. Responses are never part of either: they are private
// to their author until the deadline, and /demand lists consultations only while open.
//
// Watches: watch_deliveries records a consultation told about once, as it does an event.

export async function up(db: Kysely<unknown>) {
  await sql`
    alter table consultations
      add column search_document tsvector not null default ''::tsvector,
      add column search_text text not null default ''`.execute(db);
  await sql`
    create function consultations_search_body(case_number text, summary text, questions text[]) returns text
    language sql immutable parallel safe as $$
      select coalesce(case_number, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(array_to_string(questions, ' '), '')
    $$`.execute(db);
  await sql`
    create function consultations_set_search() returns trigger language plpgsql as $$
    declare
      organiser_name text := (select name from organisations where id = new.organiser_id);
      body text := consultations_search_body(new.case_number, new.summary, new.questions);
    begin
      new.search_document := events_search_document(new.title, body, organiser_name);
      new.search_text := events_search_text(new.title, body, organiser_name);
      return new;
    end $$`.execute(db);
  await sql`
    create trigger consultations_search before insert or update of title, summary, questions, case_number, organiser_id on consultations
    for each row execute function consultations_set_search()`.execute(db);
  await sql`
    create function organisations_refresh_consultation_search() returns trigger language plpgsql as $$
    begin
      update consultations set
        search_document = events_search_document(title, consultations_search_body(case_number, summary, questions), new.name),
        search_text = events_search_text(title, consultations_search_body(case_number, summary, questions), new.name)
      where organiser_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger organisations_consultation_search after update of name on organisations
    for each row when (old.name is distinct from new.name) execute function organisations_refresh_consultation_search()`.execute(db);
  // Fires the trigger for the rows there are.
  await sql`update consultations set title = title`.execute(db);
  await sql`create index consultations_search_document_idx on consultations using gin (search_document)`.execute(db);
  await sql`create index consultations_search_text_trgm_idx on consultations using gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    alter table watch_deliveries
      alter column event_id drop not null,
      add column consultation_id uuid references consultations(id) on delete cascade,
      add constraint watch_deliveries_one_subject check ((event_id is null) <> (consultation_id is null)),
      add constraint watch_deliveries_consultation_published check (consultation_id is null or change = 'published')`.execute(db);
  await sql`create unique index watch_deliveries_consultation_once on watch_deliveries (watch_id, consultation_id) where consultation_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`delete from watch_deliveries where consultation_id is not null`.execute(db);
  await sql`drop index if exists watch_deliveries_consultation_once`.execute(db);
  await sql`
    alter table watch_deliveries
      drop constraint if exists watch_deliveries_consultation_published,
      drop constraint if exists watch_deliveries_one_subject,
      drop column if exists consultation_id,
      alter column event_id set not null`.execute(db);
  await sql`drop trigger if exists organisations_consultation_search on organisations`.execute(db);
  await sql`drop function if exists organisations_refresh_consultation_search()`.execute(db);
  await sql`drop trigger if exists consultations_search on consultations`.execute(db);
  await sql`drop function if exists consultations_set_search()`.execute(db);
  await sql`drop function if exists consultations_search_body(text, text, text[])`.execute(db);
  await sql`alter table consultations drop column if exists search_text, drop column if exists search_document`.execute(db);
}
