import { EFFORT_LEVELS, type EffortLevel, type ExpectationStatus } from "./events";
import { gateResult, isBlank, isNegative, type GateResult, type Problem } from "./problems";
import { isIsoDate, isQuarter } from "./quarters";

// The predictability gate (forutsigbarhet): no vendor effort above `none` without saying
// what purchase vendors can expect. This is the one source of the rule; the form, the
// JSON API and the database constraint all follow it.

export const EFFORT_WORK = [
  "attend_meeting",
  "short_written_input",
  "written_response",
  "demo",
  "workshop_series",
  "pilot",
  "prototype",
] as const;
export type EffortWork = (typeof EFFORT_WORK)[number];

/** Kinds of work that make an effort significant whatever the hours. */
export const SIGNIFICANT_WORK: readonly EffortWork[] = ["written_response", "demo", "workshop_series", "pilot", "prototype"];

/** Light effort is up to and including this many hours per vendor. */
export const LIGHT_EFFORT_MAX_HOURS = 8;

export interface EffortDeclaration {
  level: EffortLevel;
  hoursPerVendor: number | null;
  kindsOfWork: readonly EffortWork[];
  compensationNok: number | null;
}

export interface PurchaseExpectation {
  status: ExpectationStatus;
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  fundingSource: string | null;
  expectedValueNok: number | null;
  quantity: number | null;
  unit: string | null;
  /** "2027-Q2" */
  expectedTenderQuarter: string | null;
  /** YYYY-MM-DD */
  expectedContractStart: string | null;
}

export type PredictabilityCode =
  | "must_not_be_negative"
  | "effort_level_too_low"
  | "hours_required"
  | "compensation_required"
  | "expectation_required"
  | "budget_required"
  | "budget_range_invalid"
  | "funding_source_required"
  | "volume_required"
  | "unit_required"
  | "tender_quarter_required"
  | "contract_start_invalid";

export interface PredictabilityInput {
  effort: EffortDeclaration;
  expectation: PurchaseExpectation | null;
}

function rank(level: EffortLevel): number {
  return EFFORT_LEVELS.indexOf(level);
}

function higher(a: EffortLevel, b: EffortLevel): EffortLevel {
  return rank(a) >= rank(b) ? a : b;
}

/** The lowest level the hours and kinds of work allow: 8 hours is light, 9 significant. */
export function minimumEffortLevel(hoursPerVendor: number | null, kindsOfWork: readonly EffortWork[]): EffortLevel {
  const hours = hoursPerVendor !== null && hoursPerVendor > 0 ? hoursPerVendor : 0;
  if (hours > LIGHT_EFFORT_MAX_HOURS || kindsOfWork.some((kind) => SIGNIFICANT_WORK.includes(kind))) return "significant";
  if (hours > 0 || kindsOfWork.length > 0) return "light";
  return "none";
}

/** The level the gate judges by: what was declared, or what hours and work imply if that is more. */
export function effectiveEffortLevel(effort: EffortDeclaration): EffortLevel {
  return higher(effort.level, minimumEffortLevel(effort.hoursPerVendor, effort.kindsOfWork));
}

export function checkPredictability({ effort, expectation }: PredictabilityInput): GateResult<PredictabilityCode> {
  const problems: Problem<PredictabilityCode>[] = [];
  const add = (path: string, code: PredictabilityCode) => problems.push({ path, code });
  const level = effectiveEffortLevel(effort);

  // forutsigbarhet: the declared level may not understate what the work asks of vendors.
  if (rank(effort.level) < rank(minimumEffortLevel(effort.hoursPerVendor, effort.kindsOfWork))) {
    add("effort.level", "effort_level_too_low");
  }
  // forutsigbarhet: vendors plan by hours, so any effort states them.
  if (isNegative(effort.hoursPerVendor)) add("effort.hoursPerVendor", "must_not_be_negative");
  else if (level !== "none" && effort.hoursPerVendor === null) add("effort.hoursPerVendor", "hours_required");

  // næringsutvikling: significant work with no purchase in view must be paid for.
  const compensationRequired = level === "significant" && expectation?.status === "none";
  if (isNegative(effort.compensationNok)) add("effort.compensationNok", "must_not_be_negative");
  else if (compensationRequired && !(effort.compensationNok !== null && effort.compensationNok > 0)) {
    add("effort.compensationNok", "compensation_required");
  }

  // forutsigbarhet: no effort above none without a declared purchase expectation.
  if (expectation === null) {
    if (level !== "none") add("expectation", "expectation_required");
    return gateResult(problems);
  }

  const e = expectation;
  const declaresPurchase = e.status !== "none";
  // forutsigbarhet: a declared purchase carries a budget frame (min–max) …
  for (const field of ["budgetMinNok", "budgetMaxNok"] as const) {
    const value = e[field];
    if (isNegative(value)) add(`expectation.${field}`, "must_not_be_negative");
    else if (declaresPurchase && value === null) add(`expectation.${field}`, "budget_required");
  }
  if (e.budgetMinNok !== null && e.budgetMaxNok !== null && e.budgetMinNok >= 0 && e.budgetMinNok > e.budgetMaxNok) {
    add("expectation.budgetMaxNok", "budget_range_invalid");
  }
  // … with a named source of funding …
  if (declaresPurchase && isBlank(e.fundingSource)) add("expectation.fundingSource", "funding_source_required");
  // … an expected volume, as value or as a quantity of something …
  if (isNegative(e.expectedValueNok)) add("expectation.expectedValueNok", "must_not_be_negative");
  if (isNegative(e.quantity)) add("expectation.quantity", "must_not_be_negative");
  if (declaresPurchase && e.expectedValueNok === null && e.quantity === null) {
    add("expectation.expectedValueNok", "volume_required");
  }
  if (e.quantity !== null && isBlank(e.unit)) add("expectation.unit", "unit_required");
  // … and a timeline vendors can plan against.
  if (declaresPurchase && !isQuarter(e.expectedTenderQuarter)) {
    add("expectation.expectedTenderQuarter", "tender_quarter_required");
  }
  if (e.expectedContractStart !== null && !isIsoDate(e.expectedContractStart)) {
    add("expectation.expectedContractStart", "contract_start_invalid");
  }

  return gateResult(problems);
}
