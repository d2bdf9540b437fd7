import { EFFORT_LEVELS, type EffortLevel, type ExpectationStatus } from "./events";
import { gateResult, isBlank, isNegative, type GateResult, type Problem } from "./problems";
import { addQuarters, compareQuarters, isIsoDate, isQuarter, quarterOf } from "./quarters";

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

/**
 * næringsutvikling: NOK per hour per vendor that significant work with no purchase expected
 * is paid at least, unless the buyer says why not. A floor, not a price: well under what
 * an hour of a consultant costs, so it refuses only token sums (1 NOK for 400 hours) and
 * never sets a rate. The CHECK constraints repeat the figure (…_significant_work_pay_meets_floor).
 */
export const COMPENSATION_FLOOR_NOK_PER_HOUR = 500;

/**
 * forutsigbarhet: how far ahead an expected tender quarter may lie, counted from the
 * quarter of publishing: 5 years. Further out is a wish, not a plan vendors can staff for
 * (a municipality's economy plan covers 4 years). Depends on "now", so no CHECK holds it.
 */
export const TENDER_HORIZON_QUARTERS = 20;

export interface EffortDeclaration {
  level: EffortLevel;
  hoursPerVendor: number | null;
  kindsOfWork: readonly EffortWork[];
  compensationNok: number | null;
  /** Why compensation is below the hourly floor; shown to vendors. */
  compensationReason?: string | null;
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

export const PREDICTABILITY_CODES = [
  "must_not_be_negative",
  "effort_level_too_low",
  "hours_required",
  "compensation_required",
  "compensation_below_floor",
  "expectation_required",
  "budget_required",
  "budget_range_invalid",
  "budget_above_zero_required",
  "expected_value_outside_budget",
  "funding_source_required",
  "volume_required",
  "unit_required",
  "tender_quarter_required",
  "tender_quarter_in_past",
  "tender_quarter_beyond_horizon",
  "contract_start_invalid",
] as const;
export type PredictabilityCode = (typeof PREDICTABILITY_CODES)[number];

/**
 * Refusals that say a submission is not well formed, or not the buyer's to make yet, rather
 * than that its declaration falls short: an unverified buyer, a deadline already past, a
 * negative number, a malformed quarter or date. Never counted as blocked attempts.
 */
const NOT_COUNTED = new Set<string>(["buyer_not_verified", "deadline_in_future_required", "must_not_be_negative", "contract_start_invalid", "invalid_quarter"]);

/** The predictability rule's own refusals (and a demand notice that asks for effort). */
const COUNTED = new Set<string>([...PREDICTABILITY_CODES, "demand_notice_asks_no_effort"].filter((code) => !NOT_COUNTED.has(code)));

/**
 * forutsigbarhet, counted fairly: a refusal is a blocked attempt on the buyer's public
 * scorecard only when the predictability rule itself refused a well-formed submission by a
 * verified buyer. A new buyer's refusal for not being verified yet, or for a typo, is not.
 */
export function countsAsBlockedAttempt(problems: readonly Problem[], { buyerVerified }: { buyerVerified: boolean }): boolean {
  if (!buyerVerified) return false;
  return problems.some((p) => COUNTED.has(p.code)) && !problems.some((p) => NOT_COUNTED.has(p.code));
}

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
  } else if (compensationRequired && isBlank(effort.compensationReason) && (effort.compensationNok ?? 0) < compensationFloorNok(effort.hoursPerVendor)) {
    // … in proportion to the hours asked, or the buyer says (publicly) why not.
    add("effort.compensationNok", "compensation_below_floor");
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
  } else if (declaresPurchase && e.budgetMaxNok === 0) {
    // A frame of 0–0 NOK declares no purchase at all.
    add("expectation.budgetMaxNok", "budget_above_zero_required");
  }
  // … with a named source of funding …
  if (declaresPurchase && isBlank(e.fundingSource)) add("expectation.fundingSource", "funding_source_required");
  // … an expected volume, as value or as a quantity of something …
  if (isNegative(e.expectedValueNok)) add("expectation.expectedValueNok", "must_not_be_negative");
  if (isNegative(e.quantity)) add("expectation.quantity", "must_not_be_negative");
  // A value or quantity of 0 declares no volume (a negative one is refused above).
  const declared = (value: number | null) => value !== null && value !== 0;
  if (declaresPurchase && !declared(e.expectedValueNok) && !declared(e.quantity)) {
    add("expectation.expectedValueNok", "volume_required");
  } else if (declaresPurchase && e.expectedValueNok !== null && !isNegative(e.expectedValueNok) && !valueInFrame(e)) {
    add("expectation.expectedValueNok", "expected_value_outside_budget");
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

/** The least a vendor is paid for significant work with no purchase expected: the floor × hours. */
export function compensationFloorNok(hoursPerVendor: number | null): number {
  return COMPENSATION_FLOOR_NOK_PER_HOUR * Math.max(hoursPerVendor ?? 0, 0);
}

/**
 * An expected value above zero and inside the budget frame. A frame that is itself refused
 * (negative, inverted, 0–0) is not measured against: its own code says what is wrong.
 */
function valueInFrame({ expectedValueNok: value, budgetMinNok: min, budgetMaxNok: max }: PurchaseExpectation): boolean {
  if (value === null) return true;
  if (value <= 0) return false;
  const frameRefused = isNegative(min) || (max !== null && max <= 0) || (min !== null && max !== null && min > max);
  return frameRefused || ((min === null || value >= min) && (max === null || value <= max));
}

/**
 * forutsigbarhet: the expected tender quarter is a plan for the coming years, read at the
 * moment of publishing or sending: not already past (2001-Q1), not beyond the horizon.
 * The part of the gate that depends on "now"; checkPredictability is the part the
 * database's CHECK constraints repeat.
 */
export function checkTenderQuarter(expectation: PurchaseExpectation | null, { now }: { now: Date }): GateResult<PredictabilityCode> {
  const quarter = expectation?.expectedTenderQuarter ?? null;
  if (expectation === null || expectation.status === "none" || !isQuarter(quarter)) return gateResult([]);
  const current = quarterOf(now);
  const path = "expectation.expectedTenderQuarter";
  if (compareQuarters(quarter, current) < 0) return gateResult([{ path, code: "tender_quarter_in_past" }]);
  if (compareQuarters(quarter, addQuarters(current, TENDER_HORIZON_QUARTERS)) > 0) {
    return gateResult([{ path, code: "tender_quarter_beyond_horizon" }]);
  }
  return gateResult([]);
}
