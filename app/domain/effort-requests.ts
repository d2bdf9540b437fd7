import type { ExpectationStatus } from "./events";
import { EXPECTATION_STATUSES } from "./events";
import { checkPredictability, checkTenderQuarter, minimumEffortLevel, type PurchaseExpectation } from "./predictability";
import { list, text, type Entries } from "./form-entries";
import { isBlank, problemsOf, type Problem } from "./problems";
import { isQuarter } from "./quarters";
import { zonedLocalToIso } from "./zoned-time";
import { INT_MAX } from "./input-fields";

// A buyer's direct request to vendors for work, and the vendor's report of effort spent.
// The request passes the same predictability gate as an event (checkPredictability);
// this file only turns the form into that gate's input and names the form's fields.

export const EFFORT_REQUEST_WORK = ["demo", "short_written_input", "written_response", "workshop_series", "prototype", "pilot"] as const;
export type EffortRequestWork = (typeof EFFORT_REQUEST_WORK)[number];

export interface EffortRequestInput {
  title: string;
  description: string;
  kindsOfWork: EffortRequestWork[];
  hoursPerVendor: number | null;
  /** ISO instant */
  deadline: string | null;
  compensationNok: number | null;
  /** Why the compensation is below the hourly floor; shown to the vendors asked. */
  compensationReason: string | null;
  eventId: string | null;
  recipients: string[];
  /** Declared on the request; null when left to the linked event. */
  expectation: PurchaseExpectation | null;
}


/** "4 000 000" → 4000000; not a whole number → NaN (refused as invalid_value). */
function whole(form: Entries, name: string): number | null {
  const raw = text(form, name).replace(/[\s\u00a0]/g, "");
  if (raw === "") return null;
  return /^-?\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
}

export function effortRequestFormToInput(form: Entries): EffortRequestInput {
  const status = text(form, "expectation.status");
  const deadline = text(form, "deadline");
  return {
    title: text(form, "title"),
    description: text(form, "description"),
    kindsOfWork: list(form, "kindsOfWork") as EffortRequestWork[],
    hoursPerVendor: whole(form, "hoursPerVendor"),
    deadline: deadline === "" ? null : (zonedLocalToIso(deadline) ?? "invalid"),
    compensationNok: whole(form, "compensationNok"),
    compensationReason: text(form, "compensationReason") || null,
    eventId: text(form, "eventId") || null,
    recipients: [...new Set(list(form, "recipients"))],
    expectation:
      status === ""
        ? null
        : {
            status: status as ExpectationStatus,
            budgetMinNok: whole(form, "expectation.budgetMinNok"),
            budgetMaxNok: whole(form, "expectation.budgetMaxNok"),
            fundingSource: text(form, "expectation.fundingSource") || null,
            expectedValueNok: whole(form, "expectation.expectedValueNok"),
            quantity: whole(form, "expectation.quantity"),
            unit: text(form, "expectation.unit") || null,
            expectedTenderQuarter: text(form, "expectation.expectedTenderQuarter") || null,
            expectedContractStart: text(form, "expectation.expectedContractStart") || null,
          },
  };
}

/** The gate's paths as the form names its fields. */
function formPath(path: string): string {
  if (path === "expectation") return "expectation.status";
  return path.startsWith("effort.") ? path.slice("effort.".length) : path;
}

/** The request's own rules (what a form checks), before the gate is asked. */
export function effortRequestFormProblems(input: EffortRequestInput, { now }: { now: Date }): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, code: string) => problems.push({ path, code });
  if (isBlank(input.title)) add("title", "required");
  else if (input.title.length > 200) add("title", "too_long");
  if (input.description.length > 8000) add("description", "too_long");
  if (input.compensationReason !== null && input.compensationReason.length > 2000) add("compensationReason", "too_long");
  if (input.kindsOfWork.length === 0) add("kindsOfWork", "required");
  else if (input.kindsOfWork.some((k) => !EFFORT_REQUEST_WORK.includes(k))) add("kindsOfWork", "invalid_choice");
  const numbers = ["hoursPerVendor", "compensationNok"] as const;
  for (const field of numbers) if (Number.isNaN(input[field])) add(field, "must_be_whole_number");
  if (input.hoursPerVendor === null) add("hoursPerVendor", "hours_required");
  else if (input.hoursPerVendor !== null && input.hoursPerVendor <= 0) add("hoursPerVendor", "must_be_positive");
  else if (input.hoursPerVendor > INT_MAX) add("hoursPerVendor", "too_large");
  if (input.deadline === null) add("deadline", "required");
  else if (Number.isNaN(Date.parse(input.deadline))) add("deadline", "invalid_datetime");
  else if (Date.parse(input.deadline) <= now.getTime()) add("deadline", "deadline_in_future_required");
  if (input.recipients.length === 0) add("recipients", "recipients_required");
  if (input.expectation && !EXPECTATION_STATUSES.includes(input.expectation.status)) add("expectation.status", "invalid_choice");
  if (input.expectation) {
    for (const [k, v] of Object.entries(input.expectation)) if (typeof v === "number" && Number.isNaN(v)) add(`expectation.${k}`, "must_be_whole_number");
    // A quarter typed some other way ("2. kvartal 2027") is a malformed field, not a missing declaration.
    const quarter = input.expectation.expectedTenderQuarter;
    if (quarter !== null && !isQuarter(quarter)) add("expectation.expectedTenderQuarter", "invalid_quarter");
  }
  return problems;
}

/**
 * forutsigbarhet: the one gate, for a request whose own fields are in order; the level is
 * what the hours and work imply. A refusal here is a blocked attempt (counted).
 */
export function effortRequestGateProblems(
  input: EffortRequestInput,
  { eventExpectation, now }: { eventExpectation: PurchaseExpectation | null; now: Date },
): Problem[] {
  const kinds = input.kindsOfWork;
  const expectation = input.expectation ?? eventExpectation;
  const effort = { level: minimumEffortLevel(input.hoursPerVendor, kinds), hoursPerVendor: input.hoursPerVendor, kindsOfWork: kinds, compensationNok: input.compensationNok, compensationReason: input.compensationReason };
  const problems = [...problemsOf(checkPredictability({ effort, expectation })), ...problemsOf(checkTenderQuarter(expectation, { now }))];
  return problems.map((p) => ({ path: formPath(p.path), code: p.code }));
}

export interface EffortReportInput {
  hours: number | null;
  people: number | null;
  note: string | null;
}

export function effortReportFormToInput(form: Entries): EffortReportInput {
  return { hours: whole(form, "hours"), people: whole(form, "people"), note: text(form, "note") || null };
}

export function checkEffortReport(input: EffortReportInput): Problem[] {
  const problems: Problem[] = [];
  for (const [field, max] of [["hours", 100000], ["people", 1000]] as const) {
    const v = input[field];
    if (v === null) problems.push({ path: field, code: "required" });
    else if (Number.isNaN(v)) problems.push({ path: field, code: "must_be_whole_number" });
    else if (v <= 0) problems.push({ path: field, code: "must_be_positive" });
    else if (v > max) problems.push({ path: field, code: "too_large" });
  }
  if (input.note !== null && input.note.length > 2000) problems.push({ path: "note", code: "too_long" });
  return problems;
}

/**
 * A vendor may correct the effort it reported for this many days after reporting. The
 * buyer's public totals are summed per period; a month is long enough to fix a typing
 * error or a late timesheet, short enough that published figures settle.
 */
export const EFFORT_REPORT_CORRECTION_DAYS = 30;

export function effortReportCorrectableUntil(reportedAt: Date): Date {
  return new Date(reportedAt.getTime() + EFFORT_REPORT_CORRECTION_DAYS * 24 * 60 * 60 * 1000);
}

export function effortReportCorrectable(reportedAt: Date, now: Date): boolean {
  return now.getTime() <= effortReportCorrectableUntil(reportedAt).getTime();
}

/** Whether a correction changes anything the report holds. */
export function effortReportChanged(report: EffortReportInput, correction: EffortReportInput): boolean {
  return report.hours !== correction.hours || report.people !== correction.people || (report.note ?? null) !== (correction.note ?? null);
}

export function checkDeclineReason(reason: string): Problem[] {
  if (isBlank(reason)) return [{ path: "reason", code: "reason_required" }];
  return reason.length > 2000 ? [{ path: "reason", code: "too_long" }] : [];
}
