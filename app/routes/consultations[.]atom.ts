import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { getLanguage } from "~/i18n/language.server";
import { consultationsAtom } from "~/models/consultation-feeds.server";
import { absoluteUrl } from "~/http/public-url.server";

// GET /consultations.atom — public: the consultations as an Atom feed (never a response).
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const body = await consultationsAtom(db(), { selfUrl: absoluteUrl("/consultations.atom"), pageUrl: absoluteUrl("/consultations"), language, origin: absoluteUrl("/"), now: new Date() });
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
