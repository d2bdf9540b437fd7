import { normaliseText } from "./input-text";

// iCalendar (RFC 5545) for market-dialogue events: one VCALENDAR, one VEVENT per dated
// moment. Pure text in, text out, so the event page's .ics download and e-mail
// attachments (issue 5) share it.
//
// Times are written in UTC ("…Z"): every calendar shows them in its own zone, and no
// VTIMEZONE block has to be kept in step with Norway's daylight-saving rules.

export interface CalendarEvent {
  /** Globally unique and stable across downloads, so a calendar updates instead of duplicating. */
  uid: string;
  start: Date;
  /** Without an end the event is a moment (a deadline): RFC 5545 §3.6.1 gives it zero duration. */
  end?: Date | null;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  /** Bumped on every change (amendments), so calendars take the newer version. */
  sequence?: number;
  status?: "CONFIRMED" | "CANCELLED" | "TENTATIVE";
  /** Whether it takes up time (a meeting) or only marks a moment (a deadline). Default: busy. */
  busy?: boolean;
}

export interface Calendar {
  /** PRODID: who made the file. */
  productId: string;
  /** X-WR-CALNAME, shown by some calendars when the file is subscribed to. */
  name?: string;
  events: CalendarEvent[];
  /** DTSTAMP: when this file was made. */
  now: Date;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A DATE-TIME in UTC: 20270301T110000Z. */
export function formatUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date");
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): each continuation line starts with
 * one space, and a UTF-8 character is never split across lines.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The leading space of a continuation line counts towards its 75 octets.
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

// RFC 5545 §3.1 and §3.3.11: a content line holds no CONTROL character but HTAB. TEXT has
// its newlines escaped as \n before this; what else is there (a title stored before text was
// normalised at the boundary, a newline in a URI) is dropped, as the boundary would drop it.
/** A property's content line: well-formed, no control but tab, folded at 75 octets. */
function property(name: string, value: string): string {
  return foldLine(`${name}:${normaliseText(value).replace(/\n/g, "")}`);
}

function vevent(event: CalendarEvent, now: Date): string[] {
  const lines = [
    "BEGIN:VEVENT",
    property("UID", escapeText(event.uid)),
    property("DTSTAMP", formatUtc(now)),
    property("DTSTART", formatUtc(event.start)),
  ];
  if (event.end && event.end.getTime() > event.start.getTime()) lines.push(property("DTEND", formatUtc(event.end)));
  lines.push(property("SEQUENCE", String(event.sequence ?? 0)));
  lines.push(property("SUMMARY", escapeText(event.summary)));
  if (event.description) lines.push(property("DESCRIPTION", escapeText(event.description)));
  if (event.location) lines.push(property("LOCATION", escapeText(event.location)));
  // URL is a URI value, not TEXT: it is not escaped, only folded.
  if (event.url) lines.push(property("URL", event.url));
  lines.push(property("STATUS", event.status ?? "CONFIRMED"));
  lines.push(`TRANSP:${event.busy === false ? "TRANSPARENT" : "OPAQUE"}`, "END:VEVENT");
  return lines;
}

/** The whole file, CRLF line endings and a final CRLF. */
export function buildCalendar({ productId, name, events, now }: Calendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    property("PRODID", productId),
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(name ? [property("X-WR-CALNAME", escapeText(name))] : []),
    ...events.flatMap((event) => vevent(event, now)),
    "END:VCALENDAR",
  ];
  return lines.join(CRLF) + CRLF;
}
