import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { csvResponse, notFound } from "~/http/responses.server";
import { getLanguage } from "~/i18n/language.server";
import { buyerResponses, responsesCsv } from "~/models/event-responses.server";
import { getQuestionnaire } from "~/models/questionnaires.server";

// GET /events/{id}/responses.csv — the buyer's table of responses, without any part a vendor
// marked as a business secret (for the team neither); the buyer's members only (404 / 403).
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const result = await buyerResponses(db(), user, args.params.eventId ?? "");
  if (!result.ok) return result.reason === "forbidden" ? forbidden(args.request) : notFound();
  const body = responsesCsv(result.value.responses, await getLanguage(args.request), await getQuestionnaire(db(), result.value.event.id));
  return csvResponse(body, `svar-${result.value.event.id}.csv`, { cacheControl: "private, no-store" });
}
