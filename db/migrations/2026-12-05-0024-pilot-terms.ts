import { sql, type Kysely } from "kysely";

// Pilots that end in a decision (issue 16). A pilot, an R&D partnership, or an event whose
// contract form is an innovation partnership declares before publishing its acceptance
// criteria (what is measured, the threshold, how and by whom it is judged) and its purchase
// path: a planned procurement (quarter, estimated value, budget earmarked and its source, who
// decides), an innovation-partnership purchase option (maximum price, exercise window,
// earmarked, who decides), or "none planned". The same rules as checkPilotPath in
// app/domain/pilot.ts; the option window lying in the past is the clock's, so the domain's.
//
// Existing rows: as in 0013, the constraints are added NOT VALID and validated when no stored
// row breaks them; a published pilot from before stays readable and must be mended when next changed.

const QUARTER = `'^[0-9]{4}-Q[1-4]$'`;

/** The events that must state criteria and a purchase path (needsPilotTerms). */
const NEEDS_TERMS = `(kind in ('pilot','rnd_partnership') or contract_form is not distinct from 'innovation_partnership')`;

/** Yes or no on the money, its source when yes, and who decides (commitmentProblems). */
const COMMITMENT = `pilot_budget_earmarked is not null
  and (not pilot_budget_earmarked or visible_length(pilot_budget_source) > 0)
  and visible_length(pilot_decider_role) > 0 and visible_length(pilot_decider_organisation) > 0`;

const RULES: { name: string; holds: string }[] = [
  // næringsutvikling: success is agreed before the pilot ("acceptance_criteria_required", "criterion_part_required").
  { name: "events_pilot_has_criteria", holds: `not ${NEEDS_TERMS} or (jsonb_array_length(pilot_criteria) > 0 and pilot_criteria_complete(pilot_criteria))` },
  // næringsutvikling: what follows success ("purchase_path_required" and the plan's own fields).
  {
    name: "events_pilot_has_purchase_path",
    holds: `not ${NEEDS_TERMS} or pilot_plan = 'none_planned'
      or (pilot_plan = 'follow_on_procurement' and pilot_quarter is not null and pilot_budget_nok > 0 and ${COMMITMENT})
      or (pilot_plan = 'purchase_option' and pilot_option_max_price_nok > 0
          and pilot_option_window_from is not null and pilot_option_window_to >= pilot_option_window_from and ${COMMITMENT})`,
  },
];

const expression = (holds: string) => sql.raw(`coalesce((status = 'draft' or ${holds}), false)`);

export async function up(db: Kysely<unknown>) {
  // Every criterion has all four parts visible (CRITERION_PARTS).
  await sql`
    create function pilot_criteria_complete(criteria jsonb) returns boolean language sql immutable parallel safe as $$
      select coalesce(bool_and(
        jsonb_typeof(c) = 'object'
        and visible_length(c->>'measure') > 0 and visible_length(c->>'threshold') > 0
        and visible_length(c->>'method') > 0 and visible_length(c->>'judgedBy') > 0
      ), true)
      from jsonb_array_elements(criteria) c
    $$`.execute(db);

  await sql`alter table events drop constraint events_pilot_plan_check`.execute(db);
  await sql`alter table events drop constraint events_pilot_has_path`.execute(db);
  await sql.raw(`
    alter table events
      add constraint events_pilot_plan_check check (pilot_plan in ('follow_on_procurement','purchase_option','none_planned')),
      add column pilot_criteria jsonb not null default '[]'
        constraint events_pilot_criteria_list check (jsonb_typeof(pilot_criteria) = 'array' and jsonb_array_length(pilot_criteria) <= 10),
      add column pilot_budget_earmarked boolean,
      add column pilot_budget_source text constraint events_pilot_budget_source_length check (length(pilot_budget_source) <= 300),
      add column pilot_decider_role text constraint events_pilot_decider_role_length check (length(pilot_decider_role) <= 200),
      add column pilot_decider_organisation text constraint events_pilot_decider_organisation_length check (length(pilot_decider_organisation) <= 200),
      add column pilot_option_max_price_nok bigint constraint events_pilot_option_max_price_not_negative check (pilot_option_max_price_nok >= 0),
      add column pilot_option_window_from text constraint events_pilot_option_window_from_quarter check (pilot_option_window_from ~ ${QUARTER}),
      add column pilot_option_window_to text constraint events_pilot_option_window_to_quarter check (pilot_option_window_to ~ ${QUARTER})
  `).execute(db);

  for (const rule of RULES) {
    await sql`alter table events add constraint ${sql.id(rule.name)} check (${expression(rule.holds)}) not valid`.execute(db);
    const broken = await sql<{ n: number }>`select count(*)::int as n from events where not (${expression(rule.holds)})`.execute(db);
    if (broken.rows[0]?.n === 0) await sql`alter table events validate constraint ${sql.id(rule.name)}`.execute(db);
    else console.warn(`${rule.name}: ${broken.rows[0]?.n} stored row(s) break the rule; checked from their next change on`);
  }
}

export async function down(db: Kysely<unknown>) {
  for (const rule of RULES) await sql`alter table events drop constraint if exists ${sql.id(rule.name)}`.execute(db);
  await sql`
    alter table events
      drop column pilot_criteria, drop column pilot_budget_earmarked, drop column pilot_budget_source,
      drop column pilot_decider_role, drop column pilot_decider_organisation, drop column pilot_option_max_price_nok,
      drop column pilot_option_window_from, drop column pilot_option_window_to,
      drop constraint events_pilot_plan_check`.execute(db);
  await sql`update events set pilot_plan = null where pilot_plan = 'purchase_option'`.execute(db);
  await sql`alter table events add constraint events_pilot_plan_check check (pilot_plan in ('follow_on_procurement','none_planned'))`.execute(db);
  await sql`alter table events add constraint events_pilot_has_path check (coalesce((
    status = 'draft' or kind <> 'pilot' or pilot_plan = 'none_planned' or (
      pilot_plan = 'follow_on_procurement' and pilot_quarter is not null and pilot_budget_nok > 0
    )
  ), false))`.execute(db);
}
