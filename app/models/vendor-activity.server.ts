import type { Db } from "@db/client";
import { enqueueEmail } from "@emails/outbox.server";
import type { VendorActivityItem } from "@emails/messages";
import { activityNoticeMode, isActivityDigestDue, type ActivityNoticeMode, type VendorActivityKind } from "~/domain/vendor-activity";
import type { Language } from "~/i18n/resources";

// Buyers hear about what vendors do (app/domain/vendor-activity.ts). The act and its notice
// share one transaction: a row in vendor_activity, and for each member who wants it at once a
// mail in the outbox. Daily members get one digest each Oslo morning (sendVendorActivityDigests).

export interface VendorActivity {
  buyerId: string;
  vendorId: string;
  kind: VendorActivityKind;
  eventId?: string;
  effortRequestId?: string;
  /** The question as asked, or the reason given for declining. */
  detail?: string | null;
}

interface NoticeRecipient {
  userId: string;
  email: string;
  name: string;
  language: Language;
  mode: ActivityNoticeMode;
  digestFrom: Date;
}

/** The buyer organisation's members with a verified address, each with the mode they get. */
async function noticeRecipients(db: Db, buyerId: string): Promise<NoticeRecipient[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.userId")
    .innerJoin("organisations", "organisations.id", "memberships.organisationId")
    .select([
      "users.id as userId",
      "users.email",
      "users.name",
      "users.language",
      "memberships.role",
      "memberships.activityNotices",
      "memberships.activityDigestFrom",
      "memberships.createdAt",
      "organisations.commercialContactUserId",
    ])
    .where("memberships.organisationId", "=", buyerId)
    .where("users.emailVerifiedAt", "is not", null)
    .orderBy("users.email")
    .execute();
  return rows.map((r) => ({
    userId: r.userId,
    email: r.email,
    name: r.name,
    language: r.language,
    mode: activityNoticeMode(r.activityNotices, { isAdmin: r.role === "admin", isCommercialContact: r.commercialContactUserId === r.userId }),
    digestFrom: r.activityDigestFrom ?? r.createdAt,
  }));
}

/** Activity rows with the vendor's name and the event's or request's title. */
function activityRows(db: Db) {
  return db
    .selectFrom("vendorActivity")
    .innerJoin("organisations as vendor", "vendor.id", "vendorActivity.vendorId")
    .leftJoin("events", "events.id", "vendorActivity.eventId")
    .leftJoin("effortRequests", "effortRequests.id", "vendorActivity.effortRequestId")
    .select([
      "vendorActivity.id",
      "vendorActivity.kind",
      "vendorActivity.eventId",
      "vendorActivity.effortRequestId",
      "vendorActivity.detail",
      "vendorActivity.at",
      "vendor.name as vendorName",
      "vendor.slug as vendorSlug",
      "events.title as eventTitle",
      "effortRequests.title as requestTitle",
    ]);
}

/** Where the buyer acts on an activity: the questions to answer, the request, or the event's participants. */
function activityPath(r: { kind: VendorActivityKind; eventId: string | null; effortRequestId: string | null }): string {
  if (r.kind === "question") return "/workspace/questions";
  if (r.kind === "responded") return `/events/${r.eventId}/responses`;
  if (r.kind === "effort_responded") return `/effort-requests/${r.effortRequestId}/responses`;
  if (r.effortRequestId) return `/effort-requests/${r.effortRequestId}`;
  return `/events/${r.eventId}#participants-title`;
}

/** The activity as a mail shows it: vendor, what it did, to which event or request, and the link. */
async function itemsOf(db: Db, ids: string[], baseUrl: string): Promise<VendorActivityItem[]> {
  if (ids.length === 0) return [];
  const rows = await activityRows(db).where("vendorActivity.id", "in", ids).orderBy("vendorActivity.at").orderBy("vendorActivity.id").execute();
  return rows.map((r) => ({
    kind: r.kind,
    vendorName: r.vendorName,
    title: r.eventTitle ?? r.requestTitle ?? "",
    detail: r.detail ?? "",
    at: r.at.toISOString(),
    url: `${baseUrl}${activityPath(r)}`,
  }));
}

/**
 * Records what a vendor did, in the caller's transaction, and queues a mail to each member of
 * the buyer organisation who wants to hear at once. Returns how many were mailed.
 */
export async function recordVendorActivity(trx: Db, activity: VendorActivity, { now, baseUrl }: { now: Date; baseUrl: string }): Promise<number> {
  const row = await trx
    .insertInto("vendorActivity")
    .values({
      buyerId: activity.buyerId,
      vendorId: activity.vendorId,
      kind: activity.kind,
      eventId: activity.eventId ?? null,
      effortRequestId: activity.effortRequestId ?? null,
      detail: activity.detail ?? null,
      at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const recipients = (await noticeRecipients(trx, activity.buyerId)).filter((r) => r.mode === "immediate");
  if (recipients.length === 0) return 0;
  const items = await itemsOf(trx, [row.id], baseUrl);
  await mailEach(trx, activity.buyerId, recipients, { digest: false, items, baseUrl });
  return recipients.length;
}

async function mailEach(trx: Db, buyerId: string, people: NoticeRecipient[], { digest, items, baseUrl }: { digest: boolean; items: VendorActivityItem[]; baseUrl: string }) {
  const buyer = await trx.selectFrom("organisations").select("name").where("id", "=", buyerId).executeTakeFirstOrThrow();
  for (const person of people) {
    await enqueueEmail(trx, {
      template: "vendor-activity",
      to: person.email,
      language: person.language,
      data: { name: person.name, buyerName: buyer.name, digest, items, settingsUrl: `${baseUrl}/workspace/activity` },
    });
  }
}

/**
 * The daily round: each member who chose a daily digest, once their Oslo morning has come,
 * gets one mail with the activity since their last digest (none when there was none). The
 * member's row is locked and moved on in the transaction that queues the mail, so a digest
 * goes out once however many servers run the job. Returns how many digests were queued.
 */
export async function sendVendorActivityDigests(db: Db, now: Date, baseUrl: string): Promise<number> {
  const daily = await db.selectFrom("memberships").select(["userId", "organisationId", "activityDigestFrom", "createdAt"]).where("activityNotices", "=", "daily").execute();
  let sent = 0;
  for (const member of daily) {
    if (!isActivityDigestDue(member.activityDigestFrom ?? member.createdAt, now)) continue;
    sent += await db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom("memberships")
        .select(["activityNotices", "activityDigestFrom", "createdAt"])
        .where("userId", "=", member.userId)
        .where("organisationId", "=", member.organisationId)
        .forUpdate()
        .executeTakeFirst();
      if (locked?.activityNotices !== "daily") return 0;
      const from = locked.activityDigestFrom ?? locked.createdAt;
      if (!isActivityDigestDue(from, now)) return 0;
      await trx.updateTable("memberships").set({ activityDigestFrom: now }).where("userId", "=", member.userId).where("organisationId", "=", member.organisationId).execute();
      const person = (await noticeRecipients(trx, member.organisationId)).find((r) => r.userId === member.userId);
      if (!person) return 0;
      const ids = await trx.selectFrom("vendorActivity").select("id").where("buyerId", "=", member.organisationId).where("at", ">", from).where("at", "<=", now).execute();
      if (ids.length === 0) return 0;
      const items = await itemsOf(trx, ids.map((r) => r.id), baseUrl);
      await mailEach(trx, member.organisationId, [person], { digest: true, items, baseUrl });
      return 1;
    });
  }
  return sent;
}

/** What a member chose, and what they get. */
export async function getActivityNotices(db: Db, userId: string, organisationId: string): Promise<{ chosen: ActivityNoticeMode | null; mode: ActivityNoticeMode }> {
  const row = await db
    .selectFrom("memberships")
    .innerJoin("organisations", "organisations.id", "memberships.organisationId")
    .select(["memberships.role", "memberships.activityNotices", "organisations.commercialContactUserId"])
    .where("memberships.userId", "=", userId)
    .where("memberships.organisationId", "=", organisationId)
    .executeTakeFirstOrThrow();
  return {
    chosen: row.activityNotices,
    mode: activityNoticeMode(row.activityNotices, { isAdmin: row.role === "admin", isCommercialContact: row.commercialContactUserId === userId }),
  };
}

/** A member chooses how to hear of vendors' activity; a daily digest starts with what happens from now on. */
export async function setActivityNotices(db: Db, userId: string, organisationId: string, mode: ActivityNoticeMode, { now = new Date() } = {}): Promise<void> {
  await db
    .updateTable("memberships")
    .set({ activityNotices: mode, activityDigestFrom: mode === "daily" ? now : null })
    .where("userId", "=", userId)
    .where("organisationId", "=", organisationId)
    .execute();
}

/** The buyer's latest vendor activity, newest first (the activity page), with where to act on each. */
export async function listVendorActivity(db: Db, buyerId: string, { limit = 50 } = {}) {
  const rows = await activityRows(db).where("vendorActivity.buyerId", "=", buyerId).orderBy("vendorActivity.at", "desc").orderBy("vendorActivity.id", "desc").limit(limit).execute();
  return rows.map((r) => ({ ...r, path: activityPath(r) }));
}
