import type { Db } from "@db/client";
import { enqueueEmail } from "@emails/outbox.server";
import type { VendorRequestMail } from "@emails/messages";
import { isUuid } from "~/domain/ids";
import { fail, ok, type Result } from "~/domain/result";
import {
  checkAnswer,
  checkAssign,
  checkOpen,
  checkReason,
  checkReferral,
  checkVendorRequest,
  concernsOpenEvent,
  reminderDue,
  requestFigures,
  ESCALATE_AFTER_DAYS,
  type AnswerInput,
  type AssignInput,
  type ReferInput,
  type RequestFigures,
  type VendorRequestInput,
} from "~/domain/vendor-requests";
import { osloDate } from "~/domain/zoned-time";
import { adminRecipients } from "./memberships.server";
import { participantMembers } from "./registration-reads.server";

// Requests from vendors to a buyer organisation (issue 18, ADR 0019). Private to the two
// parties: every read and write here checks that the acting organisation is the vendor that
// sent it or the buyer that holds it now, and answers not_found to anyone else. Each change
// is one transaction with its history step and its e-mails.

export interface ActingMember {
  user: { id: string };
  organisation: { id: string };
}

interface Options {
  now?: Date;
  baseUrl: string;
}

type Person = { id: string; email: string; name: string; language: "nb" | "en" };

const requestUrl = (baseUrl: string, id: string) => new URL(`/requests/${id}`, baseUrl).toString();

async function person(db: Db, userId: string | null): Promise<Person | null> {
  if (!userId) return null;
  const row = await db.selectFrom("users").select(["id", "email", "name", "language"]).where("id", "=", userId).where("emailVerifiedAt", "is not", null).executeTakeFirst();
  return row ?? null;
}

async function isMember(db: Db, userId: string, organisationId: string) {
  return (await db.selectFrom("memberships").select("userId").where("userId", "=", userId).where("organisationId", "=", organisationId).executeTakeFirst()) !== undefined;
}

/**
 * Who hears of a new request at a buyer: its commercial contact point, or, when it has named
 * none, its admins (and the vendor is told so on the request's page).
 */
async function arrivalRecipients(db: Db, buyerId: string): Promise<{ people: Person[]; reason: "contact" | "admin" }> {
  const buyer = await db.selectFrom("organisations").select("commercialContactUserId").where("id", "=", buyerId).executeTakeFirstOrThrow();
  const contact = buyer.commercialContactUserId && (await isMember(db, buyer.commercialContactUserId, buyerId)) ? await person(db, buyer.commercialContactUserId) : null;
  if (contact) return { people: [contact], reason: "contact" };
  return { people: await adminRecipients(db, buyerId), reason: "admin" };
}

async function mail(db: Db, to: Person, data: Omit<VendorRequestMail, "name">) {
  await enqueueEmail(db, { template: "vendor-request", to: to.email, language: to.language, data: { ...data, name: to.name } });
}

/** What the new-request form offers a vendor: buyer organisations (and whether each has a contact point), published events, contracts it is party to. */
export async function vendorRequestFormOptions(db: Db, vendorId: string) {
  const [buyers, events, contracts] = await Promise.all([
    db
      .selectFrom("organisations")
      .select(["id", "name", "commercialContactUserId"])
      .where("isBuyer", "=", true)
      .where("id", "<>", vendorId)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("events")
      .select(["id", "title", "buyerId"])
      .where("status", "in", ["published", "closed"])
      .orderBy("publishedAt", "desc")
      .limit(500)
      .execute(),
    db
      .selectFrom("contracts")
      .innerJoin("contractVendors", "contractVendors.contractId", "contracts.id")
      .select(["contracts.id", "contracts.title", "contracts.buyerId"])
      .where("contractVendors.organisationId", "=", vendorId)
      .orderBy("contracts.title")
      .execute(),
  ]);
  return { buyers: buyers.map((b) => ({ id: b.id, name: b.name, hasContact: b.commercialContactUserId !== null })), events, contracts };
}

/**
 * A vendor member sends a request to a buyer organisation. A linked event must be one of that
 * buyer's the vendor can see (published or closed); a linked contract one the vendor is party to.
 */
export async function createVendorRequest(db: Db, member: ActingMember, input: VendorRequestInput, { now = new Date(), baseUrl }: Options): Promise<Result<{ id: string; toAdmins: boolean }>> {
  const problems = checkVendorRequest(input);
  if (problems.length) return fail("invalid", problems);
  return db.transaction().execute(async (trx) => {
    const buyer = await trx.selectFrom("organisations").select(["id", "name", "isBuyer"]).where("id", "=", input.buyerId).executeTakeFirst();
    if (!buyer || !buyer.isBuyer || buyer.id === member.organisation.id) return fail("invalid", [{ path: "buyerId", code: "invalid_choice" }]);
    if (input.eventId !== null) {
      const event = await trx
        .selectFrom("events")
        .select("id")
        .where("id", "=", input.eventId)
        .where("buyerId", "=", buyer.id)
        .where("status", "in", ["published", "closed"])
        .executeTakeFirst();
      if (!event) return fail("invalid", [{ path: "eventId", code: "invalid_choice" }]);
    }
    if (input.contractId !== null) {
      const contract = await trx
        .selectFrom("contracts")
        .innerJoin("contractVendors", "contractVendors.contractId", "contracts.id")
        .select("contracts.id")
        .where("contracts.id", "=", input.contractId)
        .where("contracts.buyerId", "=", buyer.id)
        .where("contractVendors.organisationId", "=", member.organisation.id)
        .executeTakeFirst();
      if (!contract) return fail("invalid", [{ path: "contractId", code: "invalid_choice" }]);
    }
    const vendor = await trx.selectFrom("organisations").select("name").where("id", "=", member.organisation.id).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("vendorRequests")
      .values({
        vendorId: member.organisation.id,
        addressedTo: buyer.id,
        buyerId: buyer.id,
        sentBy: member.user.id,
        type: input.type,
        topic: input.topic,
        subject: input.subject,
        body: input.body,
        eventId: input.eventId,
        contractId: input.contractId,
        createdAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("vendorRequestSteps").values({ requestId: row.id, kind: "sent", at: now, byUserId: member.user.id, organisationId: buyer.id }).execute();
    const { people, reason } = await arrivalRecipients(trx, buyer.id);
    for (const p of people) {
      await mail(trx, p, { kind: "received", reason, vendorName: vendor.name, buyerName: buyer.name, subject: input.subject, dueOn: "", detail: "", url: requestUrl(baseUrl, row.id) });
    }
    return ok({ id: row.id, toAdmins: reason === "admin" });
  });
}

export type RequestViewer = "vendor" | "buyer";

/** The request as one organisation may see it, with its whole history; null for anyone but the two parties. */
export async function getVendorRequest(db: Db, id: string, organisationId: string) {
  if (!isUuid(id)) return null;
  const request = await db
    .selectFrom("vendorRequests as r")
    .innerJoin("organisations as vendor", "vendor.id", "r.vendorId")
    .innerJoin("organisations as buyer", "buyer.id", "r.buyerId")
    .leftJoin("events", "events.id", "r.eventId")
    .leftJoin("contracts", "contracts.id", "r.contractId")
    .leftJoin("users as owner", "owner.id", "r.ownerId")
    .leftJoin("users as sender", "sender.id", "r.sentBy")
    .selectAll("r")
    .select([
      "vendor.name as vendorName",
      "buyer.name as buyerName",
      "buyer.slug as buyerSlug",
      "vendor.slug as vendorSlug",
      "buyer.commercialContactUserId as buyerContactId",
      "events.title as eventTitle",
      "events.status as eventStatus",
      "events.buyerId as eventBuyerId",
      "contracts.title as contractTitle",
      "owner.name as ownerName",
      "sender.name as sentByName",
    ])
    .where("r.id", "=", id)
    .where((eb) => eb.or([eb("r.vendorId", "=", organisationId), eb("r.buyerId", "=", organisationId)]))
    .executeTakeFirst();
  if (!request) return null;
  const viewer: RequestViewer = request.vendorId === organisationId ? "vendor" : "buyer";
  const steps = await db
    .selectFrom("vendorRequestSteps as s")
    .leftJoin("users as by", "by.id", "s.byUserId")
    .leftJoin("users as toUser", "toUser.id", "s.toUserId")
    .leftJoin("organisations as org", "org.id", "s.organisationId")
    .leftJoin("organisations as toOrg", "toOrg.id", "s.toOrganisationId")
    .select(["s.id", "s.kind", "s.at", "s.reason", "by.name as byName", "toUser.name as toUserName", "org.name as organisationName", "toOrg.name as toOrganisationName"])
    .where("s.requestId", "=", id)
    .orderBy("s.at")
    .orderBy("s.id")
    .execute();
  const members =
    viewer === "buyer"
      ? await db
          .selectFrom("memberships")
          .innerJoin("users", "users.id", "memberships.userId")
          .select(["users.id", "users.name"])
          .where("memberships.organisationId", "=", request.buyerId)
          .orderBy("users.name")
          .execute()
      : [];
  const held = steps.filter((s) => s.kind === "referred_organisation").length > 0;
  const buyers =
    viewer === "buyer"
      ? await db.selectFrom("organisations").select(["id", "name"]).where("isBuyer", "=", true).where("id", "<>", request.buyerId).where("id", "<>", request.vendorId).orderBy("name").execute()
      : [];
  // Equal treatment: an answer with substance about an open procurement belongs to every taking-part vendor.
  const openEvent = request.eventId !== null && request.eventBuyerId === request.buyerId && concernsOpenEvent(request.eventStatus ? { status: request.eventStatus } : null);
  const clause = openEvent
    ? await db
        .selectFrom("conductClauses")
        .select(["number", "titleNb", "titleEn", "textNb", "textEn", "versionNumber"])
        .where("principle", "=", "equal_treatment")
        .orderBy("versionNumber", "desc")
        .orderBy("number")
        .executeTakeFirst()
    : undefined;
  return { request, viewer, steps, members, buyers, referredBetweenOrganisations: held, openEvent, clause: clause ?? null, noContact: request.buyerContactId === null };
}

/** The request locked for a change by a member of the buyer holding it; not_found for everyone else. */
async function lockForBuyer(trx: Db, member: ActingMember, id: string) {
  if (!isUuid(id)) return null;
  const row = await trx
    .selectFrom("vendorRequests as r")
    .innerJoin("organisations as vendor", "vendor.id", "r.vendorId")
    .innerJoin("organisations as buyer", "buyer.id", "r.buyerId")
    .selectAll("r")
    .select(["vendor.name as vendorName", "buyer.name as buyerName"])
    .where("r.id", "=", id)
    .where("r.buyerId", "=", member.organisation.id)
    .forUpdate("r")
    .executeTakeFirst();
  if (!row || !(await isMember(trx, member.user.id, member.organisation.id))) return null;
  return row;
}

type Locked = NonNullable<Awaited<ReturnType<typeof lockForBuyer>>>;

async function tellSender(trx: Db, row: Locked, data: Pick<VendorRequestMail, "kind" | "detail" | "dueOn"> & { buyerName?: string }, baseUrl: string) {
  const sender = await person(trx, row.sentBy);
  if (!sender || !(await isMember(trx, sender.id, row.vendorId))) return;
  await mail(trx, sender, { reason: "sender", vendorName: row.vendorName, buyerName: data.buyerName ?? row.buyerName, subject: row.subject, url: requestUrl(baseUrl, row.id), kind: data.kind, detail: data.detail, dueOn: data.dueOn });
}

/** The buyer names an owner (a member), who can decide and with what mandate, and a due date. May be done again to change them. */
export async function assignVendorRequest(db: Db, member: ActingMember, id: string, input: AssignInput, { now = new Date(), baseUrl }: Options): Promise<Result<{ id: string }>> {
  return db.transaction().execute(async (trx) => {
    const row = await lockForBuyer(trx, member, id);
    if (!row) return fail("not_found");
    const problems = [...checkOpen(row.status), ...checkAssign(input, { today: osloDate(now) })];
    if (problems.length) return fail(problems[0]!.code === "request_closed" ? "conflict" : "invalid", problems);
    if (!(await isMember(trx, input.ownerId, row.buyerId))) return fail("invalid", [{ path: "ownerId", code: "invalid_choice" }]);
    await trx
      .updateTable("vendorRequests")
      .set({ ownerId: input.ownerId, decisionMakerRole: input.decisionMakerRole, decisionMandate: input.decisionMandate, dueOn: input.dueOn, remindedAt: null, escalatedAt: null })
      .where("id", "=", row.id)
      .execute();
    await trx.insertInto("vendorRequestSteps").values({ requestId: row.id, kind: "assigned", at: now, byUserId: member.user.id, organisationId: row.buyerId, toUserId: input.ownerId }).execute();
    const owner = input.ownerId !== member.user.id ? await person(trx, input.ownerId) : null;
    if (owner) await mail(trx, owner, { kind: "received", reason: "owner", vendorName: row.vendorName, buyerName: row.buyerName, subject: row.subject, dueOn: input.dueOn, detail: "", url: requestUrl(baseUrl, row.id) });
    await tellSender(trx, row, { kind: "assigned", detail: "", dueOn: input.dueOn }, baseUrl);
    return ok({ id: row.id });
  });
}

/**
 * The buyer answers, once. When the request concerns one of its open events and the buyer
 * chooses to, the answer is also published to every taking-part vendor through the event's
 * Q&A, worded as the buyer words the question (so it names no one).
 */
export async function answerVendorRequest(db: Db, member: ActingMember, id: string, input: AnswerInput, { now = new Date(), baseUrl }: Options): Promise<Result<{ id: string; publishedQuestionId: string | null }>> {
  return db.transaction().execute(async (trx) => {
    const row = await lockForBuyer(trx, member, id);
    if (!row) return fail("not_found");
    if (row.status !== "open") return fail("conflict", checkOpen(row.status));
    const problems = checkAnswer(input);
    if (problems.length) return fail("invalid", problems);
    let publishedQuestionId: string | null = null;
    if (input.publishedQuestion !== null) {
      const event = row.eventId ? await trx.selectFrom("events").select(["id", "title", "status", "buyerId"]).where("id", "=", row.eventId).executeTakeFirst() : undefined;
      if (!event || event.buyerId !== row.buyerId || !concernsOpenEvent(event)) return fail("invalid", [{ path: "publishedQuestion", code: "no_open_event" }]);
      const q = await trx
        .insertInto("eventQuestions")
        .values({ eventId: event.id, organisationId: row.vendorId, askedBy: row.sentBy, askedAt: row.createdAt, originalText: row.body, publishedText: input.publishedQuestion, answer: input.answer, answeredAt: now, answeredBy: member.user.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      publishedQuestionId = q.id;
      for (const p of await participantMembers(trx, event.id)) {
        await enqueueEmail(trx, {
          template: "question-answered",
          to: p.email,
          language: p.language,
          data: { name: p.name, eventTitle: event.title, buyerName: row.buyerName, question: input.publishedQuestion, answer: input.answer, url: `${baseUrl}/events/${event.id}#questions-title` },
        });
      }
    }
    await trx
      .updateTable("vendorRequests")
      .set({ status: "answered", answer: input.answer, closedBy: member.user.id, closedAt: now, ownerId: row.ownerId ?? member.user.id })
      .where("id", "=", row.id)
      .execute();
    await trx.insertInto("vendorRequestSteps").values({ requestId: row.id, kind: "answered", at: now, byUserId: member.user.id, organisationId: row.buyerId }).execute();
    await tellSender(trx, row, { kind: "answered", detail: input.answer, dueOn: "" }, baseUrl);
    return ok({ id: row.id, publishedQuestionId });
  });
}

/** The buyer declines, once, with a reason the vendor reads. */
export async function declineVendorRequest(db: Db, member: ActingMember, id: string, reason: string, { now = new Date(), baseUrl }: Options): Promise<Result<{ id: string }>> {
  return db.transaction().execute(async (trx) => {
    const row = await lockForBuyer(trx, member, id);
    if (!row) return fail("not_found");
    if (row.status !== "open") return fail("conflict", checkOpen(row.status));
    const problems = checkReason(reason);
    if (problems.length) return fail("invalid", problems);
    await trx.updateTable("vendorRequests").set({ status: "declined", declineReason: reason, closedBy: member.user.id, closedAt: now }).where("id", "=", row.id).execute();
    await trx.insertInto("vendorRequestSteps").values({ requestId: row.id, kind: "declined", at: now, byUserId: member.user.id, organisationId: row.buyerId, reason }).execute();
    await tellSender(trx, row, { kind: "declined", detail: reason, dueOn: "" }, baseUrl);
    return ok({ id: row.id });
  });
}

/**
 * The buyer refers the request to another member (who becomes its owner) or to another buyer
 * organisation (which then holds it, with no owner or due date yet). Every referral is a step
 * the vendor sees; one back to where the request has already been is refused (referral_loop).
 */
export async function referVendorRequest(db: Db, member: ActingMember, id: string, input: ReferInput, { now = new Date(), baseUrl }: Options): Promise<Result<{ id: string }>> {
  return db.transaction().execute(async (trx) => {
    const row = await lockForBuyer(trx, member, id);
    if (!row) return fail("not_found");
    if (row.status !== "open") return fail("conflict", checkOpen(row.status));
    const steps = await trx.selectFrom("vendorRequestSteps").select(["kind", "organisationId", "toOrganisationId", "toUserId"]).where("requestId", "=", row.id).orderBy("at").orderBy("id").execute();
    const organisationIds = [row.addressedTo, ...steps.filter((s) => s.kind === "referred_organisation").map((s) => s.toOrganisationId!)];
    const ownerIds = steps.filter((s) => s.organisationId === row.buyerId && (s.kind === "assigned" || s.kind === "referred_person") && s.toUserId).map((s) => s.toUserId!);
    const problems = checkReferral(input, { organisationIds, ownerIds, currentOwnerId: row.ownerId });
    if (problems.length) return fail(problems.some((p) => p.code === "referral_loop") ? "conflict" : "invalid", problems);

    if (input.to === "person") {
      if (!(await isMember(trx, input.userId, row.buyerId))) return fail("invalid", [{ path: "userId", code: "invalid_choice" }]);
      await trx
        .updateTable("vendorRequests")
        .set((eb) => ({ ownerId: input.userId, referrals: eb("referrals", "+", 1), remindedAt: null }))
        .where("id", "=", row.id)
        .execute();
      await trx.insertInto("vendorRequestSteps").values({ requestId: row.id, kind: "referred_person", at: now, byUserId: member.user.id, organisationId: row.buyerId, toUserId: input.userId, reason: input.reason }).execute();
      const owner = await person(trx, input.userId);
      if (owner) await mail(trx, owner, { kind: "received", reason: "owner", vendorName: row.vendorName, buyerName: row.buyerName, subject: row.subject, dueOn: row.dueOn ?? "", detail: input.reason, url: requestUrl(baseUrl, row.id) });
      await tellSender(trx, row, { kind: "referred", detail: input.reason, dueOn: "" }, baseUrl);
      return ok({ id: row.id });
    }

    const to = await trx.selectFrom("organisations").select(["id", "name", "isBuyer"]).where("id", "=", input.organisationId).executeTakeFirst();
    if (!to || !to.isBuyer || to.id === row.vendorId) return fail("invalid", [{ path: "organisationId", code: "invalid_choice" }]);
    await trx
      .updateTable("vendorRequests")
      .set((eb) => ({ buyerId: to.id, ownerId: null, decisionMakerRole: null, decisionMandate: null, dueOn: null, remindedAt: null, escalatedAt: null, referrals: eb("referrals", "+", 1) }))
      .where("id", "=", row.id)
      .execute();
    await trx
      .insertInto("vendorRequestSteps")
      .values({ requestId: row.id, kind: "referred_organisation", at: now, byUserId: member.user.id, organisationId: row.buyerId, toOrganisationId: to.id, reason: input.reason })
      .execute();
    const { people, reason } = await arrivalRecipients(trx, to.id);
    for (const p of people) {
      await mail(trx, p, { kind: "received", reason, vendorName: row.vendorName, buyerName: to.name, subject: row.subject, dueOn: "", detail: input.reason, url: requestUrl(baseUrl, row.id) });
    }
    await tellSender(trx, row, { kind: "referred", detail: input.reason, dueOn: "", buyerName: to.name }, baseUrl);
    return ok({ id: row.id });
  });
}

/** An organisation's requests: those it sent (as a vendor) and those it holds (as a buyer), newest first. */
export async function listVendorRequests(db: Db, organisationId: string) {
  const base = db
    .selectFrom("vendorRequests as r")
    .innerJoin("organisations as vendor", "vendor.id", "r.vendorId")
    .innerJoin("organisations as buyer", "buyer.id", "r.buyerId")
    .leftJoin("users as owner", "owner.id", "r.ownerId")
    .select(["r.id", "r.subject", "r.type", "r.topic", "r.status", "r.dueOn", "r.referrals", "r.createdAt", "vendor.name as vendorName", "buyer.name as buyerName", "owner.name as ownerName"])
    .orderBy("r.createdAt", "desc")
    .limit(200);
  const [sent, received] = await Promise.all([base.where("r.vendorId", "=", organisationId).execute(), base.where("r.buyerId", "=", organisationId).execute()]);
  return { sent, received };
}

/**
 * The job's work: each open request with a due date gets one reminder to its owner on the due
 * date (Oslo) and one escalation to the buyer's commercial leads (else its admins) once it is
 * `escalateAfterDays` past it. At most `limit` requests a round, locked so two runners never both send.
 */
export async function sendVendorRequestReminders(db: Db, now: Date, baseUrl: string, { escalateAfterDays = ESCALATE_AFTER_DAYS, limit = 200 } = {}): Promise<{ reminded: number; escalated: number }> {
  const today = osloDate(now);
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("vendorRequests as r")
      .innerJoin("organisations as vendor", "vendor.id", "r.vendorId")
      .innerJoin("organisations as buyer", "buyer.id", "r.buyerId")
      .select(["r.id", "r.status", "r.dueOn", "r.remindedAt", "r.escalatedAt", "r.ownerId", "r.buyerId", "r.subject", "vendor.name as vendorName", "buyer.name as buyerName"])
      .where("r.status", "=", "open")
      .where("r.dueOn", "<=", today)
      .where((eb) => eb.or([eb("r.remindedAt", "is", null), eb("r.escalatedAt", "is", null)]))
      .orderBy("r.dueOn")
      .orderBy("r.id")
      .limit(limit)
      .forUpdate("r")
      .skipLocked()
      .execute();
    let reminded = 0;
    let escalated = 0;
    for (const r of rows) {
      const due = reminderDue(r, today, escalateAfterDays);
      if (due === null) continue;
      const data = { vendorName: r.vendorName, buyerName: r.buyerName, subject: r.subject, dueOn: r.dueOn ?? "", detail: "", url: requestUrl(baseUrl, r.id) };
      if (due === "remind") {
        const owner = r.ownerId && (await isMember(trx, r.ownerId, r.buyerId)) ? await person(trx, r.ownerId) : null;
        if (owner) await mail(trx, owner, { ...data, kind: "due", reason: "owner" });
        await trx.updateTable("vendorRequests").set({ remindedAt: now }).where("id", "=", r.id).execute();
        await trx.insertInto("vendorRequestSteps").values({ requestId: r.id, kind: "reminded", at: now, organisationId: r.buyerId, toUserId: owner?.id ?? null }).execute();
        reminded += 1;
      } else {
        const leads = await trx
          .selectFrom("memberships")
          .innerJoin("users", "users.id", "memberships.userId")
          .select(["users.id", "users.email", "users.name", "users.language"])
          .where("memberships.organisationId", "=", r.buyerId)
          .where("memberships.commercialRole", "=", "commercial_lead")
          .where("users.emailVerifiedAt", "is not", null)
          .orderBy("users.email")
          .execute();
        const to = leads.length ? leads : await adminRecipients(trx, r.buyerId);
        for (const p of to) await mail(trx, p, { ...data, kind: "overdue", reason: "lead" });
        // An escalation covers the reminder too: the owner is not reminded after it.
        await trx.updateTable("vendorRequests").set({ escalatedAt: now, remindedAt: now }).where("id", "=", r.id).execute();
        await trx.insertInto("vendorRequestSteps").values({ requestId: r.id, kind: "escalated", at: now, organisationId: r.buyerId }).execute();
        escalated += 1;
      }
    }
    return { reminded, escalated };
  });
}

/** The scorecard's request figures for a buyer: requests it holds that arrived since `since`. */
export async function vendorRequestFiguresForBuyer(db: Db, buyerId: string, { since, now = new Date() }: { since?: Date; now?: Date } = {}): Promise<RequestFigures> {
  let query = db
    .selectFrom("vendorRequests")
    .select(["createdAt", "closedAt", "dueOn", "referrals"])
    .where("buyerId", "=", buyerId);
  if (since) query = query.where("createdAt", ">=", since);
  const rows = await query.execute();
  return requestFigures(
    rows.map((r) => ({ createdAt: r.createdAt, firstAnsweredAt: r.closedAt, firstAnsweredOn: r.closedAt ? osloDate(r.closedAt) : null, dueOn: r.dueOn, referrals: r.referrals })),
    osloDate(now),
  );
}
