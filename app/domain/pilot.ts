import { type ContractForm } from "./contract";
import { type EventKind } from "./events";
import { fundingProblems, type FundingCode, type PilotFunding } from "./pilot-funding";
import { investmentProblems, STATED_PATHS, type InvestmentCode } from "./pilot-investment";
import { gateResult, isBlank, isNegative, type GateResult, type Problem } from "./problems";
import { compareQuarters, isQuarter, quarterOf } from "./quarters";

// næringsutvikling (issue 16, "pilotsyken"): a pilot, an R&D partnership or an innovation
// partnership says before it starts how success is judged (acceptance criteria) and what
// happens when it succeeds (a planned procurement, a purchase option, or honestly none).

/** What a pilot may lead to: a procurement, the option of an innovation partnership, or nothing planned. */
export const PILOT_PLANS = ["follow_on_procurement", "purchase_option", "none_planned"] as const;
export type PilotPlan = (typeof PILOT_PLANS)[number];

/** Criteria one event may declare. */
export const MAX_ACCEPTANCE_CRITERIA = 10;

/** One measurable statement: what is measured, the threshold, how it is judged and by whom. */
export interface AcceptanceCriterion {
  measure: string;
  threshold: string;
  method: string;
  judgedBy: string;
}
export const CRITERION_PARTS = ["measure", "threshold", "method", "judgedBy"] as const satisfies readonly (keyof AcceptanceCriterion)[];

export interface PilotPath {
  acceptanceCriteria: readonly AcceptanceCriterion[];
  plan: PilotPlan | null;
  /** "2027-Q2": when the follow-on procurement is expected. */
  quarter: string | null;
  /** The follow-on procurement's estimated value. */
  budgetNok: number | null;
  /** Whether money for the purchase is set aside (a procurement or an option). */
  budgetEarmarked: boolean | null;
  /** Where the earmarked money comes from. */
  budgetSource: string | null;
  /** Who decides the purchase (a clinic's pilot mandate is not a production mandate). */
  deciderRole: string | null;
  deciderOrganisation: string | null;
  /** An innovation partnership's purchase option: the most it may cost, and when it may be exercised. */
  optionMaxPriceNok: number | null;
  optionWindowFrom: string | null;
  optionWindowTo: string | null;
  /** How the pilot itself is paid for, by source (app/domain/pilot-funding.ts); optional at publishing. */
  funding: readonly PilotFunding[];
  /** Why a new pilot is needed when earlier pilots on the same need met their criteria and were not bought (app/domain/pilot-similarity.ts). */
  duplicateReason: string | null;
  /** What each vendor is expected to invest, hours and/or NOK (app/domain/pilot-investment.ts); one of them at publishing. */
  vendorInvestmentHours: number | null;
  vendorInvestmentNok: number | null;
}

export const EMPTY_PILOT_PATH: PilotPath = {
  acceptanceCriteria: [],
  plan: null,
  quarter: null,
  budgetNok: null,
  budgetEarmarked: null,
  budgetSource: null,
  deciderRole: null,
  deciderOrganisation: null,
  optionMaxPriceNok: null,
  optionWindowFrom: null,
  optionWindowTo: null,
  funding: [],
  duplicateReason: null,
  vendorInvestmentHours: null,
  vendorInvestmentNok: null,
};

export type PilotCode =
  | "acceptance_criteria_required"
  | "criterion_part_required"
  | "too_many"
  | "purchase_path_required"
  | "pilot_path_quarter_required"
  | "pilot_path_budget_required"
  | "budget_earmarked_required"
  | "budget_source_required"
  | "decider_required"
  | "option_max_price_required"
  | "option_window_required"
  | "option_window_order"
  | "option_window_in_past"
  | "must_not_be_negative"
  | FundingCode
  | InvestmentCode;

/** Which events must declare criteria and a purchase path: pilots, R&D partnerships, innovation partnerships. */
export function needsPilotTerms(kind: EventKind, contractForm: ContractForm | null | undefined): boolean {
  return kind === "pilot" || kind === "rnd_partnership" || contractForm === "innovation_partnership";
}

function criteriaProblems(criteria: readonly AcceptanceCriterion[]): Problem<PilotCode>[] {
  const path = "pilotPath.acceptanceCriteria";
  // næringsutvikling: success is agreed before the pilot, so that a met criterion can be held to.
  if (criteria.length === 0) return [{ path, code: "acceptance_criteria_required" }];
  if (criteria.length > MAX_ACCEPTANCE_CRITERIA) return [{ path, code: "too_many" }];
  return criteria.flatMap((criterion, i) =>
    CRITERION_PARTS.filter((part) => isBlank(criterion[part])).map((part) => ({ path: `${path}.${i}.${part}`, code: "criterion_part_required" as const })),
  );
}

/** The purchase is budgeted or not (yes/no required), with the source when it is, and someone with the mandate decides it. */
function commitmentProblems(p: PilotPath): Problem<PilotCode>[] {
  const problems: Problem<PilotCode>[] = [];
  if (p.budgetEarmarked === null) problems.push({ path: "pilotPath.budgetEarmarked", code: "budget_earmarked_required" });
  else if (p.budgetEarmarked && isBlank(p.budgetSource)) problems.push({ path: "pilotPath.budgetSource", code: "budget_source_required" });
  if (isBlank(p.deciderRole)) problems.push({ path: "pilotPath.deciderRole", code: "decider_required" });
  if (isBlank(p.deciderOrganisation)) problems.push({ path: "pilotPath.deciderOrganisation", code: "decider_required" });
  return problems;
}

function amountProblems(value: number | null, path: string, missing: PilotCode): Problem<PilotCode>[] {
  if (isNegative(value)) return [{ path, code: "must_not_be_negative" }];
  return value === null || value === 0 ? [{ path, code: missing }] : [];
}

function planProblems(p: PilotPath): Problem<PilotCode>[] {
  if (p.plan === "follow_on_procurement") {
    // næringsutvikling: a planned follow-on purchase names when, how much, whose money and who decides.
    return [
      ...(isQuarter(p.quarter) ? [] : [{ path: "pilotPath.quarter", code: "pilot_path_quarter_required" as const }]),
      ...amountProblems(p.budgetNok, "pilotPath.budgetNok", "pilot_path_budget_required"),
      ...commitmentProblems(p),
    ];
  }
  if (p.plan === "purchase_option") {
    // næringsutvikling: an innovation partnership's option has a ceiling and a window, and says whether it is budgeted.
    const window: Problem<PilotCode>[] = [];
    if (!isQuarter(p.optionWindowFrom)) window.push({ path: "pilotPath.optionWindowFrom", code: "option_window_required" });
    if (!isQuarter(p.optionWindowTo)) window.push({ path: "pilotPath.optionWindowTo", code: "option_window_required" });
    else if (isQuarter(p.optionWindowFrom) && compareQuarters(p.optionWindowTo, p.optionWindowFrom) < 0) {
      window.push({ path: "pilotPath.optionWindowTo", code: "option_window_order" });
    }
    return [...amountProblems(p.optionMaxPriceNok, "pilotPath.optionMaxPriceNok", "option_max_price_required"), ...window, ...commitmentProblems(p)];
  }
  return [];
}

/** Criteria and purchase path, judged without the clock (publishing and every amendment). */
export function checkPilotPath({
  kind,
  contractForm,
  pilotPath,
}: {
  kind: EventKind;
  contractForm?: ContractForm | null;
  pilotPath: PilotPath | null;
}): GateResult<PilotCode> {
  if (!needsPilotTerms(kind, contractForm)) return gateResult([]);
  const p = pilotPath ?? EMPTY_PILOT_PATH;
  const problems = criteriaProblems(p.acceptanceCriteria);
  // næringsutvikling: say whether a purchase can follow ("none planned" is an honest answer; the effort rules then apply).
  if (p.plan === null) problems.push({ path: "pilotPath.plan", code: "purchase_path_required" });
  problems.push(...planProblems(p));
  // næringsutvikling: funding by source is not required, but what is declared must read without doubt.
  problems.push(...fundingProblems(p.funding ?? []));
  // næringsutvikling (principle 3): what the vendors are asked to put in is said before they commit to it.
  problems.push(...investmentProblems({ hours: p.vendorInvestmentHours ?? null, nok: p.vendorInvestmentNok ?? null }, STATED_PATHS));
  return gateResult(problems);
}

/** An option whose window has already closed offers vendors nothing (checked at publishing, against the clock). */
export function checkOptionWindow(pilotPath: PilotPath | null, { now }: { now: Date }): GateResult<PilotCode> {
  if (pilotPath?.plan !== "purchase_option" || !isQuarter(pilotPath.optionWindowTo)) return gateResult([]);
  return gateResult(compareQuarters(pilotPath.optionWindowTo, quarterOf(now)) < 0 ? [{ path: "pilotPath.optionWindowTo", code: "option_window_in_past" }] : []);
}

/**
 * What vendors are told of the money behind the purchase: "budgeted", "not_budgeted" (a
 * purchase is promised but no money is set aside), or null when no purchase is planned.
 */
export function purchaseBudgetStatus(pilotPath: Pick<PilotPath, "plan" | "budgetEarmarked">): "budgeted" | "not_budgeted" | null {
  if (pilotPath.plan !== "follow_on_procurement" && pilotPath.plan !== "purchase_option") return null;
  return pilotPath.budgetEarmarked === true ? "budgeted" : "not_budgeted";
}
