import { sql } from "kysely";
import type { Db } from "@db/client";
import { enqueueEmail } from "@emails/outbox.server";
import { adminRecipients } from "./memberships.server";

// The effort ledger's reminder: once an event has been held (or a request's deadline has
// passed), whoever registered (or accepted) for the vendor is asked once to report the
// hours and people it spent. Marked in the same transaction as the queued e-mail, and the
// mark is set only where it is still empty, so two rounds never send twice.

/** Events held, or deadlines passed, longer ago than this are not reminded of (no flood when the job first runs). */
export const REMINDER_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

interface Recipient {
  email: string;
  name: string;
  language: "nb" | "en";
}

/** The person who acted for the vendor, while still a member; else the vendor's admins (adminRecipients' rule). */
async function recipientsFor(trx: Db, organisationId: string, userId: string | null): Promise<Recipient[]> {
  if (userId !== null) {
    const actor = await trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.userId")
      .select(["users.email", "users.name", "users.language"])
      .where("memberships.organisationId", "=", organisationId)
      .where("users.id", "=", userId)
      .execute();
    if (actor.length > 0) return actor;
  }
  return adminRecipients(trx, organisationId);
}

/** Queues the reminders due at `now`; returns how many registrations and request recipients were reminded. */
export async function sendEffortReportReminders(db: Db, now: Date, baseUrl: string): Promise<number> {
  const since = new Date(now.getTime() - REMINDER_WINDOW_MS);
  // An event is over when it has ended (or started, without an end) and its response deadline has passed.
  const heldAt = sql<Date>`greatest(coalesce(events.ends_at, events.starts_at), events.response_deadline)`;
  const registrations = await db
    .selectFrom("registrations")
    .innerJoin("events", "events.id", "registrations.eventId")
    .innerJoin("organisations as vendor", "vendor.id", "registrations.organisationId")
    .innerJoin("organisations as buyer", "buyer.id", "events.buyerId")
    .select(["registrations.id", "registrations.organisationId", "registrations.registeredBy", "events.id as eventId", "events.title", "vendor.name as vendorName", "buyer.name as buyerName", heldAt.as("heldAt")])
    .where("registrations.status", "=", "registered")
    .where("registrations.effortReminderSentAt", "is", null)
    .where("events.status", "in", ["published", "closed"])
    .where(heldAt, "<=", now)
    .where(heldAt, ">", since)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("effortReports").select("effortReports.id").whereRef("effortReports.eventId", "=", "events.id").whereRef("effortReports.vendorId", "=", "registrations.organisationId"))),
    )
    .orderBy("registrations.id")
    .execute();

  const requests = await db
    .selectFrom("effortRequestRecipients")
    .innerJoin("effortRequests", "effortRequests.id", "effortRequestRecipients.requestId")
    .innerJoin("organisations as vendor", "vendor.id", "effortRequestRecipients.organisationId")
    .innerJoin("organisations as buyer", "buyer.id", "effortRequests.buyerId")
    .select(["effortRequests.id as requestId", "effortRequestRecipients.organisationId", "effortRequestRecipients.respondedBy", "effortRequests.title", "effortRequests.deadline", "vendor.name as vendorName", "buyer.name as buyerName"])
    .where("effortRequestRecipients.status", "=", "accepted")
    .where("effortRequestRecipients.effortReminderSentAt", "is", null)
    .where("effortRequests.deadline", "<=", now)
    .where("effortRequests.deadline", ">", since)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("effortReports").select("effortReports.id").whereRef("effortReports.requestId", "=", "effortRequests.id").whereRef("effortReports.vendorId", "=", "effortRequestRecipients.organisationId"),
        ),
      ),
    )
    .orderBy("effortRequests.id")
    .execute();

  let sent = 0;
  for (const r of registrations) {
    const marked = await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable("registrations").set({ effortReminderSentAt: now }).where("id", "=", r.id).where("effortReminderSentAt", "is", null).returning("id").executeTakeFirst();
      if (!claimed) return false;
      for (const person of await recipientsFor(trx, r.organisationId, r.registeredBy)) {
        await enqueueEmail(trx, {
          template: "effort-report-reminder",
          to: person.email,
          language: person.language,
          data: { name: person.name, organisationName: r.vendorName, buyerName: r.buyerName, subject: "event", title: r.title, at: new Date(r.heldAt).toISOString(), url: `${baseUrl}/workspace/participation#report-${r.eventId}` },
        });
      }
      return true;
    });
    if (marked) sent++;
  }
  for (const r of requests) {
    const marked = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("effortRequestRecipients")
        .set({ effortReminderSentAt: now })
        .where("requestId", "=", r.requestId)
        .where("organisationId", "=", r.organisationId)
        .where("effortReminderSentAt", "is", null)
        .returning("requestId")
        .executeTakeFirst();
      if (!claimed) return false;
      for (const person of await recipientsFor(trx, r.organisationId, r.respondedBy)) {
        await enqueueEmail(trx, {
          template: "effort-report-reminder",
          to: person.email,
          language: person.language,
          data: { name: person.name, organisationName: r.vendorName, buyerName: r.buyerName, subject: "request", title: r.title, at: r.deadline.toISOString(), url: `${baseUrl}/effort-requests/${r.requestId}#report-title` },
        });
      }
      return true;
    });
    if (marked) sent++;
  }
  return sent;
}
