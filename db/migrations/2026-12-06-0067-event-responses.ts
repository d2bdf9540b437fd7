import { sql, type Kysely } from "kysely";

// Responses to an RFI or RFP (issue 17; app/domain/responses.ts, ADR 0036).
// - event_responses: one per vendor organisation and event.
// - event_response_versions: what the vendor wrote; at most one draft (the newest version),
//   every submission a kept version, never changed after it was submitted.
// - event_response_documents: files (stored_files, ADR 0032) in a version; a new draft copies
//   the rows of the version it follows, so each version keeps the files it was submitted with.
// - Business secrets (forretningshemmelighet): the whole version, its text or one document,
//   each with the vendor's reason.
// - event_team_members: who of the buyer reads confidential parts (none named: its admins).
// - event_response_reads: every read of a confidential part, and every refused attempt,
//   shown to the vendor.
// - events.responses_require_registration: only registered vendors may respond.

const REASON = (column: string) => sql.raw(`${column} is null or (visible_length(${column}) between 1 and 500 and length(${column}) <= 500)`);

export async function up(db: Kysely<unknown>) {
  await sql`alter table events add column responses_require_registration boolean not null default false`.execute(db);
  await sql`
    create table event_responses (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      constraint event_responses_one_per_vendor unique (event_id, organisation_id)
    )`.execute(db);
  await sql`
    create table event_response_versions (
      id uuid primary key default gen_random_uuid(),
      response_id uuid not null references event_responses(id) on delete cascade,
      version integer not null check (version between 1 and 999),
      status text not null check (status in ('draft', 'submitted')),
      text text not null default '' check (length(text) <= 20000),
      text_confidential_reason text constraint event_response_versions_text_reason check (${REASON("text_confidential_reason")}),
      confidential_reason text constraint event_response_versions_reason check (${REASON("confidential_reason")}),
      answers jsonb not null default '[]',
      saved_by uuid references users(id) on delete set null,
      saved_at timestamptz not null default now(),
      submitted_at timestamptz,
      constraint event_response_versions_once unique (response_id, version),
      constraint event_response_versions_submitted_has_time check ((status = 'submitted') = (submitted_at is not null))
    )`.execute(db);
  await sql`create unique index event_response_versions_one_draft on event_response_versions (response_id) where status = 'draft'`.execute(db);
  await sql`
    create table event_response_documents (
      id uuid primary key default gen_random_uuid(),
      version_id uuid not null references event_response_versions(id) on delete cascade,
      file_id uuid not null references stored_files(id),
      confidential_reason text constraint event_response_documents_reason check (${REASON("confidential_reason")}),
      added_at timestamptz not null default now(),
      constraint event_response_documents_file_once unique (version_id, file_id)
    )`.execute(db);
  await sql`create index event_response_documents_file on event_response_documents (file_id)`.execute(db);
  await sql`
    create table event_team_members (
      event_id uuid not null references events(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      added_by uuid references users(id) on delete set null,
      added_at timestamptz not null default now(),
      primary key (event_id, user_id)
    )`.execute(db);
  await sql`
    create table event_response_reads (
      id uuid primary key default gen_random_uuid(),
      response_id uuid not null references event_responses(id) on delete cascade,
      version integer not null,
      part text not null check (part in ('response', 'text', 'document', 'answer')),
      document_id uuid references event_response_documents(id) on delete set null,
      part_label text not null default '' check (length(part_label) <= 300),
      reader_id uuid references users(id) on delete set null,
      reader_name text not null,
      outcome text not null check (outcome in ('read', 'refused')),
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index event_response_reads_response on event_response_reads (response_id, at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["event_response_reads", "event_team_members", "event_response_documents", "event_response_versions", "event_responses"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table events drop column responses_require_registration`.execute(db);
}
