import type { Db } from "@db/client";
import { changeEpoch } from "@db/coordination";
import { SCORECARD_WINDOWS, type ScorecardWindow } from "~/domain/scorecard";
import { buyerScorecard, demandByQuarterAndDivision, groupedScorecards } from "./scorecard.server";

// Scorecards are read far more often than outcomes are recorded, and the sector overview
// reads every event: computed figures are kept in memory for a few minutes (ADR 0011).
// The job below recomputes the overview before it runs out, so visitors never wait for it.
// A committed change to what they count (heard by every process, db/coordination.ts) makes
// them stale at once: a figure computed before the change epoch moved is computed again.

export const SCORECARD_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  computedAt: number;
  /** changeEpoch() when the computation started. */
  epoch: number;
  value: Promise<unknown>;
}

// On globalThis: server.ts (which runs the job) and the Remix build (which serves the pages)
// each load their own copy of this module, and both must see the same entries.
const globalKey = Symbol.for("markedsdialog.scorecard-cache");
const holder = globalThis as typeof globalThis & { [globalKey]?: Map<string, Entry> };
const entries: Map<string, Entry> = (holder[globalKey] ??= new Map<string, Entry>());

/** The cached value while it is fresh; otherwise computes it once, however many ask at the same time. */
export async function cachedFigures<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<{ value: T; computedAt: Date }> {
  let entry = entries.get(key);
  const epoch = changeEpoch();
  if (!entry || now - entry.computedAt > SCORECARD_TTL_MS || entry.epoch !== epoch) {
    entry = { computedAt: now, epoch, value: compute() };
    entries.delete(key);
    entries.set(key, entry);
    // Oldest first in a Map: drop the oldest beyond the limit.
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entry.value.catch(() => entries.get(key) === entry && entries.delete(key));
  }
  return { value: (await entry.value) as T, computedAt: new Date(entry.computedAt) };
}

export function cachedBuyerScorecard(db: Db, buyerId: string, months: ScorecardWindow) {
  return cachedFigures(`buyer:${buyerId}:${months}`, () => buyerScorecard(db, buyerId, months));
}

export function insightsFigures(db: Db, months: ScorecardWindow, now = new Date()) {
  return Promise.all([groupedScorecards(db, "sector", months, now), groupedScorecards(db, "region", months, now), demandByQuarterAndDivision(db, months, now)]).then(
    ([bySector, byRegion, demand]) => ({ bySector, byRegion, demand }),
  );
}

export function cachedInsights(db: Db, months: ScorecardWindow) {
  return cachedFigures(`insights:${months}`, () => insightsFigures(db, months));
}

/** Recomputes the sector overview for both windows (the job in app/jobs/refresh-insights.server.ts). */
export async function refreshInsights(db: Db, now: Date): Promise<void> {
  for (const months of SCORECARD_WINDOWS) {
    const fresh = { computedAt: now.getTime(), epoch: changeEpoch(), value: insightsFigures(db, months, now) };
    await fresh.value;
    entries.set(`insights:${months}`, fresh);
  }
}
