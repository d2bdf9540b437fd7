import { gateResult, visibleLength, type GateResult, type Problem } from "./problems";

export const CONTRACT_FORMS = [
  "market_contract",
  "relational_contract",
  "framework_agreement",
  "innovation_partnership",
  "in_house",
] as const;
export type ContractForm = (typeof CONTRACT_FORMS)[number];

/** Visible characters (not white space, not format characters) a justification for a short contract must have. */
export const JUSTIFICATION_MIN_CHARACTERS = 30;

export interface ContractTerms {
  form: ContractForm | null;
  baseMonths: number | null;
  /** Extension options in total; 0 or null when there are none. */
  optionMonths: number | null;
  /** How long the purpose the contract serves is expected to last. */
  horizonMonths: number | null;
  justification: string | null;
}

export type ContractCode = "must_be_positive_whole_months" | "justification_required";

export function isContractForm(value: unknown): value is ContractForm {
  return typeof value === "string" && (CONTRACT_FORMS as readonly string[]).includes(value);
}

/** Base plus options, or null without a base duration. */
export function totalMonths(baseMonths: number | null, optionMonths: number | null): number | null {
  return baseMonths === null ? null : baseMonths + (optionMonths ?? 0);
}

export function checkContractDuration(terms: ContractTerms): GateResult<ContractCode> {
  const problems: Problem<ContractCode>[] = [];
  const add = (path: string, code: ContractCode) => problems.push({ path, code });

  const isPositive = (n: number | null) => n === null || (Number.isInteger(n) && n > 0);
  const baseOk = isPositive(terms.baseMonths);
  // An option period of 0 months states plainly that there are no options.
  const optionsOk = terms.optionMonths === null || (Number.isInteger(terms.optionMonths) && terms.optionMonths >= 0);
  const horizonOk = isPositive(terms.horizonMonths);
  if (!baseOk) add("contract.baseMonths", "must_be_positive_whole_months");
  if (!optionsOk) add("contract.optionMonths", "must_be_positive_whole_months");
  if (!horizonOk) add("contract.horizonMonths", "must_be_positive_whole_months");

  // kontraktsvalg: a contract shorter than its purpose must say why, where vendors can read it.
  // Whatever the form: the rule is about duration, and a horizon left out means it does not apply.
  const total = totalMonths(terms.baseMonths, terms.optionMonths);
  const horizon = terms.horizonMonths;
  const measurable = baseOk && optionsOk && horizonOk && total !== null && horizon !== null;
  if (measurable && total < horizon && visibleLength(terms.justification) < JUSTIFICATION_MIN_CHARACTERS) {
    add("contract.justification", "justification_required");
  }
  return gateResult(problems);
}
