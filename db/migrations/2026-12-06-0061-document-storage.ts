import { sql, type Kysely } from "kysely";

// Documents in the portal (issue 17, ADR 0032): file content in PostgreSQL, in a table of
// its own, so the embedded database needs nothing more, a backup carries every file, and
// a transaction never leaves a row without its file.
// - stored_files: what a file is (name, type read from its bytes, size, SHA-256, who
//   uploaded it for which organisation); what lists and quotas read.
// - file_contents: the bytes, apart, so a list never drags them along; the one table
//   app/models/file-store.server.ts reads and writes (and the one that moves to object
//   storage, see the ADR).
// - event_documents: documents a buyer attaches to an event, in versions; a version after
//   the first on a published event is an amendment and says what changed.
// The limits are app/domain/uploads.ts's; the constraints hold the same line.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table stored_files (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      uploaded_by uuid references users(id) on delete set null,
      name text not null,
      kind text not null,
      media_type text not null,
      size_bytes bigint not null,
      sha256 text not null,
      created_at timestamptz not null default now(),
      constraint stored_files_name_is_a_name check (length(name) between 1 and 200 and name !~ '[/\\\\[:cntrl:]]'),
      constraint stored_files_kind_allowed check (kind in ('pdf', 'docx', 'xlsx', 'odt', 'ods', 'png', 'jpeg', 'csv', 'txt')),
      constraint stored_files_size_within_limit check (size_bytes between 1 and 20971520),
      constraint stored_files_sha256_hex check (sha256 ~ '^[0-9a-f]{64}$')
    )`.execute(db);
  await sql`create index stored_files_organisation on stored_files (organisation_id)`.execute(db);
  await sql`
    create table file_contents (
      file_id uuid primary key references stored_files(id) on delete cascade,
      bytes bytea not null,
      constraint file_contents_not_empty check (octet_length(bytes) > 0)
    )`.execute(db);
  await sql`
    create table event_documents (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      series_id uuid not null,
      version integer not null check (version between 1 and 999),
      document_type text not null check (document_type in ('questionnaire', 'needs_description', 'draft_tender_documents', 'presentation', 'minutes')),
      title text not null check (visible_length(title) between 1 and 200 and length(title) <= 200),
      change_note text check (change_note is null or length(change_note) <= 2000),
      file_id uuid not null unique references stored_files(id),
      uploaded_by uuid references users(id) on delete set null,
      amendment_id uuid references event_amendments(id),
      created_at timestamptz not null default now(),
      constraint event_documents_version_once unique (series_id, version),
      constraint event_documents_first_version_opens_series check ((version = 1) = (series_id = id)),
      constraint event_documents_new_version_says_why check (version = 1 or visible_length(change_note) > 0)
    )`.execute(db);
  await sql`create index event_documents_event on event_documents (event_id, series_id, version desc)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["event_documents", "file_contents", "stored_files"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
