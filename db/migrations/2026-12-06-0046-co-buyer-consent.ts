import { sql, type Kysely } from "kysely";

// Joint demand with consent and shares (issue 19, ADR 0023). A lead buyer invites co-buyers;
// each invitation is invited / accepted / declined, and an organisation may ask to join an event
// that is open to join (requested, until the lead accepts or declines). Whoever accepts, or asks,
// states its share (a percentage of the combined frame, an amount in NOK within it, or a quantity
// within the expected quantity), in whole numbers, and its own expectation status. The rules live in
// app/domain/co-buyers.ts; these constraints hold what one row and the sum of percentages can say.
//
// Rows from before consent existed were published with the event as co-buyers: they migrate as
// accepted, with no answer recorded (responded_at null) and no share, and stay valid.

export async function up(db: Kysely<unknown>) {
  await sql`
    alter table event_co_buyers
      add column status text not null default 'accepted'
        constraint event_co_buyers_status_known check (status in ('requested', 'invited', 'accepted', 'declined')),
      add column share_kind text constraint event_co_buyers_share_kind_known check (share_kind in ('percent', 'budget_nok', 'quantity')),
      add column share_value bigint,
      add column expectation_status text
        constraint event_co_buyers_expectation_known check (expectation_status in ('committed', 'planned', 'uncertain', 'none')),
      add column invited_at timestamptz not null default now(),
      add column invited_by uuid references users(id) on delete set null,
      add column responded_at timestamptz,
      add column responded_by uuid references users(id) on delete set null`.execute(db);
  await sql`alter table event_co_buyers alter column status set default 'invited'`.execute(db);
  await sql`alter table event_co_buyers add constraint event_co_buyers_share_whole check ((share_kind is null) = (share_value is null))`.execute(db);
  await sql`alter table event_co_buyers add constraint event_co_buyers_share_in_range check (
    share_kind is null or (share_value > 0 and (share_kind <> 'percent' or share_value <= 100))
  )`.execute(db);
  await sql`alter table event_co_buyers add constraint event_co_buyers_open_has_no_answer check (
    status not in ('invited', 'requested') or responded_at is null
  )`.execute(db);
  await sql`alter table event_co_buyers add constraint event_co_buyers_declined_answered check (status <> 'declined' or responded_at is not null)`.execute(db);
  // An acceptance states share and expectation; a migrated row (accepted before consent, no answer recorded) need not.
  await sql`alter table event_co_buyers add constraint event_co_buyers_acceptance_declares check (
    status <> 'accepted' or responded_at is null or (share_kind is not null and expectation_status is not null)
  )`.execute(db);
  await sql`alter table event_co_buyers add constraint event_co_buyers_request_declares check (
    status <> 'requested' or (share_kind is not null and expectation_status is not null)
  )`.execute(db);
  await sql`create index event_co_buyers_open_idx on event_co_buyers (organisation_id) where status = 'invited'`.execute(db);

  // Percentages of one frame cannot add up to more than the whole (declined rows are not part of it).
  await sql`
    create function event_co_buyers_percent_within_whole() returns trigger language plpgsql as $$
    begin
      if (select coalesce(sum(share_value), 0) from event_co_buyers
          where event_id = new.event_id and share_kind = 'percent' and status <> 'declined') > 100 then
        raise exception 'co-buyer shares above 100 percent' using errcode = '23514', constraint = 'event_co_buyers_percent_within_whole';
      end if;
      return null;
    end $$`.execute(db);
  await sql`alter function event_co_buyers_percent_within_whole() set search_path from current`.execute(db);
  await sql`create constraint trigger event_co_buyers_percent_within_whole
    after insert or update on event_co_buyers deferrable initially deferred
    for each row execute function event_co_buyers_percent_within_whole()`.execute(db);

  // "Open to join until": other buyer organisations may ask to join until this day (Europe/Oslo) ends.
  await sql`alter table events add column open_to_join_until date`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table events drop column open_to_join_until`.execute(db);
  await sql`drop trigger event_co_buyers_percent_within_whole on event_co_buyers`.execute(db);
  await sql`drop function event_co_buyers_percent_within_whole()`.execute(db);
  await sql`drop index event_co_buyers_open_idx`.execute(db);
  await sql`
    alter table event_co_buyers
      drop column status, drop column share_kind, drop column share_value, drop column expectation_status,
      drop column invited_at, drop column invited_by, drop column responded_at, drop column responded_by`.execute(db);
}
