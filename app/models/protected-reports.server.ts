import type { Db } from "@db/client";
import { enqueueEmail } from "@emails/outbox.server";
import { isUuid } from "~/domain/ids";
import { normaliseText } from "~/domain/input-text";
import {
  messageProblems,
  mayWrite,
  outcomeProblems,
  publicReportCounts,
  reportProblems,
  type PublicReportCounts,
  type ReportInput,
  type ReportOutcome,
} from "~/domain/protected-reports";
import { fail, ok, type Result } from "~/domain/result";
import { audit } from "./audit.server";
import { getCurrentVersion } from "./conduct.server";

// Protected reports (issue 18, app/domain/protected-reports.ts). Who reported lives in
// protected_report_reporters and leaves this module only through reporterOf (operators, each
// read in the audit log) and through the reporter's own reads (matched on its user id, never
// shown). Anyone else asking about a report gets not_found, the counterpart included. Mails
// to operators carry the counterpart's name and a link; the mail to the reporter names only
// its own report's counterpart and carries no words from operators.

export interface Reporter {
  user: { id: string };
  organisation: { id: string };
}

export interface Operator {
  id: string;
  ip?: string | null;
}

const reportUrl = (baseUrl: string, id: string) => new URL(`/reports/${id}`, baseUrl).toString();
const adminReportUrl = (baseUrl: string, id: string) => new URL(`/admin/reports/${id}`, baseUrl).toString();

async function operators(db: Db) {
  return db.selectFrom("users").select(["email", "name", "language"]).where("isOperator", "=", true).where("emailVerifiedAt", "is not", null).execute();
}

async function tellOperators(db: Db, kind: "new" | "answered", counterpartName: string, url: string) {
  for (const op of await operators(db)) {
    await enqueueEmail(db, { template: "protected-report", to: op.email, language: op.language, data: { kind, name: op.name, counterpartName, url } });
  }
}

/** What the form offers: the counterparts on the other side, and the current code's clauses. */
export async function reportFormOptions(db: Db, reporterOrganisationId: string) {
  const [reporter, version] = await Promise.all([
    db.selectFrom("organisations").select(["isBuyer", "isVendor"]).where("id", "=", reporterOrganisationId).executeTakeFirstOrThrow(),
    getCurrentVersion(db),
  ]);
  const sides = [...(reporter.isVendor ? ["isBuyer" as const] : []), ...(reporter.isBuyer ? ["isVendor" as const] : [])];
  const counterparts = sides.length
    ? await db
        .selectFrom("organisations")
        .select(["id", "name"])
        .where((eb) => eb.or(sides.map((side) => eb(side, "=", true))))
        .where("id", "<>", reporterOrganisationId)
        .orderBy("name")
        .execute()
    : [];
  return { counterparts, version };
}

export async function fileReport(db: Db, reporter: Reporter, raw: ReportInput, { baseUrl }: { baseUrl: string }): Promise<Result<{ id: string }>> {
  const input = { ...raw, account: normaliseText(raw.account) };
  const version = await getCurrentVersion(db);
  const [own, counterpart] = await Promise.all([
    db.selectFrom("organisations").select(["id", "isBuyer", "isVendor"]).where("id", "=", reporter.organisation.id).executeTakeFirstOrThrow(),
    input.counterpartId && isUuid(input.counterpartId)
      ? db.selectFrom("organisations").select(["id", "name", "isBuyer", "isVendor"]).where("id", "=", input.counterpartId).executeTakeFirst()
      : undefined,
  ]);
  const clauses = [...new Set(input.clauses)].sort((a, b) => a - b);
  const problems = reportProblems({ ...input, clauses }, { reporter: own, counterpart: counterpart ?? null, clauseNumbers: version?.clauses.map((c) => c.number) ?? [] });
  if (problems.length || !version || !counterpart) return fail("invalid", problems);
  return db.transaction().execute(async (trx) => {
    const report = await trx
      .insertInto("protectedReports")
      .values({ counterpartId: counterpart.id, conductVersion: version.number, clauses, account: input.account })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("protectedReportReporters").values({ reportId: report.id, userId: reporter.user.id, organisationId: reporter.organisation.id }).execute();
    await tellOperators(trx, "new", counterpart.name, adminReportUrl(baseUrl, report.id));
    return ok({ id: report.id });
  });
}

export interface ReportView {
  id: string;
  counterpartId: string;
  counterpartName: string;
  conductVersion: number;
  clauses: number[];
  account: string;
  status: "open" | "closed";
  outcome: ReportOutcome | null;
  outcomeNote: string | null;
  outcomeAt: Date | null;
  createdAt: Date;
  messages: { id: string; author: "operator" | "reporter"; text: string; createdAt: Date }[];
}

async function reportView(db: Db, id: string): Promise<ReportView | null> {
  const row = await db
    .selectFrom("protectedReports as r")
    .innerJoin("organisations as c", "c.id", "r.counterpartId")
    .select(["r.id", "r.counterpartId", "c.name as counterpartName", "r.conductVersion", "r.clauses", "r.account", "r.status", "r.outcome", "r.outcomeNote", "r.outcomeAt", "r.createdAt"])
    .where("r.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  // Messages name no one: the operator who asked is in the row, but not shown to the reporter.
  const messages = await db.selectFrom("protectedReportMessages").select(["id", "author", "text", "createdAt"]).where("reportId", "=", id).orderBy("createdAt").orderBy("id").execute();
  return { ...row, messages };
}

/** Whether `userId` filed report `id` (its own reads and answers). */
async function isReporter(db: Db, id: string, userId: string) {
  return (await db.selectFrom("protectedReportReporters").select("reportId").where("reportId", "=", id).where("userId", "=", userId).executeTakeFirst()) !== undefined;
}

/** The report as its reporter sees it; not_found for anyone else, the counterpart's members and the reporter's colleagues included. */
export async function reportForReporter(db: Db, id: string, userId: string): Promise<ReportView | null> {
  if (!isUuid(id) || !(await isReporter(db, id, userId))) return null;
  return reportView(db, id);
}

/** The reports a person filed, newest first. */
export async function listOwnReports(db: Db, userId: string) {
  return db
    .selectFrom("protectedReports as r")
    .innerJoin("protectedReportReporters as who", "who.reportId", "r.id")
    .innerJoin("organisations as c", "c.id", "r.counterpartId")
    .select(["r.id", "c.name as counterpartName", "r.status", "r.outcome", "r.createdAt"])
    .where("who.userId", "=", userId)
    .orderBy("r.createdAt", "desc")
    .execute();
}

/** Every report for the operators, without who reported it; open ones first. */
export async function listReportsForOperators(db: Db) {
  return db
    .selectFrom("protectedReports as r")
    .innerJoin("organisations as c", "c.id", "r.counterpartId")
    .select(["r.id", "c.name as counterpartName", "r.conductVersion", "r.clauses", "r.status", "r.outcome", "r.createdAt"])
    .orderBy("r.status", "desc")
    .orderBy("r.createdAt", "desc")
    .limit(500)
    .execute();
}

/** A report for an operator, without who reported it (reporterOf reads that, logged). */
export async function reportForOperator(db: Db, id: string): Promise<ReportView | null> {
  return isUuid(id) ? reportView(db, id) : null;
}

/** Who reported: operators only (the caller's guard), and every read written to the audit log. */
export async function reporterOf(db: Db, id: string, operator: Operator) {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom("protectedReportReporters as who")
    .innerJoin("organisations as o", "o.id", "who.organisationId")
    .leftJoin("users as u", "u.id", "who.userId")
    .select(["o.name as organisationName", "o.slug as organisationSlug", "u.name as userName", "u.email as userEmail"])
    .where("who.reportId", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  await audit(db, { action: "protected_report_reporter_read", actorUserId: operator.id, ip: operator.ip ?? null, subject: id, details: { reportId: id } });
  return row;
}

/** An operator's question to the reporter, who is told (without the words) to look. */
export async function askReporter(db: Db, id: string, operator: Operator, raw: string, { baseUrl }: { baseUrl: string }): Promise<Result> {
  const text = normaliseText(raw);
  const report = isUuid(id) ? await db.selectFrom("protectedReports").select(["id", "status"]).where("id", "=", id).executeTakeFirst() : undefined;
  if (!report) return fail("not_found");
  if (!mayWrite(report.status)) return fail("conflict", [{ path: "text", code: "report_closed" }]);
  const problems = messageProblems(text);
  if (problems.length) return fail("invalid", problems);
  return db.transaction().execute(async (trx) => {
    await trx.insertInto("protectedReportMessages").values({ reportId: id, author: "operator", operatorUserId: operator.id, text }).execute();
    const who = await trx
      .selectFrom("protectedReportReporters as who")
      .innerJoin("users as u", "u.id", "who.userId")
      .innerJoin("protectedReports as r", "r.id", "who.reportId")
      .innerJoin("organisations as c", "c.id", "r.counterpartId")
      .select(["u.email", "u.name", "u.language", "c.name as counterpartName"])
      .where("who.reportId", "=", id)
      .where("u.emailVerifiedAt", "is not", null)
      .executeTakeFirst();
    if (who) {
      await enqueueEmail(trx, { template: "protected-report", to: who.email, language: who.language, data: { kind: "question", name: who.name, counterpartName: who.counterpartName, url: reportUrl(baseUrl, id) } });
    }
    return ok();
  });
}

/** The reporter's answer; not_found for anyone but the reporter. */
export async function answerOperators(db: Db, id: string, userId: string, raw: string, { baseUrl }: { baseUrl: string }): Promise<Result> {
  const text = normaliseText(raw);
  if (!isUuid(id) || !(await isReporter(db, id, userId))) return fail("not_found");
  const report = await db
    .selectFrom("protectedReports as r")
    .innerJoin("organisations as c", "c.id", "r.counterpartId")
    .select(["r.status", "c.name as counterpartName"])
    .where("r.id", "=", id)
    .executeTakeFirstOrThrow();
  if (!mayWrite(report.status)) return fail("conflict", [{ path: "text", code: "report_closed" }]);
  const problems = messageProblems(text);
  if (problems.length) return fail("invalid", problems);
  return db.transaction().execute(async (trx) => {
    await trx.insertInto("protectedReportMessages").values({ reportId: id, author: "reporter", text }).execute();
    await tellOperators(trx, "answered", report.counterpartName, adminReportUrl(baseUrl, id));
    return ok();
  });
}

/** The operators' outcome, which closes the report. */
export async function recordOutcome(db: Db, id: string, operator: Operator, outcome: string, rawNote: string, { now = new Date() } = {}): Promise<Result> {
  const note = normaliseText(rawNote);
  const report = isUuid(id) ? await db.selectFrom("protectedReports").select(["status"]).where("id", "=", id).executeTakeFirst() : undefined;
  if (!report) return fail("not_found");
  if (!mayWrite(report.status)) return fail("conflict", [{ path: "outcome", code: "report_closed" }]);
  const problems = outcomeProblems(outcome, note);
  if (problems.length) return fail("invalid", problems);
  await db
    .updateTable("protectedReports")
    .set({ status: "closed", outcome: outcome as ReportOutcome, outcomeNote: note.trim() ? note : null, outcomeAt: now, outcomeBy: operator.id })
    .where("id", "=", id)
    .where("status", "=", "open")
    .execute();
  return ok();
}

/** What the counterpart's public page may show: counts only, and nothing below the threshold of reporting organisations. */
export async function publicCountsFor(db: Db, counterpartId: string): Promise<PublicReportCounts | null> {
  const reports = await db
    .selectFrom("protectedReports as r")
    .innerJoin("protectedReportReporters as who", "who.reportId", "r.id")
    .select(["who.organisationId as reporterOrganisationId", "r.conductVersion", "r.clauses", "r.outcome"])
    .where("r.counterpartId", "=", counterpartId)
    .execute();
  return publicReportCounts(reports);
}
