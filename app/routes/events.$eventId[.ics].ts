import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { getUser } from "~/auth/guards.server";
import { getLanguage } from "~/i18n/language.server";
import { getEvent } from "~/models/event-reads.server";
import { eventCalendar } from "~/i18n/event-calendar";
import { absoluteUrl } from "~/http/public-url.server";
import { invariantResponse, notFound } from "~/http/responses.server";

// GET /events/{id}.ics — the event's dates as an iCalendar file. Who may see the event
// page may download it; drafts are 404 for everyone else, and so is an event without dates.
export async function loader(args: LoaderFunctionArgs) {
  const event = await getEvent(db(), args.params.eventId ?? "", getUser(args));
  invariantResponse(event, "Not Found");
  const url = absoluteUrl(`/events/${event.id}`);
  const calendar = eventCalendar(event, { language: await getLanguage(args.request), url, host: new URL(url).host });
  if (calendar === null) notFound("Not Found");
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="markedsdialog-${event.id}.ics"`,
      // Drafts are private to their buyers; published events change by amendment.
      "Cache-Control": event.status === "draft" ? "private, no-store" : "public, max-age=300",
    },
  });
}
