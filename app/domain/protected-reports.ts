import { list, text, type Entries } from "./form-entries";
import { isBlank, type Problem } from "./problems";

// Protected reports (issue 18): a member reports a breach of the code of conduct by a
// counterpart of the other side (a vendor reports a buyer, a buyer reports a vendor) to the
// operators, without its name reaching the counterpart. The rules here serve the form, the
// model and the tests of the constraints in db/migrations/2026-12-06-0057-protected-reports.ts.
// - Who reported is kept apart from the report (protected_report_reporters) and read by
//   operators only, each read logged.
// - Per counterpart only counts by clause and by outcome are published, and only once
//   PUBLICATION_THRESHOLD different organisations have reported it: below that one report
//   could be traced to its reporter (three reports from one organisation name that one).

export const REPORT_OUTCOMES = ["upheld", "not_upheld", "resolved", "withdrawn"] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/** open: with the operators; closed: an outcome is recorded. */
export type ReportStatus = "open" | "closed";

export const MESSAGE_AUTHORS = ["operator", "reporter"] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** Reports about a counterpart from fewer organisations than this publish nothing about it. */
export const PUBLICATION_THRESHOLD = 3;
export const ACCOUNT_MAX = 8000;
export const MESSAGE_MAX = 4000;
export const OUTCOME_NOTE_MAX = 4000;

export interface ReportInput {
  counterpartId: string | null;
  clauses: number[];
  account: string;
}

/** Which sides an organisation is on (one may be both). */
export interface Sides {
  isBuyer: boolean;
  isVendor: boolean;
}

/** A vendor reports a buyer, a buyer reports a vendor. */
export const isOtherSide = (reporter: Sides, counterpart: Sides) => (reporter.isVendor && counterpart.isBuyer) || (reporter.isBuyer && counterpart.isVendor);

export interface ReportFacts {
  reporter: Sides & { id: string };
  /** The counterpart as found, or null when no organisation has the id. */
  counterpart: (Sides & { id: string }) | null;
  /** The clause numbers of the current code of conduct. */
  clauseNumbers: readonly number[];
}

/** A report's problems: a counterpart of the other side, clauses of the current code, an account. */
export function reportProblems(input: ReportInput, facts: ReportFacts): Problem[] {
  const problems: Problem[] = [];
  if (!input.counterpartId || !facts.counterpart) problems.push({ path: "counterpartId", code: "required" });
  else if (facts.counterpart.id === facts.reporter.id) problems.push({ path: "counterpartId", code: "report_own_organisation" });
  else if (!isOtherSide(facts.reporter, facts.counterpart)) problems.push({ path: "counterpartId", code: "report_counterpart_same_side" });
  if (input.clauses.length === 0) problems.push({ path: "clauses", code: "required" });
  else if (input.clauses.some((c) => !facts.clauseNumbers.includes(c))) problems.push({ path: "clauses", code: "report_clause_unknown" });
  if (isBlank(input.account)) problems.push({ path: "account", code: "required" });
  else if (input.account.length > ACCOUNT_MAX) problems.push({ path: "account", code: "too_long" });
  return problems;
}

/** The report form as posted: clause numbers as the checkboxes sent them (anything else is an unknown clause). */
export function reportFormToInput(form: Entries): ReportInput {
  const counterpartId = text(form, "counterpartId");
  return {
    counterpartId: counterpartId || null,
    clauses: list(form, "clauses").map((c) => (/^\d{1,4}$/.test(c) ? Number(c) : Number.NaN)),
    account: text(form, "account"),
  };
}

export function messageProblems(text: string): Problem[] {
  if (isBlank(text)) return [{ path: "text", code: "required" }];
  return text.length > MESSAGE_MAX ? [{ path: "text", code: "too_long" }] : [];
}

export function outcomeProblems(outcome: string, note: string): Problem[] {
  const problems: Problem[] = [];
  if (!(REPORT_OUTCOMES as readonly string[]).includes(outcome)) problems.push({ path: "outcome", code: "required" });
  if (note.length > OUTCOME_NOTE_MAX) problems.push({ path: "note", code: "too_long" });
  return problems;
}

/** The reporter may answer while the report is open; operators ask while it is open. */
export const mayWrite = (status: ReportStatus) => status === "open";

export interface ReportForCount {
  /** Who filed it, counted for the threshold only, never published. */
  reporterOrganisationId: string;
  conductVersion: number;
  clauses: readonly number[];
  outcome: ReportOutcome | null;
}

export interface PublicReportCounts {
  total: number;
  /** Reports naming each clause (a report may name several), by version and clause number. */
  byClause: { conductVersion: number; clause: number; count: number }[];
  /** Reports by outcome; `open` for those without one yet. */
  byOutcome: { outcome: ReportOutcome | "open"; count: number }[];
}

/**
 * What may be published about one counterpart: nothing until PUBLICATION_THRESHOLD different
 * organisations have reported it (null), otherwise counts by clause and by outcome only, never
 * dates, words or who reported.
 */
export function publicReportCounts(reports: readonly ReportForCount[]): PublicReportCounts | null {
  if (new Set(reports.map((r) => r.reporterOrganisationId)).size < PUBLICATION_THRESHOLD) return null;
  const clauses = new Map<string, { conductVersion: number; clause: number; count: number }>();
  for (const report of reports) {
    for (const clause of new Set(report.clauses)) {
      const key = `${report.conductVersion}.${clause}`;
      const entry = clauses.get(key) ?? { conductVersion: report.conductVersion, clause, count: 0 };
      entry.count += 1;
      clauses.set(key, entry);
    }
  }
  const outcomes = new Map<ReportOutcome | "open", number>();
  for (const report of reports) outcomes.set(report.outcome ?? "open", (outcomes.get(report.outcome ?? "open") ?? 0) + 1);
  const outcomeOrder: (ReportOutcome | "open")[] = ["open", ...REPORT_OUTCOMES];
  return {
    total: reports.length,
    byClause: [...clauses.values()].sort((a, b) => a.conductVersion - b.conductVersion || a.clause - b.clause),
    byOutcome: outcomeOrder.filter((o) => outcomes.has(o)).map((outcome) => ({ outcome, count: outcomes.get(outcome)! })),
  };
}
