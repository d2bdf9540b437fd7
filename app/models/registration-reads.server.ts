import type { Db } from "@db/client";
import { csvDocument, csvOsloTime } from "~/domain/csv";
import type { RegistrationStatus } from "~/domain/participation";
import { fixedT } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { isUuid } from "~/domain/ids";

// Reading registrations: who takes part in an event (for the buyer, for the public count,
// for other participants who agreed to be shown), and a vendor's own sign-ups.


export interface Recipient {
  id: string;
  email: string;
  name: string;
  language: Language;
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

/** The participant list as CSV (app/domain/csv.ts), in the buyer's language, times in Oslo. */
export function participantsCsv(rows: ParticipantRow[], language: Language): string {
  const t = fixedT(language, "participation");
  const header = ["organisation", "status", "attendees", "emails", "note", "declineReason", "queuedAt"].map((k) => t(`csv.${k}`));
  return csvDocument([
    header,
    ...rows.map((r) => [
      r.organisationName,
      t(`status.${r.status}`),
      r.attendees.map((a) => a.name).join(", "),
      r.attendees.map((a) => a.email).join(", "),
      r.note,
      r.declineReason,
      csvOsloTime(r.queuedAt),
    ]),
  ]);
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
  if (!isUuid(eventId)) return null;
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
    .leftJoin("effortReports", (join) => join.onRef("effortReports.eventId", "=", "events.id").on("effortReports.vendorId", "=", organisationId))
    .select([
      "events.id",
      "events.title",
      "events.startsAt",
      "events.responseDeadline",
      "events.status as eventStatus",
      "organisations.name as buyerName",
      "registrations.status",
      "effortReports.id as reportId",
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

/** What the participation panel needs of the event beyond its public declaration. */
export async function participationFacts(db: Db, eventId: string) {
  if (!isUuid(eventId)) return null;
  return (
    (await db
      .selectFrom("events")
      .select(["id", "status", "buyerId", "capacity", "attendeeLimitPerVendor", "registrationDeadline"])
      .where("id", "=", eventId)
      .executeTakeFirst()) ?? null
  );
}
