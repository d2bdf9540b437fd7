import { isBlank, isNegative, type Problem } from "./problems";

// næringsutvikling (issue 16, "pilotsyken"): external funding ends when a pilot succeeds and
// nobody budgeted the purchase (§4.8, recommendation 2: budget the purchase of a demonstrated
// pilot before seeking grants). A pilot, an R&D partnership or an innovation partnership
// says how the pilot itself is paid for, by source; one paid from outside with no money set
// aside for the purchase after it is marked publicly.

/** Where the money for the pilot itself comes from. Everything but the buyer's own budget is outside money. */
export const FUNDING_SOURCES = ["own_budget", "research_council", "innovation_norway", "eu", "regional_innovation_fund", "other"] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Sources one event may declare (the form offers this many rows). */
export const MAX_FUNDING_SOURCES = 4;
export const FUNDING_OTHER_TEXT_MAX = 200;

export interface PilotFunding {
  source: FundingSource;
  /** NOK from this source; null: not stated. */
  amountNok: number | null;
  /** What "other" is; null for the named sources. */
  otherText: string | null;
}

export type FundingCode = "funding_other_text_required" | "must_not_be_negative" | "too_many" | "duplicate";

/** Outside money: anything but the buyer's own budget ("other" included: it names someone else's money). */
export function isExternalSource(source: FundingSource): boolean {
  return source !== "own_budget";
}

/** Paid for wholly or partly from outside. */
export function isExternallyFunded(funding: readonly Pick<PilotFunding, "source">[]): boolean {
  return funding.some((f) => isExternalSource(f.source));
}

/**
 * "ingen budsjett for kjøp etter piloten": the pilot is paid for (wholly or partly) from outside,
 * and no money is earmarked for the purchase after it — no purchase planned, or a procurement
 * or an option not budgeted (earmarked no or not stated).
 */
export function noPurchaseBudgetAfterPilot(p: { funding: readonly Pick<PilotFunding, "source">[]; budgetEarmarked: boolean | null }): boolean {
  return isExternallyFunded(p.funding) && p.budgetEarmarked !== true;
}

/** The sources as declared: "other" says what it is, amounts are not negative, a source once, at most four. */
export function fundingProblems(funding: readonly PilotFunding[]): Problem<FundingCode>[] {
  const path = "pilotPath.funding";
  if (funding.length > MAX_FUNDING_SOURCES) return [{ path, code: "too_many" }];
  const problems: Problem<FundingCode>[] = [];
  const seen = new Set<FundingSource>();
  funding.forEach((f, i) => {
    if (seen.has(f.source)) problems.push({ path: `${path}.${i}.source`, code: "duplicate" });
    seen.add(f.source);
    if (f.source === "other" && isBlank(f.otherText)) problems.push({ path: `${path}.${i}.otherText`, code: "funding_other_text_required" });
    if (isNegative(f.amountNok)) problems.push({ path: `${path}.${i}.amountNok`, code: "must_not_be_negative" });
  });
  return problems;
}

/** Share of externally funded pilots with no purchase budget after them, among the pilots given; null when there are none. */
export function unbudgetedExternalShare(pilots: readonly { funding: readonly Pick<PilotFunding, "source">[]; budgetEarmarked: boolean | null }[]): {
  unbudgeted: number;
  externallyFunded: number;
} {
  const external = pilots.filter((p) => isExternallyFunded(p.funding));
  return { unbudgeted: external.filter((p) => p.budgetEarmarked !== true).length, externallyFunded: external.length };
}

/** An event as the API shows it: the pilot path carries the derived mark `noPurchaseBudgetAfterPilot` beside `funding`. */
export function withFundingMark<E extends { pilotPath: { funding: readonly Pick<PilotFunding, "source">[]; budgetEarmarked: boolean | null } }>(
  event: E,
): E & { pilotPath: E["pilotPath"] & { noPurchaseBudgetAfterPilot: boolean } } {
  return { ...event, pilotPath: { ...event.pilotPath, noPurchaseBudgetAfterPilot: noPurchaseBudgetAfterPilot(event.pilotPath) } };
}
