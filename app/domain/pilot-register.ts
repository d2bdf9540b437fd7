import { normaliseCpvPrefix } from "./demand-filter";
import { decodeInstantCursor, encodeInstantCursor } from "./instant-cursor";
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

/** The chart's part of counts per outcome (the ended ones). */
export function chartCounts(counts: Readonly<Record<RegisterOutcome, number>>): ReturnType<typeof outcomeCounts> {
  return { bought: counts.bought, met_not_bought: counts.met_not_bought, not_met_not_bought: counts.not_met_not_bought, open: counts.open, missing: counts.missing };
}

/** Pilots per ended outcome, for the chart. */
export function outcomeCounts(outcomes: readonly RegisterOutcome[]): Record<(typeof CHART_OUTCOMES)[number], number> {
  const counts = { bought: 0, met_not_bought: 0, not_met_not_bought: 0, open: 0, missing: 0 };
  for (const o of outcomes) if (o in counts) counts[o as keyof typeof counts] += 1;
  return counts;
}

// Paging (issue 16): the register is cut by keyset on (ended, newest first with the running
// ones first, then id), like the interaction log, so no pilot is out of reach however many
// there are, and one published while a reader pages neither repeats nor hides another.

/** Pilots per page on /pilots; the API's default and largest `limit`. */
export const REGISTER_PAGE_SIZE = 50;
export const REGISTER_API_DEFAULT = 100;
export const REGISTER_API_MAX = 500;

/**
 * Where the previous page ended: its last pilot's end as the database wrote it (ISO 8601 to the
 * microsecond, so equal ends stay equal; null while it has no end) and its id.
 */
export interface RegisterCursor {
  ended: string | null;
  id: string;
}

export interface RegisterPage {
  limit: number;
  after: RegisterCursor | null;
}

export function encodeRegisterCursor(cursor: RegisterCursor): string {
  return encodeInstantCursor({ at: cursor.ended, id: cursor.id });
}

/** The cursor, or null for anything not made by encodeRegisterCursor. */
export function decodeRegisterCursor(value: string): RegisterCursor | null {
  const cursor = decodeInstantCursor(value);
  return cursor && { ended: cursor.at, id: cursor.id };
}

/**
 * `cursor` and `limit` from a query string, forgiving like the filter (a public, bookmarkable
 * page): a cursor that is not ours starts at the first page, a limit outside 1–`max` is the default.
 */
export function parseRegisterPage(params: URLSearchParams, { size, max = size }: { size: number; max?: number }): RegisterPage {
  const rawLimit = params.get("limit");
  const n = rawLimit !== null && /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : NaN;
  const cursor = params.get("cursor");
  return { limit: n >= 1 && n <= max ? n : size, after: cursor === null ? null : decodeRegisterCursor(cursor) };
}

/** The query string of the page after `cursor`, with the filter kept. */
export function registerPageSearch(filter: PilotRegisterFilter, cursor: RegisterCursor, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(pilotRegisterSearch(filter));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  params.set("cursor", encodeRegisterCursor(cursor));
  return `?${params}`;
}
