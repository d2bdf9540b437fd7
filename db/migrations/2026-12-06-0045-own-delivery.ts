import { sql, type Kysely } from "kysely";

// Issue 19, two parts that meet on the event page.
//
// 1. The sourcing advisor follows the principle text (app/domain/sourcing.ts, ADR 0022): medium
//    risk with no outside need is no longer advised in-house, medium risk with a temporary need
//    gets a hybrid or relational (project) contract instead of a market contract, high risk
//    without a lasting need is in-house, low risk is always the market, and an innovation
//    partnership counts as a short (market) contract, not the long relational form. Drafts take
//    the new advice; a published or closed event keeps the advice it was shown and gets the
//    revised advice beside it, dated, when the new table says otherwise or its chosen form now
//    departs from the advice without a reason.
// 2. Own delivery (app/domain/own-delivery.ts): the CPV areas where a buyer organisation, or a
//    named in-house provider or state enterprise linked to it, develops, operates or sells
//    solutions, and the standards it sets or owns; and the in-house cost basis an overlapping
//    event states when in-house is an option.

const notBlank = (column: string) => sql.raw(`(${column} is not null and btrim(${column}) <> '')`);

const OLD_ADVICE = sql.raw(`case sourcing_risk || '/' || sourcing_need
  when 'low/none' then 'not_covered' when 'low/temporary' then 'market_contract' when 'low/lasting' then 'market_contract'
  when 'medium/none' then 'in_house' when 'medium/temporary' then 'market_contract' when 'medium/lasting' then 'hybrid_relational'
  when 'high/none' then 'in_house' when 'high/temporary' then 'not_covered' when 'high/lasting' then 'hybrid_relational'
end`);

// The table of adviseSourcing, written out (a migration keeps the rule of its day).
const NEW_ADVICE = sql.raw(`case sourcing_risk || '/' || sourcing_need
  when 'low/none' then 'market_contract' when 'low/temporary' then 'market_contract' when 'low/lasting' then 'market_contract'
  when 'medium/none' then 'market_contract' when 'medium/temporary' then 'hybrid_relational' when 'medium/lasting' then 'hybrid_relational'
  when 'high/none' then 'in_house' when 'high/temporary' then 'in_house' when 'high/lasting' then 'hybrid_relational'
end`);

// ADVICE_FOR_FORM: the innovation partnership now follows market-contract advice.
const FORM_ADVICE = sql.raw(`case contract_form
  when 'market_contract' then 'market_contract' when 'framework_agreement' then 'market_contract'
  when 'relational_contract' then 'hybrid_relational' when 'innovation_partnership' then 'market_contract'
  when 'in_house' then 'in_house' end`);

const OLD_FORM_ADVICE = sql.raw(`case contract_form
  when 'market_contract' then 'market_contract' when 'framework_agreement' then 'market_contract'
  when 'relational_contract' then 'hybrid_relational' when 'innovation_partnership' then 'hybrid_relational'
  when 'in_house' then 'in_house' end`);

export async function up(db: Kysely<unknown>) {
  // --- 1. Sourcing advice revised ---
  await sql`
    alter table events
      add column sourcing_revised_advice text check (sourcing_revised_advice in ('market_contract','hybrid_relational','in_house')),
      add column sourcing_revised_at timestamptz,
      add constraint events_sourcing_revision_dated check ((sourcing_revised_advice is null) = (sourcing_revised_at is null)),
      drop constraint events_sourcing_advice_follows_rule,
      drop constraint events_sourcing_departure_explained`.execute(db);

  // A draft was shown to no one: it simply takes the new advice.
  await sql`update events set sourcing_advice = ${NEW_ADVICE}
    where status = 'draft' and sourcing_risk is not null and sourcing_advice is distinct from ${NEW_ADVICE}`.execute(db);
  // Vendors saw the old advice: keep it, and say beside it what the advice is now and since when.
  await sql`update events set sourcing_revised_advice = ${NEW_ADVICE}, sourcing_revised_at = now()
    where status <> 'draft' and sourcing_risk is not null and (
      sourcing_advice is distinct from ${NEW_ADVICE}
      or (contract_form is not null and ${FORM_ADVICE} <> ${NEW_ADVICE} and not ${notBlank("sourcing_reason")})
    )`.execute(db);
  // The updates queue the events table's deferred triggers; run them now, before the table is altered again.
  await sql`set constraints all immediate`.execute(db);

  // sourcingstrategi: the stored advice is the table's answer (adviseSourcing); an event revised
  // by this migration keeps the old table's answer as what it was shown, and the new one beside it.
  await sql`alter table events add constraint events_sourcing_advice_follows_rule check (coalesce((
    (sourcing_risk is null and sourcing_need is null and sourcing_advice is null and sourcing_revised_advice is null)
    or (sourcing_revised_advice is null and sourcing_advice = ${NEW_ADVICE})
    or (sourcing_revised_advice = ${NEW_ADVICE} and sourcing_advice = ${OLD_ADVICE})
  ), false))`.execute(db);

  // sourcingstrategi: against the advice the buyer says why (checkSourcingChoice); an event
  // published under the old table was judged by it, and its page says the advice was revised.
  await sql`alter table events add constraint events_sourcing_departure_explained check (coalesce((
    status = 'draft' or sourcing_advice is null or ${notBlank("sourcing_reason")}
    or (sourcing_revised_at is not null and (contract_form is null or sourcing_advice = ${OLD_FORM_ADVICE} or sourcing_revised_advice = ${FORM_ADVICE}))
    or (sourcing_revised_at is null and sourcing_advice <> 'not_covered' and (contract_form is null or sourcing_advice = ${FORM_ADVICE}))
  ), false))`.execute(db);

  // --- 2. Own delivery ---
  // The significant digits of a CPV code, never shorter than the division (cpvPrefix).
  await sql`
    create function cpv_prefix(code text) returns text language sql immutable parallel safe as $$
      select case when length(rtrim(left(code, 8), '0')) >= 2 then rtrim(left(code, 8), '0') else left(code, 2) end
    $$`.execute(db);
  // Two lists overlap when a code of one is the other's, or above or below it (cpvOverlap).
  await sql`
    create function cpv_overlaps(a text[], b text[]) returns boolean language sql immutable parallel safe as $$
      select exists (
        select 1 from unnest(a) x, unnest(b) y
        where starts_with(cpv_prefix(x), cpv_prefix(y)) or starts_with(cpv_prefix(y), cpv_prefix(x))
      )
    $$`.execute(db);
  await sql`alter function cpv_prefix(text) set search_path from current`.execute(db);
  await sql`alter function cpv_overlaps(text[], text[]) set search_path from current`.execute(db);

  await sql`
    alter table organisations
      add column own_delivery_cpv text[] not null default '{}'
        constraint organisations_own_delivery_cpv_format check (
          array_to_string(own_delivery_cpv, ',') ~ '^([0-9]{8}-[0-9](,|$))*$' and cardinality(own_delivery_cpv) <= 20
        ),
      add column own_delivery_activities text[] not null default '{}'
        constraint organisations_own_delivery_activities_known check (own_delivery_activities <@ array['develops','operates','sells']),
      add column own_delivery_provider text constraint organisations_own_delivery_provider_length check (length(own_delivery_provider) <= 200),
      add column own_delivery_standards text constraint organisations_own_delivery_standards_length check (length(own_delivery_standards) <= 1000),
      add column own_delivery_updated_at timestamptz,
      add constraint organisations_own_delivery_says_what check (cardinality(own_delivery_cpv) = 0 or cardinality(own_delivery_activities) > 0)`.execute(db);

  await sql`
    alter table events
      add column in_house_cost_basis text constraint events_in_house_cost_basis_length check (length(in_house_cost_basis) <= 4000)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table events drop column in_house_cost_basis`.execute(db);
  await sql`
    alter table organisations
      drop column own_delivery_cpv, drop column own_delivery_activities, drop column own_delivery_provider,
      drop column own_delivery_standards, drop column own_delivery_updated_at`.execute(db);
  await sql`drop function cpv_overlaps(text[], text[])`.execute(db);
  await sql`drop function cpv_prefix(text)`.execute(db);
  await sql`alter table events drop constraint events_sourcing_advice_follows_rule, drop constraint events_sourcing_departure_explained`.execute(db);
  await sql`update events set sourcing_advice = ${OLD_ADVICE} where sourcing_risk is not null`.execute(db);
  await sql`alter table events drop column sourcing_revised_advice, drop column sourcing_revised_at`.execute(db);
  await sql`alter table events add constraint events_sourcing_advice_follows_rule check (coalesce((
    (sourcing_risk is null and sourcing_need is null and sourcing_advice is null) or sourcing_advice = ${OLD_ADVICE}
  ), false))`.execute(db);
  await sql`alter table events add constraint events_sourcing_departure_explained check (coalesce((
    status = 'draft' or sourcing_advice is null or ${notBlank("sourcing_reason")} or (
      sourcing_advice <> 'not_covered' and (contract_form is null or sourcing_advice = ${OLD_FORM_ADVICE})
    )
  ), false))`.execute(db);
}
