const TIME_ZONE = "Europe/Oslo";

// A time typed into a form (<input type="datetime-local">) means Oslo wall-clock
// time, whatever zone the server runs in.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function osloOffsetMinutes(date: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** "2026-11-20T14:30" in Europe/Oslo → the instant; null when malformed or not a real time. */
export function osloLocalToDate(value: string): Date | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(guess).getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // Two passes settle the offset either side of a daylight-saving change.
  let instant = guess - osloOffsetMinutes(new Date(guess)) * 60_000;
  instant = guess - osloOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The instant as "YYYY-MM-DDTHH:mm" Oslo time, for a datetime-local input. */
export function dateToOsloLocal(date: Date): string {
  const shifted = new Date(date.getTime() + osloOffsetMinutes(date) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
