import type { Db } from "@db/client";
import { enqueueEmail } from "@emails/outbox.server";
import { median } from "~/domain/participation";
import type { AnswerInput } from "~/domain/participation-input";
import { participantMembers } from "./registration-reads.server";
import { recordVendorActivity } from "./vendor-activity.server";
import type { ActingUser } from "./event-access.server";
import type { VendorMember } from "./registrations.server";
import { fail, type Result } from "~/domain/result";
import { isUuid } from "~/domain/ids";

// likebehandling (equal treatment): a vendor asks privately; the buyer answers every
// taking-part vendor at once, without naming who asked. The answer is public on the event
// page, and its time is kept for the buyer's median time to answer.

async function isMemberOf(db: Db, userId: string, organisationId: string) {
  return (await db.selectFrom("memberships").select("userId").where("userId", "=", userId).where("organisationId", "=", organisationId).executeTakeFirst()) !== undefined;
}

/** A vendor that takes part (registered or wait-listed) asks a question about a published event; the buyer hears of it. */
export async function askQuestion(
  db: Db,
  member: VendorMember,
  eventId: string,
  text: string,
  { now = new Date(), baseUrl }: { now?: Date; baseUrl: string },
): Promise<Result<{ id: string }>> {
  if (!isUuid(eventId)) return fail("not_found");
  return db.transaction().execute(async (trx) => {
    const event = await trx.selectFrom("events").select(["id", "status", "buyerId"]).where("id", "=", eventId).executeTakeFirst();
    if (!event || event.status === "draft") return fail("not_found");
    if (event.status !== "published") return fail("conflict", [{ path: "", code: "event_closed" }]);
    const registration = await trx
      .selectFrom("registrations")
      .select("status")
      .where("eventId", "=", eventId)
      .where("organisationId", "=", member.organisation.id)
      .executeTakeFirst();
    if (!(registration?.status === "registered" || registration?.status === "waitlisted")) return fail("forbidden", [{ path: "", code: "not_registered" }]);
    const row = await trx
      .insertInto("eventQuestions")
      .values({ eventId, organisationId: member.organisation.id, askedBy: member.user.id, askedAt: now, originalText: text })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordVendorActivity(trx, { buyerId: event.buyerId, vendorId: member.organisation.id, kind: "question", eventId, detail: text }, { now, baseUrl });
    return { ok: true, value: { id: row.id } };
  });
}

/**
 * The buyer answers: the question (as the buyer words it, so it names no one) and the
 * answer are published together, and every member of every taking-part vendor is e-mailed
 * in the same transaction. The question as asked stays in `original_text`.
 */
export async function answerQuestion(
  db: Db,
  actor: ActingUser,
  eventId: string,
  input: AnswerInput,
  { now = new Date(), baseUrl }: { now?: Date; baseUrl: string },
): Promise<Result<{ id: string; notified: number }>> {
  if (!isUuid(eventId)) return fail("not_found");
  return db.transaction().execute(async (trx) => {
    const event = await trx.selectFrom("events").select(["id", "title", "buyerId", "status"]).where("id", "=", eventId).forUpdate().executeTakeFirst();
    if (!event) return fail("not_found");
    if (!(await isMemberOf(trx, actor.id, event.buyerId))) return event.status === "draft" ? fail("not_found") : fail("forbidden");
    const question = await trx
      .selectFrom("eventQuestions")
      .select(["id", "answeredAt"])
      .where("id", "=", input.questionId)
      .where("eventId", "=", eventId)
      .forUpdate()
      .executeTakeFirst();
    if (!question) return fail("invalid", [{ path: "questionId", code: "invalid_value" }]);
    if (question.answeredAt !== null) return fail("conflict", [{ path: "", code: "already_answered" }]);
    await trx
      .updateTable("eventQuestions")
      .set({ publishedText: input.question, answer: input.answer, answeredAt: now, answeredBy: actor.id })
      .where("id", "=", question.id)
      .execute();
    const buyer = await trx.selectFrom("organisations").select("name").where("id", "=", event.buyerId).executeTakeFirstOrThrow();
    const recipients = await participantMembers(trx, eventId);
    for (const person of recipients) {
      await enqueueEmail(trx, {
        template: "question-answered",
        to: person.email,
        language: person.language,
        data: { name: person.name, eventTitle: event.title, buyerName: buyer.name, question: input.question, answer: input.answer, url: `${baseUrl}/events/${eventId}#questions-title` },
      });
    }
    return { ok: true, value: { id: question.id, notified: recipients.length } };
  });
}

export interface PublishedAnswer {
  id: string;
  question: string;
  answer: string;
  answeredAt: Date;
}

/** Answered questions, in the order answered: public, and never saying who asked. */
export async function listAnswers(db: Db, eventId: string): Promise<PublishedAnswer[]> {
  if (!isUuid(eventId)) return [];
  const rows = await db
    .selectFrom("eventQuestions")
    .select(["id", "publishedText", "answer", "answeredAt"])
    .where("eventId", "=", eventId)
    .where("answeredAt", "is not", null)
    .orderBy("answeredAt")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, question: r.publishedText!, answer: r.answer!, answeredAt: r.answeredAt! }));
}

export interface OpenQuestion {
  id: string;
  eventId: string;
  eventTitle: string;
  organisationName: string;
  text: string;
  askedAt: Date;
}

/** Unanswered questions to a buyer, oldest first (one event, or all of the buyer's). */
export async function listUnanswered(db: Db, { buyerId, eventId }: { buyerId: string; eventId?: string }): Promise<OpenQuestion[]> {
  let query = db
    .selectFrom("eventQuestions")
    .innerJoin("events", "events.id", "eventQuestions.eventId")
    .innerJoin("organisations", "organisations.id", "eventQuestions.organisationId")
    .select(["eventQuestions.id", "eventQuestions.eventId", "events.title as eventTitle", "organisations.name as organisationName", "eventQuestions.originalText as text", "eventQuestions.askedAt"])
    .where("events.buyerId", "=", buyerId)
    .where("eventQuestions.answeredAt", "is", null);
  if (eventId) query = query.where("eventQuestions.eventId", "=", eventId);
  return query.orderBy("eventQuestions.askedAt").orderBy("eventQuestions.id").execute();
}

/** How many questions to a buyer wait for an answer (the buyer workspace's link). */
export async function countUnanswered(db: Db, buyerId: string): Promise<number> {
  const row = await db
    .selectFrom("eventQuestions")
    .innerJoin("events", "events.id", "eventQuestions.eventId")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("events.buyerId", "=", buyerId)
    .where("eventQuestions.answeredAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An organisation's own questions to one event, or to every event, newest first. */
export async function listOwnQuestions(db: Db, organisationId: string, eventId?: string) {
  let query = db
    .selectFrom("eventQuestions")
    .innerJoin("events", "events.id", "eventQuestions.eventId")
    .select(["eventQuestions.id", "eventQuestions.eventId", "events.title as eventTitle", "eventQuestions.originalText as text", "eventQuestions.askedAt", "eventQuestions.answeredAt"])
    .where("eventQuestions.organisationId", "=", organisationId);
  if (eventId) query = query.where("eventQuestions.eventId", "=", eventId);
  return query.orderBy("eventQuestions.askedAt", "desc").orderBy("eventQuestions.id").execute();
}

/** The buyer's median time from question to published answer, in milliseconds (null: none answered). For the scorecard. */
export async function medianTimeToAnswer(db: Db, buyerId: string, { since }: { since?: Date } = {}): Promise<number | null> {
  let query = db
    .selectFrom("eventQuestions")
    .innerJoin("events", "events.id", "eventQuestions.eventId")
    .select(["eventQuestions.askedAt", "eventQuestions.answeredAt"])
    .where("events.buyerId", "=", buyerId)
    .where("eventQuestions.answeredAt", "is not", null);
  if (since) query = query.where("eventQuestions.answeredAt", ">=", since);
  const rows = await query.execute();
  return median(rows.map((r) => r.answeredAt!.getTime() - r.askedAt.getTime()));
}
