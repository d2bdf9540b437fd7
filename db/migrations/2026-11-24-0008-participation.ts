import { sql, type Kysely } from "kysely";

// Vendors take part (issue 5): registrations with their attendees, questions answered to
// every registered vendor at once, effort requests through the predictability gate, and
// the effort ledger. Capacity is held by locking the event row (registrations.server.ts);
// the tables below hold the rest of the rules so no code path can break them.

export async function up(db: Kysely<unknown>) {
  // The buyer may cap how many people one vendor brings.
  await sql`alter table events add column attendee_limit_per_vendor integer
    constraint events_attendee_limit_positive check (attendee_limit_per_vendor > 0)`.execute(db);

  await sql`
    create table registrations (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      status text not null check (status in ('registered','waitlisted','withdrawn','declined')),
      note text check (note is null or length(note) <= 2000),
      share_attendees boolean not null default false,
      decline_reason text,
      registered_by uuid references users(id) on delete set null,
      -- The waiting list's order: when the organisation last joined it or registered.
      queued_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint registrations_one_per_organisation unique (event_id, organisation_id),
      constraint registrations_declined_has_reason check (status <> 'declined' or (decline_reason is not null and btrim(decline_reason) <> ''))
    )`.execute(db);
  await sql`create index registrations_event_status_idx on registrations (event_id, status, queued_at)`.execute(db);
  await sql`create index registrations_organisation_idx on registrations (organisation_id)`.execute(db);

  await sql`
    create table registration_attendees (
      registration_id uuid not null references registrations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      primary key (registration_id, user_id)
    )`.execute(db);

  // likebehandling: a question is asked privately, answered to all; the text shown may be
  // edited by the buyer to anonymise it, the original stays.
  await sql`
    create table event_questions (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      asked_by uuid references users(id) on delete set null,
      asked_at timestamptz not null default now(),
      original_text text not null check (length(btrim(original_text)) between 1 and 4000),
      published_text text check (published_text is null or length(btrim(published_text)) between 1 and 4000),
      answer text check (answer is null or length(btrim(answer)) between 1 and 8000),
      answered_at timestamptz,
      answered_by uuid references users(id) on delete set null,
      constraint event_questions_answer_complete check ((answer is null) = (answered_at is null) and (answer is null) = (published_text is null))
    )`.execute(db);
  // The audit trail of a question: what was asked, by whom, never changes once stored;
  // an answer is given once.
  await sql`
    create function event_questions_keep_original() returns trigger language plpgsql as $$
    begin
      if new.original_text is distinct from old.original_text or new.organisation_id is distinct from old.organisation_id
         or new.asked_by is distinct from old.asked_by or new.asked_at is distinct from old.asked_at or new.event_id is distinct from old.event_id then
        raise exception 'event_questions: the question as asked is kept as it was' using errcode = 'check_violation';
      end if;
      if old.answered_at is not null then
        raise exception 'event_questions: an answer is published once' using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger event_questions_keep_original before update on event_questions
    for each row execute function event_questions_keep_original()`.execute(db);
  await sql`create index event_questions_event_idx on event_questions (event_id, asked_at)`.execute(db);
  await sql`create index event_questions_unanswered_idx on event_questions (event_id, asked_at) where answered_at is null`.execute(db);

  // forutsigbarhet: a direct request for work obeys the same gate as an event. With
  // any effort it carries a purchase expectation (events_effort_requires_expectation).
  await sql`
    create table effort_requests (
      id uuid primary key default gen_random_uuid(),
      buyer_id uuid not null references organisations(id) on delete cascade,
      event_id uuid references events(id) on delete set null,
      requested_by uuid references users(id) on delete set null,
      title text not null check (length(btrim(title)) between 1 and 200),
      description text not null default '',
      kinds_of_work text[] not null check (cardinality(kinds_of_work) > 0 and kinds_of_work <@ array['demo','short_written_input','written_response','workshop_series','prototype','pilot']::text[]),
      hours_per_vendor integer not null check (hours_per_vendor > 0),
      deadline timestamptz not null,
      compensation_nok bigint check (compensation_nok >= 0),
      expectation_status text check (expectation_status in ('committed','planned','uncertain','none')),
      budget_min_nok bigint check (budget_min_nok >= 0),
      budget_max_nok bigint check (budget_max_nok >= 0),
      funding_source text,
      expected_value_nok bigint check (expected_value_nok >= 0),
      expected_quantity integer check (expected_quantity >= 0),
      quantity_unit text,
      expected_tender_quarter text check (expected_tender_quarter ~ '^[0-9]{4}-Q[1-4]$'),
      expected_contract_start date,
      created_at timestamptz not null default now(),
      constraint effort_requests_require_expectation check (expectation_status is not null),
      constraint effort_requests_expectation_declared check (coalesce((
        expectation_status = 'none' or (
          budget_min_nok is not null and budget_max_nok is not null and budget_min_nok <= budget_max_nok
          and funding_source is not null and btrim(funding_source) <> ''
          and (expected_value_nok is not null or expected_quantity is not null)
          and expected_tender_quarter is not null
        )
      ), false)),
      constraint effort_requests_none_significant_requires_compensation check (coalesce((
        expectation_status <> 'none'
        or not (hours_per_vendor > 8 or kinds_of_work && array['written_response','demo','workshop_series','pilot','prototype']::text[])
        or compensation_nok > 0
      ), false))
    )`.execute(db);
  await sql`create index effort_requests_buyer_idx on effort_requests (buyer_id, created_at)`.execute(db);

  await sql`
    create table effort_request_recipients (
      request_id uuid not null references effort_requests(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      status text not null default 'open' check (status in ('open','accepted','declined')),
      responded_at timestamptz,
      responded_by uuid references users(id) on delete set null,
      decline_reason text,
      primary key (request_id, organisation_id),
      constraint effort_request_recipients_declined_has_reason check (status <> 'declined' or (decline_reason is not null and btrim(decline_reason) <> '')),
      constraint effort_request_recipients_answer_dated check ((status = 'open') = (responded_at is null))
    )`.execute(db);
  await sql`create index effort_request_recipients_organisation_idx on effort_request_recipients (organisation_id)`.execute(db);

  // The effort ledger: what a vendor actually spent for a buyer, on an event or a request.
  await sql`
    create table effort_reports (
      id uuid primary key default gen_random_uuid(),
      vendor_id uuid not null references organisations(id) on delete cascade,
      buyer_id uuid not null references organisations(id) on delete cascade,
      event_id uuid references events(id) on delete cascade,
      request_id uuid references effort_requests(id) on delete cascade,
      hours integer not null check (hours > 0 and hours <= 100000),
      people integer not null check (people > 0 and people <= 1000),
      note text check (note is null or length(note) <= 2000),
      reported_by uuid references users(id) on delete set null,
      reported_at timestamptz not null default now(),
      constraint effort_reports_one_subject check ((event_id is null) <> (request_id is null)),
      constraint effort_reports_once_per_event unique (vendor_id, event_id),
      constraint effort_reports_once_per_request unique (vendor_id, request_id)
    )`.execute(db);
  await sql`create index effort_reports_buyer_idx on effort_reports (buyer_id, reported_at)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["effort_reports", "effort_request_recipients", "effort_requests", "event_questions", "registration_attendees", "registrations"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists event_questions_keep_original()`.execute(db);
  await sql`alter table events drop column if exists attendee_limit_per_vendor`.execute(db);
}
