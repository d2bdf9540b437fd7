import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { apiResponses } from "~/models/event-responses.server";
import { getQuestionnaire } from "~/models/questionnaires.server";
import { responsesApiAction, responsesApiLoader } from "./+shared/event-responses/responses-api.server";

// GET /api/v1/events/{id}/responses — the buyer's members: every submitted response (business
// secrets for the event's team only, each read logged); a vendor's members: their own, drafts too.
export const loader = (args: LoaderFunctionArgs) => responsesApiLoader(args, (user) => apiResponses(db(), user, args.params.eventId ?? ""));

// POST /api/v1/events/{id}/responses — the caller's vendor organisation (or `organisationId`) saves
// its draft or submits it (`submit`), before the deadline: 201 with the version.
export function action(args: ActionFunctionArgs) {
  const eventId = args.params.eventId ?? "";
  return responsesApiAction(args, { kind: "event", id: eventId }, () => getQuestionnaire(db(), eventId), `/events/${eventId}/response`);
}
