import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { AcceptCoBuyingSchema } from "~/domain/co-buyer-forms";
import { answerInvitation } from "~/models/co-buyers.server";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/events/{id}/co-buyers/{organisationId}/accept — an admin of the invited organisation
// accepts, `{ "shareKind": "percent", "shareValue": 40, "expectationStatus": "planned" }`;
// …/decline declines (no body). Only the invited organisation's admins answer for it (403 by the field).
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const eventId = args.params.eventId ?? "";
  const organisationId = args.params.organisationId ?? "";
  let result;
  if (args.params.action === "accept") {
    const body = await parseJsonBody(args.request, AcceptCoBuyingSchema, user.language);
    if (!body.ok) return body.response;
    result = await answerInvitation(db(), user, eventId, organisationId, { accept: body.value });
  } else if (args.params.action === "decline") {
    result = await answerInvitation(db(), user, eventId, organisationId, { decline: true });
  } else return json({ error: "not_found" }, { status: 404 });
  if (!result.ok) return failureResponse(result, user.language);
  return json(result.value);
}

export const loader = () => methodNotAllowed("POST");
