import { type ContractForm } from "./contract";
import { gateResult, isBlank, type GateResult } from "./problems";

// Sourcing advice (sourcingstrategi): public bodies should not do themselves what the
// market does better, nor hand the market what they must keep. The buyer answers two
// questions; the advice is stored and shown next to the contract form they chose.

export const CONTRACT_RISKS = ["low", "medium", "high"] as const;
export type ContractRisk = (typeof CONTRACT_RISKS)[number];

/** Need for outside capacity, expertise or technology over time. */
export const OUTSIDE_NEEDS = ["none", "temporary", "lasting"] as const;
export type OutsideNeed = (typeof OUTSIDE_NEEDS)[number];

export const SOURCING_ADVICE = ["market_contract", "hybrid_relational", "in_house", "not_covered"] as const;
export type SourcingAdvice = (typeof SOURCING_ADVICE)[number];

// | risk \ need | none        | temporary       | lasting           |
// |-------------|-------------|-----------------|-------------------|
// | low         | not_covered | market_contract | market_contract   |
// | medium      | in_house    | market_contract | hybrid_relational |
// | high        | in_house    | not_covered     | hybrid_relational |
const TABLE: Record<ContractRisk, Record<OutsideNeed, SourcingAdvice>> = {
  low: { none: "not_covered", temporary: "market_contract", lasting: "market_contract" },
  medium: { none: "in_house", temporary: "market_contract", lasting: "hybrid_relational" },
  high: { none: "in_house", temporary: "not_covered", lasting: "hybrid_relational" },
};

/** The advice each contract form follows, to tell whether a choice contradicts the advice. */
export const ADVICE_FOR_FORM: Record<ContractForm, Exclude<SourcingAdvice, "not_covered">> = {
  market_contract: "market_contract",
  framework_agreement: "market_contract",
  relational_contract: "hybrid_relational",
  innovation_partnership: "hybrid_relational",
  in_house: "in_house",
};

export interface SourcingAnswer {
  risk: ContractRisk;
  need: OutsideNeed;
}

export interface SourcingChoice extends SourcingAnswer {
  chosenForm: ContractForm | null;
  reason: string | null;
}

export type SourcingCode = "sourcing_reason_required";

export function adviseSourcing({ risk, need }: SourcingAnswer): { advice: SourcingAdvice; reasonRequired: boolean } {
  const advice = TABLE[risk][need];
  // sourcingstrategi: where the rule has no answer, the buyer gives one in writing.
  return { advice, reasonRequired: advice === "not_covered" };
}

/** Whether the chosen form departs from the advice; where the rule has no advice there is none to depart from. */
export function contradictsAdvice(advice: SourcingAdvice, chosenForm: ContractForm | null): boolean {
  return chosenForm !== null && advice !== "not_covered" && ADVICE_FOR_FORM[chosenForm] !== advice;
}

export function checkSourcingChoice({ risk, need, chosenForm, reason }: SourcingChoice): GateResult<SourcingCode> {
  const { advice, reasonRequired } = adviseSourcing({ risk, need });
  // sourcingstrategi: going against the advice, or past its edge, is allowed but explained.
  const needsReason = reasonRequired || contradictsAdvice(advice, chosenForm);
  return gateResult(needsReason && isBlank(reason) ? [{ path: "sourcing.reason", code: "sourcing_reason_required" }] : []);
}
