import { sql, type Kysely } from "kysely";

// Protected reports (issue 18): a member reports a breach of the code of conduct by a
// counterpart of the other side to the operators, without its name reaching the counterpart.
// - protected_reports holds what was reported and about whom, never who reported it.
// - protected_report_reporters holds who reported, apart: read by operators only, each read
//   written to the audit log (app/models/protected-reports.server.ts).
// - protected_report_messages: operators' questions and the reporter's answers; an operator's
//   message names its author, a reporter's names nobody.
// - An outcome closes the report; a closed report has one, an open one none.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table protected_reports (
      id uuid primary key default gen_random_uuid(),
      counterpart_id uuid not null references organisations(id),
      conduct_version integer not null references conduct_versions(number),
      clauses integer[] not null check (cardinality(clauses) between 1 and 99),
      account text not null check (visible_length(account) between 1 and 8000 and length(account) <= 8000),
      status text not null default 'open' check (status in ('open', 'closed')),
      outcome text check (outcome in ('upheld', 'not_upheld', 'resolved', 'withdrawn')),
      outcome_note text check (outcome_note is null or length(outcome_note) <= 4000),
      outcome_at timestamptz,
      outcome_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      constraint protected_reports_outcome_closes check ((status = 'closed') = (outcome is not null) and (outcome is null) = (outcome_at is null))
    )`.execute(db);
  await sql`create index protected_reports_counterpart on protected_reports (counterpart_id)`.execute(db);
  await sql`create index protected_reports_open on protected_reports (created_at desc) where status = 'open'`.execute(db);
  await sql`
    create table protected_report_reporters (
      report_id uuid primary key references protected_reports(id) on delete cascade,
      user_id uuid references users(id) on delete set null,
      organisation_id uuid not null references organisations(id)
    )`.execute(db);
  await sql`create index protected_report_reporters_user on protected_report_reporters (user_id)`.execute(db);
  await sql`
    create table protected_report_messages (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references protected_reports(id) on delete cascade,
      author text not null check (author in ('operator', 'reporter')),
      operator_user_id uuid references users(id) on delete set null,
      text text not null check (visible_length(text) between 1 and 4000 and length(text) <= 4000),
      created_at timestamptz not null default now(),
      constraint protected_report_messages_reporter_unnamed check (author = 'operator' or operator_user_id is null)
    )`.execute(db);
  await sql`create index protected_report_messages_report on protected_report_messages (report_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["protected_report_messages", "protected_report_reporters", "protected_reports"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
