import { sql, type Kysely } from "kysely";

// Watches (saved /demand filters with an e-mail digest and private feeds) and the
// standards roadmaps that buyers keep themselves, with every change kept.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table watches (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      -- The filter as /demand's query string, normalised through demand-filter.
      query text not null,
      frequency text not null,
      -- The private Atom / iCalendar feed URLs carry a secret; only its SHA-256 is kept.
      feed_token_hash text not null,
      feed_token_created_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- When the digest last looked at this watch (a daily digest goes out once per Oslo morning).
      last_digest_at timestamptz,
      constraint watches_name_length check (length(btrim(name)) between 1 and 100),
      constraint watches_query_length check (length(query) <= 2000),
      constraint watches_frequency_known check (frequency in ('immediate', 'daily')),
      constraint watches_feed_token_unique unique (feed_token_hash)
    )`.execute(db);
  await sql`create index watches_user_idx on watches (user_id, created_at)`.execute(db);

  // What each watch has told its owner about: a newly published event once, each amendment once.
  await sql`
    create table watch_deliveries (
      id bigint generated always as identity primary key,
      watch_id uuid not null references watches(id) on delete cascade,
      event_id uuid not null references events(id) on delete cascade,
      change text not null,
      amendment_id uuid references event_amendments(id) on delete cascade,
      outbox_id uuid references outbox(id) on delete set null,
      delivered_at timestamptz not null,
      constraint watch_deliveries_change_known check (change in ('published', 'amended')),
      constraint watch_deliveries_amendment_named check ((change = 'amended') = (amendment_id is not null))
    )`.execute(db);
  await sql`create unique index watch_deliveries_published_once on watch_deliveries (watch_id, event_id) where change = 'published'`.execute(db);
  await sql`create unique index watch_deliveries_amendment_once on watch_deliveries (watch_id, amendment_id) where change = 'amended'`.execute(db);
  // The digest looks for what was published or amended since a watch was made.
  await sql`create index events_published_at_idx on events (published_at) where status = 'published'`.execute(db);
  await sql`create index event_amendments_at_idx on event_amendments (at)`.execute(db);

  // A buyer's own standards roadmap: one row per standard, as it stands now …
  await sql`
    create table buyer_roadmap_entries (
      organisation_id uuid not null references organisations(id) on delete cascade,
      standard_id uuid not null references standards(id) on delete cascade,
      status text not null,
      -- implemented: since (optional); required: required from; planned: planned by.
      date date,
      note text not null default '',
      changed_at timestamptz not null,
      changed_by uuid references users(id) on delete set null,
      primary key (organisation_id, standard_id),
      constraint buyer_roadmap_status_known check (status in ('implemented', 'required', 'planned')),
      constraint buyer_roadmap_required_and_planned_are_dated check (status = 'implemented' or date is not null),
      constraint buyer_roadmap_note_length check (length(note) <= 1000)
    )`.execute(db);
  await sql`create index buyer_roadmap_entries_standard_idx on buyer_roadmap_entries (standard_id)`.execute(db);
  // … and every change to it, kept (status null: the standard was taken off the roadmap).
  await sql`
    create table buyer_roadmap_changes (
      id bigint generated always as identity primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      standard_id uuid not null references standards(id) on delete cascade,
      status text,
      date date,
      note text not null default '',
      changed_at timestamptz not null,
      changed_by uuid references users(id) on delete set null,
      constraint buyer_roadmap_change_status_known check (status is null or status in ('implemented', 'required', 'planned'))
    )`.execute(db);
  await sql`create index buyer_roadmap_changes_organisation_idx on buyer_roadmap_changes (organisation_id, changed_at)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table if exists buyer_roadmap_changes`.execute(db);
  await sql`drop table if exists buyer_roadmap_entries`.execute(db);
  await sql`drop index if exists event_amendments_at_idx`.execute(db);
  await sql`drop index if exists events_published_at_idx`.execute(db);
  await sql`drop table if exists watch_deliveries`.execute(db);
  await sql`drop table if exists watches`.execute(db);
}
