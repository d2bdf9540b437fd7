import { sql, type Kysely } from "kysely";

// The rest of an event (contract, sourcing, IP, data protection, pilot path, outcome),
// its co-buyers, amendments and blocked publish attempts; and the rules of app/domain
// as CHECK constraints, so that no code path (not even raw SQL) stores a published or
// closed event that breaks them. Drafts may be incomplete: every rule starts with
// `status = 'draft' or`. Value lists are written out, as in 0001.
//
// A database created before this migration whose published rows break a rule will
// refuse the migration, naming the constraint: that is the rule holding, not a bug.

/** Effort the domain counts as significant whatever the declared level (minimumEffortLevel). */
const SIGNIFICANT_EFFORT = sql.raw(`(
  effort_level = 'significant'
  or coalesce(effort_hours_per_vendor, 0) > 8
  or kinds_of_work && array['written_response','demo','workshop_series','pilot','prototype']::text[]
)`);

/** Any effort at all (effectiveEffortLevel <> 'none'). */
const ANY_EFFORT = sql.raw(`(
  effort_level <> 'none'
  or coalesce(effort_hours_per_vendor, 0) > 0
  or cardinality(kinds_of_work) > 0
)`);

const notBlank = (column: string) => sql.raw(`(${column} is not null and btrim(${column}) <> '')`);

// A CHECK passes when its expression is NULL. Every rule below is wrapped in
// coalesce(…, false) so that a missing value counts as breaking it, never as passing.

export async function up(db: Kysely<unknown>) {
  await sql`
    alter table events
      add column kinds_of_work text[] not null default '{}'
        check (kinds_of_work <@ array['attend_meeting','short_written_input','written_response','demo','workshop_series','pilot','prototype']::text[]),
      add column cpv_codes text[] not null default '{}'
        check (array_to_string(cpv_codes, ',') ~ '^([0-9]{8}-[0-9](,|$))*$'),
      add column contract_form text
        check (contract_form in ('market_contract','relational_contract','framework_agreement','innovation_partnership','in_house')),
      add column contract_base_months integer check (contract_base_months > 0),
      add column contract_option_months integer check (contract_option_months >= 0),
      add column contract_horizon_months integer check (contract_horizon_months > 0),
      add column contract_justification text,
      add column sourcing_risk text check (sourcing_risk in ('low','medium','high')),
      add column sourcing_need text check (sourcing_need in ('none','temporary','lasting')),
      add column sourcing_advice text check (sourcing_advice in ('market_contract','hybrid_relational','in_house','not_covered')),
      add column sourcing_reason text,
      add column ip_terms text,
      add column health_data boolean,
      add column data_residency text check (data_residency in ('norway','eea','other')),
      add column cloud_allowed boolean,
      add column dpia_needed boolean,
      add column pilot_plan text check (pilot_plan in ('follow_on_procurement','none_planned')),
      add column pilot_quarter text check (pilot_quarter ~ '^[0-9]{4}-Q[1-4]$'),
      add column pilot_budget_nok bigint check (pilot_budget_nok >= 0),
      add column closed_at timestamptz,
      add column outcome_recorded_at timestamptz,
      add column outcome_contract_value_nok bigint check (outcome_contract_value_nok >= 0),
      add column outcome_contract_date date,
      add column outcome_notice_reference text,
      add column outcome_winner_id uuid references organisations(id) on delete set null,
      add column outcome_not_procured_reason text
        check (outcome_not_procured_reason in ('in_house','budget_withdrawn','no_suitable_solution','postponed','cancelled')),
      add column outcome_withdrawn_reason text
  `.execute(db);
  await sql`create index events_cpv_codes_idx on events using gin (cpv_codes)`.execute(db);

  // --- The predictability gate (app/domain/predictability.ts, checkPredictability) ---

  // forutsigbarhet: effort above none requires a declared purchase expectation ("expectation_required").
  await sql`alter table events add constraint events_effort_requires_expectation check (coalesce((
    status = 'draft' or expectation_status is not null or not ${ANY_EFFORT}
  ), false))`.execute(db);

  // forutsigbarhet: every status but none carries budget frame, funding source, value or
  // quantity, and tender quarter (budget_required, funding_source_required, volume_required,
  // tender_quarter_required).
  await sql`alter table events add constraint events_expectation_declared check (coalesce((
    status = 'draft' or expectation_status is null or expectation_status = 'none' or (
      budget_min_nok is not null and budget_max_nok is not null
      and ${notBlank("funding_source")}
      and (expected_value_nok is not null or expected_quantity is not null)
      and expected_tender_quarter is not null
    )
  ), false))`.execute(db);

  // forutsigbarhet: a quantity says what it counts ("unit_required").
  await sql`alter table events add constraint events_quantity_has_unit check (coalesce((
    status = 'draft' or expected_quantity is null or ${notBlank("quantity_unit")}
  ), false))`.execute(db);

  // næringsutvikling: significant effort with no purchase expected is paid for ("compensation_required").
  await sql`alter table events add constraint events_none_significant_requires_compensation check (coalesce((
    status = 'draft' or expectation_status is distinct from 'none' or not ${SIGNIFICANT_EFFORT} or compensation_nok > 0
  ), false))`.execute(db);

  // forutsigbarhet: a demand notice asks no effort (checkPublishable, "demand_notice_asks_no_effort").
  await sql`alter table events add constraint events_demand_notice_no_effort check (coalesce((
    status = 'draft' or kind <> 'demand_notice' or not ${ANY_EFFORT}
  ), false))`.execute(db);

  // --- Contract, sourcing, pilot (contract.ts, sourcing.ts, pilot.ts) ---

  // kontraktsvalg: base + options shorter than the horizon needs a justification of at least
  // 30 non-space characters (checkContractDuration, JUSTIFICATION_MIN_CHARACTERS).
  await sql`alter table events add constraint events_short_contract_justified check (coalesce((
    status = 'draft'
    or contract_base_months is null or contract_horizon_months is null
    or contract_base_months + coalesce(contract_option_months, 0) >= contract_horizon_months
    or length(regexp_replace(coalesce(contract_justification, ''), '[[:space:]]', '', 'g')) >= 30
  ), false))`.execute(db);

  // sourcingstrategi: risk and need are answered together, and the stored advice is the
  // table's answer to them (adviseSourcing).
  await sql`alter table events add constraint events_sourcing_advice_follows_rule check (coalesce((
    (sourcing_risk is null and sourcing_need is null and sourcing_advice is null) or
    sourcing_advice = case sourcing_risk || '/' || sourcing_need
      when 'low/none' then 'not_covered' when 'low/temporary' then 'market_contract' when 'low/lasting' then 'market_contract'
      when 'medium/none' then 'in_house' when 'medium/temporary' then 'market_contract' when 'medium/lasting' then 'hybrid_relational'
      when 'high/none' then 'in_house' when 'high/temporary' then 'not_covered' when 'high/lasting' then 'hybrid_relational'
    end
  ), false))`.execute(db);

  // sourcingstrategi: past the rule's edge, or against its advice, the buyer says why
  // (checkSourcingChoice, "sourcing_reason_required").
  await sql`alter table events add constraint events_sourcing_departure_explained check (coalesce((
    status = 'draft' or sourcing_advice is null or ${notBlank("sourcing_reason")} or (
      sourcing_advice <> 'not_covered' and (contract_form is null or sourcing_advice = case contract_form
        when 'market_contract' then 'market_contract' when 'framework_agreement' then 'market_contract'
        when 'relational_contract' then 'hybrid_relational' when 'innovation_partnership' then 'hybrid_relational'
        when 'in_house' then 'in_house' end)
    )
  ), false))`.execute(db);

  // næringsutvikling: a pilot states its path to purchase, with quarter and budget when
  // one is planned (checkPilotPath).
  await sql`alter table events add constraint events_pilot_has_path check (coalesce((
    status = 'draft' or kind <> 'pilot' or pilot_plan = 'none_planned' or (
      pilot_plan = 'follow_on_procurement' and pilot_quarter is not null and pilot_budget_nok > 0
    )
  ), false))`.execute(db);

  // --- Lifecycle: draft → published → closed → outcome ---
  await sql`alter table events add constraint events_closed_has_date check (coalesce(status <> 'closed' or closed_at is not null, false))`.execute(db);
  await sql`alter table events add constraint events_outcome_only_when_closed check (coalesce(outcome is null or status = 'closed', false))`.execute(db);
  await sql`alter table events add constraint events_outcome_has_date check (coalesce((outcome is null) = (outcome_recorded_at is null), false))`.execute(db);
  await sql`alter table events add constraint events_procured_has_contract check (coalesce((
    outcome is distinct from 'procured' or (outcome_contract_value_nok is not null and outcome_contract_date is not null)
  ), false))`.execute(db);
  await sql`alter table events add constraint events_not_procured_has_reason check (coalesce((
    outcome is distinct from 'not_procured' or outcome_not_procured_reason is not null
  ), false))`.execute(db);
  await sql`alter table events add constraint events_withdrawn_has_reason check (coalesce((
    outcome is distinct from 'withdrawn' or ${notBlank("outcome_withdrawn_reason")}
  ), false))`.execute(db);
  await sql`create index events_needs_outcome_idx on events (buyer_id, closed_at) where status = 'closed' and outcome is null`.execute(db);

  await sql`
    create table event_co_buyers (
      event_id uuid not null references events(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      primary key (event_id, organisation_id)
    )`.execute(db);
  await sql`create index event_co_buyers_organisation_idx on event_co_buyers (organisation_id)`.execute(db);

  // Every change to a published event, with its reason: the public change log.
  await sql`
    create table event_amendments (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      at timestamptz not null default now(),
      by_user_id uuid references users(id) on delete set null,
      reason text not null check (length(btrim(reason)) between 1 and 2000),
      changes jsonb not null check (jsonb_typeof(changes) = 'array' and jsonb_array_length(changes) > 0)
    )`.execute(db);
  await sql`create index event_amendments_event_idx on event_amendments (event_id, at)`.execute(db);

  // Every refused publish, per buyer, for the scorecard.
  await sql`
    create table blocked_publish_attempts (
      id bigint generated always as identity primary key,
      buyer_id uuid not null references organisations(id) on delete cascade,
      event_id uuid references events(id) on delete set null,
      by_user_id uuid references users(id) on delete set null,
      at timestamptz not null default now(),
      codes text[] not null check (cardinality(codes) > 0)
    )`.execute(db);
  await sql`create index blocked_publish_attempts_buyer_idx on blocked_publish_attempts (buyer_id, at)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["blocked_publish_attempts", "event_amendments", "event_co_buyers"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  for (const constraint of [
    "events_effort_requires_expectation",
    "events_expectation_declared",
    "events_quantity_has_unit",
    "events_none_significant_requires_compensation",
    "events_demand_notice_no_effort",
    "events_short_contract_justified",
    "events_sourcing_advice_follows_rule",
    "events_sourcing_departure_explained",
    "events_pilot_has_path",
    "events_closed_has_date",
    "events_outcome_only_when_closed",
    "events_outcome_has_date",
    "events_procured_has_contract",
    "events_not_procured_has_reason",
    "events_withdrawn_has_reason",
  ]) {
    await sql`alter table events drop constraint if exists ${sql.raw(constraint)}`.execute(db);
  }
  await sql`drop index if exists events_needs_outcome_idx`.execute(db);
  await sql`drop index if exists events_cpv_codes_idx`.execute(db);
  await sql`
    alter table events
      drop column kinds_of_work, drop column cpv_codes, drop column contract_form, drop column contract_base_months,
      drop column contract_option_months, drop column contract_horizon_months, drop column contract_justification,
      drop column sourcing_risk, drop column sourcing_need, drop column sourcing_advice, drop column sourcing_reason,
      drop column ip_terms, drop column health_data, drop column data_residency, drop column cloud_allowed,
      drop column dpia_needed, drop column pilot_plan, drop column pilot_quarter, drop column pilot_budget_nok,
      drop column closed_at, drop column outcome_recorded_at, drop column outcome_contract_value_nok,
      drop column outcome_contract_date, drop column outcome_notice_reference, drop column outcome_winner_id,
      drop column outcome_not_procured_reason, drop column outcome_withdrawn_reason
  `.execute(db);
}
