import type { ContractForm } from "./contract";

// kontraktsvalg (issue 15): a buyer's mix of contract forms beside the national picture the
// Directorate's report gives for e-health spend (about 50 % in-house, 20 % project contracts,
// 18 % market contracts, 12 % relational contracts). The report counts spend, so the mix is given
// two ways: the share of the buyer's events that state a form (how often each form is chosen) and
// the share of the expected value those events declare (how much rides on each form); only the
// latter is set beside the national shares as the like-for-like comparison.

export const MIX_CATEGORIES = ["in_house", "project", "market", "relational"] as const;
export type MixCategory = (typeof MIX_CATEGORIES)[number];

/** The report's shares of e-health spend by contract form. */
export const NATIONAL_MIX: Readonly<Record<MixCategory, number>> = { in_house: 0.5, project: 0.2, market: 0.18, relational: 0.12 };

/** Where each of the event form's contract forms falls in the report's four (an innovation partnership as a market contract, as ADVICE_FOR_FORM places it). */
export const MIX_CATEGORY_OF_FORM: Readonly<Record<ContractForm, MixCategory>> = {
  market_contract: "market",
  framework_agreement: "market",
  innovation_partnership: "market",
  project_contract: "project",
  relational_contract: "relational",
  strategic_alliance: "relational",
  in_house: "in_house",
};

export interface MixShare {
  /** Events with a stated contract form in the group, and their share of all such events. */
  events: number;
  share: number | null;
  /** Of those, the ones that declare an expected value, the value, and its share of all declared value. */
  valuedEvents: number;
  declaredNok: number;
  valueShare: number | null;
  /** The report's share of e-health spend: comparable with valueShare, not with share. */
  national: number;
}

export interface ContractFormMix {
  /** Events with a stated contract form. */
  events: number;
  /** Of those, the ones that declare an expected value, and the value they declare together. */
  valuedEvents: number;
  declaredNok: number;
  byCategory: Record<MixCategory, MixShare>;
}

/** Events per contract form; of them, `valued` declare an expected value, `declaredNok` in all. */
export interface MixCount {
  form: ContractForm;
  count: number;
  valued: number;
  declaredNok: number;
}

/** The mix from counts per contract form; shares null when no event states a form (or, by value, declares a value). */
export function contractFormMix(counts: readonly MixCount[]): ContractFormMix {
  const zero = () => ({ events: 0, valuedEvents: 0, declaredNok: 0 });
  const sums = Object.fromEntries(MIX_CATEGORIES.map((c) => [c, zero()])) as Record<MixCategory, ReturnType<typeof zero>>;
  const total = zero();
  for (const { form, count, valued, declaredNok } of counts) {
    for (const sum of [sums[MIX_CATEGORY_OF_FORM[form]], total]) {
      sum.events += count;
      sum.valuedEvents += valued;
      sum.declaredNok += declaredNok;
    }
  }
  const byCategory = Object.fromEntries(
    MIX_CATEGORIES.map((c): [MixCategory, MixShare] => [
      c,
      {
        ...sums[c],
        share: total.events === 0 ? null : sums[c].events / total.events,
        valueShare: total.declaredNok === 0 ? null : sums[c].declaredNok / total.declaredNok,
        national: NATIONAL_MIX[c],
      },
    ]),
  ) as ContractFormMix["byCategory"];
  return { ...total, byCategory };
}
