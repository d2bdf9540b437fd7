import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, getUser, requireVerifiedUser } from "~/auth/guards.server";
import { getLanguage } from "~/i18n/language.server";
import { getEvent } from "~/models/event-reads.server";
import { getMembership } from "~/models/memberships.server";
import { listParticipants, participantsCsv } from "~/models/registration-reads.server";
import { csvResponse, invariantResponse } from "~/http/responses.server";

// GET /events/{id}/participants.csv — the participant list for the buyer's members only:
// 404 for an event the person may not see, 403 for anyone else who can see it.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const event = await getEvent(db(), args.params.eventId ?? "", getUser(args));
  invariantResponse(event, "Not Found");
  if (!(await getMembership(db(), user.id, event.buyer.id))) forbidden(args.request);
  const body = participantsCsv(await listParticipants(db(), event.id), await getLanguage(args.request));
  return csvResponse(body, `deltakere-${event.id}.csv`, { cacheControl: "private, no-store" });
}
