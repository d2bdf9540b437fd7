import { normaliseCpvPrefix } from "./demand-filter";
import { exitOutcome, exitOverdue, PILOT_DECISIONS, type CriterionJudgement, type PilotDecision } from "./pilot-exit";
import { REGIONS, type Region } from "./regions";

// The pilot register (issue 16): every published pilot, R&D partnership and innovation
// partnership across buyers, with its criteria, purchase path and how it ended. Filters by CPV,
// region, buyer, result and decision; the result is derived here so the page, the API and the
// chart say the same.

/** How a pilot stands: still running, ended and waiting for its exit record, missing it (over 90 days), or its exit's outcome. */
export const REGISTER_OUTCOMES = ["running", "awaiting", "missing", "bought", "met_not_bought", "not_met_not_bought", "open"] as const;
export type RegisterOutcome = (typeof REGISTER_OUTCOMES)[number];

/** The ended outcomes the chart shows, in reading order. */
export const CHART_OUTCOMES = ["bought", "met_not_bought", "not_met_not_bought", "open", "missing"] as const satisfies readonly RegisterOutcome[];

export interface PilotRegisterFilter {
  /** A CPV prefix ("33", "3319", "33190000"). */
  cpv: string | null;
  region: Region | null;
  /** A buyer's slug. */
  buyer: string | null;
  outcome: RegisterOutcome | null;
  decision: PilotDecision | null;
}

export const EMPTY_REGISTER_FILTER: Readonly<PilotRegisterFilter> = { cpv: null, region: null, buyer: null, outcome: null, decision: null };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null => (value !== null && (values as readonly string[]).includes(value) ? (value as T) : null);

/** The filter from a query string; an unknown value is left out rather than refused (a public, bookmarkable page). */
export function parsePilotRegisterFilter(params: URLSearchParams): PilotRegisterFilter {
  const cpv = params.get("cpv");
  const buyer = params.get("buyer")?.trim() ?? "";
  return {
    cpv: cpv ? normaliseCpvPrefix(cpv.slice(0, 20)) : null,
    region: oneOf(REGIONS, params.get("region")),
    buyer: /^[a-z0-9-]{1,100}$/.test(buyer) ? buyer : null,
    outcome: oneOf(REGISTER_OUTCOMES, params.get("outcome")),
    decision: oneOf(PILOT_DECISIONS, params.get("decision")),
  };
}

export function pilotRegisterSearch(filter: PilotRegisterFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export interface RegisterStanding {
  endedAt: Date | null;
  exit: { results: readonly CriterionJudgement[]; decision: PilotDecision } | null;
}

/** Where one pilot stands now. */
export function registerOutcome({ endedAt, exit }: RegisterStanding, now: Date): RegisterOutcome {
  if (exit) return exitOutcome(exit);
  if (endedAt === null || endedAt > now) return "running";
  return exitOverdue(endedAt, false, now) ? "missing" : "awaiting";
}

/** Pilots per ended outcome, for the chart. */
export function outcomeCounts(outcomes: readonly RegisterOutcome[]): Record<(typeof CHART_OUTCOMES)[number], number> {
  const counts = { bought: 0, met_not_bought: 0, not_met_not_bought: 0, open: 0, missing: 0 };
  for (const o of outcomes) if (o in counts) counts[o as keyof typeof counts] += 1;
  return counts;
}
