import type { EventKind } from "~/domain/events";
import { buildCalendar, type CalendarEvent } from "~/domain/icalendar";
import { markdownToPlainText } from "~/domain/markdown-text";
import { fixedT } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { expectationText, type ExpectationSummary } from "./event-text";

type When = Date | string | null;

/** What a calendar file needs of an event (the models' EventDetail has all of it). */
export interface CalendarSource {
  id: string;
  title: string;
  kind: EventKind;
  description: string | null;
  buyer: { name: string };
  expectation: ExpectationSummary | null;
  registrationDeadline: When;
  startsAt: When;
  endsAt: When;
  responseDeadline: When;
  location: string | null;
  onlineUrl: string | null;
  amendments: readonly unknown[];
  outcome: { outcome: string } | null;
}

/** Whether the event has a date a calendar can hold. */
export function hasCalendarDates(event: Pick<CalendarSource, "registrationDeadline" | "startsAt" | "responseDeadline">): boolean {
  return Boolean(event.registrationDeadline || event.startsAt || event.responseDeadline);
}

/**
 * An event as an iCalendar file: the event itself when it has a time, and each deadline
 * (registration, response) as its own entry that does not block time: a deadline is what
 * a vendor must not miss, and a separate entry shows in every calendar, where an alarm
 * inside another entry is often dropped. Null when the event has no date at all.
 */
export function eventCalendar(
  event: CalendarSource,
  { language, url, host, now = new Date() }: { language: Language; url: string; host: string; now?: Date },
): string | null {
  if (!hasCalendarDates(event)) return null;
  const t = fixedT(language, "eventPage");
  const kind = fixedT(language, "common")(`kinds.${event.kind}`);
  // Amendments move dates: the sequence tells calendars which version is newer.
  const sequence = event.amendments.length;
  const status = event.outcome?.outcome === "withdrawn" ? "CANCELLED" : "CONFIRMED";
  const description = [
    `${kind} – ${event.buyer.name}`,
    expectationText(event.expectation, language),
    markdownToPlainText(event.description ?? ""),
    url,
  ]
    .filter((part) => part.trim() !== "")
    .join("\n\n");
  const common = { url, sequence, status, description } as const;
  const entries: CalendarEvent[] = [];
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  const startsAt = date(event.startsAt);
  const registration = date(event.registrationDeadline);
  const response = date(event.responseDeadline);
  if (startsAt) {
    entries.push({
      ...common,
      uid: `${event.id}-event@${host}`,
      start: startsAt,
      end: date(event.endsAt),
      summary: event.title,
      location: event.location ?? event.onlineUrl ?? null,
    });
  }
  if (registration) {
    entries.push({ ...common, uid: `${event.id}-registration@${host}`, start: registration, summary: `${t("when.registrationDeadline")}: ${event.title}`, busy: false });
  }
  if (response) {
    entries.push({ ...common, uid: `${event.id}-response@${host}`, start: response, summary: `${t("when.responseDeadline")}: ${event.title}`, busy: false });
  }
  return buildCalendar({ productId: "-//Markedsdialog//Markedsdialog//NB", name: event.title, events: entries, now });
}
