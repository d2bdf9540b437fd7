import { sql, type Kysely } from "kysely";

// Buyers hear about what vendors do (app/domain/vendor-activity.ts): each question asked,
// registration, withdrawal or refusal, and effort-request answer is one row, written in the
// transaction of the act itself. Members of the buyer organisation are told at once (the
// mail is queued in that same transaction) or in one digest each Oslo morning, covering the
// rows after their `activity_digest_from`; each member chooses, null meaning the default
// for their role.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table vendor_activity (
      id uuid primary key default gen_random_uuid(),
      buyer_id uuid not null references organisations(id) on delete cascade,
      vendor_id uuid not null references organisations(id) on delete cascade,
      kind text not null constraint vendor_activity_kind_known
        check (kind in ('question', 'registered', 'waitlisted', 'withdrawn', 'declined', 'effort_accepted', 'effort_declined')),
      event_id uuid references events(id) on delete cascade,
      effort_request_id uuid references effort_requests(id) on delete cascade,
      detail text constraint vendor_activity_detail_length check (detail is null or length(detail) <= 5000),
      at timestamptz not null,
      constraint vendor_activity_one_subject check (
        case when kind in ('effort_accepted', 'effort_declined')
          then effort_request_id is not null and event_id is null
          else event_id is not null and effort_request_id is null end),
      constraint vendor_activity_not_self check (buyer_id <> vendor_id)
    )`.execute(db);
  await sql`create index vendor_activity_buyer_at_idx on vendor_activity (buyer_id, at)`.execute(db);
  await sql`
    alter table memberships
      add column activity_notices text constraint memberships_activity_notices_known check (activity_notices in ('immediate', 'daily', 'off')),
      add column activity_digest_from timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table memberships drop column activity_notices, drop column activity_digest_from`.execute(db);
  await sql`drop table vendor_activity`.execute(db);
}
