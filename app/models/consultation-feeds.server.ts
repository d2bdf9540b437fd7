import type { Db } from "@db/client";
import { buildAtomFeed, type AtomEntry } from "~/domain/atom";
import { buildCalendar, type CalendarEvent } from "~/domain/icalendar";
import { fixedT } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { listConsultations } from "./consultations.server";

// The consultations (issue 18) as a public Atom feed and an iCalendar feed of their deadlines.
// They read the public list (listConsultations): what a consultation asks and when, never a
// response, and how many responded only once the deadline has passed.

export interface ConsultationFeedText {
  selfUrl: string;
  pageUrl: string;
  language: Language;
  /** The portal's origin, for links and ids. */
  origin: string;
  now: Date;
}

type Item = Awaited<ReturnType<typeof listConsultations>>[number];

const pageOf = (origin: string, id: string) => new URL(`/consultations/${id}`, origin).toString();

function describe(item: Item, language: Language) {
  const t = fixedT(language, "consultations");
  return [`${t(`subjects.${item.subject}`)} – ${item.organiserName ?? "Markedsdialog"}`, `${t("list.caseNumber")} ${item.caseNumber}`, t(`states.${item.state}`)].join("\n");
}

export async function consultationsAtom(db: Db, feed: ConsultationFeedText): Promise<string> {
  const t = fixedT(feed.language, "consultations");
  const items = await listConsultations(db, { now: feed.now });
  // A consultation changes when it opens and when its summary is published.
  const changed = (item: Item) => new Date(item.usageSummaryAt ?? item.createdAt);
  const entries: AtomEntry[] = items.map((item) => ({
    id: `urn:uuid:${item.id}`,
    title: item.title,
    url: pageOf(feed.origin, item.id),
    updated: changed(item),
    published: new Date(item.createdAt),
    author: item.organiserName ?? "Markedsdialog",
    categories: ["consultation", item.subject],
    summary: describe(item, feed.language),
  }));
  const newest = entries.reduce((max, e) => Math.max(max, e.updated.getTime()), 0);
  return buildAtomFeed({
    id: feed.selfUrl,
    title: `${t("list.title")} – Markedsdialog`,
    subtitle: t("list.lead"),
    selfUrl: feed.selfUrl,
    pageUrl: feed.pageUrl,
    updated: newest > 0 ? new Date(newest) : new Date(0),
    language: feed.language,
    author: "Markedsdialog",
    entries,
  });
}

/** Every consultation's deadline as a moment that does not block time; the UID is stable per consultation. */
export async function consultationsCalendar(db: Db, feed: ConsultationFeedText): Promise<string> {
  const t = fixedT(feed.language, "consultations");
  const host = new URL(feed.origin).host;
  const items = await listConsultations(db, { now: feed.now });
  const events: CalendarEvent[] = items.map((item) => {
    const url = pageOf(feed.origin, item.id);
    return { uid: `${item.id}-consultation@${host}`, start: new Date(item.deadline), summary: `${t("feeds.deadline")}: ${item.title}`, description: `${describe(item, feed.language)}\n\n${url}`, url, busy: false };
  });
  return buildCalendar({ productId: "-//Markedsdialog//Markedsdialog//NB", name: `${t("list.title")} – Markedsdialog`, events, now: feed.now });
}
