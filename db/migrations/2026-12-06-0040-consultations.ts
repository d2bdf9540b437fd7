import { sql, type Kysely } from "kysely";

// Consultations (høring, issue 18): a buyer organisation or the operators ask for written
// input on a roadmap, a category plan, a draft tender document or a code-of-conduct version.
// - samspillsnormer / forutsigbarhet: a consultation asks at most light effort; anything more
//   goes out as an RFI through the predictability gate (consultations_effort_at_most_light).
// - Responses are one per organisation; the parts a responder asks to withhold carry a reason,
//   and the organiser's decision is only possible on a part that asked for it.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table consultations (
      id uuid primary key default gen_random_uuid(),
      organiser_id uuid references organisations(id),
      created_by uuid references users(id) on delete set null,
      case_number text not null check (visible_length(case_number) between 1 and 50),
      title text not null check (visible_length(title) between 1 and 200),
      summary text not null check (visible_length(summary) between 1 and 8000),
      subject text not null check (subject in ('standards_roadmap', 'category_plan', 'draft_tender_document', 'conduct_version', 'other')),
      conduct_version integer references conduct_versions(number),
      questions text[] not null check (cardinality(questions) between 1 and 20),
      document_links text[] not null default '{}' check (cardinality(document_links) <= 20),
      deadline timestamptz not null,
      effort_level text not null,
      hours_per_responder integer,
      target_sectors text[] not null default '{}',
      target_vendor_sizes text[] not null default '{}',
      usage_summary text check (usage_summary is null or visible_length(usage_summary) between 1 and 20000),
      usage_summary_at timestamptz,
      created_at timestamptz not null default now(),
      constraint consultations_effort_at_most_light check (effort_level in ('none', 'light') and (hours_per_responder is null or hours_per_responder between 0 and 8)),
      constraint consultations_conduct_version_named check ((subject = 'conduct_version') = (conduct_version is not null)),
      constraint consultations_summary_after_deadline check ((usage_summary is null) = (usage_summary_at is null) and (usage_summary_at is null or usage_summary_at >= deadline))
    )`.execute(db);
  await sql`create index consultations_deadline on consultations (deadline desc)`.execute(db);
  await sql`create index consultations_organiser on consultations (organiser_id, deadline desc)`.execute(db);
  await sql`create index consultations_conduct_version on consultations (conduct_version) where conduct_version is not null`.execute(db);
  await sql`
    create table consultation_invitees (
      consultation_id uuid not null references consultations(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      primary key (consultation_id, organisation_id)
    )`.execute(db);
  await sql`
    create table consultation_responses (
      id uuid primary key default gen_random_uuid(),
      consultation_id uuid not null references consultations(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      status text not null default 'draft' check (status in ('draft', 'submitted', 'withdrawn')),
      created_by uuid references users(id) on delete set null,
      submitted_at timestamptz,
      submitted_by uuid references users(id) on delete set null,
      withdrawn_at timestamptz,
      publication_confirmed_at timestamptz,
      updated_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      unique (consultation_id, organisation_id),
      constraint consultation_responses_submitted_dated check (status <> 'submitted' or submitted_at is not null),
      constraint consultation_responses_withdrawn_dated check (status <> 'withdrawn' or withdrawn_at is not null)
    )`.execute(db);
  await sql`
    create table consultation_response_parts (
      response_id uuid not null references consultation_responses(id) on delete cascade,
      position integer not null check (position between 0 and 19),
      text text not null check (length(text) <= 20000),
      withhold_requested boolean not null default false,
      withhold_reason text,
      withhold_decision text check (withhold_decision in ('accepted', 'refused')),
      decided_at timestamptz,
      decided_by uuid references users(id) on delete set null,
      primary key (response_id, position),
      constraint consultation_parts_withhold_has_reason check (withhold_requested = (withhold_reason is not null) and (withhold_reason is null or visible_length(withhold_reason) between 1 and 2000)),
      constraint consultation_parts_decision_needs_request check (withhold_decision is null or withhold_requested),
      constraint consultation_parts_decision_dated check ((withhold_decision is null) = (decided_at is null))
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["consultation_response_parts", "consultation_responses", "consultation_invitees", "consultations"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
