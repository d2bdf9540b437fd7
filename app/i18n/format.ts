import { parseQuarter } from "~/domain/events";
import type { Language } from "./resources";

// One place for how dates, times and money look. Times are always shown in
// Europe/Oslo with the zone named (CET/CEST), whatever the server's zone.
export const TIME_ZONE = "Europe/Oslo";

const locale = (language: Language) => (language === "nb" ? "nb-NO" : "en-GB");

// Making an Intl formatter costs far more than using one (it showed in profiles of /demand),
// so each (language, options) pair is made once and kept; formatters hold no state.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale(language), options)));
  return format;
}

function numberFormat(language: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale(language), options)));
  return format;
}

function zoneName(date: Date, language: Language): string {
  const parts = dateTimeFormat(language, { timeZone: TIME_ZONE, timeZoneName: "short" }).formatToParts(date);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
}

/** "1. desember 2026 kl. 09:00 CET" / "1 December 2026 at 09:00 CET" */
export function formatDateTime(date: Date | string, language: Language): string {
  const d = typeof date === "string" ? new Date(date) : date;
  const text = dateTimeFormat(language, { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(d);
  return `${text} ${zoneName(d, language)}`;
}

/** "1. desember 2026" for a Date (in Oslo) or a "YYYY-MM-DD" calendar date. */
export function formatDate(date: Date | string, language: Language): string {
  if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    // A calendar date has no zone: format it as the same day anywhere.
    return dateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
  }
  const d = typeof date === "string" ? new Date(date) : date;
  return dateTimeFormat(language, { dateStyle: "long", timeZone: TIME_ZONE }).format(d);
}

/** "4 500 000 kr" / "NOK 4,500,000" */
export function formatNok(amount: number, language: Language): string {
  return numberFormat(language, { style: "currency", currency: "NOK", maximumFractionDigits: 0 }).format(amount);
}

/** Budget frames in millions: "4–6 MNOK", "0,8–1,5 MNOK", "42 MNOK". */
export function formatNokRangeMillions(min: number | null, max: number | null, language: Language): string | null {
  if (min === null && max === null) return null;
  const fmt = numberFormat(language, { maximumFractionDigits: 1 });
  const m = (n: number) => fmt.format(n / 1_000_000);
  if (min !== null && max !== null && min !== max) return `${m(min)}–${m(max)} MNOK`;
  return `${m((max ?? min) as number)} MNOK`;
}

export function formatNumber(value: number, language: Language): string {
  return numberFormat(language).format(value);
}

/** "33 %" / "33%": a share from 0 to 1, in whole percent. */
export function formatPercent(share: number, language: Language): string {
  return numberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** "november 2026" / "November 2026" for a "YYYY-MM" month. */
export function formatMonth(month: string, language: Language): string {
  return dateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-15T12:00:00Z`));
}

/** "2. kvartal 2027" / "Q2 2027" for a "YYYY-Qn" quarter; anything else is shown as it is. */
export function formatQuarter(quarter: string, language: Language): string {
  const parsed = parseQuarter(quarter);
  if (!parsed) return quarter;
  return language === "nb" ? `${parsed.quarter}. kvartal ${parsed.year}` : `Q${parsed.quarter} ${parsed.year}`;
}

/** A file's size as people read it: "812 B", "34 kB", "2,4 MB" (1 kB = 1024 bytes, as limitInWords). */
export function formatFileSize(bytes: number, language: Language): string {
  if (bytes < 1024) return `${formatNumber(bytes, language)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), language)} kB`;
  const megabytes = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${numberFormat(language, { maximumFractionDigits: 1 }).format(megabytes)} MB`;
}
