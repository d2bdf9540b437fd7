import { z } from "zod";
import { CONFIRM_REQUIRED } from "./confirmation";
import { isIsoDate, isQuarter } from "./quarters";

// The field types every JSON and form schema is built from. Messages are problem codes,
// translated by the caller (an area namespace, then `forms`).

export type Issue = { input?: unknown; code?: string };
export const typeError = (issue: Issue) => (issue.input === undefined || issue.input === null ? "required" : "invalid_value");
export const choiceError = (issue: Issue) => (issue.input === undefined || issue.input === null ? "required" : "invalid_choice");

export const NOK_MAX = Number.MAX_SAFE_INTEGER;
/** The largest value of a PostgreSQL integer column: a count or number past it is a field error, not a database error. */
export const INT_MAX = 2 ** 31 - 1;

export function text(max: number) {
  return z.string({ error: typeError }).trim().max(max, "too_long");
}

/** Optional text: "" and whitespace mean "not given" (null). */
export function optionalText(max: number) {
  return text(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();
}

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: choiceError });
}

export function whole(min: number, max: number, minCode = "must_not_be_negative") {
  return z.int({ error: (issue: Issue) => (issue.input === undefined || issue.input === null ? "required" : "must_be_whole_number") })
    .min(min, minCode)
    .max(max, "too_large");
}

export const nok = () => whole(0, NOK_MAX).nullable().optional();
export const months = (min: number) => whole(min, 1200, "must_be_positive_whole_months").nullable().optional();
export const bool = () => z.boolean({ error: typeError }).nullable().optional();

/** An instant with its offset, e.g. "2027-03-01T12:00:00+01:00". */
export const instant = () =>
  z.iso
    .datetime({ offset: true, error: "invalid_datetime" })
    .transform((value) => new Date(value))
    .nullable()
    .optional();

export const calendarDate = () =>
  z.string({ error: typeError }).refine(isIsoDate, "invalid_date");

export const quarter = () => z.string({ error: typeError }).refine((value): boolean => isQuarter(value), "invalid_quarter");

/** The box of an irreversible action (confirmation.ts): anything but "yes" is `confirm_required`. */
export const confirmation = z.literal("yes", { error: CONFIRM_REQUIRED });
