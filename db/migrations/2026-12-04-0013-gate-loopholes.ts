import { sql, type Kysely } from "kysely";

// The predictability gate's loopholes closed (issue 14): declarations that declare nothing.
// The same rules as app/domain/predictability.ts (checkPredictability), as CHECK constraints:
// a declared purchase has a budget frame above zero and a volume above zero, with an
// expected value inside the frame; text the gate asks for is not blank once white space
// and format characters are removed (visible_length, the domain's visibleLength);
// compensation for significant work with no purchase expected meets the hourly floor
// (COMPENSATION_FLOOR_NOK_PER_HOUR) or the buyer says why not (compensation_reason). Also the
// two rules 0005 left to the domain: hours are stated (hours_required) and the level is not
// understated (effort_level_too_low).
//
// Not here: the expected tender quarter is neither past nor more than 5 years ahead
// (tender_quarter_in_past, tender_quarter_beyond_horizon). Both are measured from "now",
// and a CHECK may not depend on the time it runs (it would fail a restore, or a later
// update of an unrelated column). The domain checks them when publishing and sending.
//
// Names sort after 0005's and 0008's, so that a row breaking an old rule as well is still
// refused under the old rule's name (PostgreSQL checks constraints in name order).
//
// Existing rows: each constraint is added NOT VALID (new and updated rows are checked at
// once) and then validated when no stored row breaks it. A published row from before this
// migration that breaks a rule stays readable; the next change to it must mend it.

/** Unicode white space and format characters (Cf), as JavaScript's /[\s\p{Cf}]/u (Unicode 17). */
const INVISIBLE_CLASS = String.raw`\u0009-\u000d\u0020\u00a0\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f`;

/** Same figure as COMPENSATION_FLOOR_NOK_PER_HOUR in app/domain/predictability.ts. */
const FLOOR_NOK_PER_HOUR = 500;

const SIGNIFICANT_WORK = `array['written_response','demo','workshop_series','pilot','prototype']::text[]`;

/** Significant whatever the declared level (minimumEffortLevel = 'significant'). */
const IMPLIES_SIGNIFICANT = `(coalesce(effort_hours_per_vendor, 0) > 8 or kinds_of_work && ${SIGNIFICANT_WORK})`;
/** Some effort whatever the declared level (minimumEffortLevel <> 'none'). */
const IMPLIES_EFFORT = `(coalesce(effort_hours_per_vendor, 0) > 0 or cardinality(kinds_of_work) > 0)`;

/** A purchase is declared (committed, planned, uncertain). */
const DECLARES_PURCHASE = `coalesce(expectation_status in ('committed','planned','uncertain'), false)`;

interface Rule {
  table: "events" | "effort_requests";
  name: string;
  /** The rule for a row the gate has passed; events add "or status = 'draft'". */
  holds: string;
}

function rules(table: Rule["table"]): Rule[] {
  const hours = table === "events" ? "effort_hours_per_vendor" : "hours_per_vendor";
  const significant =
    table === "events"
      ? `(effort_level = 'significant' or ${IMPLIES_SIGNIFICANT})`
      : `(hours_per_vendor > 8 or kinds_of_work && ${SIGNIFICANT_WORK})`;
  const list: Rule[] = [
    // forutsigbarhet: a frame of 0–0 NOK declares no purchase ("budget_above_zero_required").
    { table, name: "declared_budget_above_zero", holds: `not ${DECLARES_PURCHASE} or budget_max_nok > 0` },
    // forutsigbarhet: a volume of 0 declares none ("volume_required").
    {
      table,
      name: "expected_volume_above_zero",
      holds: `not ${DECLARES_PURCHASE} or coalesce(expected_value_nok, 0) > 0 or coalesce(expected_quantity, 0) > 0`,
    },
    // forutsigbarhet: the expected value lies inside the frame ("expected_value_outside_budget").
    {
      table,
      name: "expected_value_within_budget",
      holds: `not ${DECLARES_PURCHASE} or expected_value_nok is null or (expected_value_nok > 0
        and (budget_min_nok is null or expected_value_nok >= budget_min_nok)
        and (budget_max_nok is null or expected_value_nok <= budget_max_nok))`,
    },
    // forutsigbarhet: a funding source of one zero-width space names none ("funding_source_required").
    { table, name: "funding_source_visible", holds: `not ${DECLARES_PURCHASE} or visible_length(funding_source) > 0` },
    // forutsigbarhet: a quantity says what it counts ("unit_required").
    { table, name: "quantity_unit_visible", holds: `expected_quantity is null or visible_length(quantity_unit) > 0` },
    // næringsutvikling: pay in proportion to the hours, or say why not ("compensation_below_floor").
    {
      table,
      name: "significant_work_pay_meets_floor",
      holds: `expectation_status is distinct from 'none' or not ${significant}
        or compensation_nok >= ${FLOOR_NOK_PER_HOUR} * coalesce(${hours}, 0)
        or visible_length(compensation_reason) > 0`,
    },
  ];
  if (table === "events") {
    list.push(
      // forutsigbarhet: any effort states its hours per vendor ("hours_required").
      {
        table,
        name: "hours_stated_for_effort",
        holds: `(effort_level = 'none' and not ${IMPLIES_EFFORT}) or effort_hours_per_vendor is not null`,
      },
      // forutsigbarhet: the declared level is not below what hours and work imply ("effort_level_too_low").
      {
        table,
        name: "stated_level_covers_work",
        holds: `effort_level = 'significant' or (not ${IMPLIES_SIGNIFICANT} and (effort_level = 'light' or not ${IMPLIES_EFFORT}))`,
      },
      // kontraktsvalg: the 30 characters of a short contract's justification are visible ones
      // (replaces the white-space-only count of 0005's events_short_contract_justified).
      {
        table,
        name: "short_contract_justified",
        holds: `contract_base_months is null or contract_horizon_months is null
          or contract_base_months + coalesce(contract_option_months, 0) >= contract_horizon_months
          or visible_length(contract_justification) >= 30`,
      },
    );
  } else {
    // A request's title is read by vendors in their inbox.
    list.push({ table, name: "title_visible", holds: `visible_length(title) > 0` });
  }
  return list;
}

const ALL_RULES = [...rules("events"), ...rules("effort_requests")];

function constraintName(rule: Rule) {
  return `${rule.table}_${rule.name}`;
}

/** As in 0005: drafts may be incomplete, and a NULL never passes for a rule held. */
function expression(rule: Rule) {
  const draft = rule.table === "events" ? "status = 'draft' or " : "";
  return sql.raw(`coalesce((${draft}${rule.holds}), false)`);
}

export async function up(db: Kysely<unknown>) {
  await sql.raw(`
    create function visible_length(value text) returns integer language sql immutable parallel safe
    as $$ select length(regexp_replace(coalesce(value, ''), '[${INVISIBLE_CLASS}]', '', 'g')) $$`).execute(db);

  for (const table of ["events", "effort_requests"]) {
    await sql`alter table ${sql.table(table)} add column compensation_reason text
      constraint ${sql.id(`${table}_compensation_reason_length`)} check (length(compensation_reason) <= 2000)`.execute(db);
  }
  await sql`alter table events drop constraint events_short_contract_justified`.execute(db);

  for (const rule of ALL_RULES) {
    const name = sql.id(constraintName(rule));
    await sql`alter table ${sql.table(rule.table)} add constraint ${name} check (${expression(rule)}) not valid`.execute(db);
    const broken = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(rule.table)} where not (${expression(rule)})`.execute(db);
    if (broken.rows[0]?.n === 0) await sql`alter table ${sql.table(rule.table)} validate constraint ${name}`.execute(db);
    else console.warn(`${constraintName(rule)}: ${broken.rows[0]?.n} stored row(s) break the rule; checked from their next change on`);
  }
}

export async function down(db: Kysely<unknown>) {
  for (const rule of ALL_RULES) {
    await sql`alter table ${sql.table(rule.table)} drop constraint if exists ${sql.id(constraintName(rule))}`.execute(db);
  }
  await sql`alter table events add constraint events_short_contract_justified check (coalesce((
    status = 'draft'
    or contract_base_months is null or contract_horizon_months is null
    or contract_base_months + coalesce(contract_option_months, 0) >= contract_horizon_months
    or length(regexp_replace(coalesce(contract_justification, ''), '[[:space:]]', '', 'g')) >= 30
  ), false))`.execute(db);
  for (const table of ["events", "effort_requests"]) {
    await sql`alter table ${sql.table(table)} drop column if exists compensation_reason`.execute(db);
  }
  await sql`drop function if exists visible_length(text)`.execute(db);
}
