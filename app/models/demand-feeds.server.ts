import { sql } from "kysely";
import type { Db } from "@db/client";
import type { DemandFilter } from "~/domain/demand-filter";
import { buildAtomFeed, type AtomEntry } from "~/domain/atom";
import { buildCalendar, type CalendarEvent } from "~/domain/icalendar";
import { fixedT } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { expectationText } from "~/i18n/event-text";
import { formatDateTime } from "~/i18n/format";
import type { DemandConsultation } from "./demand-consultations.server";
import { eventPageQuery } from "./demand.server";
import { expectationOfRow } from "./event-row.server";

// The demand list as feeds: Atom for the whole list, per buyer and per watch, and an
// iCalendar feed per watch. They read through demand.server's filter, so a feed shows
// what /demand shows for the same query, newest change first.

export const FEED_SIZE = 50;

/** The filter's events, most recently changed first, with what a feed entry needs. */
export async function latestDemand(db: Db, filter: DemandFilter, { limit = FEED_SIZE, now = new Date() } = {}) {
  return eventPageQuery(db, { ...filter, cursor: null, limit }, now)
    .select([
      "events.updatedAt",
      "events.endsAt",
      "events.location",
      "events.onlineUrl",
      "events.fundingSource",
      "events.expectedValueNok",
      "events.expectedQuantity",
      "events.quantityUnit",
      "events.expectedContractStart",
      sql<number>`(select count(*)::int from event_amendments a where a.event_id = events.id)`.as("amendments"),
    ])
    .clearOrderBy()
    // Newest change first, read from the (updated_at, id) index on published events.
    .orderBy("events.updatedAt", "desc")
    .orderBy("events.id", "desc")
    .limit(limit)
    .execute();
}

export type FeedItem = Awaited<ReturnType<typeof latestDemand>>[number];

/** Which of `eventIds` the filter matches (the digest asks about a few new or amended events). */
export async function matchingEventIds(db: Db, filter: DemandFilter, eventIds: string[], now = new Date()): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await eventPageQuery(db, { ...filter, cursor: null, limit: eventIds.length }, now)
    .where("events.id", "in", eventIds)
    .clearOrderBy()
    .limit(eventIds.length)
    .execute();
  return new Set(rows.map((row) => row.id));
}

interface FeedText {
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the page with the same list. */
  pageUrl: string;
  title: string;
  subtitle?: string;
  language: Language;
  /** The portal's origin, for event links and ids. */
  origin: string;
  now: Date;
}

function eventUrl(origin: string, id: string) {
  return new URL(`/events/${id}`, origin).toString();
}

const consultationUrl = (origin: string, id: string) => new URL(`/consultations/${id}`, origin).toString();

/** What a feed says of a consultation: its subject, organiser and deadline (never a response). */
function consultationText(c: DemandConsultation, language: Language): string {
  const t = fixedT(language, "consultations");
  return `${t(`subjects.${c.subject}`)} – ${c.organiserName ?? "Markedsdialog"}\n${t("feeds.deadline")}: ${formatDateTime(c.deadline, language)}`;
}

/** The filter's events, and the open consultations it matches (issue 18), as one Atom feed. */
export function demandAtom(items: FeedItem[], feed: FeedText, consultations: DemandConsultation[] = []): string {
  const common = fixedT(feed.language, "common");
  const consultationEntries: AtomEntry[] = consultations.map((c) => ({
    id: `urn:uuid:${c.id}`,
    title: c.title,
    url: consultationUrl(feed.origin, c.id),
    updated: new Date(c.createdAt),
    published: new Date(c.createdAt),
    author: c.organiserName ?? "Markedsdialog",
    categories: ["consultation", c.subject],
    summary: consultationText(c, feed.language),
  }));
  const eventEntries: AtomEntry[] = items.map((item) => ({
    id: `urn:uuid:${item.id}`,
    title: item.title,
    url: eventUrl(feed.origin, item.id),
    updated: new Date(item.updatedAt),
    published: item.publishedAt ? new Date(item.publishedAt) : null,
    author: item.buyerName,
    categories: [item.kind, ...item.cpvCodes],
    summary: [
      `${common(`kinds.${item.kind}`)} – ${item.buyerName}${item.region ? ` (${common(`regions.${item.region}`)})` : ""}`,
      expectationText(expectationOfRow(item), feed.language),
    ].join("\n"),
  }));
  // Newest change first, events and consultations together.
  const entries = [...eventEntries, ...consultationEntries].sort((a, b) => b.updated.getTime() - a.updated.getTime());
  const newest = entries.reduce((max, entry) => Math.max(max, entry.updated.getTime()), 0);
  return buildAtomFeed({
    id: feed.selfUrl,
    title: feed.title,
    subtitle: feed.subtitle,
    selfUrl: feed.selfUrl,
    pageUrl: feed.pageUrl,
    // An empty feed has not changed since the portal began; the newest entry otherwise.
    updated: newest > 0 ? new Date(newest) : new Date(0),
    language: feed.language,
    author: "Markedsdialog",
    entries,
  });
}

/**
 * The filter's events as one calendar: each event's time, and its registration and response
 * deadlines as moments that do not block time. UIDs are those of the event's own .ics file,
 * so a calendar that has both shows each entry once.
 */
export function demandCalendar(items: FeedItem[], feed: FeedText, consultations: DemandConsultation[] = []): string {
  const t = fixedT(feed.language, "eventPage");
  const host = new URL(feed.origin).host;
  const consultationDeadline = fixedT(feed.language, "consultations")("feeds.deadline");
  const deadlines: CalendarEvent[] = consultations.map((c) => {
    const url = consultationUrl(feed.origin, c.id);
    // The UID of /consultations.ics, so a calendar with both shows the deadline once.
    const description = `${consultationText(c, feed.language)}\n\n${url}`;
    return { uid: `${c.id}-consultation@${host}`, start: new Date(c.deadline), summary: `${consultationDeadline}: ${c.title}`, description, url, busy: false };
  });
  const entries: CalendarEvent[] = items.flatMap((item) => {
    const url = eventUrl(feed.origin, item.id);
    const common = { url, sequence: item.amendments, description: `${item.buyerName}\n\n${expectationText(expectationOfRow(item), feed.language)}\n\n${url}` };
    const out: CalendarEvent[] = [];
    if (item.startsAt) {
      out.push({ ...common, uid: `${item.id}-event@${host}`, start: new Date(item.startsAt), end: item.endsAt ? new Date(item.endsAt) : null, summary: item.title, location: item.location ?? item.onlineUrl });
    }
    if (item.registrationDeadline) {
      out.push({ ...common, uid: `${item.id}-registration@${host}`, start: new Date(item.registrationDeadline), summary: `${t("when.registrationDeadline")}: ${item.title}`, busy: false });
    }
    if (item.responseDeadline) {
      out.push({ ...common, uid: `${item.id}-response@${host}`, start: new Date(item.responseDeadline), summary: `${t("when.responseDeadline")}: ${item.title}`, busy: false });
    }
    return out;
  });
  return buildCalendar({ productId: "-//Markedsdialog//Markedsdialog//NB", name: feed.title, events: [...entries, ...deadlines], now: feed.now });
}
