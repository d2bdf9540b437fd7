import { sql, type Kysely } from "kysely";

// Issue 19, two parts (ADR 0025).
// 1. The standards catalogue says where each standard comes from (international, Nordic,
//    Norway-specific) and its status in the Directorate's reference catalogue (mandatory,
//    recommended, under consideration, none). Vendors say per standard whether they support
//    it today, plan it for a quarter, or not: vendor_standards (a row meant "supports") gets a
//    readiness, existing rows stay "supported". The same rules as readinessProblems in
//    app/domain/standard-readiness.ts; a quarter in the past is the form's rule (time moves).
// 2. Who pays and who benefits on events (app/domain/cost-benefit.ts): parties are a buyer
//    organisation or a sector, cost owners carry an optional whole-percent share, and shares,
//    when given, are given for every payer and sum to 100.

// Known facts for the seeded catalogue, by code (an operator corrects the rest).
const NORWEGIAN = ["no-basis-fhir", "kodeverk-volven", "e-resept", "pleie-og-omsorgsmeldinger", "normen", "helseid"];
const MANDATORY = ["icd-10", "icpc-2", "e-resept", "pleie-og-omsorgsmeldinger", "kodeverk-volven"];
const RECOMMENDED = ["hl7-fhir-r4", "snomed-ct", "ihe-xds", "helseid", "dicom"];
const UNDER_CONSIDERATION = ["no-basis-fhir"];

export async function up(db: Kysely<unknown>) {
  await sql`
    alter table standards
      add column origin text not null default 'international'
        constraint standards_origin_known check (origin in ('international','nordic','norwegian')),
      add column national_status text not null default 'none'
        constraint standards_national_status_known check (national_status in ('mandatory','recommended','under_consideration','none'))`.execute(db);
  await sql`update standards set origin = 'norwegian' where code in (${sql.join(NORWEGIAN)})`.execute(db);
  await sql`update standards set national_status = 'mandatory' where code in (${sql.join(MANDATORY)})`.execute(db);
  await sql`update standards set national_status = 'recommended' where code in (${sql.join(RECOMMENDED)})`.execute(db);
  await sql`update standards set national_status = 'under_consideration' where code in (${sql.join(UNDER_CONSIDERATION)})`.execute(db);

  await sql`
    alter table vendor_standards
      add column readiness text not null default 'supported'
        constraint vendor_standards_readiness_known check (readiness in ('supported','planned','not_supported')),
      add column planned_quarter text
        constraint vendor_standards_planned_has_quarter check (
          (readiness = 'planned') = (planned_quarter is not null) and (planned_quarter is null or planned_quarter ~ '^[0-9]{4}-Q[1-4]$')
        ),
      add column updated_at timestamptz not null default now()`.execute(db);
  await sql`create index vendor_standards_standard_idx on vendor_standards (standard_id, readiness)`.execute(db);

  await sql`
    create function cost_benefit_party_valid(party jsonb, with_share boolean) returns boolean language sql immutable parallel safe as $$
      select jsonb_typeof(party) = 'object'
        and ((party->>'organisationId') is null) <> ((party->>'sector') is null)
        and (party->>'organisationId' is null or party->>'organisationId' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
        and (party->>'sector' is null or party->>'sector' in ('municipality','county','health_trust','regional_health_authority','state_agency','state_enterprise','other'))
        and case jsonb_typeof(party->'sharePercent')
              when 'number' then with_share and (party->>'sharePercent')::numeric between 1 and 100
                and (party->>'sharePercent')::numeric = trunc((party->>'sharePercent')::numeric)
              when 'null' then true
              else party->'sharePercent' is null
            end
    $$`.execute(db);
  await sql`
    create function cost_benefit_valid(cb jsonb) returns boolean language sql immutable parallel safe as $$
      select jsonb_typeof(cb) = 'object'
        and jsonb_typeof(cb->'costOwners') = 'array' and jsonb_typeof(cb->'benefitOwners') = 'array'
        and jsonb_array_length(cb->'costOwners') between 1 and 5
        and jsonb_array_length(cb->'benefitOwners') between 1 and 5
        and (select bool_and(cost_benefit_party_valid(p, true)) from jsonb_array_elements(cb->'costOwners') p)
        and (select bool_and(cost_benefit_party_valid(p, false)) from jsonb_array_elements(cb->'benefitOwners') p)
        and (
          select case
            when count(*) filter (where jsonb_typeof(p->'sharePercent') = 'number') = 0 then count(*) = 1
            else count(*) filter (where jsonb_typeof(p->'sharePercent') = 'number') = count(*)
              and sum((p->>'sharePercent')::numeric) filter (where jsonb_typeof(p->'sharePercent') = 'number') = 100
          end
          from jsonb_array_elements(cb->'costOwners') p
        )
    $$`.execute(db);
  // As 0030: the CHECK's functions keep the search_path they were created under.
  await sql`alter function cost_benefit_party_valid(jsonb, boolean) set search_path from current`.execute(db);
  await sql`alter function cost_benefit_valid(jsonb) set search_path from current`.execute(db);
  await sql`
    alter table events
      add column cost_benefit jsonb
        constraint events_cost_benefit_valid check (cost_benefit is null or cost_benefit_valid(cost_benefit))`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table events drop column cost_benefit`.execute(db);
  await sql`drop function cost_benefit_valid(jsonb)`.execute(db);
  await sql`drop function cost_benefit_party_valid(jsonb, boolean)`.execute(db);
  await sql`drop index vendor_standards_standard_idx`.execute(db);
  await sql`alter table vendor_standards drop column readiness, drop column planned_quarter, drop column updated_at`.execute(db);
  await sql`alter table standards drop column origin, drop column national_status`.execute(db);
}
