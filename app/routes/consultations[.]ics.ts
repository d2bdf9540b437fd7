import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { getLanguage } from "~/i18n/language.server";
import { consultationsCalendar } from "~/models/consultation-feeds.server";
import { absoluteUrl } from "~/http/public-url.server";

// GET /consultations.ics — public: every consultation's deadline as an iCalendar feed.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const body = await consultationsCalendar(db(), { selfUrl: absoluteUrl("/consultations.ics"), pageUrl: absoluteUrl("/consultations"), language, origin: absoluteUrl("/"), now: new Date() });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
