import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { EMPTY_FILTER } from "~/domain/demand-filter";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { demandAtom, latestDemand } from "~/models/demand-feeds.server";
import { latestConsultationsForDemand } from "~/models/demand-consultations.server";
import { absoluteUrl } from "~/http/public-url.server";
import { invariantResponse } from "~/http/responses.server";
import { isSlug } from "~/domain/slug";

// GET /organisations/{slug}.atom — public: one buyer's published events (co-buyers' too) and
// its open consultations (issue 18) as an Atom feed, newest change first. 404 for an
// organisation that is not a buyer.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  invariantResponse(isSlug(slug), "Not Found");
  const buyer = await db()
    .selectFrom("organisations")
    .select(["name", "slug"])
    .where("slug", "=", slug)
    .where("isBuyer", "=", true)
    .executeTakeFirst();
  invariantResponse(buyer, "Not Found");
  const language = await getLanguage(request);
  const t = fixedT(language, "demand");
  const filter = { ...EMPTY_FILTER, buyer: buyer.slug };
  const [items, consultations] = await Promise.all([latestDemand(db(), filter), latestConsultationsForDemand(db(), filter)]);
  const feed = {
    selfUrl: absoluteUrl(`/organisations/${buyer.slug}.atom`),
    pageUrl: absoluteUrl(`/demand?buyer=${buyer.slug}`),
    title: `${buyer.name} – ${t("title")} – Markedsdialog`,
    language,
    origin: absoluteUrl("/"),
    now: new Date(),
  };
  const body = demandAtom(items, feed, consultations);
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
