import { sql, type SqlBool } from "kysely";
import type { Db } from "@db/client";
import { cpvCodesUnder } from "~/domain/demand-filter";
import type { EventKind } from "~/domain/events";
import type { AcceptanceCriterion, PilotPlan } from "~/domain/pilot";
import { purchaseBudgetStatus } from "~/domain/pilot";
import { noPurchaseBudgetAfterPilot, type PilotFunding } from "~/domain/pilot-funding";
import type { CriterionJudgement, PilotDecision, StopReason } from "~/domain/pilot-exit";
import { registerOutcome, type PilotRegisterFilter, type RegisterOutcome } from "~/domain/pilot-register";
import type { Region } from "~/domain/regions";
import { summariseCorrections, type VendorInvestment } from "~/domain/pilot-investment";
import { correctionSummaries } from "./pilot-investment.server";
import { namedPilots } from "./similar-pilots.server";

// The pilot register (issue 16): public, every published pilot, R&D partnership and event whose
// contract form is an innovation partnership, with how it ended. The newest 500 that match.

export const REGISTER_LIMIT = 500;

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

export async function listPilotRegister(db: Db, filter: PilotRegisterFilter, { now = new Date() }: { now?: Date } = {}): Promise<PilotRegisterRow[]> {
  let query = db
    .selectFrom("events as e")
    .innerJoin("organisations as o", "o.id", "e.buyerId")
    .leftJoin("pilotExits as x", "x.eventId", "e.id")
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
      sql<Date | null>`coalesce(e.ends_at, e.closed_at)`.as("endedAt"),
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
    ])
    .where("e.status", "<>", "draft")
    .where((eb) => eb.or([eb("e.kind", "in", ["pilot", "rnd_partnership"]), eb("e.contractForm", "=", "innovation_partnership")]));
  if (filter.cpv) query = query.where(sql<SqlBool>`e.cpv_codes && array[${sql.join(cpvCodesUnder([filter.cpv]))}]::text[]`);
  if (filter.region) query = query.where(sql<SqlBool>`coalesce(e.region, o.region) = ${filter.region}`);
  if (filter.buyer) query = query.where("o.slug", "=", filter.buyer);
  if (filter.decision) query = query.where("x.decision", "=", filter.decision);
  const rows = await query.orderBy(sql`coalesce(e.ends_at, e.closed_at)`, sql`desc nulls first`).orderBy("e.id").limit(REGISTER_LIMIT).execute();
  const named = await namedPilots(db, [...new Set(rows.flatMap((r) => r.pilotDuplicateOf))]);
  const corrections = await correctionSummaries(db, rows.map((r) => r.id));
  return rows
    .map((r): PilotRegisterRow => {
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
    })
    .filter((r) => filter.outcome === null || r.outcome === filter.outcome);
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
