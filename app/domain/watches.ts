import { z } from "zod";
import { demandSearchParams, parseDemandFilter, type DemandFilter } from "./demand-filter";
import { osloDate, zonedLocalToIso } from "./zoned-time";

// A watch is a saved /demand filter with a name and a digest frequency. Its filter is kept
// as /demand's query string, read and written through demand-filter so that the watch,
// the page, the feeds and the digest agree on what matches.

export const WATCH_FREQUENCIES = ["immediate", "daily"] as const;
export type WatchFrequency = (typeof WATCH_FREQUENCIES)[number];

/** The Oslo wall-clock hour the daily digest goes out. */
export const DAILY_DIGEST_HOUR = 7;
/** How often the digest job looks for news (immediate watches wait at most this long). */
export const DIGEST_INTERVAL_MS = 5 * 60_000;
export const WATCH_NAME_MAX = 100;

/**
 * A query string (with or without "?") → the filter it names and its normalised form: the
 * parameters demand-filter understands, in its order; page position and page size dropped.
 */
export function normaliseWatchQuery(query: string): { filter: DemandFilter; query: string } {
  const { filter } = parseDemandFilter(new URLSearchParams(query.replace(/^\?/, "")));
  const watched: DemandFilter = { ...filter, cursor: null };
  return { filter: watched, query: demandSearchParams(watched).toString() };
}

/** The filter a stored query names. */
export function watchFilter(query: string): DemandFilter {
  return normaliseWatchQuery(query).filter;
}

/**
 * Whether a watch's digest is due at `now`. Immediate: always (the job runs every few
 * minutes). Daily: once the Oslo clock has passed DAILY_DIGEST_HOUR, if the last digest
 * round — or, before the first, the saving of the watch — was before this morning's hour.
 * A watch saved in the afternoon so gets its first digest the next morning.
 */
export function isDigestDue(frequency: WatchFrequency, lastRoundOrSaved: Date, now: Date): boolean {
  if (frequency === "immediate") return true;
  const morning = dailyDigestTime(now);
  if (now.getTime() < morning.getTime()) return false;
  return lastRoundOrSaved.getTime() < morning.getTime();
}

/** Today's digest hour in Oslo, as an instant. */
export function dailyDigestTime(now: Date): Date {
  const day = osloDate(now);
  const hour = String(DAILY_DIGEST_HOUR).padStart(2, "0");
  return new Date(zonedLocalToIso(`${day}T${hour}:00`) as string);
}

// Forms. Messages are codes translated through the `forms` namespace.
const name = z.string({ error: "required" }).trim().min(1, "required").max(WATCH_NAME_MAX, "too_long");
const frequency = z.enum(WATCH_FREQUENCIES, { error: "invalid_choice" });
const id = z.uuid({ error: "invalid_value" });

export const CreateWatchSchema = z.object({
  intent: z.literal("create"),
  name,
  frequency,
  query: z.string().max(2000, "too_long").default(""),
});
export const UpdateWatchSchema = z.object({ intent: z.literal("update"), id, name, frequency });
export const WatchIdSchema = z.object({ intent: z.enum(["delete", "new-feed-url"]), id });
