import { sql, type Kysely } from "kysely";
import { CLARIFICATION_TOPICS, REASON_MAX, SUBJECT_MAX, TEXT_MAX, VENDOR_REQUEST_STATUSES, VENDOR_REQUEST_STEP_KINDS, VENDOR_REQUEST_TYPES } from "../../app/domain/vendor-requests";

// Requests from vendors to a buyer organisation (issue 18, ADR 0019). The lists and limits come
// from app/domain/vendor-requests.ts, so the form, the API and these constraints say the same.
// - vendor_requests: one row per request; buyer_id is the organisation that holds it now
//   (a referral to another organisation moves it), addressed_to the one the vendor chose.
// - vendor_request_steps: the append-only history the vendor sees (sent, assigned, every
//   referral with its reason, answered or declined, reminders and escalations).

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export async function up(db: Kysely<unknown>) {
  await sql`
    create table vendor_requests (
      id uuid primary key default gen_random_uuid(),
      vendor_id uuid not null references organisations(id) on delete cascade,
      addressed_to uuid not null references organisations(id) on delete cascade,
      buyer_id uuid not null references organisations(id) on delete cascade,
      sent_by uuid references users(id) on delete set null,
      type text not null constraint vendor_requests_type_known check (type in (${list(VENDOR_REQUEST_TYPES)})),
      topic text constraint vendor_requests_topic_known check (topic in (${list(CLARIFICATION_TOPICS)})),
      subject text not null constraint vendor_requests_subject_visible check (visible_length(subject) between 1 and ${sql.lit(SUBJECT_MAX)}),
      body text not null constraint vendor_requests_body_visible check (visible_length(body) between 1 and ${sql.lit(TEXT_MAX)}),
      event_id uuid references events(id) on delete set null,
      contract_id uuid references contracts(id) on delete set null,
      status text not null default 'open' constraint vendor_requests_status_known check (status in (${list(VENDOR_REQUEST_STATUSES)})),
      owner_id uuid references users(id) on delete set null,
      decision_maker_role text,
      decision_mandate text,
      due_on date,
      answer text,
      decline_reason text,
      closed_by uuid references users(id) on delete set null,
      closed_at timestamptz,
      referrals integer not null default 0,
      reminded_at timestamptz,
      escalated_at timestamptz,
      created_at timestamptz not null default now(),
      constraint vendor_requests_topic_only_for_clarification check ((type = 'clarification') = (topic is not null)),
      constraint vendor_requests_not_to_self check (vendor_id <> buyer_id and vendor_id <> addressed_to),
      constraint vendor_requests_answer_has_text check (status <> 'answered' or (visible_length(answer) > 0 and closed_at is not null)),
      constraint vendor_requests_decline_has_reason check (status <> 'declined' or (visible_length(decline_reason) between 1 and ${sql.lit(REASON_MAX)} and closed_at is not null)),
      constraint vendor_requests_open_not_closed check (status <> 'open' or closed_at is null),
      constraint vendor_requests_owner_states_mandate check (owner_id is null or due_on is null or (visible_length(decision_maker_role) > 0 and visible_length(decision_mandate) > 0))
    )`.execute(db);
  await sql`create index vendor_requests_buyer_idx on vendor_requests (buyer_id, created_at desc)`.execute(db);
  await sql`create index vendor_requests_vendor_idx on vendor_requests (vendor_id, created_at desc)`.execute(db);
  await sql`create index vendor_requests_due_idx on vendor_requests (due_on) where status = 'open'`.execute(db);
  await sql`
    create table vendor_request_steps (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references vendor_requests(id) on delete cascade,
      kind text not null constraint vendor_request_steps_kind_known check (kind in (${list(VENDOR_REQUEST_STEP_KINDS)})),
      at timestamptz not null default now(),
      by_user_id uuid references users(id) on delete set null,
      organisation_id uuid references organisations(id) on delete set null,
      to_organisation_id uuid references organisations(id) on delete set null,
      to_user_id uuid references users(id) on delete set null,
      reason text,
      constraint vendor_request_steps_referral_has_reason check (kind not in ('referred_person', 'referred_organisation', 'declined') or visible_length(reason) between 1 and ${sql.lit(REASON_MAX)})
    )`.execute(db);
  await sql`create index vendor_request_steps_request_idx on vendor_request_steps (request_id, at)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table vendor_request_steps`.execute(db);
  await sql`drop table vendor_requests`.execute(db);
}
