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

/** "not_covered" is no longer the table's answer to anything; events published before 0045 may still show it. */
export const SOURCING_ADVICE = ["market_contract", "hybrid_relational", "in_house", "not_covered"] as const;
export type SourcingAdvice = (typeof SOURCING_ADVICE)[number];

export const SOURCING_SOURCES = ["principle_1", "report_3_1_2", "report"] as const;
export type SourcingSource = (typeof SOURCING_SOURCES)[number];

/**
 * The sentences the table rests on. Quotes from the report (§3.1.2) are verbatim; the lines
 * of principle 1 are as issue 19 states them (the principle's own text is not in this repo).
 * `verbatim` says whether
 * `text` is the source's own words. The pages show them through i18n (`sourcing.basis.<id>`).
 */
export const SOURCING_CITATIONS = {
  report_market_main_rule: { source: "report_3_1_2", verbatim: true, text: "Markedet bør som hovedregel anvendes." },
  report_in_house_especially_high_risk: {
    source: "report_3_1_2",
    verbatim: true,
    text: "Det offentlige bør kun gjøre aktiviteter selv når de er beheftet med spesielt stor risiko …",
  },
  principle_low_risk_market: { source: "principle_1", verbatim: false, text: "Lav kontraktsrisiko → markedskontrakter." },
  principle_medium_risk_hybrid: {
    source: "principle_1",
    verbatim: false,
    text: "Middels risiko og behov for ressurser utenfra → hybride eller relasjonelle kontrakter (prosjektkontrakter for engangsoppdrag).",
  },
  principle_in_house_high_risk_no_lasting_need: {
    source: "principle_1",
    verbatim: false,
    text: "Egenregi bare ved spesielt stor risiko og uten varig behov for ressurser utenfra.",
  },
  report_innovation_partnership_short: {
    source: "report",
    verbatim: false,
    text: "Rapporten regner innovasjonspartnerskap blant vanene med korte kontrakter, ikke som den lange relasjonskontrakten.",
  },
} as const satisfies Record<string, { source: SourcingSource; verbatim: boolean; text: string }>;
export type SourcingCitation = keyof typeof SOURCING_CITATIONS;

interface Cell {
  advice: SourcingAdvice;
  basis: readonly SourcingCitation[];
}

// | risk \ need | none              | temporary                        | lasting           |
// |-------------|-------------------|----------------------------------|-------------------|
// | low         | market_contract   | market_contract                  | market_contract   |
// | medium      | market_contract   | hybrid_relational (project work) | hybrid_relational |
// | high        | in_house          | in_house                         | hybrid_relational |
// Each cell names the sentences it rests on; tests/unit/sourcing.test.ts checks every one.
const TABLE: Record<ContractRisk, Record<OutsideNeed, Cell>> = {
  low: {
    none: { advice: "market_contract", basis: ["report_market_main_rule", "principle_low_risk_market"] },
    temporary: { advice: "market_contract", basis: ["principle_low_risk_market"] },
    lasting: { advice: "market_contract", basis: ["principle_low_risk_market"] },
  },
  medium: {
    // Not especially high risk, so not in-house; no outside need, so the main rule decides.
    none: { advice: "market_contract", basis: ["report_market_main_rule", "report_in_house_especially_high_risk"] },
    temporary: { advice: "hybrid_relational", basis: ["principle_medium_risk_hybrid"] },
    lasting: { advice: "hybrid_relational", basis: ["principle_medium_risk_hybrid"] },
  },
  high: {
    none: { advice: "in_house", basis: ["report_in_house_especially_high_risk", "principle_in_house_high_risk_no_lasting_need"] },
    temporary: { advice: "in_house", basis: ["report_in_house_especially_high_risk", "principle_in_house_high_risk_no_lasting_need"] },
    // A lasting need for outside resources rules in-house out; the market is used in a relational form.
    lasting: { advice: "hybrid_relational", basis: ["principle_in_house_high_risk_no_lasting_need", "principle_medium_risk_hybrid"] },
  },
};

/** The sentences the advice for this answer rests on, for the form and the event page. */
export function sourcingBasis({ risk, need }: SourcingAnswer): readonly SourcingCitation[] {
  return TABLE[risk][need].basis;
}

/** The advice each contract form follows, to tell whether a choice contradicts the advice. */
export const ADVICE_FOR_FORM: Record<ContractForm, Exclude<SourcingAdvice, "not_covered">> = {
  market_contract: "market_contract",
  framework_agreement: "market_contract",
  // principle_medium_risk_hybrid: "prosjektkontrakter for engangsoppdrag" are the hybrid form for one-off work.
  project_contract: "hybrid_relational",
  relational_contract: "hybrid_relational",
  // A strategic alliance is the longest of the relational forms.
  strategic_alliance: "hybrid_relational",
  // report_innovation_partnership_short: a short contract habit, not the long relational form.
  innovation_partnership: "market_contract",
  in_house: "in_house",
};

/** The citation behind a form's place in ADVICE_FOR_FORM, where the report says something particular. */
export const FORM_BASIS: Partial<Record<ContractForm, SourcingCitation>> = {
  project_contract: "principle_medium_risk_hybrid",
  innovation_partnership: "report_innovation_partnership_short",
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
  const { advice } = TABLE[risk][need];
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
