import { sql, type Kysely } from "kysely";

// Scope, integration and cost of ownership, and the event's data protection (issue 19; ADR 0024).
// The scope step: a checklist of what the purchase covers, systems to integrate with (rows of
// system and standard), interface documentation, identity and access, whether the integration
// budget is inside the frame and how much, adaptations bidders must price, the service owner's
// role and a total-cost-of-ownership horizon. Data protection: data categories, hosting and
// transfer constraint, DPIA status, data controller, privacy decision owner (role, organisation).
//
// The CHECK constraints hold what app/domain/scope.ts and data-protection.ts refuse in any
// event, draft or not (known values, an integration budget inside the frame no larger than the
// frame, "none" alone among data categories), and, once published, that RFPs and demand notices
// declaring a purchase have filled in the step (events_scope_stated), as publishing and each
// amendment judge it.
//
// Existing rows: events published or closed before this migration are grandfathered
// (scope_grandfathered, from the new column's default as in 0042); drafts are set back. The
// older data-protection answers move into the new shape: health data → the category
// "health_data", residency Norway/EEA → the same hosting constraint, "DPIA not needed" → the
// DPIA status "not_needed". Nothing else is inferred. PostgreSQL checks a NOT VALID constraint
// (0013, 0024) on every update, so, as 0016 did, those are lifted while the rows are written and
// put back as they were.

const SCOPE_ITEMS = `array['licence','implementation','integration','support','further_development','operations','training','integrated_service']::text[]`;
const IDENTITY_ACCESS = `array['helseid','id_porten','buyer_directory','other']::text[]`;
const DATA_CATEGORIES = `array['health_data','personal_data','none']::text[]`;

export async function up(db: Kysely<unknown>) {
  await sql`
    create function scope_integrations_valid(integrations jsonb) returns boolean language sql immutable parallel safe as $$
      select coalesce(bool_and(
        jsonb_typeof(i) = 'object'
        and jsonb_typeof(i->'system') = 'string' and visible_length(i->>'system') > 0 and length(i->>'system') <= 200
        and coalesce(jsonb_typeof(i->'standard'), 'null') in ('string', 'null') and length(coalesce(i->>'standard', '')) <= 200
      ), true)
      from jsonb_array_elements(integrations) i
    $$`.execute(db);
  await sql`alter function scope_integrations_valid(jsonb) set search_path from current`.execute(db);
  await sql`
    alter table events
      add column scope_items text[] not null default '{}'
        constraint events_scope_items_known check (scope_items <@ ${sql.raw(SCOPE_ITEMS)}),
      add column scope_integrations jsonb not null default '[]'
        constraint events_scope_integrations_valid check (
          jsonb_typeof(scope_integrations) = 'array' and jsonb_array_length(scope_integrations) <= 10 and scope_integrations_valid(scope_integrations)),
      add column interface_docs text constraint events_interface_docs_check check (interface_docs in ('available','not_available')),
      add column interface_docs_url text constraint events_interface_docs_url_length check (length(interface_docs_url) <= 500),
      add column identity_access text[] not null default '{}'
        constraint events_identity_access_known check (identity_access <@ ${sql.raw(IDENTITY_ACCESS)}),
      add column identity_access_other text constraint events_identity_access_other_length check (length(identity_access_other) <= 200),
      add column integration_budget_included boolean,
      add column integration_budget_nok bigint constraint events_integration_budget_not_negative check (integration_budget_nok >= 0),
      add column adaptation_needs text constraint events_adaptation_needs_length check (length(adaptation_needs) <= 5000),
      add column service_owner_role text constraint events_service_owner_role_length check (length(service_owner_role) <= 200),
      add column tco_horizon_years smallint constraint events_tco_horizon_years_range check (tco_horizon_years between 1 and 30),
      add column scope_grandfathered boolean not null default true,
      add column data_categories text[] not null default '{}'
        constraint events_data_categories_known check (
          data_categories <@ ${sql.raw(DATA_CATEGORIES)} and ('none' <> all(data_categories) or cardinality(data_categories) = 1)),
      add column hosting_constraint text constraint events_hosting_constraint_check check (hosting_constraint in ('norway','eea','adequacy','none')),
      add column dpia_status text constraint events_dpia_status_check check (dpia_status in ('exists','planned','not_needed')),
      add column data_controller text constraint events_data_controller_length check (length(data_controller) <= 200),
      add column privacy_owner_role text constraint events_privacy_owner_role_length check (length(privacy_owner_role) <= 200),
      add column privacy_owner_organisation text constraint events_privacy_owner_organisation_length check (length(privacy_owner_organisation) <= 200)
  `.execute(db);

  const { rows: unvalidated } = await sql<{ name: string; definition: string }>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = 'events'::regclass and contype = 'c' and not convalidated`.execute(db);
  for (const c of unvalidated) await sql`alter table events drop constraint ${sql.id(c.name)}`.execute(db);
  await sql`
    update events set
      data_categories = case when health_data then array['health_data']::text[] else data_categories end,
      hosting_constraint = case when data_residency in ('norway','eea') then data_residency end,
      dpia_status = case when dpia_needed = false then 'not_needed' end
    where health_data or data_residency in ('norway','eea') or dpia_needed = false`.execute(db);
  // Drafts publish under the rule.
  await sql`update events set scope_grandfathered = false where status = 'draft'`.execute(db);
  // The updates queued the table's deferred triggers; fire them now, or the ALTER TABLE statements below are refused.
  await sql`set constraints all immediate`.execute(db);
  for (const c of unvalidated) await sql`alter table events add constraint ${sql.id(c.name)} ${sql.raw(c.definition)}`.execute(db);
  await sql`alter table events alter column scope_grandfathered set default false`.execute(db);

  // An integration budget inside the frame is no larger than the frame, and a frame holds it ("integration_budget_over_frame").
  await sql`
    alter table events add constraint events_integration_budget_within_frame check (
      integration_budget_included is not true or integration_budget_nok is null
      or (budget_max_nok is not null and integration_budget_nok <= budget_max_nok))`.execute(db);
  // "Other" identity says which, once the event is out ("identity_access_other_required").
  await sql`
    alter table events add constraint events_identity_access_other_stated check (
      coalesce(status = 'draft' or 'other' <> all(identity_access) or visible_length(identity_access_other) > 0, false))`.execute(db);
  // forutsigbarhet: RFPs and demand notices that declare a purchase fill in the scope step and
  // say who answers for personal data (checkScope, checkDataProtection: "scope_required",
  // "data_protection_required", "privacy_owner_required").
  await sql`
    alter table events add constraint events_scope_stated check (coalesce(
      status = 'draft' or scope_grandfathered
      or not (kind = 'rfp' or (kind = 'demand_notice' and expectation_status is distinct from 'none' and expectation_status is not null))
      or (cardinality(scope_items) > 0
        and integration_budget_included is not null and (not integration_budget_included or integration_budget_nok is not null)
        and visible_length(service_owner_role) > 0 and tco_horizon_years is not null
        and ('integration' <> all(scope_items)
          or (jsonb_array_length(scope_integrations) > 0 and interface_docs is not null and cardinality(identity_access) > 0))
        and cardinality(data_categories) > 0
        and (not (data_categories && array['health_data','personal_data']::text[])
          or (hosting_constraint is not null and dpia_status is not null and visible_length(data_controller) > 0
            and visible_length(privacy_owner_role) > 0 and visible_length(privacy_owner_organisation) > 0))),
      false))`.execute(db);
  await sql`create index events_integration_budget_included_idx on events (integration_budget_included) where status = 'published'`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop index if exists events_integration_budget_included_idx`.execute(db);
  await sql`alter table events drop constraint if exists events_integration_budget_within_frame, drop constraint if exists events_identity_access_other_stated, drop constraint if exists events_scope_stated`.execute(db);
  await sql`
    alter table events
      drop column scope_items, drop column scope_integrations, drop column interface_docs, drop column interface_docs_url,
      drop column identity_access, drop column identity_access_other, drop column integration_budget_included,
      drop column integration_budget_nok, drop column adaptation_needs, drop column service_owner_role,
      drop column tco_horizon_years, drop column scope_grandfathered, drop column data_categories,
      drop column hosting_constraint, drop column dpia_status, drop column data_controller,
      drop column privacy_owner_role, drop column privacy_owner_organisation
  `.execute(db);
  await sql`drop function scope_integrations_valid(jsonb)`.execute(db);
}
