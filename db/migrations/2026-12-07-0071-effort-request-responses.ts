import { sql, type Kysely } from "kysely";

// Responses to effort requests, and documents on them (issue 17; ADR 0036, ADR 0032).
// - event_responses answers one thing: an event (an RFI or RFP) or an effort request. The
//   versions, documents, secret marks and read log stay the same tables; only what is answered
//   differs. A response to an effort request comes from one of the vendors it was sent to (the
//   composite key names the recipient row), once per vendor.
// - effort_request_documents: documents a buyer attaches to an effort request, in versions,
//   shaped like event_documents (the file in stored_files).

export async function up(db: Kysely<unknown>) {
  await sql`alter table event_responses alter column event_id drop not null`.execute(db);
  await sql`alter table event_responses add column effort_request_id uuid`.execute(db);
  await sql`
    alter table event_responses
      add constraint event_responses_answer_one_thing check (num_nonnulls(event_id, effort_request_id) = 1),
      add constraint event_responses_one_per_recipient unique (effort_request_id, organisation_id),
      add constraint event_responses_from_a_recipient foreign key (effort_request_id, organisation_id)
        references effort_request_recipients (request_id, organisation_id) on delete cascade`.execute(db);
  await sql`
    create table effort_request_documents (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references effort_requests(id) on delete cascade,
      series_id uuid not null,
      version integer not null check (version between 1 and 999),
      document_type text not null check (document_type in ('questionnaire', 'needs_description', 'draft_tender_documents', 'presentation', 'minutes')),
      title text not null check (visible_length(title) between 1 and 200 and length(title) <= 200),
      change_note text check (change_note is null or length(change_note) <= 2000),
      file_id uuid not null unique references stored_files(id),
      uploaded_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      constraint effort_request_documents_version_once unique (series_id, version),
      constraint effort_request_documents_first_version_opens_series check ((version = 1) = (series_id = id)),
      constraint effort_request_documents_new_version_says_why check (version = 1 or visible_length(change_note) > 0)
    )`.execute(db);
  await sql`create index effort_request_documents_request on effort_request_documents (request_id, series_id, version desc)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table if exists effort_request_documents`.execute(db);
  await sql`delete from event_responses where effort_request_id is not null`.execute(db);
  await sql`
    alter table event_responses
      drop constraint event_responses_from_a_recipient,
      drop constraint event_responses_one_per_recipient,
      drop constraint event_responses_answer_one_thing,
      drop column effort_request_id`.execute(db);
  await sql`alter table event_responses alter column event_id set not null`.execute(db);
}
