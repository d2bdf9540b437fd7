import { type EventKind } from "./events";
import { gateResult, isNegative, type GateResult, type Problem } from "./problems";
import { isQuarter } from "./quarters";

export const PILOT_PLANS = ["follow_on_procurement", "none_planned"] as const;
export type PilotPlan = (typeof PILOT_PLANS)[number];

export interface PilotPath {
  plan: PilotPlan | null;
  /** "2027-Q2": when the follow-on procurement is expected. */
  quarter: string | null;
  budgetNok: number | null;
}

export type PilotCode =
  | "pilot_path_required"
  | "pilot_path_quarter_required"
  | "pilot_path_budget_required"
  | "must_not_be_negative";

export function checkPilotPath({ kind, pilotPath }: { kind: EventKind; pilotPath: PilotPath | null }): GateResult<PilotCode> {
  const problems: Problem<PilotCode>[] = [];
  if (kind !== "pilot") return gateResult(problems);

  // næringsutvikling: a pilot says whether a purchase can follow ("none planned" is an honest answer).
  const plan = pilotPath?.plan ?? null;
  if (plan === null) problems.push({ path: "pilotPath.plan", code: "pilot_path_required" });
  if (plan !== "follow_on_procurement" || pilotPath === null) return gateResult(problems);

  // næringsutvikling: a planned follow-on purchase names when and how much.
  if (!isQuarter(pilotPath.quarter)) problems.push({ path: "pilotPath.quarter", code: "pilot_path_quarter_required" });
  if (isNegative(pilotPath.budgetNok)) problems.push({ path: "pilotPath.budgetNok", code: "must_not_be_negative" });
  else if (pilotPath.budgetNok === null || pilotPath.budgetNok === 0) {
    problems.push({ path: "pilotPath.budgetNok", code: "pilot_path_budget_required" });
  }
  return gateResult(problems);
}
