import { sql, type Kysely } from "kysely";

// Buyers hear when a vendor submits a response (app/domain/vendor-activity.ts): to an RFI or RFP
// ("responded"), or to an effort request sent to it ("effort_responded"). Before, a submitted
// response reached the buyer only if someone opened the responses page.

export async function up(db: Kysely<unknown>) {
  await sql`alter table vendor_activity drop constraint vendor_activity_kind_known`.execute(db);
  await sql`alter table vendor_activity add constraint vendor_activity_kind_known
    check (kind in ('question', 'registered', 'waitlisted', 'withdrawn', 'declined', 'responded', 'effort_accepted', 'effort_declined', 'effort_responded'))`.execute(db);
  await sql`alter table vendor_activity drop constraint vendor_activity_one_subject`.execute(db);
  await sql`alter table vendor_activity add constraint vendor_activity_one_subject check (
    case when kind in ('effort_accepted', 'effort_declined', 'effort_responded')
      then effort_request_id is not null and event_id is null
      else event_id is not null and effort_request_id is null end)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`delete from vendor_activity where kind in ('responded', 'effort_responded')`.execute(db);
  await sql`alter table vendor_activity drop constraint vendor_activity_one_subject`.execute(db);
  await sql`alter table vendor_activity add constraint vendor_activity_one_subject check (
    case when kind in ('effort_accepted', 'effort_declined')
      then effort_request_id is not null and event_id is null
      else event_id is not null and effort_request_id is null end)`.execute(db);
  await sql`alter table vendor_activity drop constraint vendor_activity_kind_known`.execute(db);
  await sql`alter table vendor_activity add constraint vendor_activity_kind_known
    check (kind in ('question', 'registered', 'waitlisted', 'withdrawn', 'declined', 'effort_accepted', 'effort_declined'))`.execute(db);
}
