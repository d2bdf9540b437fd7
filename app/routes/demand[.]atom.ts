import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { demandAtom, latestDemand } from "~/models/demand-feeds.server";
import { demandHref, readDemandFilter } from "~/models/demand.server";
import { latestConsultationsForDemand } from "~/models/demand-consultations.server";
import { absoluteUrl } from "~/http/public-url.server";

// GET /demand.atom — public: the demand list as an Atom feed, for the same filter
// parameters as /demand, the most recently published or amended events first, with the open
// consultations the filter matches (issue 18).
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const t = fixedT(language, "demand");
  const { filter } = readDemandFilter(new URL(request.url).searchParams);
  const [items, consultations] = await Promise.all([latestDemand(db(), filter), latestConsultationsForDemand(db(), filter)]);
  const feed = {
    selfUrl: absoluteUrl(demandHref("/demand.atom", filter)),
    pageUrl: absoluteUrl(demandHref("/demand", filter)),
    title: `${t("title")} – Markedsdialog`,
    subtitle: t("lead"),
    language,
    origin: absoluteUrl("/"),
    now: new Date(),
  };
  const body = demandAtom(items, feed, consultations);
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
