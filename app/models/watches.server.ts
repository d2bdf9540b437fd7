import { sql } from "kysely";
import type { Db } from "@db/client";
import type { EmailData } from "@emails/messages";
import { enqueueEmail } from "@emails/outbox.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { isDigestDue, normaliseWatchQuery, watchFilter, type WatchFrequency } from "~/domain/watches";
import { latestDemand, matchingEventIds } from "./demand-feeds.server";
import { latestConsultationsForDemand, matchingConsultationIds } from "./demand-consultations.server";

// Watches: a person's saved /demand filters. Each has a digest frequency and a private
// feed secret (only its hash is stored; the plain value is shown once, when made).

export interface WatchInput {
  name: string;
  frequency: WatchFrequency;
}

export async function listWatches(db: Db, userId: string) {
  return db
    .selectFrom("watches")
    .select(["id", "name", "query", "frequency", "createdAt", "feedTokenCreatedAt", "lastDigestAt"])
    .where("userId", "=", userId)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

/** The watch's latest matching events and open consultations, newest change first, for its row on /watches. */
export async function latestForWatch(db: Db, query: string, limit = 3) {
  const filter = watchFilter(query);
  const [items, consultations] = await Promise.all([latestDemand(db, filter, { limit }), latestConsultationsForDemand(db, filter, { limit })]);
  return [
    ...items.map((item) => ({ id: item.id, url: `/events/${item.id}`, title: item.title, buyerName: item.buyerName, updatedAt: item.updatedAt })),
    ...consultations.map((c) => ({ id: c.id, url: `/consultations/${c.id}`, title: c.title, buyerName: c.organiserName ?? "Markedsdialog", updatedAt: c.createdAt })),
  ]
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .slice(0, limit);
}

/** Saves the filter in `query` (normalised) as a watch; the feed secret comes back once. */
export async function createWatch(db: Db, userId: string, input: WatchInput & { query: string }) {
  const token = generateToken();
  const row = await db
    .insertInto("watches")
    .values({ userId, name: input.name, frequency: input.frequency, query: normaliseWatchQuery(input.query).query, feedTokenHash: hashToken(token) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** Renames or changes the frequency of one of the person's watches; false if it is not theirs. */
export async function updateWatch(db: Db, userId: string, id: string, input: WatchInput): Promise<boolean> {
  const result = await db
    .updateTable("watches")
    .set({ name: input.name, frequency: input.frequency, updatedAt: new Date() })
    .where("id", "=", id)
    .where("userId", "=", userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteWatch(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("watches").where("id", "=", id).where("userId", "=", userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Revokes the watch's feed URLs and makes new ones; the new secret comes back once (null: not theirs). */
export async function renewFeedToken(db: Db, userId: string, id: string): Promise<string | null> {
  const token = generateToken();
  const result = await db
    .updateTable("watches")
    .set({ feedTokenHash: hashToken(token), feedTokenCreatedAt: new Date() })
    .where("id", "=", id)
    .where("userId", "=", userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? token : null;
}

/** The watch a feed secret belongs to, or null (unknown or revoked). */
export async function findWatchByFeedToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return (
    (await db
      .selectFrom("watches")
      .select(["id", "name", "query", "userId"])
      .where("feedTokenHash", "=", hashToken(token))
      .executeTakeFirst()) ?? null
  );
}

// --- The digest ---------------------------------------------------------------------

/** At most this many new events and amendments are looked at in one round (a safety bound). */
const DIGEST_CANDIDATES = 2000;
/**
 * Each round looks back to the previous one less this margin, so that an event published in a
 * transaction that committed just after the previous round read is not missed; what was
 * already told about is recorded in watch_deliveries and skipped.
 */
const LOOK_BACK_MARGIN_MS = 60 * 60_000;

type DigestData = EmailData<"watch-digest">;

/**
 * Sends what is due at `now`: for each watch whose digest is due (immediate: every round;
 * daily: once each Oslo morning), the events published, the amendments made and the
 * consultations opened since the watch was saved that match its filter and that it has not
 * told about. One transaction
 * per watch queues the e-mail and records each event (and amendment) as delivered, so a
 * second round, a restart or a second server never sends the same news twice.
 * Only to confirmed e-mail addresses. Returns how many digests were queued.
 */
export async function runWatchDigests(db: Db, now: Date, { baseUrl }: { baseUrl: string }): Promise<number> {
  const watches = await db
    .selectFrom("watches")
    .innerJoin("users", "users.id", "watches.userId")
    .select(["watches.id", "watches.frequency", "watches.lastDigestAt", "watches.createdAt"])
    .where("users.emailVerifiedAt", "is not", null)
    .orderBy("watches.id")
    .execute();
  let sent = 0;
  for (const watch of watches) {
    if (!isDigestDue(watch.frequency, watch.lastDigestAt ?? watch.createdAt, now)) continue;
    if (await digestOne(db, watch.id, now, baseUrl)) sent++;
  }
  return sent;
}

async function digestOne(db: Db, watchId: string, now: Date, baseUrl: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Locked, and read again: another round or server may have handled it meanwhile.
    const watch = await trx
      .selectFrom("watches")
      .innerJoin("users", "users.id", "watches.userId")
      .select(["watches.id", "watches.name", "watches.query", "watches.frequency", "watches.createdAt", "watches.lastDigestAt", "users.email", "users.name as userName", "users.language"])
      .where("watches.id", "=", watchId)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!watch || !isDigestDue(watch.frequency, watch.lastDigestAt ?? watch.createdAt, now)) return false;
    await trx.updateTable("watches").set({ lastDigestAt: now }).where("id", "=", watch.id).execute();
    const since = new Date(
      Math.max(watch.createdAt.getTime(), (watch.lastDigestAt ?? watch.createdAt).getTime() - LOOK_BACK_MARGIN_MS),
    );

    const published = await trx
      .selectFrom("events")
      .select(["events.id"])
      .where("events.status", "=", "published")
      .where("events.publishedAt", ">", since)
      .where("events.publishedAt", "<=", now)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("watchDeliveries as d")
              .select(sql.lit(1).as("one"))
              .whereRef("d.eventId", "=", "events.id")
              .where("d.watchId", "=", watch.id)
              .where("d.change", "=", "published"),
          ),
        ),
      )
      .orderBy("events.publishedAt")
      .limit(DIGEST_CANDIDATES)
      .execute();
    const amendments = await trx
      .selectFrom("eventAmendments as a")
      .innerJoin("events", "events.id", "a.eventId")
      .select(["a.id", "a.eventId", "a.reason"])
      .where("events.status", "=", "published")
      .where("a.at", ">", since)
      .where("a.at", "<=", now)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("watchDeliveries as d")
              .select(sql.lit(1).as("one"))
              .whereRef("d.amendmentId", "=", "a.id")
              .where("d.watchId", "=", watch.id),
          ),
        ),
      )
      .orderBy("a.at")
      .orderBy("a.id")
      .limit(DIGEST_CANDIDATES)
      .execute();

    // Consultations (issue 18) are told about once, when opened (they are published as they are made).
    const opened = await trx
      .selectFrom("consultations")
      .select(["consultations.id"])
      .where("consultations.createdAt", ">", since)
      .where("consultations.createdAt", "<=", now)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("watchDeliveries as d")
              .select(sql.lit(1).as("one"))
              .whereRef("d.consultationId", "=", "consultations.id")
              .where("d.watchId", "=", watch.id),
          ),
        ),
      )
      .orderBy("consultations.createdAt")
      .orderBy("consultations.id")
      .limit(DIGEST_CANDIDATES)
      .execute();

    const filter = watchFilter(watch.query);
    const candidates = [...new Set([...published.map((e) => e.id), ...amendments.map((a) => a.eventId)])];
    const matching = await matchingEventIds(trx, filter, candidates, now);
    const newIds = published.map((e) => e.id).filter((id) => matching.has(id));
    const amended = amendments.filter((a) => matching.has(a.eventId));
    const matchingConsultations = await matchingConsultationIds(trx, filter, opened.map((c) => c.id), now);
    const consultationIds = opened.map((c) => c.id).filter((id) => matchingConsultations.has(id));
    if (newIds.length === 0 && amended.length === 0 && consultationIds.length === 0) return false;

    const eventIds = [...new Set([...newIds, ...amended.map((a) => a.eventId)])];
    const events = eventIds.length
      ? await trx
          .selectFrom("events")
          .innerJoin("organisations as buyer", "buyer.id", "events.buyerId")
          .select(["events.id", "events.title", "events.kind", "buyer.name as buyerName"])
          .where("events.id", "in", eventIds)
          .execute()
      : [];
    const consultations = consultationIds.length
      ? await trx
          .selectFrom("consultations")
          .leftJoin("organisations as organiser", "organiser.id", "consultations.organiserId")
          .select(["consultations.id", "consultations.title", "consultations.deadline", "organiser.name as organiserName"])
          .where("consultations.id", "in", consultationIds)
          .orderBy("consultations.deadline")
          .orderBy("consultations.id")
          .execute()
      : [];
    const byId = new Map(events.map((e) => [e.id, e]));
    const link = (path: string) => new URL(path, baseUrl).toString();
    const unsubscribeToken = generateToken();
    await trx.insertInto("watchUnsubscribeTokens").values({ tokenHash: hashToken(unsubscribeToken), watchId: watch.id }).execute();
    const unsubscribeUrl = link(`/unsubscribe/${unsubscribeToken}`);
    const describe = (id: string) => {
      const event = byId.get(id)!;
      return { title: event.title, buyerName: event.buyerName, kind: event.kind, url: link(`/events/${id}`) };
    };
    // An event new in this digest is listed once, as new; its amendments are covered by that.
    const newSet = new Set(newIds);
    const amendedByEvent = new Map<string, string[]>();
    for (const a of amended) if (!newSet.has(a.eventId)) amendedByEvent.set(a.eventId, [...(amendedByEvent.get(a.eventId) ?? []), a.reason]);

    const data: DigestData = {
      name: watch.userName,
      watchName: watch.name,
      frequency: watch.frequency,
      newEvents: newIds.map(describe),
      amendedEvents: [...amendedByEvent].map(([id, reasons]) => ({ ...describe(id), reasons })),
      newConsultations: consultations.map((c) => ({
        title: c.title,
        organiserName: c.organiserName ?? "Markedsdialog",
        deadline: c.deadline.toISOString(),
        url: link(`/consultations/${c.id}`),
      })),
      demandUrl: link(watch.query ? `/demand?${watch.query}` : "/demand"),
      watchesUrl: link("/watches"),
      unsubscribeUrl,
    };
    // RFC 8058: a mail client's "unsubscribe" button POSTs to this link; it needs no sign-in.
    const headers = { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
    const outboxId = await enqueueEmail(trx, { template: "watch-digest", to: watch.email, language: watch.language, data, headers });
    await trx
      .insertInto("watchDeliveries")
      .values([
        ...newIds.map((eventId) => ({ watchId: watch.id, eventId, change: "published" as const, amendmentId: null, outboxId, deliveredAt: now })),
        ...amended.map((a) => ({ watchId: watch.id, eventId: a.eventId, change: "amended" as const, amendmentId: a.id, outboxId, deliveredAt: now })),
        ...consultationIds.map((consultationId) => ({ watchId: watch.id, consultationId, change: "published" as const, amendmentId: null, outboxId, deliveredAt: now })),
      ])
      .execute();
    return true;
  });
}

// --- One-click unsubscribe -----------------------------------------------------------

/** The watch a digest's unsubscribe link names, or null if the link is unknown or the watch gone. */
export async function watchForUnsubscribe(db: Db, token: string): Promise<{ name: string } | null> {
  const row = await db
    .selectFrom("watchUnsubscribeTokens")
    .innerJoin("watches", "watches.id", "watchUnsubscribeTokens.watchId")
    .select("watches.name")
    .where("watchUnsubscribeTokens.tokenHash", "=", hashToken(token))
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Deletes the watch a digest's unsubscribe link names, so no more digests come (its feed
 * addresses end with it). Null if the link is unknown or the watch already gone.
 */
export async function unsubscribeWatch(db: Db, token: string): Promise<{ name: string } | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("watchUnsubscribeTokens")
      .select("watchId")
      .where("tokenHash", "=", hashToken(token))
      .executeTakeFirst();
    if (!row) return null;
    const deleted = await trx.deleteFrom("watches").where("id", "=", row.watchId).returning("name").executeTakeFirst();
    return deleted ?? null;
  });
}
