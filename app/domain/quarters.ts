import { parseQuarter } from "./events";

// Calendar quarters as the sector plans them ("2027-Q2"): tender timelines, pilot follow-ups
// and the demand pipeline are all declared per quarter, read in Norwegian time.
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

const OSLO_YEAR_MONTH = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "numeric",
});

export function isQuarter(value: unknown): value is Quarter {
  return typeof value === "string" && parseQuarter(value) !== null;
}

function parsed(quarter: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const result = parseQuarter(quarter);
  if (!result) throw new RangeError(`Not a quarter (YYYY-Qn): ${JSON.stringify(quarter)}`);
  return result;
}

function format(year: number, quarter: number): Quarter {
  return `${String(year).padStart(4, "0")}-Q${quarter}` as Quarter;
}

/** The quarter a moment falls in, in Europe/Oslo: 2026-12-31T23:30Z is already 2027-Q1. */
export function quarterOf(date: Date): Quarter {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date");
  const parts = OSLO_YEAR_MONTH.formatToParts(date);
  const year = Number(parts.find((p) => p.type === "year")?.value);
  const month = Number(parts.find((p) => p.type === "month")?.value);
  return format(year, Math.floor((month - 1) / 3) + 1);
}

/** addQuarters("2027-Q4", 1) === "2028-Q1"; negative counts go back. */
export function addQuarters(quarter: string, count: number): Quarter {
  if (!Number.isInteger(count)) throw new RangeError(`Not a whole number of quarters: ${count}`);
  const { year, quarter: q } = parsed(quarter);
  const index = year * 4 + (q - 1) + count;
  return format(Math.floor(index / 4), (((index % 4) + 4) % 4) + 1);
}

/** The quarter `now` falls in and the ones after it, `count` in all: what a form offers to choose from. */
export function comingQuarters(now: Date, count = 12): Quarter[] {
  const first = quarterOf(now);
  return Array.from({ length: count }, (_, i) => addQuarters(first, i));
}

/** Negative when a is earlier, 0 when equal, positive when later; usable with Array#sort. */
export function compareQuarters(a: string, b: string): number {
  const left = parsed(a);
  const right = parsed(b);
  return Math.sign(left.year * 4 + left.quarter - (right.year * 4 + right.quarter));
}

/** First day of the quarter as YYYY-MM-DD. */
export function quarterStart(quarter: string): string {
  const { year, quarter: q } = parsed(quarter);
  return isoDate(year, (q - 1) * 3 + 1, 1);
}

/** Last day of the quarter as YYYY-MM-DD. */
export function quarterEnd(quarter: string): string {
  const { year, quarter: q } = parsed(quarter);
  // Quarters end in March, June, September and December: no leap-year question arises.
  const lastDay = [31, 30, 30, 31][q - 1] as number;
  return isoDate(year, q * 3, lastDay);
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A real calendar date written YYYY-MM-DD (2027-02-29 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years below 100 as written
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
