import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { buildAtomFeed, type AtomEntry } from "~/domain/atom";
import { parsePilotRegisterFilter, pilotRegisterSearch } from "~/domain/pilot-register";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { latestChangedPilots } from "~/models/pilot-register.server";
import { absoluteUrl } from "~/http/public-url.server";

const FEED_SIZE = 50;

// GET /pilots.atom — public: the pilot register (issue 16) as an Atom feed, for the filters of
// /pilots; the 50 most recently changed (published, amended or given an exit record) first, so
// a reader hears when a pilot ends in a decision.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const t = fixedT(language, "pilots");
  const tc = fixedT(language, "common");
  const filter = parsePilotRegisterFilter(new URL(request.url).searchParams);
  const search = pilotRegisterSearch(filter);
  const pilots = await latestChangedPilots(db(), filter, FEED_SIZE);
  const entries: AtomEntry[] = pilots.map((p) => ({
    id: `urn:uuid:${p.id}`,
    title: p.title,
    url: absoluteUrl(`/events/${p.id}`),
    updated: new Date(p.updatedAt),
    author: p.buyer.name,
    categories: [p.kind, p.outcome, ...p.cpvCodes],
    summary: [
      `${tc(`kinds.${p.kind}`)} – ${p.buyer.name}`,
      `${t("register.outcome")}: ${t(`register.outcomes.${p.outcome}`)}`,
      p.exit ? `${t("register.decision")}: ${t(`decisions.${p.exit.decision}`)}${p.exit.stopReason ? ` – ${t(`reasons.${p.exit.stopReason}`)}` : ""}` : null,
      p.noPurchaseBudgetAfterPilot ? t("register.noPurchaseBudget") : null,
    ]
      .filter(Boolean)
      .join("\n"),
  }));
  const selfUrl = absoluteUrl(`/pilots.atom${search}`);
  const body = buildAtomFeed({
    id: selfUrl,
    title: `${t("register.title")} – Markedsdialog`,
    subtitle: t("register.intro"),
    selfUrl,
    pageUrl: absoluteUrl(`/pilots${search}`),
    // An empty feed has not changed since the portal began; the newest entry otherwise.
    updated: entries[0]?.updated ?? new Date(0),
    language,
    author: "Markedsdialog",
    entries,
  });
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
