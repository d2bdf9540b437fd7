import { BUYER_SECTORS, type BuyerSector } from "./organisations";
import { type Problem } from "./problems";

// Who pays and who benefits (issue 19): a municipality and a hospital point at each other —
// a 25 % shorter stay was scrapped because funding follows bed-days (§4.8). An event may say
// which organisations or sectors bear the cost and which are expected to gain, and how the
// payers split the cost. Optional; what is declared must read without doubt. The same rules
// as the CHECK events_cost_benefit_valid (migration 0048).

export const MAX_PARTIES = 5;

/** One party: a public buyer organisation, or a whole sector when no single body is meant. */
export interface CostBenefitParty {
  organisationId: string | null;
  sector: BuyerSector | null;
}

export interface CostOwner extends CostBenefitParty {
  /** Whole percent of the cost this payer bears; required when there is more than one payer. */
  sharePercent: number | null;
}

export interface CostBenefit {
  costOwners: CostOwner[];
  benefitOwners: CostBenefitParty[];
}

export type CostBenefitCode =
  | "cost_owner_required"
  | "benefit_owner_required"
  | "party_required"
  | "party_ambiguous"
  | "duplicate"
  | "too_many"
  | "share_required"
  | "shares_must_sum_to_100";

export const isSector = (value: unknown): value is BuyerSector => typeof value === "string" && (BUYER_SECTORS as readonly string[]).includes(value);

/** A party's identity: the organisation when named, otherwise the sector. */
export function partyKey(party: CostBenefitParty): string {
  return party.organisationId ? `organisation:${party.organisationId}` : `sector:${party.sector ?? ""}`;
}

function partyProblems(parties: readonly CostBenefitParty[], path: string): Problem<CostBenefitCode>[] {
  if (parties.length > MAX_PARTIES) return [{ path, code: "too_many" }];
  const problems: Problem<CostBenefitCode>[] = [];
  const seen = new Set<string>();
  parties.forEach((party, i) => {
    if (party.organisationId && party.sector) problems.push({ path: `${path}.${i}.sector`, code: "party_ambiguous" });
    else if (!party.organisationId && !party.sector)
      problems.push({
        path: `${path}.${i}.organisationId`,
        code: "party_required",
      });
    else if (seen.has(partyKey(party))) problems.push({ path: `${path}.${i}.organisationId`, code: "duplicate" });
    seen.add(partyKey(party));
  });
  return problems;
}

/**
 * Both sides named, each party once and either an organisation or a sector; with more than
 * one payer, every payer has a share and the shares sum to 100 (one payer bears it all).
 */
export function costBenefitProblems(cb: CostBenefit): Problem<CostBenefitCode>[] {
  const problems: Problem<CostBenefitCode>[] = [];
  if (cb.costOwners.length === 0)
    problems.push({
      path: "costBenefit.costOwners",
      code: "cost_owner_required",
    });
  if (cb.benefitOwners.length === 0)
    problems.push({
      path: "costBenefit.benefitOwners",
      code: "benefit_owner_required",
    });
  problems.push(...partyProblems(cb.costOwners, "costBenefit.costOwners"), ...partyProblems(cb.benefitOwners, "costBenefit.benefitOwners"));
  const shared = cb.costOwners.filter((o) => o.sharePercent !== null);
  if (cb.costOwners.length > 1 || shared.length > 0) {
    cb.costOwners.forEach((o, i) => {
      if (o.sharePercent === null)
        problems.push({
          path: `costBenefit.costOwners.${i}.sharePercent`,
          code: "share_required",
        });
    });
    const sum = shared.reduce((total, o) => total + (o.sharePercent ?? 0), 0);
    if (shared.length === cb.costOwners.length && sum !== 100)
      problems.push({
        path: "costBenefit.costOwners",
        code: "shares_must_sum_to_100",
      });
  }
  return problems;
}

/** The cost falls on someone other than those expected to gain: the two sets of parties are not the same. */
export function ownersDiffer(cb: CostBenefit): boolean {
  const payers = new Set(cb.costOwners.map(partyKey));
  const gainers = new Set(cb.benefitOwners.map(partyKey));
  return payers.size !== gainers.size || [...payers].some((p) => !gainers.has(p));
}

export interface SectorDifference {
  sector: BuyerSector;
  /** Events where this sector pays (some or all of the cost). */
  events: number;
  /** … of which the benefit is expected (also) in another sector. */
  differ: number;
}

/**
 * How often the cost and the benefit land in different sectors, by paying sector. Each party
 * counts as its sector (an organisation as its own sector, "other" when unknown).
 */
export function differenceBySector(
  events: readonly {
    payerSectors: readonly BuyerSector[];
    beneficiarySectors: readonly BuyerSector[];
  }[],
): SectorDifference[] {
  const bySector = new Map<BuyerSector, SectorDifference>();
  for (const event of events) {
    const gainers = new Set(event.beneficiarySectors);
    const payers = new Set(event.payerSectors);
    const differs = [...gainers].some((s) => !payers.has(s)) || [...payers].some((s) => !gainers.has(s));
    for (const sector of payers) {
      const row = bySector.get(sector) ?? { sector, events: 0, differ: 0 };
      row.events++;
      if (differs) row.differ++;
      bySector.set(sector, row);
    }
  }
  return BUYER_SECTORS.flatMap((s) => (bySector.has(s) ? [bySector.get(s)!] : []));
}
