import type { Selectable } from "kysely";
import type { Db } from "@db/client";
import type { AmendmentChange, EventTable } from "@db/schema";
import { enqueueEmail } from "@emails/outbox.server";
import type { EmailAttachment } from "@emails/messages";
import { checkAttendees, csv, placeFor, registrationOpen, type RegistrationStatus } from "~/domain/participation";
import type { RegistrationInput } from "~/domain/participation-input";
import type { Problem } from "~/domain/problems";
import { fixedT } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { eventCalendar } from "~/i18n/event-calendar";
import { expectationOfRow } from "./event-row.server";

// Registrations for an event. Capacity holds under concurrent sign-ups because every
// change that can take or free a place first locks the event row (`for update`) and
// counts inside that transaction: two sign-ups for one event are serialised, the second
// sees the first. On PGlite the driver serialises transactions anyway.

export type Failure = {
  ok: false;
  /** not_found → 404, forbidden → 403, invalid → 400, conflict → 409 */
  reason: "not_found" | "forbidden" | "invalid" | "conflict";
  problems: Problem[];
};
export type Result<T> = { ok: true; value: T } | Failure;
const fail = (reason: Failure["reason"], problems: Problem[] = []): Failure => ({ ok: false, reason, problems });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Actor {
  id: string;
}
/** A member acting for a vendor organisation (requireMember's answer fits). */
export interface VendorMember {
  user: Actor;
  organisation: { id: string; isVendor: boolean };
}

type EventRow = Selectable<EventTable>;

export interface Options {
  now?: Date;
  /** Where links in e-mails point, e.g. "https://markedsdialog.example". */
  baseUrl: string;
}

async function lockPublishedEvent(trx: Db, eventId: string): Promise<EventRow | undefined> {
  if (!UUID.test(eventId)) return undefined;
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

interface Recipient {
  id: string;
  email: string;
  name: string;
  language: Language;
}

async function recipientsOf(db: Db, userIds: string[]): Promise<Recipient[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  return db.selectFrom("users").select(["id", "email", "name", "language"]).where("id", "in", ids).orderBy("email").execute();
}

/** Members of the organisations that take part (registered or wait-listed): who hears of amendments and answers. */
export async function participantMembers(db: Db, eventId: string): Promise<Recipient[]> {
  return db
    .selectFrom("registrations")
    .innerJoin("memberships", "memberships.organisationId", "registrations.organisationId")
    .innerJoin("users", "users.id", "memberships.userId")
    .select(["users.id", "users.email", "users.name", "users.language"])
    .distinct()
    .where("registrations.eventId", "=", eventId)
    .where("registrations.status", "in", ["registered", "waitlisted"])
    .orderBy("users.email")
    .execute();
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
    const holds = existing && (existing.status === "registered" || existing.status === "waitlisted");
    const status = holds ? (existing.status as "registered" | "waitlisted") : placeFor(await countRegistered(trx, eventId), event.capacity);
    const fields = { note: input.note, shareAttendees: input.shareAttendees ?? false, registeredBy: member.user.id, updatedAt: now };
    let id: string;
    if (existing) {
      id = existing.id;
      await trx
        .updateTable("registrations")
        .set({ ...fields, status, declineReason: null, ...(holds ? {} : { queuedAt: now }) })
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
  actor: Actor,
  eventId: string,
  organisationId: string,
  change: { kind: "withdraw" } | { kind: "decline"; reason: string },
  { now = new Date(), baseUrl }: Options,
): Promise<Result<{ id: string; status: RegistrationStatus; promoted: string | null }>> {
  if (!UUID.test(organisationId)) return fail("not_found");
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
    const promoted = existing?.status === "registered" ? await promoteFirstWaitlisted(trx, event, now, baseUrl) : null;
    return { ok: true, value: { id, status, promoted } };
  });
}

// --- Reading ---------------------------------------------------------------------------

export interface ParticipantRow {
  registrationId: string;
  organisationId: string;
  organisationName: string;
  status: RegistrationStatus;
  note: string | null;
  shareAttendees: boolean;
  declineReason: string | null;
  queuedAt: Date;
  attendees: { id: string; name: string; email: string }[];
}

async function attendeesOf(db: Db, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return db
    .selectFrom("registrationAttendees")
    .innerJoin("users", "users.id", "registrationAttendees.userId")
    .select(["registrationAttendees.registrationId", "users.id", "users.name", "users.email"])
    .where("registrationAttendees.registrationId", "in", registrationIds)
    .orderBy("users.name")
    .execute();
}

/** Every registration of an event, places first, then the waiting list in order, then the rest. For the buyer. */
export async function listParticipants(db: Db, eventId: string): Promise<ParticipantRow[]> {
  const rows = await db
    .selectFrom("registrations")
    .innerJoin("organisations", "organisations.id", "registrations.organisationId")
    .select([
      "registrations.id as registrationId",
      "registrations.organisationId",
      "organisations.name as organisationName",
      "registrations.status",
      "registrations.note",
      "registrations.shareAttendees",
      "registrations.declineReason",
      "registrations.queuedAt",
    ])
    .where("registrations.eventId", "=", eventId)
    .execute();
  const order: Record<RegistrationStatus, number> = { registered: 0, waitlisted: 1, withdrawn: 2, declined: 3 };
  rows.sort((a, b) => order[a.status] - order[b.status] || a.queuedAt.getTime() - b.queuedAt.getTime() || a.registrationId.localeCompare(b.registrationId));
  const attendees = await attendeesOf(db, rows.map((r) => r.registrationId));
  return rows.map((r) => ({ ...r, attendees: attendees.filter((a) => a.registrationId === r.registrationId).map(({ id, name, email }) => ({ id, name, email })) }));
}

/** The participant list as CSV (UTF-8 with BOM, so spreadsheets read æøå), in the buyer's language. */
export function participantsCsv(rows: ParticipantRow[], language: Language): string {
  const t = fixedT(language, "participation");
  const header = ["organisation", "status", "attendees", "emails", "note", "declineReason", "queuedAt"].map((k) => t(`csv.${k}`));
  return (
    "\uFEFF" +
    csv([
      header,
      ...rows.map((r) => [
        r.organisationName,
        t(`status.${r.status}`),
        r.attendees.map((a) => a.name).join("; "),
        r.attendees.map((a) => a.email).join("; "),
        r.note,
        r.declineReason,
        r.queuedAt.toISOString(),
      ]),
    ])
  );
}

export interface PublicParticipation {
  registered: number;
  waitlisted: number;
}

export async function participationCounts(db: Db, eventId: string): Promise<PublicParticipation> {
  const rows = await db
    .selectFrom("registrations")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("eventId", "=", eventId)
    .where("status", "in", ["registered", "waitlisted"])
    .groupBy("status")
    .execute();
  const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { registered: n("registered"), waitlisted: n("waitlisted") };
}

export interface OwnRegistration {
  id: string;
  status: RegistrationStatus;
  note: string | null;
  shareAttendees: boolean;
  declineReason: string | null;
  attendeeIds: string[];
  /** Place on the waiting list, 1 first; null when not wait-listed. */
  waitlistPosition: number | null;
}

/** One organisation's registration for an event, as its members see it. */
export async function ownRegistration(db: Db, eventId: string, organisationId: string): Promise<OwnRegistration | null> {
  if (!UUID.test(eventId)) return null;
  const row = await db
    .selectFrom("registrations")
    .select(["id", "status", "note", "shareAttendees", "declineReason", "queuedAt"])
    .where("eventId", "=", eventId)
    .where("organisationId", "=", organisationId)
    .executeTakeFirst();
  if (!row) return null;
  const attendees = await db.selectFrom("registrationAttendees").select("userId").where("registrationId", "=", row.id).execute();
  let waitlistPosition: number | null = null;
  if (row.status === "waitlisted") {
    const ahead = await db
      .selectFrom("registrations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("eventId", "=", eventId)
      .where("status", "=", "waitlisted")
      .where((eb) => eb.or([eb("queuedAt", "<", row.queuedAt), eb.and([eb("queuedAt", "=", row.queuedAt), eb("id", "<", row.id)])]))
      .executeTakeFirstOrThrow();
    waitlistPosition = Number(ahead.n) + 1;
  }
  const { queuedAt: _queuedAt, ...rest } = row;
  return { ...rest, attendeeIds: attendees.map((a) => a.userId), waitlistPosition };
}

/**
 * Other participants who agreed to be shown, for a viewer whose organisation takes part.
 * Organisations without consent are not listed at all.
 */
export async function sharedParticipants(db: Db, eventId: string, viewerOrganisationId: string) {
  const rows = (await listParticipants(db, eventId)).filter((r) => r.status === "registered" && r.shareAttendees && r.organisationId !== viewerOrganisationId);
  return rows.map((r) => ({ organisationName: r.organisationName, attendees: r.attendees.map((a) => a.name) }));
}

/**
 * A vendor's registrations that hold a place or wait for one, by event start: those still
 * to come, and those held (closed, or started / past the response deadline), for which
 * the vendor may report its effort.
 */
export async function listVendorRegistrations(db: Db, organisationId: string, now: Date) {
  const rows = await db
    .selectFrom("registrations")
    .innerJoin("events", "events.id", "registrations.eventId")
    .innerJoin("organisations", "organisations.id", "events.buyerId")
    .select((eb) => [
      "events.id",
      "events.title",
      "events.startsAt",
      "events.responseDeadline",
      "events.status as eventStatus",
      "organisations.name as buyerName",
      "registrations.status",
      eb.exists(eb.selectFrom("effortReports").select("effortReports.id").whereRef("effortReports.eventId", "=", "events.id").where("effortReports.vendorId", "=", organisationId)).as("reported"),
    ])
    .where("registrations.organisationId", "=", organisationId)
    .where("registrations.status", "in", ["registered", "waitlisted"])
    .orderBy("events.startsAt")
    .orderBy("events.id")
    .execute();
  const held = (r: (typeof rows)[number]) => {
    const at = r.startsAt ?? r.responseDeadline;
    return r.eventStatus === "closed" || (at !== null && at.getTime() <= now.getTime());
  };
  return { upcoming: rows.filter((r) => !held(r)), past: rows.filter(held) };
}

/** Members an organisation may name as attendees. */
export async function attendeeChoices(db: Db, organisationId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.userId")
    .select(["users.id", "users.name", "users.email"])
    .where("memberships.organisationId", "=", organisationId)
    .orderBy("users.name")
    .execute();
}

// --- Amendments ------------------------------------------------------------------------

/**
 * Tells every member of every taking-part vendor that a published event was amended, with
 * the reason and the changed fields. Called by updateEvent inside its transaction, so the
 * mail exists exactly when the amendment does.
 */
export async function notifyAmendment(trx: Db, event: { id: string; title: string; buyerId: string }, reason: string, changes: AmendmentChange[], baseUrl: string) {
  const recipients = await participantMembers(trx, event.id);
  if (recipients.length === 0) return 0;
  const buyer = await trx.selectFrom("organisations").select("name").where("id", "=", event.buyerId).executeTakeFirstOrThrow();
  for (const person of recipients) {
    const t = fixedT(person.language, "eventPage");
    const fields = [...new Set(changes.map((c) => String(t(`changeLog.fields.${c.field}`, { defaultValue: c.field }))))];
    await enqueueEmail(trx, {
      template: "event-amended",
      to: person.email,
      language: person.language,
      data: { name: person.name, eventTitle: event.title, buyerName: buyer.name, reason, changedFields: fields, url: `${baseUrl}/events/${event.id}` },
    });
  }
  return recipients.length;
}

/** What the participation panel needs of the event beyond its public declaration. */
export async function participationFacts(db: Db, eventId: string) {
  if (!UUID.test(eventId)) return null;
  return (
    (await db
      .selectFrom("events")
      .select(["id", "status", "buyerId", "capacity", "attendeeLimitPerVendor", "registrationDeadline"])
      .where("id", "=", eventId)
      .executeTakeFirst()) ?? null
  );
}
