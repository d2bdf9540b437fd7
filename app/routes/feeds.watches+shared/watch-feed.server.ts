import { db } from "@db/db.server";
import { watchFilter } from "~/domain/watches";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { demandAtom, demandCalendar, latestDemand } from "~/models/demand-feeds.server";
import { demandHref } from "~/models/demand.server";
import { latestConsultationsForDemand } from "~/models/demand-consultations.server";
import { findWatchByFeedToken } from "~/models/watches.server";
import { absoluteUrl } from "~/http/public-url.server";
import { invariantResponse } from "~/http/responses.server";

/** A watch's private feed, Atom or iCalendar, found by the secret in its address. */
export async function watchFeed(request: Request, token: string, format: "atom" | "ics"): Promise<Response> {
  const watch = await findWatchByFeedToken(db(), token);
  invariantResponse(watch, "Not Found");
  const language = await getLanguage(request);
  const t = fixedT(language, "watches");
  const filter = watchFilter(watch.query);
  const [items, consultations] = await Promise.all([latestDemand(db(), filter), latestConsultationsForDemand(db(), filter)]);
  const text = {
    selfUrl: absoluteUrl(`/feeds/watches/${token}.${format}`),
    pageUrl: absoluteUrl(demandHref("/demand", filter)),
    title: `${watch.name} – Markedsdialog`,
    subtitle: t("lead"),
    language,
    origin: absoluteUrl("/"),
    now: new Date(),
  };
  // Private: the address is a secret, so no shared cache may keep it.
  const headers = { "Cache-Control": "private, max-age=300", "X-Robots-Tag": "noindex" };
  if (format === "atom") {
    return new Response(demandAtom(items, text, consultations), { headers: { ...headers, "Content-Type": "application/atom+xml; charset=utf-8" } });
  }
  return new Response(demandCalendar(items, text, consultations), { headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8" } });
}
