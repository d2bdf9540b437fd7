import { type PilotPlan } from "./pilot";
import { gateResult, isBlank, type GateResult, type Problem } from "./problems";

// næringsutvikling (issue 16, "pilotsyken"): when a pilot, an R&D partnership or an innovation
// partnership ends, the buyer says per acceptance criterion whether it was met, and what it
// decided: buy (the procurement or contract it led to, an explicit link that replaces the
// portal's old inference from shared CPV codes), exercise the partnership's option, extend,
// stop (with a reason from a fixed list), or not yet decided. Each vendor that took part
// confirms or disputes each judgement. The rules here are mirrored by the CHECK constraints of
// db/migrations/2026-12-05-0026-pilot-exits.ts.

export const CRITERION_RESULTS = ["met", "not_met", "not_assessed"] as const;
export type CriterionResult = (typeof CRITERION_RESULTS)[number];

export const PILOT_DECISIONS = ["purchase_started", "option_exercised", "extended", "stopped", "undecided"] as const;
export type PilotDecision = (typeof PILOT_DECISIONS)[number];

/** Why a pilot was not bought: the report's reasons, and "other" with a text. */
export const STOP_REASONS = ["criteria_not_met", "no_budget", "organisational_decision", "need_changed", "awaiting_national_solution", "other"] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export const EXIT_RESPONSES = ["confirm", "dispute"] as const;
export type ExitResponse = (typeof EXIT_RESPONSES)[number];

/** Decisions that buy what the pilot showed. */
export const PURCHASE_DECISIONS: readonly PilotDecision[] = ["purchase_started", "option_exercised"];

export interface CriterionJudgement {
  result: CriterionResult;
  note: string | null;
}

/** An exit record as the buyer's form and POST /api/v1/events/{id}/pilot-exit send it (PilotExitInput, pilot-exit-forms.ts). */
export interface PilotExitDraft {
  results?: readonly { result: CriterionResult; note?: string | null }[];
  decision: PilotDecision;
  stopReason?: StopReason | null;
  stopReasonText?: string | null;
  followOnEventId?: string | null;
  contractId?: string | null;
}

/** A vendor's answers to the judgements (PilotExitResponseInput). */
export interface ExitResponses {
  responses?: readonly { response: ExitResponse; account?: string | null }[];
}

export type PilotExitCode =
  | "results_incomplete"
  | "stop_reason_required"
  | "stop_reason_text_required"
  | "criteria_were_met"
  | "follow_on_required"
  | "option_contract_required"
  | "option_not_planned"
  | "account_required"
  | "responses_incomplete";

/** The exit as it is stored: fields the decision does not use are dropped. */
export interface PilotExit {
  results: CriterionJudgement[];
  decision: PilotDecision;
  stopReason: StopReason | null;
  stopReasonText: string | null;
  followOnEventId: string | null;
  contractId: string | null;
}

export function normalisePilotExit(input: PilotExitDraft): PilotExit {
  const stopped = input.decision === "stopped";
  const buys = PURCHASE_DECISIONS.includes(input.decision);
  return {
    results: (input.results ?? []).map((r) => ({ result: r.result, note: r.note ?? null })),
    decision: input.decision,
    stopReason: stopped ? (input.stopReason ?? null) : null,
    stopReasonText: stopped && input.stopReason === "other" ? (input.stopReasonText ?? null) : null,
    followOnEventId: input.decision === "purchase_started" ? (input.followOnEventId ?? null) : null,
    contractId: buys ? (input.contractId ?? null) : null,
  };
}

/** Every criterion was judged and met. */
export function allCriteriaMet(results: readonly Pick<CriterionJudgement, "result">[]): boolean {
  return results.length > 0 && results.every((r) => r.result === "met");
}

/**
 * The heart of "pilotsyken": a pilot whose every agreed criterion was met, and that the buyer
 * then decided not to buy. (Extended and undecided pilots are not yet either way.)
 */
export function metButNotBought(exit: { results: readonly Pick<CriterionJudgement, "result">[]; decision: PilotDecision }): boolean {
  return exit.decision === "stopped" && allCriteriaMet(exit.results);
}

/** What a recorded exit comes to, for the register's filter and the chart. */
export type ExitOutcome = "bought" | "met_not_bought" | "not_met_not_bought" | "open";
export function exitOutcome(exit: { results: readonly Pick<CriterionJudgement, "result">[]; decision: PilotDecision }): ExitOutcome {
  if (PURCHASE_DECISIONS.includes(exit.decision)) return "bought";
  if (exit.decision !== "stopped") return "open";
  return metButNotBought(exit) ? "met_not_bought" : "not_met_not_bought";
}

/**
 * The exit's rules, given the number of criteria the pilot declared and its purchase plan:
 * a judgement per criterion; a stop has a reason (a text when "other"); "criteria not met" is
 * no reason when every criterion was met (the CHECK events_pilot_exit_reason_honest); a
 * purchase names the procurement or contract it started; an exercised option names its contract
 * and needs the pilot to have had an option.
 */
export function checkPilotExit(exit: PilotExit, { criteria, plan }: { criteria: number; plan: PilotPlan | null }): GateResult<PilotExitCode> {
  const problems: Problem<PilotExitCode>[] = [];
  if (exit.results.length !== criteria) problems.push({ path: "results", code: "results_incomplete" });
  if (exit.decision === "stopped") {
    if (exit.stopReason === null) problems.push({ path: "stopReason", code: "stop_reason_required" });
    else if (exit.stopReason === "other" && isBlank(exit.stopReasonText)) problems.push({ path: "stopReasonText", code: "stop_reason_text_required" });
    else if (exit.stopReason === "criteria_not_met" && !exit.results.some((r) => r.result === "not_met")) problems.push({ path: "stopReason", code: "criteria_were_met" });
  }
  if (exit.decision === "purchase_started" && exit.followOnEventId === null && exit.contractId === null) {
    problems.push({ path: "followOnEventId", code: "follow_on_required" });
  }
  if (exit.decision === "option_exercised") {
    if (plan !== "purchase_option") problems.push({ path: "decision", code: "option_not_planned" });
    if (exit.contractId === null) problems.push({ path: "contractId", code: "option_contract_required" });
  }
  return gateResult(problems);
}

/** A vendor answers every judgement; a dispute gives its account. */
export function checkExitResponse(input: ExitResponses, criteria: number): GateResult<PilotExitCode> {
  const responses = input.responses ?? [];
  const problems: Problem<PilotExitCode>[] = [];
  if (responses.length !== criteria) problems.push({ path: "responses", code: "responses_incomplete" });
  responses.forEach((r, i) => {
    if (r.response === "dispute" && isBlank(r.account)) problems.push({ path: `responses[${i}].account`, code: "account_required" });
  });
  return gateResult(problems);
}

/** Days after a pilot ends after which a missing exit record is shown as "mangler sluttføring". */
export const EXIT_OVERDUE_DAYS = 90;

export function exitOverdue(endedAt: Date | null, hasExit: boolean, now: Date): boolean {
  return !hasExit && endedAt !== null && now.getTime() - endedAt.getTime() > EXIT_OVERDUE_DAYS * 86_400_000;
}
