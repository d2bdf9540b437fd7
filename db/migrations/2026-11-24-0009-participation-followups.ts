import { sql, type Kysely } from "kysely";

// Vendors take part, the rest of issue 5: refused effort requests are counted like
// refused publishes, the effort-report reminder is sent once, and the buyer's cap on
// attendees per vendor holds whatever code path writes a registration.

export async function up(db: Kysely<unknown>) {
  // forutsigbarhet: a refused effort request is a blocked attempt too (the scorecard counts both).
  await sql`alter table blocked_publish_attempts add column subject text not null default 'event'
    constraint blocked_publish_attempts_subject check (subject in ('event', 'effort_request'))`.execute(db);

  // When the reminder to report effort spent went out: once per registration or request recipient.
  await sql`alter table registrations add column effort_reminder_sent_at timestamptz`.execute(db);
  await sql`alter table effort_request_recipients add column effort_reminder_sent_at timestamptz`.execute(db);
  await sql`create index registrations_effort_reminder_due_idx on registrations (event_id)
    where status = 'registered' and effort_reminder_sent_at is null`.execute(db);

  // An after-row trigger fires at the end of the statement, so a multi-row insert is
  // counted whole; the error is a check violation like any other constraint.
  await sql`
    create function registration_attendees_within_limit() returns trigger language plpgsql as $$
    declare
      attendee_limit integer;
      attendee_count integer;
    begin
      select e.attendee_limit_per_vendor into attendee_limit
        from registrations r join events e on e.id = r.event_id where r.id = new.registration_id;
      if attendee_limit is null then return null; end if;
      select count(*) into attendee_count from registration_attendees where registration_id = new.registration_id;
      if attendee_count > attendee_limit then
        raise exception 'registration_attendees: more attendees than the event allows per vendor'
          using errcode = 'check_violation', constraint = 'registration_attendees_within_limit';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger registration_attendees_within_limit after insert on registration_attendees
    for each row execute function registration_attendees_within_limit()`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop trigger if exists registration_attendees_within_limit on registration_attendees`.execute(db);
  await sql`drop function if exists registration_attendees_within_limit()`.execute(db);
  await sql`drop index if exists registrations_effort_reminder_due_idx`.execute(db);
  await sql`alter table effort_request_recipients drop column if exists effort_reminder_sent_at`.execute(db);
  await sql`alter table registrations drop column if exists effort_reminder_sent_at`.execute(db);
  await sql`alter table blocked_publish_attempts drop column if exists subject`.execute(db);
}
