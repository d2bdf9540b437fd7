import type { Db } from "@db/client";
import { enqueueEmail } from "@emails/outbox.server";
import { registrationActivity } from "~/domain/vendor-activity";
import { recordVendorActivity } from "./vendor-activity.server";
import type { EmailAttachment } from "@emails/messages";
import { checkAttendees, placeFor, registrationOpen, type RegistrationStatus } from "~/domain/participation";
import type { RegistrationInput } from "~/domain/participation-input";
import type { Language } from "~/i18n/resources";
import type { ActingUser } from "./event-access.server";
import { expectationOfRow, type EventRow } from "./event-row.server";
import type { Recipient } from "./registration-reads.server";
import { eventCalendar } from "~/i18n/event-calendar";
import { isUuid } from "~/domain/ids";
import { fail, type Result } from "~/domain/result";

// Signing up for an event and leaving it. Capacity holds under concurrent sign-ups because
// every change that can take or free a place first locks the event row (`for update`) and
// counts inside that transaction: two sign-ups for one event are serialised, the second
// sees the first. On PGlite the driver serialises transactions anyway.


/** A member acting for a vendor organisation (requireMember's answer fits). */
export interface VendorMember {
  user: ActingUser;
  organisation: { id: string; isVendor: boolean };
}

export interface Options {
  now?: Date;
  /** Where links in e-mails point, e.g. "https://markedsdialog.example". */
  baseUrl: string;
}

async function lockPublishedEvent(trx: Db, eventId: string): Promise<EventRow | undefined> {
  if (!isUuid(eventId)) return undefined;
  const row = await trx.selectFrom("events").selectAll().where("id", "=", eventId).forUpdate().executeTakeFirst();
  // Drafts are not there for vendors (404); closed events take no more sign-ups (see callers).
  return row && row.status !== "draft" ? row : undefined;
}

async function isMemberOf(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const row = await db.selectFrom("memberships").select("userId").where("userId", "=", userId).where("organisationId", "=", organisationId).executeTakeFirst();
  return row !== undefined;
}

async function countRegistered(trx: Db, eventId: string): Promise<number> {
  const row = await trx
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", eventId)
    .where("status", "=", "registered")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function recipientsOf(db: Db, userIds: string[]): Promise<Recipient[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  return db.selectFrom("users").select(["id", "email", "name", "language"]).where("id", "in", ids).orderBy("email").execute();
}

/** The event's dates as an .ics attachment, or none when it has no date. */
async function calendarAttachment(trx: Db, event: EventRow, language: Language, baseUrl: string): Promise<EmailAttachment[]> {
  const buyer = await trx.selectFrom("organisations").select(["id", "name", "slug"]).where("id", "=", event.buyerId).executeTakeFirstOrThrow();
  const amendments = await trx.selectFrom("eventAmendments").select(["id", "at", "reason", "changes"]).where("eventId", "=", event.id).execute();
  const url = `${baseUrl}/events/${event.id}`;
  const calendar = eventCalendar(
    { ...event, buyer, amendments, expectation: expectationOfRow(event), outcome: null },
    { language, url, host: new URL(baseUrl).host },
  );
  return calendar === null ? [] : [{ filename: `markedsdialog-${event.id}.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: calendar }];
}

async function sendPlaceEmails(
  trx: Db,
  event: EventRow,
  registration: { organisationId: string; status: "registered" | "waitlisted"; userIds: string[] },
  template: "registration-confirmed" | "registration-promoted",
  baseUrl: string,
) {
  const [organisation, buyer] = await Promise.all([
    trx.selectFrom("organisations").select("name").where("id", "=", registration.organisationId).executeTakeFirstOrThrow(),
    trx.selectFrom("organisations").select("name").where("id", "=", event.buyerId).executeTakeFirstOrThrow(),
  ]);
  for (const person of await recipientsOf(trx, registration.userIds)) {
    const attachments = registration.status === "registered" ? await calendarAttachment(trx, event, person.language, baseUrl) : [];
    await enqueueEmail(trx, {
      template,
      to: person.email,
      language: person.language,
      attachments,
      data: {
        name: person.name,
        eventTitle: event.title,
        buyerName: buyer.name,
        organisationName: organisation.name,
        status: registration.status,
        startsAt: event.startsAt ? event.startsAt.toISOString() : "",
        url: `${baseUrl}/events/${event.id}`,
      },
    });
  }
}

/**
 * Signs a vendor organisation up (or changes its sign-up) for a published event: a place
 * while there is one, else the waiting list. The attendees, and whoever registers, are
 * e-mailed a confirmation, with the event's calendar when it holds a place.
 */
export async function registerForEvent(
  db: Db,
  member: VendorMember,
  eventId: string,
  input: RegistrationInput,
  { now = new Date(), baseUrl }: Options,
): Promise<Result<{ id: string; status: "registered" | "waitlisted" }>> {
  if (!member.organisation.isVendor) return fail("forbidden");
  return db.transaction().execute(async (trx) => {
    const event = await lockPublishedEvent(trx, eventId);
    if (!event) return fail("not_found");
    if (event.buyerId === member.organisation.id) return fail("forbidden", [{ path: "", code: "own_event" }]);
    if (event.status !== "published" || !registrationOpen(event.registrationDeadline, now)) {
      return fail("conflict", [{ path: "", code: "registration_closed" }]);
    }
    const members = await trx.selectFrom("memberships").select("userId").where("organisationId", "=", member.organisation.id).execute();
    const attendees = [...new Set(input.attendees)];
    const problem = checkAttendees(attendees, members.map((m) => m.userId), event.attendeeLimitPerVendor);
    if (problem) return fail("invalid", [{ path: "attendees", code: problem }]);

    const existing = await trx
      .selectFrom("registrations")
      .select(["id", "status"])
      .where("eventId", "=", eventId)
      .where("organisationId", "=", member.organisation.id)
      .forUpdate()
      .executeTakeFirst();
    // A place or a place in the queue already held is kept; otherwise one is taken now.
    const held = existing?.status === "registered" || existing?.status === "waitlisted" ? existing.status : null;
    const status = held ?? placeFor(await countRegistered(trx, eventId), event.capacity);
    const fields = { note: input.note, shareAttendees: input.shareAttendees ?? false, registeredBy: member.user.id, updatedAt: now };
    let id: string;
    if (existing) {
      id = existing.id;
      await trx
        .updateTable("registrations")
        .set({ ...fields, status, declineReason: null, ...(held ? {} : { queuedAt: now }) })
        .where("id", "=", id)
        .execute();
      await trx.deleteFrom("registrationAttendees").where("registrationId", "=", id).execute();
    } else {
      const row = await trx
        .insertInto("registrations")
        .values({ ...fields, eventId, organisationId: member.organisation.id, status, queuedAt: now, createdAt: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await trx.insertInto("registrationAttendees").values(attendees.map((userId) => ({ registrationId: id, userId }))).execute();
    const activity = registrationActivity(existing?.status ?? null, status);
    if (activity) await recordVendorActivity(trx, { buyerId: event.buyerId, vendorId: member.organisation.id, kind: activity, eventId }, { now, baseUrl });
    await sendPlaceEmails(trx, event, { organisationId: member.organisation.id, status, userIds: [...attendees, member.user.id] }, "registration-confirmed", baseUrl);
    return { ok: true, value: { id, status } };
  });
}

/** The first on the waiting list takes a freed place, and is told. */
async function promoteFirstWaitlisted(trx: Db, event: EventRow, now: Date, baseUrl: string) {
  if (event.capacity !== null && (await countRegistered(trx, event.id)) >= event.capacity) return null;
  const next = await trx
    .selectFrom("registrations")
    .select(["id", "organisationId"])
    .where("eventId", "=", event.id)
    .where("status", "=", "waitlisted")
    .orderBy("queuedAt")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  if (!next) return null;
  await trx.updateTable("registrations").set({ status: "registered", updatedAt: now }).where("id", "=", next.id).execute();
  const attendees = await trx.selectFrom("registrationAttendees").select("userId").where("registrationId", "=", next.id).execute();
  await sendPlaceEmails(trx, event, { organisationId: next.organisationId, status: "registered", userIds: attendees.map((a) => a.userId) }, "registration-promoted", baseUrl);
  return next.id;
}

/**
 * Withdraws an organisation's registration (or, with a reason, declines to take part).
 * The organisation's members may do so until the registration deadline; the buyer's
 * members may change the list until the event closes. A freed place goes to the first
 * on the waiting list.
 */
export async function leaveEvent(
  db: Db,
  actor: ActingUser,
  eventId: string,
  organisationId: string,
  change: { kind: "withdraw" } | { kind: "decline"; reason: string },
  { now = new Date(), baseUrl }: Options,
): Promise<Result<{ id: string; status: RegistrationStatus; promoted: string | null }>> {
  if (!isUuid(organisationId)) return fail("not_found");
  return db.transaction().execute(async (trx) => {
    const event = await lockPublishedEvent(trx, eventId);
    if (!event) return fail("not_found");
    const [ownMember, buyerMember] = await Promise.all([isMemberOf(trx, actor.id, organisationId), isMemberOf(trx, actor.id, event.buyerId)]);
    if (!ownMember && !buyerMember) return fail("forbidden");
    if (event.status !== "published") return fail("conflict", [{ path: "", code: "event_closed" }]);
    // After the deadline the list is the buyer's to change.
    if (!buyerMember && !registrationOpen(event.registrationDeadline, now)) return fail("conflict", [{ path: "", code: "registration_closed" }]);
    const existing = await trx
      .selectFrom("registrations")
      .select(["id", "status"])
      .where("eventId", "=", eventId)
      .where("organisationId", "=", organisationId)
      .forUpdate()
      .executeTakeFirst();
    const status: RegistrationStatus = change.kind === "withdraw" ? "withdrawn" : "declined";
    let id: string;
    if (change.kind === "withdraw" && !(existing?.status === "registered" || existing?.status === "waitlisted")) {
      return fail("conflict", [{ path: "", code: "not_registered" }]);
    }
    if (change.kind === "decline" && !ownMember) return fail("forbidden");
    const declineReason = change.kind === "decline" ? change.reason : null;
    if (existing) {
      id = existing.id;
      await trx.updateTable("registrations").set({ status, declineReason, updatedAt: now }).where("id", "=", id).execute();
    } else {
      const row = await trx
        .insertInto("registrations")
        .values({ eventId, organisationId, status, declineReason, registeredBy: actor.id, queuedAt: now, createdAt: now, updatedAt: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    // The buyer hears when a vendor leaves or declines, not of its own changes to the list.
    const activity = ownMember && !buyerMember ? registrationActivity(existing?.status ?? null, status) : null;
    if (activity) await recordVendorActivity(trx, { buyerId: event.buyerId, vendorId: organisationId, kind: activity, eventId, detail: declineReason }, { now, baseUrl });
    const promoted = existing?.status === "registered" ? await promoteFirstWaitlisted(trx, event, now, baseUrl) : null;
    return { ok: true, value: { id, status, promoted } };
  });
}
