import { sql, type SqlBool } from "kysely";
import type { Db } from "@db/client";
import { cpvCodesUnder } from "~/domain/demand-filter";
import type { EventKind } from "~/domain/events";
import type { AcceptanceCriterion, PilotPlan } from "~/domain/pilot";
import { purchaseBudgetStatus } from "~/domain/pilot";
import { noPurchaseBudgetAfterPilot, type PilotFunding } from "~/domain/pilot-funding";
import type { CriterionJudgement, PilotDecision, StopReason } from "~/domain/pilot-exit";
import { EXIT_OVERDUE_DAYS, PURCHASE_DECISIONS } from "~/domain/pilot-exit";
import { REGISTER_API_MAX, REGISTER_OUTCOMES, registerOutcome, type PilotRegisterFilter, type RegisterCursor, type RegisterOutcome, type RegisterPage } from "~/domain/pilot-register";
import type { Region } from "~/domain/regions";
import { summariseCorrections, type VendorInvestment } from "~/domain/pilot-investment";
import { correctionSummaries } from "./pilot-investment.server";
import { namedPilots } from "./similar-pilots.server";

// The pilot register (issue 16): public, every published pilot, R&D partnership and event whose
// contract form is an innovation partnership, with how it ended, a page at a time.

export interface PilotRegisterRow {
  id: string;
  title: string;
  kind: EventKind;
  buyer: { name: string; slug: string };
  region: Region | null;
  cpvCodes: string[];
  endedAt: string | null;
  criteria: AcceptanceCriterion[];
  plan: PilotPlan | null;
  budget: "budgeted" | "not_budgeted" | null;
  optionMaxPriceNok: number | null;
  /** How the pilot itself is paid for, by source. */
  funding: PilotFunding[];
  /** "ingen budsjett for kjøp etter piloten": outside money for the pilot, none earmarked for the purchase. */
  noPurchaseBudgetAfterPilot: boolean;
  /** What each vendor is expected to invest (the buyer's figure), and the vendors' corrections summed up (no names). */
  vendorInvestment: VendorInvestment;
  investmentCorrections: ReturnType<typeof summariseCorrections>;
  exit: {
    results: CriterionJudgement[];
    decision: PilotDecision;
    stopReason: StopReason | null;
    followOn: { href: string; title: string } | null;
  } | null;
  outcome: RegisterOutcome;
  /** Earlier pilots on the same need that met their criteria and were not bought when it was published, and why a new one was needed. */
  duplicateOf: { id: string; title: string; buyer: { name: string; slug: string } }[];
  duplicateReason: string | null;
  /** When it last changed: the event, or its exit record (the Atom feed's `updated`). */
  updatedAt: string;
}

/** When a pilot ended: its end, or its closing. */
const ENDED = sql<Date | null>`coalesce(e.ends_at, e.closed_at)`;

/**
 * registerOutcome in SQL, so the filter and the chart's counts are the database's and a page is
 * full however rare the outcome (tests/integration/pilot-register.test.ts holds the two together).
 */
function outcomeSql(now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql<RegisterOutcome>`case
    when x.decision in (${sql.join(PURCHASE_DECISIONS)}) then 'bought'
    when x.decision is not null and x.decision <> 'stopped' then 'open'
    when x.decision = 'stopped' then case
      when jsonb_array_length(x.results) > 0 and not exists (select 1 from jsonb_array_elements(x.results) j where j->>'result' is distinct from 'met')
      then 'met_not_bought' else 'not_met_not_bought' end
    when ${ENDED} is null or ${ENDED} > ${at} then 'running'
    when extract(epoch from (${at} - coalesce(e.ends_at, e.closed_at))) > ${EXIT_OVERDUE_DAYS * 86_400} then 'missing'
    else 'awaiting'
  end`;
}

/**
 * What the register holds. Literals, not parameters, and the same text as the predicate of the
 * index events_pilot_register_idx (migration 0075), so that every plan, generic ones included,
 * can prove the partial index applies.
 */
const REGISTER_SCOPE = sql<SqlBool>`e.status <> 'draft' and (e.kind in ('pilot', 'rnd_partnership') or e.contract_form = 'innovation_partnership')`;

/** The published pilots, R&D and innovation partnerships that match the filter, with their exit records. */
function matching(db: Db, filter: PilotRegisterFilter, now: Date) {
  let query = db
    .selectFrom("events as e")
    .innerJoin("organisations as o", "o.id", "e.buyerId")
    .leftJoin("pilotExits as x", "x.eventId", "e.id")
    .where(REGISTER_SCOPE);
  if (filter.cpv) query = query.where(sql<SqlBool>`e.cpv_codes && array[${sql.join(cpvCodesUnder([filter.cpv]))}]::text[]`);
  if (filter.region) query = query.where(sql<SqlBool>`coalesce(e.region, o.region) = ${filter.region}`);
  if (filter.buyer) query = query.where("o.slug", "=", filter.buyer);
  if (filter.decision) query = query.where("x.decision", "=", filter.decision);
  if (filter.outcome) query = query.where(outcomeSql(now), "=", filter.outcome);
  return query;
}

function withDetails(db: Db, filter: PilotRegisterFilter, now: Date) {
  return matching(db, filter, now)
    .leftJoin("events as f", "f.id", "x.followOnEventId")
    .leftJoin("contracts as c", "c.id", "x.contractId")
    .select([
      "e.id",
      "e.title",
      "e.kind",
      "o.name as buyerName",
      "o.slug as buyerSlug",
      sql<Region | null>`coalesce(e.region, o.region)`.as("region"),
      "e.cpvCodes",
      ENDED.as("endedAt"),
      // The same to the microsecond (ISO 8601), for the cursor.
      sql<string | null>`to_json(coalesce(e.ends_at, e.closed_at)) #>> '{}'`.as("endedKey"),
      "e.pilotCriteria as criteria",
      "e.pilotPlan as plan",
      "e.pilotBudgetEarmarked as budgetEarmarked",
      "e.pilotOptionMaxPriceNok as optionMaxPriceNok",
      "e.pilotFunding as funding",
      "e.pilotVendorInvestmentHours",
      "e.pilotVendorInvestmentNok",
      "x.results",
      "x.decision",
      "x.stopReason",
      "x.followOnEventId",
      "f.title as followOnTitle",
      "x.contractId",
      "c.title as contractTitle",
      "e.pilotDuplicateOf",
      "e.pilotDuplicateReason",
      sql<Date>`greatest(e.updated_at, x.recorded_at)`.as("updatedAt"),
    ]);
}

type DetailRow = Awaited<ReturnType<ReturnType<typeof withDetails>["execute"]>>[number];

async function toRegisterRows(db: Db, rows: DetailRow[], now: Date): Promise<PilotRegisterRow[]> {
  const named = await namedPilots(db, [...new Set(rows.flatMap((r) => r.pilotDuplicateOf))]);
  const corrections = await correctionSummaries(db, rows.map((r) => r.id));
  return rows.map((r): PilotRegisterRow => {
    const exit =
      r.decision && r.results
        ? {
            results: r.results,
            decision: r.decision,
            stopReason: r.stopReason,
            followOn: r.followOnEventId
              ? { href: `/events/${r.followOnEventId}`, title: r.followOnTitle ?? "" }
              : r.contractId
                ? { href: `/contracts/${r.contractId}`, title: r.contractTitle ?? "" }
                : null,
          }
        : null;
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      buyer: { name: r.buyerName, slug: r.buyerSlug },
      region: r.region,
      cpvCodes: r.cpvCodes,
      endedAt: r.endedAt?.toISOString() ?? null,
      criteria: r.criteria,
      plan: r.plan,
      budget: purchaseBudgetStatus({ plan: r.plan, budgetEarmarked: r.budgetEarmarked }),
      optionMaxPriceNok: r.optionMaxPriceNok === null ? null : Number(r.optionMaxPriceNok),
      funding: r.funding,
      noPurchaseBudgetAfterPilot: noPurchaseBudgetAfterPilot({ funding: r.funding, budgetEarmarked: r.budgetEarmarked }),
      vendorInvestment: { hours: r.pilotVendorInvestmentHours, nok: r.pilotVendorInvestmentNok },
      investmentCorrections: corrections.get(r.id) ?? summariseCorrections([]),
      exit,
      outcome: registerOutcome({ endedAt: r.endedAt, exit }, now),
      duplicateOf: r.pilotDuplicateOf.flatMap((id) => {
        const p = named.get(id);
        return p ? [{ id: p.id, title: p.title, buyer: p.buyer }] : [];
      }),
      duplicateReason: r.pilotDuplicateReason,
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  });
}

/**
 * The query of one page of the register, the running ones first, then the latest ended, after
 * `page.after`, one row more than the page to tell whether another follows. Read in the order of
 * events_pilot_register_idx (migration 0075): the ORDER BY must stay as the index has it.
 */
export function pilotRegisterPageQuery(db: Db, filter: PilotRegisterFilter, page: RegisterPage, now: Date) {
  let query = withDetails(db, filter, now);
  const after = page.after;
  if (after) {
    // The instant goes as text: a parameter PostgreSQL types as timestamptz is turned into a JS Date
    // by the postgres driver, which keeps milliseconds only, and the microseconds the cursor holds
    // would be lost (pilots ending within the same millisecond skipped). PGlite keeps them either way.
    const ended = sql`${after.ended}::text::timestamptz`;
    // `ended <= cursor` repeated outside the OR: the index is entered at the cursor instead of read from its start.
    query = query.where(
      after.ended === null
        ? sql<SqlBool>`(${ENDED} is not null or (${ENDED} is null and e.id > ${after.id}))`
        : sql<SqlBool>`${ENDED} <= ${ended} and (${ENDED} < ${ended} or (${ENDED} = ${ended} and e.id > ${after.id}))`,
    );
  }
  return query.orderBy(ENDED, (ob) => ob.desc().nullsFirst()).orderBy("e.id").limit(page.limit + 1);
}

/** One page of the register; `next` is where the following page starts, null on the last. */
export async function pilotRegisterPage(
  db: Db,
  filter: PilotRegisterFilter,
  page: RegisterPage,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ pilots: PilotRegisterRow[]; next: RegisterCursor | null }> {
  const rows = await pilotRegisterPageQuery(db, filter, page, now).execute();
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return { pilots: await toRegisterRows(db, shown, now), next: more && last ? { ended: last.endedKey, id: last.id } : null };
}

/** The whole register for the filter (the CSV, the buyer's workspace), page by page. */
export async function listPilotRegister(db: Db, filter: PilotRegisterFilter, { now = new Date() }: { now?: Date } = {}): Promise<PilotRegisterRow[]> {
  const all: PilotRegisterRow[] = [];
  let after: RegisterCursor | null = null;
  do {
    const page = await pilotRegisterPage(db, filter, { limit: REGISTER_API_MAX, after }, { now });
    all.push(...page.pilots);
    after = page.next;
  } while (after);
  return all;
}

/** The `limit` pilots changed last (published, amended or given an exit record), for the feed. */
export async function latestChangedPilots(db: Db, filter: PilotRegisterFilter, limit: number, { now = new Date() }: { now?: Date } = {}): Promise<PilotRegisterRow[]> {
  const rows = await withDetails(db, filter, now).orderBy(sql`greatest(e.updated_at, x.recorded_at)`, "desc").orderBy("e.id").limit(limit).execute();
  return toRegisterRows(db, rows, now);
}

/** How many pilots match the filter, by where they stand (the page's count and chart). */
export async function pilotRegisterCounts(db: Db, filter: PilotRegisterFilter, { now = new Date() }: { now?: Date } = {}): Promise<Record<RegisterOutcome, number>> {
  const rows = await db
    .selectFrom(matching(db, filter, now).select(outcomeSql(now).as("outcome")).as("p"))
    .select(["p.outcome", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy("p.outcome")
    .execute();
  const counts = Object.fromEntries(REGISTER_OUTCOMES.map((o) => [o, 0])) as Record<RegisterOutcome, number>;
  for (const r of rows) counts[r.outcome] = Number(r.n);
  return counts;
}

/** The buyers that have a published pilot, for the filter's list. */
export async function pilotBuyers(db: Db) {
  return db
    .selectFrom("organisations as o")
    .select(["o.slug", "o.name"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("events as e")
          .select("e.id")
          .whereRef("e.buyerId", "=", "o.id")
          .where("e.status", "<>", "draft")
          .where((w) => w.or([w("e.kind", "in", ["pilot", "rnd_partnership"]), w("e.contractForm", "=", "innovation_partnership")])),
      ),
    )
    .orderBy("o.name")
    .execute();
}
