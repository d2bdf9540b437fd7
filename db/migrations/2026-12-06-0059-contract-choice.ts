import { sql, type Kysely } from "kysely";

// The contract-choice rule done properly (issue 15, principle 2; app/domain/contract.ts, ADR 0030).
//
// - RFPs, demand notices that declare a purchase, and innovation partnerships state the contract
//   form, the base period and the need's horizon once published ("contract_form_required",
//   "base_period_required", "horizon_required").
// - Shortness is judged by the guaranteed base period, options left out: a base period shorter
//   than the need's horizon, or than the vendors' depreciation period (the new, optional
//   contract_depreciation_months), is justified in 30 visible characters ("justification_required").
//   0013's events_short_contract_justified (base plus options against the horizon) stays: the new
//   rule implies it, and it is what still holds of a grandfathered row.
// - Two more contract forms: project contract and strategic alliance; the sourcing advice they
//   follow (ADVICE_FOR_FORM: both hybrid or relational) joins 0045's events_sourcing_departure_explained.
//
// Existing rows: an event published or closed before this migration that breaks the new rule is
// grandfathered (contract_choice_grandfathered): nothing is required of it and its horizon is met
// by base plus options, as when it was published; depreciation, new here, is judged by the base
// period all the same. Rows that meet the rule are not grandfathered and stay under it. As in
// 0047, constraints not yet validated are lifted while the rows are marked and put back as they were.

const FORMS = `'market_contract','framework_agreement','project_contract','relational_contract','strategic_alliance','innovation_partnership','in_house'`;
const OLD_FORMS = `'market_contract','relational_contract','framework_agreement','innovation_partnership','in_house'`;

/** Same test as requiresContractChoice. */
const REQUIRES = `(kind = 'rfp'
  or (kind = 'demand_notice' and coalesce(expectation_status in ('committed','planned','uncertain'), false))
  or contract_form is not distinct from 'innovation_partnership')`;

/** checkContractChoice for a row the gate has passed (drafts and grandfathering aside). */
const STATED = `(not ${REQUIRES} or (contract_form is not null and contract_base_months is not null and contract_horizon_months is not null))`;
const BASE_COVERS_HORIZON = `(contract_base_months is null or contract_horizon_months is null
  or contract_base_months >= contract_horizon_months or visible_length(contract_justification) >= 30)`;
const BASE_COVERS_DEPRECIATION = `(contract_base_months is null or contract_depreciation_months is null
  or contract_base_months >= contract_depreciation_months or visible_length(contract_justification) >= 30)`;

const CONTRACT_CHOICE = sql.raw(`coalesce((status = 'draft' or (
  (contract_choice_grandfathered or (${STATED} and ${BASE_COVERS_HORIZON})) and ${BASE_COVERS_DEPRECIATION}
)), false)`);

/** What a row must meet not to be grandfathered. */
const MEETS_NEW_RULE = sql.raw(`(${STATED} and ${BASE_COVERS_HORIZON})`);

const notBlank = (column: string) => `(${column} is not null and btrim(${column}) <> '')`;

// 0045's ADVICE_FOR_FORM case expressions, and with the two new forms (both hybrid or relational).
const formAdvice = (innovationPartnership: string, newForms: boolean) =>
  `case contract_form
  when 'market_contract' then 'market_contract' when 'framework_agreement' then 'market_contract'
  when 'relational_contract' then 'hybrid_relational' when 'innovation_partnership' then '${innovationPartnership}'
  when 'in_house' then 'in_house'${newForms ? ` when 'project_contract' then 'hybrid_relational' when 'strategic_alliance' then 'hybrid_relational'` : ""} end`;
const departureExplained = (newForms: boolean) => {
  const form = formAdvice("market_contract", newForms);
  const oldForm = formAdvice("hybrid_relational", newForms);
  return sql.raw(`coalesce((
    status = 'draft' or sourcing_advice is null or ${notBlank("sourcing_reason")}
    or (sourcing_revised_at is not null and (contract_form is null or sourcing_advice = ${oldForm} or sourcing_revised_advice = ${form}))
    or (sourcing_revised_at is null and sourcing_advice <> 'not_covered' and (contract_form is null or sourcing_advice = ${form}))
  ), false)`);
};

export async function up(db: Kysely<unknown>) {
  await sql`
    alter table events
      add column contract_depreciation_months integer
        constraint events_contract_depreciation_months_check check (contract_depreciation_months > 0),
      add column contract_choice_grandfathered boolean not null default false,
      drop constraint events_contract_form_check,
      add constraint events_contract_form_check check (contract_form in (${sql.raw(FORMS)})),
      drop constraint events_sourcing_departure_explained,
      add constraint events_sourcing_departure_explained check (${departureExplained(true)})`.execute(db);

  const { rows: unvalidated } = await sql<{ name: string; definition: string }>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = 'events'::regclass and contype = 'c' and not convalidated`.execute(db);
  for (const c of unvalidated) await sql`alter table events drop constraint ${sql.id(c.name)}`.execute(db);
  await sql`update events set contract_choice_grandfathered = true where status <> 'draft' and not ${MEETS_NEW_RULE}`.execute(db);
  // The update queued the table's deferred triggers; fire them now, or the ALTER TABLE statements below are refused.
  await sql`set constraints all immediate`.execute(db);
  for (const c of unvalidated) await sql`alter table events add constraint ${sql.id(c.name)} ${sql.raw(c.definition)}`.execute(db);

  // kontraktsvalg: stated where the purchase is near, and a short base period justified
  // ("contract_form_required", "base_period_required", "horizon_required", "justification_required").
  await sql`alter table events add constraint events_contract_choice check (${CONTRACT_CHOICE})`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table events drop constraint events_contract_choice`.execute(db);
  // The old list has no room for the two new forms: those events go back to no form stated.
  await sql`update events set contract_form = null where contract_form in ('project_contract', 'strategic_alliance')`.execute(db);
  await sql`set constraints all immediate`.execute(db);
  await sql`
    alter table events
      drop constraint events_sourcing_departure_explained,
      add constraint events_sourcing_departure_explained check (${departureExplained(false)}),
      drop constraint events_contract_form_check,
      add constraint events_contract_form_check check (contract_form in (${sql.raw(OLD_FORMS)})),
      drop column contract_depreciation_months,
      drop column contract_choice_grandfathered`.execute(db);
}
