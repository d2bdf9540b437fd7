import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { Db } from "@db/client";
import { isUuid } from "~/domain/ids";
import type { InstantCursor } from "~/domain/instant-cursor";
import type { EffortLevel, ExpectationStatus, NotProcuredReason, Outcome } from "~/domain/events";
import type { PilotPlan } from "~/domain/pilot";
import type { PilotDecision } from "~/domain/pilot-exit";
import { cpvDivisionEntry } from "~/domain/cpv";
import type { ShareKind } from "~/domain/co-buyers";
import { addQuarters } from "~/domain/quarters";
import { computeScorecard, emptyFacts, windowBounds, type ConcernState, type ProcuredValueSource, type Scorecard, type ScorecardFacts, type ScorecardWindow } from "~/domain/scorecard";
import { quarterlyTrend, type QuarterFigures } from "~/domain/scorecard-trend";
import { ownDeliveryOfRow } from "./own-delivery.server";
import { zonedLocalToIso } from "~/domain/zoned-time";
import { contractFormMix, type ContractFormMix } from "~/domain/contract-mix";

// The facts behind the public scorecards, read in a handful of grouped queries (one per
// figure, never one per event) and handed to app/domain/scorecard.ts. The same queries
// serve one buyer (`/buyers/:id`) and all buyers grouped by sector or region (`/insights`).

export type ScorecardGrouping = "sector" | "region";
export type ScorecardScope = { buyerId: string } | { groupBy: ScorecardGrouping };

/** The group a buyer falls in: its id, its sector or its region (organisations as `b`). */
function groupKey(scope: ScorecardScope): RawBuilder<string> {
  if ("buyerId" in scope) return sql<string>`b.id::text`;
  return scope.groupBy === "sector" ? sql<string>`coalesce(b.buyer_sector, 'other')` : sql<string>`coalesce(b.region, 'none')`;
}

function inScope(scope: ScorecardScope): RawBuilder<boolean> {
  return "buyerId" in scope ? sql<boolean>`b.is_buyer and b.id = ${scope.buyerId}::uuid` : sql<boolean>`b.is_buyer`;
}

const oslo = (column: RawBuilder<unknown>) => sql`(${column} at time zone 'Europe/Oslo')`;
const monthOfColumn = (column: RawBuilder<unknown>) => sql<string>`to_char(${oslo(column)}, 'YYYY-MM')`;

/** The first instant of the window's first month, in Oslo. */
function windowStart(bounds: { firstMonth: string }): Date {
  return new Date(zonedLocalToIso(`${bounds.firstMonth}-01T00:00`)!);
}

interface Keyed {
  key: string;
}

/** Every fact of the scorecard for the window, per group key. */
export async function loadScorecardFacts(db: Db, scope: ScorecardScope, months: ScorecardWindow, now = new Date()): Promise<Map<string, ScorecardFacts>> {
  const bounds = windowBounds(now, months);
  const since = windowStart(bounds);
  const key = groupKey(scope);
  const scoped = inScope(scope);
  const ev = (column: string) => sql.ref(`e.${column}`);

  const [outcomes, effort, expectations, procuredValues, notProcured, requested, requestedDirect, reported, procured, pilots, contracts, answers, blocked, published, concerns, conduct, joint] =
    await Promise.all([
      sql<Keyed & { month: string; inHouse: boolean; count: number }>`
        select ${key} as key, ${monthOfColumn(ev("outcome_recorded_at"))} as month,
          (e.outcome = 'not_procured' and e.outcome_not_procured_reason = 'in_house') as in_house, count(*)::int as count
        from events e join organisations b on b.id = e.buyer_id
        where ${scoped} and e.outcome is not null and e.outcome_recorded_at >= ${since}
        group by 1, 2, 3`.execute(db),
      sql<Keyed & { month: string; effortLevel: EffortLevel; expectationStatus: ExpectationStatus | null; count: number }>`
        select ${key} as key, ${monthOfColumn(ev("published_at"))} as month, e.effort_level, e.expectation_status, count(*)::int as count
        from events e join organisations b on b.id = e.buyer_id
        where ${scoped} and e.published_at >= ${since} and e.effort_level <> 'none'
        group by 1, 2, 3, 4`.execute(db),
      sql<Keyed & { status: ExpectationStatus; declaredQuarter: string; outcome: Outcome | null; contractQuarter: string | null; count: number }>`
        select ${key} as key, e.expectation_status as status, e.expected_tender_quarter as declared_quarter, e.outcome,
          to_char(e.outcome_contract_date, 'YYYY-"Q"Q') as contract_quarter, count(*)::int as count
        from events e join organisations b on b.id = e.buyer_id
        where ${scoped} and e.published_at is not null and e.expectation_status in ('committed', 'planned', 'uncertain')
          and e.expected_tender_quarter between ${bounds.firstQuarter} and ${bounds.lastQuarter}
        group by 1, 2, 3, 4, 5`.execute(db),
      // Declared against procured value, for procured expectations that state both (issue 15). One
      // buyer's are read per event instead (buyerScorecard), the same rows as the table beside the figure.
      "buyerId" in scope
        ? { rows: [] }
        : sql<Keyed & { status: ExpectationStatus; declaredQuarter: string; declaredNok: number; procuredNok: number; count: number }>`
        select ${key} as key, e.expectation_status as status, e.expected_tender_quarter as declared_quarter,
          sum(e.expected_value_nok)::float8 as declared_nok, sum(e.outcome_contract_value_nok)::float8 as procured_nok, count(*)::int as count
        from events e join organisations b on b.id = e.buyer_id
        where ${scoped} and e.published_at is not null and e.expectation_status in ('committed', 'planned', 'uncertain')
          and e.outcome = 'procured' and e.expected_value_nok > 0 and e.outcome_contract_value_nok is not null
          and e.expected_tender_quarter between ${bounds.firstQuarter} and ${bounds.lastQuarter}
        group by 1, 2, 3`.execute(db),
      sql<Keyed & { month: string; reason: NotProcuredReason; count: number }>`
        select ${key} as key, ${monthOfColumn(ev("outcome_recorded_at"))} as month, e.outcome_not_procured_reason as reason, count(*)::int as count
        from events e join organisations b on b.id = e.buyer_id
        where ${scoped} and e.outcome = 'not_procured' and e.expectation_status in ('committed', 'planned', 'uncertain')
          and e.outcome_recorded_at >= ${since}
        group by 1, 2, 3`.execute(db),
      // Hours asked at events: hours per vendor × vendors registered.
      sql<Keyed & { month: string; amount: number }>`
        select ${key} as key, ${monthOfColumn(ev("published_at"))} as month, sum(e.effort_hours_per_vendor)::float8 as amount
        from registrations r join events e on e.id = r.event_id join organisations b on b.id = e.buyer_id
        where ${scoped} and e.published_at >= ${since} and e.effort_hours_per_vendor > 0 and r.status = 'registered'
        group by 1, 2`.execute(db),
      // Hours asked directly: hours per vendor × recipients who did not decline.
      sql<Keyed & { month: string; amount: number }>`
        select ${key} as key, ${monthOfColumn(sql.ref("q.created_at"))} as month, sum(q.hours_per_vendor)::float8 as amount
        from effort_requests q join effort_request_recipients rr on rr.request_id = q.id join organisations b on b.id = q.buyer_id
        where ${scoped} and q.created_at >= ${since} and rr.status <> 'declined'
        group by 1, 2`.execute(db),
      sql<Keyed & { month: string; amount: number }>`
        select ${key} as key, ${monthOfColumn(sql.ref("r.reported_at"))} as month, sum(r.hours)::float8 as amount
        from effort_reports r join organisations b on b.id = r.buyer_id
        where ${scoped} and r.reported_at >= ${since}
        group by 1, 2`.execute(db),
      sql<Keyed & { month: string; amount: number }>`
        select ${key} as key, to_char(e.outcome_contract_date, 'YYYY-MM') as month, sum(e.outcome_contract_value_nok)::float8 as amount
        from events e join organisations b on b.id = e.buyer_id
        where ${scoped} and e.outcome = 'procured' and e.outcome_contract_date >= ${bounds.firstMonth + "-01"}::date
        group by 1, 2`.execute(db),
      // Pilots, R&D and innovation partnerships that ended in the window, with their exit record (issue 16):
      // a follow-on purchase is the buyer's explicit link, no longer inferred from shared CPV codes.
      sql<Keyed & { endedOn: string; plan: PilotPlan | null; decision: PilotDecision | null; criteriaMet: boolean; externallyFunded: boolean; purchaseBudgeted: boolean; count: number }>`
        select ${key} as key, (${oslo(sql`coalesce(e.ends_at, e.closed_at)`)})::date::text as ended_on, e.pilot_plan as plan,
          x.decision, coalesce(x.criteria_met, false) as criteria_met,
          exists (select 1 from jsonb_array_elements(e.pilot_funding) f where f->>'source' <> 'own_budget') as externally_funded,
          coalesce(e.pilot_budget_earmarked, false) as purchase_budgeted, count(*)::int as count
        from events e join organisations b on b.id = e.buyer_id left join pilot_exits x on x.event_id = e.id
        where ${scoped} and (e.kind in ('pilot', 'rnd_partnership') or e.contract_form is not distinct from 'innovation_partnership')
          and e.published_at is not null and e.outcome is distinct from 'withdrawn'
          and coalesce(e.ends_at, e.closed_at) >= ${since} and coalesce(e.ends_at, e.closed_at) <= ${now}
        group by 1, 2, 3, 4, 5, 6, 7`.execute(db),
      sql<Keyed & { month: string; baseMonths: number; optionMonths: number | null; horizonMonths: number | null; depreciationMonths: number | null; justified: boolean; count: number }>`
        select ${key} as key, ${monthOfColumn(ev("published_at"))} as month, e.contract_base_months as base_months,
          e.contract_option_months as option_months, e.contract_horizon_months as horizon_months,
          e.contract_depreciation_months as depreciation_months,
          coalesce(btrim(e.contract_justification), '') <> '' as justified, count(*)::int as count
        from events e join organisations b on b.id = e.buyer_id
        where ${scoped} and e.published_at >= ${since} and e.contract_base_months is not null
          and (e.contract_horizon_months is not null or e.contract_depreciation_months is not null)
        group by 1, 2, 3, 4, 5, 6, 7`.execute(db),
      sql<Keyed & { month: string; hours: number; count: number }>`
        select ${key} as key, ${monthOfColumn(sql.ref("q.answered_at"))} as month,
          round(extract(epoch from q.answered_at - q.asked_at) / 3600)::int as hours, count(*)::int as count
        from event_questions q join events e on e.id = q.event_id join organisations b on b.id = e.buyer_id
        where ${scoped} and q.answered_at >= ${since}
        group by 1, 2, 3`.execute(db),
      sql<Keyed & { month: string; count: number }>`
        select ${key} as key, ${monthOfColumn(sql.ref("a.at"))} as month, count(*)::int as count
        from blocked_publish_attempts a join organisations b on b.id = a.buyer_id
        where ${scoped} and a.at >= ${since}
        group by 1, 2`.execute(db),
      sql<Keyed & { month: string; count: number }>`
        select ${key} as key, ${monthOfColumn(ev("published_at"))} as month, count(*)::int as count
        from events e join organisations b on b.id = e.buyer_id
        where ${scoped} and e.published_at >= ${since}
        group by 1, 2`.execute(db),
      // Concerns others logged about the buyer, and the buyer logged about others; corrections replace what they supersede.
      // … with the state their answer gives them (the first, which is final), and the day logged (the answer period runs from it).
      sql<Keyed & { month: string; direction: "received" | "raised"; state: ConcernState; recordedOn: string; count: number }>`
        select ${key} as key, ${monthOfColumn(sql.ref("i.occurred_at"))} as month,
          case when i.counterpart_id = b.id then 'received' else 'raised' end as direction,
          case (select a.response from interaction_answers a where a.entry_id = i.id)
            when 'confirm' then 'confirmed' when 'dispute' then 'disputed' else 'unanswered' end as state,
          (${oslo(sql.ref("i.recorded_at"))})::date::text as recorded_on, count(*)::int as count
        from interaction_entries i join organisations b on b.id in (i.counterpart_id, i.organisation_id)
        where ${scoped} and i.assessment = 'concern' and i.occurred_at >= ${since}
          and not exists (select 1 from interaction_entries later where later.supersedes_id = i.id)
        group by 1, 2, 3, 4, 5`.execute(db),
      sql<Keyed & { buyers: number; adopted: number }>`
        select ${key} as key, count(*)::int as buyers,
          count(*) filter (where exists (select 1 from conduct_adoptions a where a.organisation_id = b.id))::int as adopted
        from organisations b where ${scoped}
        group by 1`.execute(db),
      // Joint events the buyer accepted to hold as a co-buyer (issue 19): counted for its share in app/domain/scorecard.ts.
      sql<Keyed & { month: string; shareKind: ShareKind | null; shareValue: number | null; budgetMinNok: number | null; budgetMaxNok: number | null; quantity: number | null }>`
        select ${key} as key, ${monthOfColumn(ev("published_at"))} as month, c.share_kind, c.share_value::float8 as share_value,
          e.budget_min_nok::float8 as budget_min_nok, e.budget_max_nok::float8 as budget_max_nok, e.expected_quantity as quantity
        from event_co_buyers c join events e on e.id = c.event_id join organisations b on b.id = c.organisation_id
        where ${scoped} and c.status = 'accepted' and e.published_at >= ${since}`.execute(db),
    ]);

  const groups = new Map<string, ScorecardFacts>();
  const facts = (k: string) => {
    let found = groups.get(k);
    if (!found) groups.set(k, (found = emptyFacts()));
    return found;
  };
  for (const { key: k, buyers, adopted } of conduct.rows) facts(k).conduct = { buyers, adopted };
  for (const { key: k, ...row } of outcomes.rows) facts(k).outcomes.push(row);
  for (const { key: k, ...row } of effort.rows) facts(k).effort.push(row);
  for (const { key: k, ...row } of expectations.rows) facts(k).expectations.push(row);
  for (const { key: k, declaredNok, procuredNok, ...row } of procuredValues.rows) facts(k).procuredValues.push({ ...row, declaredNok: Number(declaredNok), procuredNok: Number(procuredNok) });
  for (const { key: k, ...row } of notProcured.rows) facts(k).notProcured.push(row);
  for (const [rows, kind] of [[requested.rows, "requested"], [requestedDirect.rows, "requested"], [reported.rows, "reported"], [procured.rows, "procured"]] as const) {
    for (const { key: k, month, amount } of rows) facts(k).hours.push({ month, kind, amount: Number(amount) });
  }
  for (const { key: k, ...row } of pilots.rows) facts(k).pilots.push(row);
  for (const { key: k, ...row } of contracts.rows) facts(k).contracts.push(row);
  for (const { key: k, ...row } of answers.rows) facts(k).answers.push(row);
  for (const { key: k, ...row } of blocked.rows) facts(k).blockedAttempts.push(row);
  for (const { key: k, ...row } of published.rows) facts(k).published.push(row);
  for (const { key: k, ...row } of concerns.rows) facts(k).concerns.push(row);
  for (const { key: k, month, shareKind, shareValue, budgetMinNok, budgetMaxNok, quantity } of joint.rows) {
    facts(k).joint.push({
      month,
      share: shareKind && shareValue !== null ? { kind: shareKind, value: Number(shareValue) } : null,
      budgetMinNok: budgetMinNok === null ? null : Number(budgetMinNok),
      budgetMaxNok: budgetMaxNok === null ? null : Number(budgetMaxNok),
      quantity,
    });
  }
  return groups;
}

export type BuyerScorecard = Scorecard & {
  trend: QuarterFigures[];
  /** The procured expectations behind "Kjøpt mot erklært verdi", the rows its figure is summed from. */
  procuredValueSources: ProcuredValueSource[];
  contractMix: ContractFormMix;
  /** The events the short-contract figure counts, with their terms and justifications. */
  shortContractSources: Awaited<ReturnType<typeof shortContractSources>>;
};

/**
 * One buyer's scorecard for the window (all zeros for a buyer with nothing recorded), with its
 * headline figures per quarter, the purchases behind "Kjøpt mot erklært verdi", the short
 * contracts behind their figure and the contract-form mix: one computation, cached as one (scorecard-cache.server.ts), so a figure and
 * the table or chart beside it never come from different moments.
 */
export async function buyerScorecard(db: Db, buyerId: string, months: ScorecardWindow, now = new Date()): Promise<BuyerScorecard> {
  const [groups, sources, contractMix, shortContracts] = await Promise.all([
    loadScorecardFacts(db, { buyerId }, months, now),
    procuredValueSources(db, buyerId, months, now),
    buyerContractFormMix(db, buyerId, months, now),
    shortContractSources(db, buyerId, months, now),
  ]);
  const facts = { ...(groups.get(buyerId) ?? emptyFacts()), procuredValues: sources.map(({ status, declaredQuarter, declaredNok, procuredNok }) => ({ status, declaredQuarter, declaredNok, procuredNok, count: 1 })) };
  const scorecard = computeScorecard(facts, now, months);
  return { ...scorecard, trend: quarterlyTrend(facts, scorecard.window), procuredValueSources: sources, contractMix, shortContractSources: shortContracts };
}

/** Scorecards per sector or region, and for all buyers together. */
export async function groupedScorecards(db: Db, groupBy: ScorecardGrouping, months: ScorecardWindow, now = new Date()) {
  const groups = await loadScorecardFacts(db, { groupBy }, months, now);
  const all = emptyFacts();
  const rows = [...groups.entries()].map(([key, facts]) => {
    for (const field of ["outcomes", "effort", "expectations", "procuredValues", "notProcured", "hours", "pilots", "contracts", "answers", "blockedAttempts", "published", "concerns", "joint"] as const) {
      (all[field] as unknown[]).push(...facts[field]);
    }
    all.conduct = { buyers: all.conduct.buyers + facts.conduct.buyers, adopted: all.conduct.adopted + facts.conduct.adopted };
    return { key, scorecard: computeScorecard(facts, now, months) };
  });
  rows.sort((a, b) => a.key.localeCompare(b.key));
  return { groups: rows, all: computeScorecard(all, now, months) };
}

/** A buyer shown on its scorecard: null for unknown ids and for organisations that are not buyers. */
export async function getScorecardBuyer(db: Db, idOrSlug: string) {
  // Organisations are addressed by slug everywhere; the id keeps old links working.
  const byId = isUuid(idOrSlug);
  if (!byId && !/^[a-z0-9-]{1,120}$/.test(idOrSlug)) return null;
  const row = await db
    .selectFrom("organisations")
    .select(["id", "slug", "name", "buyerSector", "region", "verificationStatus", "ownDeliveryCpv", "ownDeliveryActivities", "ownDeliveryProvider", "ownDeliveryStandards"])
    .where(byId ? "id" : "slug", "=", idOrSlug)
    .where("isBuyer", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  const { ownDeliveryCpv, ownDeliveryActivities, ownDeliveryProvider, ownDeliveryStandards, ...buyer } = row;
  return { ...buyer, ownDelivery: ownDeliveryOfRow({ ownDeliveryCpv, ownDeliveryActivities, ownDeliveryProvider, ownDeliveryStandards }) };
}

/**
 * The procured expectations behind "Kjøpt mot erklært verdi" (issue 15) for one buyer, each with
 * what was declared and what was bought, all public on the event page; the same conditions as
 * the figure's query in loadScorecardFacts, so the rows sum to the figure.
 */
export async function procuredValueSources(db: Db, buyerId: string, months: ScorecardWindow, now = new Date()): Promise<ProcuredValueSource[]> {
  const bounds = windowBounds(now, months);
  const rows = await db
    .selectFrom("events as e")
    .innerJoin("organisations as b", "b.id", "e.buyerId")
    .select(["e.id", "e.title", "e.expectationStatus as status", "e.expectedTenderQuarter as declaredQuarter", "e.expectedValueNok as declaredNok", "e.outcomeContractValueNok as procuredNok"])
    .where("b.isBuyer", "=", true)
    .where("b.id", "=", buyerId)
    .where("e.publishedAt", "is not", null)
    .where("e.expectationStatus", "in", ["committed", "planned", "uncertain"])
    .where("e.outcome", "=", "procured")
    .where("e.expectedValueNok", ">", 0)
    .where("e.outcomeContractValueNok", "is not", null)
    .where("e.expectedTenderQuarter", ">=", bounds.firstQuarter)
    .where("e.expectedTenderQuarter", "<=", bounds.lastQuarter)
    .orderBy("e.expectedTenderQuarter", "desc")
    .orderBy("e.title")
    .execute();
  return rows.flatMap((r) => {
    const declaredNok = Number(r.declaredNok);
    const procuredNok = Number(r.procuredNok);
    // The query's conditions leave neither out; the narrowing is for the type.
    if (r.status === null || r.status === "none" || r.declaredQuarter === null) return [];
    return [{ ...r, status: r.status, declaredQuarter: r.declaredQuarter, declaredNok, procuredNok, ratio: procuredNok / declaredNok }];
  });
}

/** kontraktsvalg (issue 15): the contract forms of the buyer's events published in the window, counted and weighted by declared expected value, beside the national picture. */
export async function buyerContractFormMix(db: Db, buyerId: string, months: ScorecardWindow, now = new Date()) {
  const bounds = windowBounds(now, months);
  const since = windowStart(bounds);
  const rows = await db
    .selectFrom("events")
    .select([
      "contractForm",
      (eb) => eb.fn.countAll<string>().as("count"),
      sql<string>`count(*) filter (where expected_value_nok > 0)`.as("valued"),
      sql<string>`coalesce(sum(expected_value_nok) filter (where expected_value_nok > 0), 0)`.as("declaredNok"),
    ])
    .where("buyerId", "=", buyerId)
    .where("publishedAt", ">=", since)
    .where("contractForm", "is not", null)
    .groupBy("contractForm")
    .execute();
  return contractFormMix(
    rows.flatMap((r) => (r.contractForm ? [{ form: r.contractForm, count: Number(r.count), valued: Number(r.valued), declaredNok: Number(r.declaredNok) }] : [])),
  );
}

/** Events per page in the list behind a buyer's figures. */
export const SCORECARD_EVENTS_PAGE = 100;

/** The buyer's events behind the figures: published in the window, or with an expectation or an outcome falling in it. */
function scorecardEvents(db: Db, buyerId: string, months: ScorecardWindow, now: Date) {
  const bounds = windowBounds(now, months);
  const since = windowStart(bounds);
  return db
    .selectFrom("events")
    .where("buyerId", "=", buyerId)
    .where("publishedAt", "is not", null)
    .where((eb) =>
      eb.or([
        eb("publishedAt", ">=", since),
        eb("expectedTenderQuarter", ">=", bounds.firstQuarter),
        eb("outcomeRecordedAt", ">=", since),
      ]),
    );
}

/**
 * One page of those events, the latest published first, after `after` (keyset on published and
 * id, so none is out of reach however many there are); `next` starts the following page, null on
 * the last; `total` counts them all.
 */
export async function scorecardEventsPage(
  db: Db,
  buyerId: string,
  months: ScorecardWindow,
  { limit = SCORECARD_EVENTS_PAGE, after = null }: { limit?: number; after?: InstantCursor | null } = {},
  now = new Date(),
) {
  let query = scorecardEvents(db, buyerId, months, now).select([
    "id",
    "title",
    "kind",
    "expectationStatus",
    "expectedTenderQuarter",
    "outcome",
    "outcomeNotProcuredReason",
    "publishedAt",
    // To the microsecond, for the cursor (the postgres driver's Date keeps milliseconds only).
    sql<string>`to_json(published_at) #>> '{}'`.as("publishedKey"),
  ]);
  if (after?.at) {
    const at = sql`${after.at}::text::timestamptz`;
    query = query.where(sql<SqlBool>`published_at <= ${at} and (published_at < ${at} or (published_at = ${at} and id > ${after.id}))`);
  }
  const [rows, total] = await Promise.all([
    query.orderBy("publishedAt", "desc").orderBy("id").limit(limit + 1).execute(),
    scorecardEvents(db, buyerId, months, now)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const shown = rows.slice(0, limit).map(({ publishedKey: _, ...event }) => event);
  const last = rows[limit - 1];
  return { events: shown, total: Number(total.n), next: rows.length > limit && last ? { at: last.publishedKey, id: last.id } : null };
}

/**
 * kontraktsvalg: the events behind the short-contract figure, each with its terms and its
 * justification; the same conditions as the figure's query in loadScorecardFacts and the rule of
 * isShortContract (app/domain/contract.ts) in SQL, so the list holds exactly the ones it counts.
 */
export async function shortContractSources(db: Db, buyerId: string, months: ScorecardWindow, now = new Date()) {
  const bounds = windowBounds(now, months);
  const since = windowStart(bounds);
  return db
    .selectFrom("events as e")
    .innerJoin("organisations as b", "b.id", "e.buyerId")
    .select([
      "e.id",
      "e.title",
      "e.contractBaseMonths",
      "e.contractOptionMonths",
      "e.contractHorizonMonths",
      "e.contractDepreciationMonths",
      "e.contractJustification",
    ])
    .where("b.isBuyer", "=", true)
    .where("b.id", "=", buyerId)
    .where("e.publishedAt", ">=", since)
    .where(sql<SqlBool>`(e.contract_base_months < e.contract_horizon_months or e.contract_base_months < e.contract_depreciation_months)`)
    .orderBy("e.publishedAt", "desc")
    .orderBy("e.id")
    .execute();
}

export interface DemandCell {
  quarter: string;
  division: string;
  divisionNb: string | null;
  divisionEn: string | null;
  events: number;
  budgetMaxNok: number;
}

/** Declared demand per expected tender quarter and CPV division, from the window's first quarter to two years ahead. */
export async function demandByQuarterAndDivision(db: Db, months: ScorecardWindow, now = new Date()): Promise<DemandCell[]> {
  const bounds = windowBounds(now, months);
  const { rows } = await sql<{ quarter: string; division: string; events: number; budgetMaxNok: number }>`
    select e.expected_tender_quarter as quarter, substr(code, 1, 2) as division, count(distinct e.id)::int as events,
      coalesce(sum(e.budget_max_nok), 0)::float8 as budget_max_nok
    from events e cross join lateral (select distinct substr(c, 1, 2) as code from unnest(e.cpv_codes) c) d
    where e.published_at is not null and e.expected_tender_quarter between ${bounds.firstQuarter} and ${addQuarters(bounds.lastQuarter, 8)}
    group by 1, 2 order by 1, 2`.execute(db);
  return rows.map((r) => {
    const entry = cpvDivisionEntry(r.division);
    return { ...r, budgetMaxNok: Number(r.budgetMaxNok), divisionNb: entry?.nb ?? null, divisionEn: entry?.en ?? null };
  });
}
