import { toZonedLocal } from "./zoned-time";

// The portal's one CSV writer: every export (/demand.csv, the participant list, a contract's
// call-offs, a buyer's call-offs) goes through it, so they open alike in a spreadsheet. Semicolons and a UTF-8
// byte-order mark, because Norwegian Excel uses the comma as its decimal separator (a
// comma-separated file opens in one column) and reads a file without a BOM as Windows-1252.
// Fields are quoted as RFC 4180 says (with ";" as the separator), and a text cell that a
// spreadsheet would run as a formula (OWASP "CSV injection": = + - @ tab CR first) starts
// with an apostrophe, which spreadsheets show as text.

export type CsvCell = string | number | boolean | null | undefined;

export const CSV_SEPARATOR = ";";
const BOM = "\uFEFF";
const CRLF = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;
// The separator, a quote or a line break needs quotes; a comma too, for a reader that guesses commas.
const NEEDS_QUOTES = /[;,"\r\n]/;

/** One field: empty for no value, numbers as written, text made inert and quoted where it must be. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, one CRLF-ended line per row. */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR) + CRLF).join("");
}

/** An instant as Oslo wall-clock time ("2026-12-15 15:00"), the form spreadsheets read as a date and time. */
export function csvOsloTime(instant: Date | string | null | undefined): string | null {
  return instant === null || instant === undefined ? null : toZonedLocal(instant).replace("T", " ");
}
