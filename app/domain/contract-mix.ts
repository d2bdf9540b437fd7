import type { ContractForm } from "./contract";

// kontraktsvalg (issue 15): a buyer's mix of contract forms beside the national picture the
// Directorate's report gives for e-health spend (about 50 % in-house, 20 % project contracts,
// 18 % market contracts, 12 % relational contracts). The report counts spend; the buyer's mix
// counts its published events that state a contract form, so the two are set side by side as
// shares and not claimed to be the same measure.

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

export interface ContractFormMix {
  /** Events with a stated contract form. */
  events: number;
  byCategory: Record<MixCategory, { events: number; share: number | null; national: number }>;
}

/** The mix from counts per contract form; shares null when no event states a form. */
export function contractFormMix(counts: readonly { form: ContractForm; count: number }[]): ContractFormMix {
  const sums = Object.fromEntries(MIX_CATEGORIES.map((c) => [c, 0])) as Record<MixCategory, number>;
  for (const { form, count } of counts) sums[MIX_CATEGORY_OF_FORM[form]] += count;
  const events = MIX_CATEGORIES.reduce((sum, c) => sum + sums[c], 0);
  const byCategory = Object.fromEntries(
    MIX_CATEGORIES.map((c) => [c, { events: sums[c], share: events === 0 ? null : sums[c] / events, national: NATIONAL_MIX[c] }]),
  ) as ContractFormMix["byCategory"];
  return { events, byCategory };
}
