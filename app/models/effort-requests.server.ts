import type { Db } from "@db/client";
import { checkDeclineReason, checkEffortReport, effortReportChanged, effortReportCorrectable, effortReportCorrectableUntil, effortRequestFormProblems, effortRequestGateProblems, type EffortReportInput, type EffortRequestInput } from "~/domain/effort-requests";
import { countsAsBlockedAttempt, type PurchaseExpectation } from "~/domain/predictability";
import { fail, type Result } from "~/domain/result";
import { expectationOfRow } from "./event-row.server";
import { emailAdmins } from "./memberships.server";
import { recordVendorActivity } from "./vendor-activity.server";
import { isUuid } from "~/domain/ids";

// Effort requests (a buyer asks vendors for work, through the predictability gate) and
// the effort ledger (what vendors actually spent). Every change is one transaction;
// who may see or do what is checked here as well as in the routes.

export interface OrganisationMember {
  user: { id: string };
  organisation: { id: string };
}

interface Options {
  now?: Date;
  baseUrl: string;
}

/** What the new-request form offers: the buyer's events with their taking-part vendors, and every vendor. */
export async function effortRequestFormOptions(db: Db, buyerId: string) {
  const [events, vendors] = await Promise.all([
    db.selectFrom("events").select(["id", "title"]).where("buyerId", "=", buyerId).where("status", "<>", "draft").orderBy("createdAt", "desc").execute(),
    db.selectFrom("organisations").select(["id", "name"]).where("isVendor", "=", true).where("id", "<>", buyerId).orderBy("name").execute(),
  ]);
  const registered = events.length
    ? await db
        .selectFrom("registrations")
        .select(["eventId", "organisationId"])
        .where("eventId", "in", events.map((e) => e.id))
        .where("status", "in", ["registered", "waitlisted"])
        .execute()
    : [];
  return {
    events: events.map((e) => ({ ...e, vendorIds: registered.filter((r) => r.eventId === e.id).map((r) => r.organisationId) })),
    vendors,
  };
}

/**
 * Send an effort request. With a linked event the recipients must take part in it; a
 * stand-alone request may go to any vendor. The recipients' admins are e-mailed in the
 * same transaction. Bad fields are `invalid` (400); a request the predictability gate
 * refuses is `refused` (422) and counted as a blocked attempt when a refused publish would be.
 */
export async function createEffortRequest(db: Db, member: OrganisationMember, input: EffortRequestInput, { now = new Date(), baseUrl }: Options): Promise<Result<{ id: string }>> {
  return db.transaction().execute(async (trx) => {
    let eventExpectation: PurchaseExpectation | null = null;
    if (input.eventId !== null) {
      const event = isUuid(input.eventId)
        ? await trx.selectFrom("events").selectAll().where("id", "=", input.eventId).where("buyerId", "=", member.organisation.id).where("status", "<>", "draft").executeTakeFirst()
        : undefined;
      if (!event) return fail("invalid", [{ path: "eventId", code: "invalid_choice" }]);
      eventExpectation = expectationOfRow(event);
    }
    const problems = effortRequestFormProblems(input, { now });
    if (problems.length > 0) return fail("invalid", problems);
    const refusals = effortRequestGateProblems(input, { eventExpectation, now });
    if (refusals.length > 0) {
      // Committed with the refusal, as for a refused publish: the count is the point (when the rule counts it).
      const buyer = await trx.selectFrom("organisations").select("verificationStatus").where("id", "=", member.organisation.id).executeTakeFirst();
      if (countsAsBlockedAttempt(refusals, { buyerVerified: buyer?.verificationStatus === "verified" })) {
        await trx
          .insertInto("blockedPublishAttempts")
          .values({ buyerId: member.organisation.id, eventId: input.eventId, byUserId: member.user.id, at: now, codes: refusals.map((p) => p.code), subject: "effort_request" })
          .execute();
      }
      return fail("refused", refusals);
    }

    const recipientIds = input.recipients.filter((id) => isUuid(id));
    let allowed = recipientIds.length
      ? trx.selectFrom("organisations").select(["organisations.id", "organisations.name"]).where("organisations.id", "in", recipientIds).where("organisations.isVendor", "=", true).where("organisations.id", "<>", member.organisation.id)
      : null;
    if (allowed && input.eventId !== null) {
      const eventId = input.eventId;
      allowed = allowed.where((eb) =>
        eb.exists(eb.selectFrom("registrations").select("registrations.id").whereRef("registrations.organisationId", "=", "organisations.id").where("registrations.eventId", "=", eventId).where("registrations.status", "in", ["registered", "waitlisted"])),
      );
    }
    const recipients = allowed ? await allowed.execute() : [];
    if (recipients.length !== input.recipients.length) return fail("invalid", [{ path: "recipients", code: "recipient_not_allowed" }]);

    const e = input.expectation ?? eventExpectation!;
    const request = await trx
      .insertInto("effortRequests")
      .values({
        buyerId: member.organisation.id,
        eventId: input.eventId,
        requestedBy: member.user.id,
        title: input.title,
        description: input.description,
        kindsOfWork: input.kindsOfWork,
        hoursPerVendor: input.hoursPerVendor!,
        deadline: new Date(input.deadline!),
        compensationNok: input.compensationNok,
        compensationReason: input.compensationReason,
        expectationStatus: e.status,
        budgetMinNok: e.budgetMinNok,
        budgetMaxNok: e.budgetMaxNok,
        fundingSource: e.fundingSource,
        expectedValueNok: e.expectedValueNok,
        expectedQuantity: e.quantity,
        quantityUnit: e.unit,
        expectedTenderQuarter: e.expectedTenderQuarter,
        expectedContractStart: e.expectedContractStart,
        createdAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("effortRequestRecipients")
      .values(recipients.map((r) => ({ requestId: request.id, organisationId: r.id })))
      .execute();
    const buyer = await trx.selectFrom("organisations").select("name").where("id", "=", member.organisation.id).executeTakeFirstOrThrow();
    for (const recipient of recipients) {
      await emailAdmins(trx, recipient.id, (person) => ({
        template: "effort-requested",
        data: {
          name: person.name,
          buyerName: buyer.name,
          organisationName: recipient.name,
          title: input.title,
          hoursPerVendor: input.hoursPerVendor!,
          deadline: new Date(input.deadline!).toISOString(),
          url: `${baseUrl}/effort-requests/${request.id}`,
        },
      }));
    }
    return { ok: true, value: { id: request.id } };
  });
}

export type EffortViewer = { side: "buyer" } | { side: "vendor"; organisationId: string };

/** The request as one organisation may see it: the buyer sees every recipient, a vendor only itself. Null for everyone else. */
export async function getEffortRequest(db: Db, id: string, organisationId: string, { now = new Date() }: { now?: Date } = {}) {
  if (!isUuid(id)) return null;
  const request = await db
    .selectFrom("effortRequests")
    .innerJoin("organisations as buyer", "buyer.id", "effortRequests.buyerId")
    .leftJoin("events", "events.id", "effortRequests.eventId")
    .leftJoin("users as requester", "requester.id", "effortRequests.requestedBy")
    .selectAll("effortRequests")
    .select(["buyer.name as buyerName", "events.title as eventTitle", "requester.name as requestedByName"])
    .where("effortRequests.id", "=", id)
    .executeTakeFirst();
  if (!request) return null;
  let recipientQuery = db
    .selectFrom("effortRequestRecipients")
    .innerJoin("organisations", "organisations.id", "effortRequestRecipients.organisationId")
    .leftJoin("users", "users.id", "effortRequestRecipients.respondedBy")
    .select([
      "effortRequestRecipients.organisationId",
      "organisations.name as organisationName",
      "effortRequestRecipients.status",
      "effortRequestRecipients.respondedAt",
      "effortRequestRecipients.declineReason",
      "users.name as respondedByName",
    ])
    .where("effortRequestRecipients.requestId", "=", id);
  let viewer: EffortViewer;
  if (request.buyerId === organisationId) viewer = { side: "buyer" };
  else {
    recipientQuery = recipientQuery.where("effortRequestRecipients.organisationId", "=", organisationId);
    viewer = { side: "vendor", organisationId };
  }
  const recipients = await recipientQuery.orderBy("organisations.name").execute();
  if (viewer.side === "vendor" && recipients.length === 0) return null;
  let reportQuery = db
    .selectFrom("effortReports")
    .innerJoin("organisations", "organisations.id", "effortReports.vendorId")
    .select(["effortReports.id", "effortReports.vendorId", "organisations.name as organisationName", "effortReports.hours", "effortReports.people", "effortReports.note", "effortReports.reportedAt", "effortReports.correctedAt"])
    .where("effortReports.requestId", "=", id);
  if (viewer.side === "vendor") reportQuery = reportQuery.where("effortReports.vendorId", "=", organisationId);
  const reportRows = await reportQuery.orderBy("effortReports.reportedAt").execute();
  // The reporting vendor may correct its own report while the window is open.
  const reports = await withCorrections(db, reportRows, { now, mayCorrect: viewer.side === "vendor" });

  // The request's history, oldest first: sent, each answer, each report of effort.
  const history = [
    { at: request.createdAt, kind: "sent" as const, organisationName: request.buyerName, detail: null as string | null },
    ...recipients.filter((r) => r.respondedAt !== null).map((r) => ({ at: r.respondedAt!, kind: r.status === "accepted" ? ("accepted" as const) : ("declined" as const), organisationName: r.organisationName, detail: r.declineReason })),
    ...reports.map((r) => ({ at: r.reportedAt, kind: "reported" as const, organisationName: r.organisationName, detail: null })),
    ...reports.flatMap((r) => r.corrections.map((c) => ({ at: c.correctedAt, kind: "corrected" as const, organisationName: r.organisationName, detail: null }))),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return { request, recipients, reports, history, viewer };
}

export type Decision = { kind: "accept" } | { kind: "decline"; reason: string };

/** A recipient vendor accepts or declines, once; the buyer hears of it (app/models/vendor-activity.server.ts). */
export async function respondToEffortRequest(db: Db, member: OrganisationMember, id: string, decision: Decision, { now = new Date(), baseUrl }: Options): Promise<Result<{ status: "accepted" | "declined" }>> {
  if (!isUuid(id)) return fail("not_found");
  if (decision.kind === "decline") {
    const problems = checkDeclineReason(decision.reason);
    if (problems.length) return fail("invalid", problems);
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("effortRequestRecipients")
      .innerJoin("effortRequests", "effortRequests.id", "effortRequestRecipients.requestId")
      .select(["effortRequestRecipients.status", "effortRequests.buyerId"])
      .where("effortRequestRecipients.requestId", "=", id)
      .where("effortRequestRecipients.organisationId", "=", member.organisation.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return fail("not_found");
    if (row.status !== "open") return fail("conflict", [{ path: "", code: "already_answered" }]);
    const status = decision.kind === "accept" ? ("accepted" as const) : ("declined" as const);
    await trx
      .updateTable("effortRequestRecipients")
      .set({ status, respondedAt: now, respondedBy: member.user.id, declineReason: decision.kind === "decline" ? decision.reason.trim() : null })
      .where("requestId", "=", id)
      .where("organisationId", "=", member.organisation.id)
      .execute();
    await recordVendorActivity(
      trx,
      {
        buyerId: row.buyerId,
        vendorId: member.organisation.id,
        kind: status === "accepted" ? "effort_accepted" : "effort_declined",
        effortRequestId: id,
        detail: decision.kind === "decline" ? decision.reason.trim() : null,
      },
      { now, baseUrl },
    );
    return { ok: true, value: { status } };
  });
}

export type EffortSubject = { eventId: string } | { requestId: string };

/**
 * The effort ledger: a vendor reports what it spent after an event it was registered
 * for (once the event has started) or on a request it accepted. Once per subject.
 */
export async function reportEffort(db: Db, member: OrganisationMember, subject: EffortSubject, input: EffortReportInput, { now = new Date() }: { now?: Date } = {}): Promise<Result<{ id: string }>> {
  const id = "eventId" in subject ? subject.eventId : subject.requestId;
  if (!isUuid(id)) return fail("not_found");
  const problems = checkEffortReport(input);
  if (problems.length) return fail("invalid", problems);
  return db.transaction().execute(async (trx) => {
    let buyerId: string;
    if ("eventId" in subject) {
      const event = await trx
        .selectFrom("events")
        .innerJoin("registrations", "registrations.eventId", "events.id")
        .select(["events.buyerId", "events.startsAt", "events.responseDeadline", "events.status"])
        .where("events.id", "=", id)
        .where("registrations.organisationId", "=", member.organisation.id)
        .where("registrations.status", "=", "registered")
        .executeTakeFirst();
      if (!event) return fail("not_found");
      const held = event.startsAt ?? event.responseDeadline;
      if (event.status !== "closed" && (held === null || held.getTime() > now.getTime())) return fail("conflict", [{ path: "", code: "event_not_held" }]);
      buyerId = event.buyerId;
    } else {
      const request = await trx
        .selectFrom("effortRequests")
        .innerJoin("effortRequestRecipients", "effortRequestRecipients.requestId", "effortRequests.id")
        .select(["effortRequests.buyerId", "effortRequestRecipients.status"])
        .where("effortRequests.id", "=", id)
        .where("effortRequestRecipients.organisationId", "=", member.organisation.id)
        .executeTakeFirst();
      if (!request) return fail("not_found");
      if (request.status !== "accepted") return fail("conflict", [{ path: "", code: "request_not_accepted" }]);
      buyerId = request.buyerId;
    }
    const row = await trx
      .insertInto("effortReports")
      .values({
        vendorId: member.organisation.id,
        buyerId,
        eventId: "eventId" in subject ? id : null,
        requestId: "requestId" in subject ? id : null,
        hours: input.hours!,
        people: input.people!,
        note: input.note,
        reportedBy: member.user.id,
        reportedAt: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return fail("conflict", [{ path: "", code: "already_reported" }]);
    return { ok: true, value: { id: row.id } };
  });
}

/**
 * A vendor corrects the effort it reported, within the correction window. The report then
 * holds the new figures; the figures replaced are kept as a correction the buyer sees.
 */
export async function correctEffortReport(db: Db, member: OrganisationMember, reportId: string, input: EffortReportInput, { now = new Date() }: { now?: Date } = {}): Promise<Result<{ id: string }>> {
  if (!isUuid(reportId)) return fail("not_found");
  const problems = checkEffortReport(input);
  if (problems.length) return fail("invalid", problems);
  return db.transaction().execute(async (trx) => {
    const report = await trx
      .selectFrom("effortReports")
      .select(["id", "hours", "people", "note", "reportedAt"])
      .where("id", "=", reportId)
      .where("vendorId", "=", member.organisation.id)
      .forUpdate()
      .executeTakeFirst();
    if (!report) return fail("not_found");
    if (!effortReportCorrectable(report.reportedAt, now)) return fail("conflict", [{ path: "", code: "correction_window_closed" }]);
    if (!effortReportChanged(report, input)) return fail("invalid", [{ path: "", code: "correction_unchanged" }]);
    await trx
      .insertInto("effortReportCorrections")
      .values({ reportId, hours: report.hours, people: report.people, note: report.note, correctedBy: member.user.id, correctedAt: now })
      .execute();
    await trx.updateTable("effortReports").set({ hours: input.hours!, people: input.people!, note: input.note, correctedAt: now }).where("id", "=", reportId).execute();
    return { ok: true, value: { id: reportId } };
  });
}

/** A vendor's own reports on events, by event, each with its corrections and how long it may still correct them. */
export async function ownEventEffortReports(db: Db, vendorId: string, eventIds: string[], { now = new Date() }: { now?: Date } = {}) {
  if (eventIds.length === 0) return new Map<string, never>();
  const rows = await db
    .selectFrom("effortReports")
    .select(["id", "eventId", "hours", "people", "note", "reportedAt", "correctedAt"])
    .where("vendorId", "=", vendorId)
    .where("eventId", "in", eventIds)
    .execute();
  const reports = await withCorrections(db, rows, { now, mayCorrect: true });
  return new Map(reports.map(({ eventId, ...r }) => [eventId!, { ...r, organisationName: null }]));
}

/**
 * Reports with the figures each correction replaced (oldest first), and, where the viewer is
 * the reporting vendor, the last moment it may still correct them (null once closed).
 */
async function withCorrections<R extends { id: string; reportedAt: Date }>(db: Db, reports: R[], { now, mayCorrect }: { now: Date; mayCorrect: boolean }) {
  const corrections = reports.length
    ? await db
        .selectFrom("effortReportCorrections")
        .select(["reportId", "hours", "people", "note", "correctedAt"])
        .where("reportId", "in", reports.map((r) => r.id))
        .orderBy("correctedAt")
        .orderBy("id")
        .execute()
    : [];
  return reports.map((r) => ({
    ...r,
    corrections: corrections.filter((c) => c.reportId === r.id),
    correctableUntil: mayCorrect && effortReportCorrectable(r.reportedAt, now) ? effortReportCorrectableUntil(r.reportedAt) : null,
  }));
}

/** Hours and people vendors reported spending for one buyer: public totals, never per vendor. */
export async function reportedHoursByBuyer(db: Db, buyerId: string, { since }: { since?: Date } = {}): Promise<{ hours: number; people: number; reports: number }> {
  let query = db
    .selectFrom("effortReports")
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>("hours"), eb.lit(0)).as("hours"), eb.fn.coalesce(eb.fn.sum<number>("people"), eb.lit(0)).as("people"), eb.fn.countAll<number>().as("reports")])
    .where("buyerId", "=", buyerId);
  if (since) query = query.where("reportedAt", ">=", since);
  const row = await query.executeTakeFirstOrThrow();
  return { hours: Number(row.hours), people: Number(row.people), reports: Number(row.reports) };
}

/** A vendor's own reported hours, by buyer (the vendor's workspace). */
export async function vendorHoursByBuyer(db: Db, vendorId: string, { since }: { since: Date }) {
  const rows = await db
    .selectFrom("effortReports")
    .innerJoin("organisations", "organisations.id", "effortReports.buyerId")
    .select((eb) => ["organisations.id as buyerId", "organisations.name as buyerName", eb.fn.sum<number>("effortReports.hours").as("hours"), eb.fn.sum<number>("effortReports.people").as("people")])
    .where("effortReports.vendorId", "=", vendorId)
    .where("effortReports.reportedAt", ">=", since)
    .groupBy(["organisations.id", "organisations.name"])
    .orderBy("organisations.name")
    .execute();
  return rows.map((r) => ({ ...r, hours: Number(r.hours), people: Number(r.people) }));
}

/** A buyer's requests, newest first, with how many recipients answered. */
export async function listBuyerEffortRequests(db: Db, buyerId: string) {
  return db
    .selectFrom("effortRequests")
    .select((eb) => [
      "effortRequests.id",
      "effortRequests.title",
      "effortRequests.deadline",
      "effortRequests.createdAt",
      eb.selectFrom("effortRequestRecipients").select(eb.fn.countAll<number>().as("n")).whereRef("requestId", "=", "effortRequests.id").as("recipients"),
      eb.selectFrom("effortRequestRecipients").select(eb.fn.countAll<number>().as("n")).whereRef("requestId", "=", "effortRequests.id").where("status", "=", "open").as("open"),
    ])
    .where("effortRequests.buyerId", "=", buyerId)
    .orderBy("effortRequests.createdAt", "desc")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, recipients: Number(r.recipients ?? 0), open: Number(r.open ?? 0) })));
}

/** Requests to a vendor, newest first, with its answer and whether it reported effort. */
export async function listVendorEffortRequests(db: Db, vendorId: string) {
  return db
    .selectFrom("effortRequestRecipients")
    .innerJoin("effortRequests", "effortRequests.id", "effortRequestRecipients.requestId")
    .innerJoin("organisations", "organisations.id", "effortRequests.buyerId")
    .select((eb) => [
      "effortRequests.id",
      "effortRequests.title",
      "effortRequests.deadline",
      "effortRequests.hoursPerVendor",
      "organisations.name as buyerName",
      "effortRequestRecipients.status",
      eb
        .exists(eb.selectFrom("effortReports").select("effortReports.id").whereRef("effortReports.requestId", "=", "effortRequests.id").where("effortReports.vendorId", "=", vendorId))
        .as("reported"),
    ])
    .where("effortRequestRecipients.organisationId", "=", vendorId)
    .orderBy("effortRequests.createdAt", "desc")
    .execute();
}
