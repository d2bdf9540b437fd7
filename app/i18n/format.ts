import { parseQuarter } from "~/domain/events";
import type { Language } from "./resources";

// One place for how dates, times and money look. Times are always shown in
// Europe/Oslo with the zone named (CET/CEST), whatever the server's zone.
export const TIME_ZONE = "Europe/Oslo";

const locale = (language: Language) => (language === "nb" ? "nb-NO" : "en-GB");

// Making an Intl formatter costs far more than using one (it showed in profiles of /demand), so
// each one below is made once per language and kept; formatters hold no state. Named, not looked
// up by their options: a key built from the options on every call showed in the profile too.
function perLanguage<F>(make: (locale: string) => F): (language: Language) => F {
  const made = new Map<Language, F>();
  return (language) => {
    let format = made.get(language);
    if (!format) made.set(language, (format = make(locale(language))));
    return format;
  };
}

const zoneNames = perLanguage((l) => new Intl.DateTimeFormat(l, { timeZone: TIME_ZONE, timeZoneName: "short" }));
const dateTimes = perLanguage((l) => new Intl.DateTimeFormat(l, { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }));
const calendarDates = perLanguage((l) => new Intl.DateTimeFormat(l, { dateStyle: "long", timeZone: "UTC" }));
const osloDates = perLanguage((l) => new Intl.DateTimeFormat(l, { dateStyle: "long", timeZone: TIME_ZONE }));
const months = perLanguage((l) => new Intl.DateTimeFormat(l, { month: "long", year: "numeric", timeZone: "UTC" }));
const kroner = perLanguage((l) => new Intl.NumberFormat(l, { style: "currency", currency: "NOK", maximumFractionDigits: 0 }));
const numbers = perLanguage((l) => new Intl.NumberFormat(l));
const tenths = perLanguage((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 }));
const percents = perLanguage((l) => new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 0 }));

function zoneName(date: Date, language: Language): string {
  const parts = zoneNames(language).formatToParts(date);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
}

/** "1. desember 2026 kl. 09:00 CET" / "1 December 2026 at 09:00 CET" */
export function formatDateTime(date: Date | string, language: Language): string {
  const d = typeof date === "string" ? new Date(date) : date;
  const text = dateTimes(language).format(d);
  return `${text} ${zoneName(d, language)}`;
}

/** "1. desember 2026" for a Date (in Oslo) or a "YYYY-MM-DD" calendar date. */
export function formatDate(date: Date | string, language: Language): string {
  if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    // A calendar date has no zone: format it as the same day anywhere.
    return calendarDates(language).format(new Date(`${date}T12:00:00Z`));
  }
  const d = typeof date === "string" ? new Date(date) : date;
  return osloDates(language).format(d);
}

/** "4 500 000 kr" / "NOK 4,500,000" */
export function formatNok(amount: number, language: Language): string {
  return kroner(language).format(amount);
}

/** Budget frames in millions: "4–6 MNOK", "0,8–1,5 MNOK", "42 MNOK". */
export function formatNokRangeMillions(min: number | null, max: number | null, language: Language): string | null {
  if (min === null && max === null) return null;
  const fmt = tenths(language);
  const m = (n: number) => fmt.format(n / 1_000_000);
  if (min !== null && max !== null && min !== max) return `${m(min)}–${m(max)} MNOK`;
  return `${m((max ?? min) as number)} MNOK`;
}

export function formatNumber(value: number, language: Language): string {
  return numbers(language).format(value);
}

/** "33 %" / "33%": a share from 0 to 1, in whole percent. */
export function formatPercent(share: number, language: Language): string {
  return percents(language).format(share);
}

/** "november 2026" / "November 2026" for a "YYYY-MM" month. */
export function formatMonth(month: string, language: Language): string {
  return months(language).format(new Date(`${month}-15T12:00:00Z`));
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
  return `${tenths(language).format(megabytes)} MB`;
}
