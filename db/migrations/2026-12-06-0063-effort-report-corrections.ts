import { sql, type Kysely } from "kysely";

// Issue 14: a vendor can correct the effort it reported (app/domain/effort-requests.ts,
// EFFORT_REPORT_CORRECTION_DAYS). The report holds the figures that count; each correction
// keeps the figures it replaced, so the buyer sees what changed and when.
export async function up(db: Kysely<unknown>) {
  await sql`alter table effort_reports add column corrected_at timestamptz`.execute(db);
  await sql`
    create table effort_report_corrections (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references effort_reports(id) on delete cascade,
      hours integer not null check (hours > 0 and hours <= 100000),
      people integer not null check (people > 0 and people <= 1000),
      note text check (note is null or length(note) <= 2000),
      corrected_by uuid references users(id) on delete set null,
      corrected_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index effort_report_corrections_report_idx on effort_report_corrections (report_id, corrected_at)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table effort_report_corrections`.execute(db);
  await sql`alter table effort_reports drop column corrected_at`.execute(db);
}
