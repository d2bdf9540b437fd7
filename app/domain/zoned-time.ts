// Times are typed and shown in Norwegian time (Europe/Oslo) whatever the zone of
// the server or the browser. A `datetime-local` field gives "2027-03-01T12:00":
// these functions turn that into an instant and back.
export const OSLO = "Europe/Oslo";

// One formatter per zone, made once: building an Intl.DateTimeFormat costs far more than
// using one, and the OCDS releases ask for an offset per date of every event (issue 20).
const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/** Minutes to add to UTC to get wall-clock time in the zone at that instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = wallClock(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2027-03-01T12:00" (seconds optional) in Oslo → the instant as ISO 8601 with its offset
 * ("2027-03-01T12:00:00+01:00"), or null when the text is not a valid local time.
 * In the hour skipped at the spring change the clock is read as summer time.
 */
export function zonedLocalToIso(local: string, timeZone = OSLO): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // Two passes settle the offset, also next to a change of clocks.
  let offset = offsetMinutes(new Date(asUtc), timeZone);
  offset = offsetMinutes(new Date(asUtc - offset * 60_000), timeZone);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? "00"}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant → "YYYY-MM-DDTHH:mm" wall-clock time in the zone, for a datetime-local field. */
export function toZonedLocal(instant: Date | string, timeZone = OSLO): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  const shifted = new Date(date.getTime() + offsetMinutes(date, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** The calendar date ("YYYY-MM-DD") an instant falls on in Oslo. */
export function osloDate(instant: Date | string): string {
  return toZonedLocal(instant).slice(0, 10);
}
