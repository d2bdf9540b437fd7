import { sql, type Kysely } from "kysely";

// Value lists are written out here on purpose: a migration is a record of what
// the database enforced at that point. tests/integration/db-constraints.test.ts
// checks that they agree with the lists in app/domain/.
export async function up(db: Kysely<unknown>) {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text not null check (length(btrim(name)) between 2 and 200),
      org_number text unique check (org_number ~ '^[0-9]{9}$'),
      country char(2) not null default 'NO' check (country ~ '^[A-Z]{2}$'),
      foreign_registry_id text check (length(foreign_registry_id) between 2 and 40),
      is_buyer boolean not null default false,
      is_vendor boolean not null default false,
      buyer_sector text check (buyer_sector in ('municipality','county','health_trust','regional_health_authority','state_agency','state_enterprise','other')),
      region text check (region in ('national','oslo','rogaland','more_og_romsdal','nordland','ostfold','akershus','buskerud','innlandet','vestfold','telemark','agder','vestland','trondelag','troms','finnmark')),
      vendor_size text check (vendor_size in ('sole','micro','small','medium','large')),
      website text,
      description text,
      verification_status text not null default 'unverified' check (verification_status in ('unverified','verified','rejected')),
      verified_at timestamptz,
      created_at timestamptz not null default now(),
      constraint organisations_has_a_role check (is_buyer or is_vendor),
      constraint organisations_buyer_has_sector check (not is_buyer or buyer_sector is not null),
      constraint organisations_identified check (
        (country = 'NO' and org_number is not null) or (country <> 'NO' and foreign_registry_id is not null)
      ),
      constraint organisations_foreign_registry_unique unique (country, foreign_registry_id)
    )`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email = lower(email) and email like '%_@_%'),
      name text not null check (length(btrim(name)) between 1 and 200),
      password_hash text,
      email_verified_at timestamptz,
      language text not null default 'nb' check (language in ('nb','en')),
      is_operator boolean not null default false,
      created_at timestamptz not null default now(),
      constraint users_email_unique unique (email)
    )`.execute(db);

  await sql`
    create table memberships (
      user_id uuid not null references users(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      role text not null check (role in ('admin','member')),
      commercial_role text check (commercial_role in ('business_development_manager','key_account_manager','commercial_lead')),
      created_at timestamptz not null default now(),
      primary key (user_id, organisation_id)
    )`.execute(db);
  await sql`create index memberships_organisation_idx on memberships (organisation_id)`.execute(db);

  await sql`
    create table standards (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text not null,
      category text not null,
      description_nb text not null,
      description_en text not null,
      url text,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table events (
      id uuid primary key default gen_random_uuid(),
      buyer_id uuid not null references organisations(id),
      kind text not null check (kind in ('rfi','rfp','supplier_conference','dialogue_meeting','pilot','rnd_partnership','demand_notice')),
      status text not null default 'draft' check (status in ('draft','published','closed')),
      title text not null check (length(btrim(title)) between 3 and 200),
      description text not null default '',
      region text check (region in ('national','oslo','rogaland','more_og_romsdal','nordland','ostfold','akershus','buskerud','innlandet','vestfold','telemark','agder','vestland','trondelag','troms','finnmark')),
      registration_deadline timestamptz,
      starts_at timestamptz,
      ends_at timestamptz,
      response_deadline timestamptz,
      location text,
      online_url text,
      capacity integer check (capacity > 0),
      effort_level text not null default 'none' check (effort_level in ('none','light','significant')),
      effort_hours_per_vendor integer check (effort_hours_per_vendor >= 0),
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
      outcome text check (outcome in ('procured','not_procured','withdrawn')),
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint events_budget_range check (budget_min_nok is null or budget_max_nok is null or budget_min_nok <= budget_max_nok),
      constraint events_ends_after_start check (ends_at is null or starts_at is null or ends_at >= starts_at),
      constraint events_published_has_date check (status = 'draft' or published_at is not null)
    )`.execute(db);
  await sql`create index events_buyer_idx on events (buyer_id, status)`.execute(db);
  await sql`create index events_published_idx on events (status, registration_deadline)`.execute(db);

  await sql`
    create table event_standards (
      event_id uuid not null references events(id) on delete cascade,
      standard_id uuid not null references standards(id),
      level text not null check (level in ('required','recommended','planned')),
      applies_from date,
      primary key (event_id, standard_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["event_standards", "events", "standards", "memberships", "users", "organisations"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
