import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { InviteCoBuyerSchema } from "~/domain/co-buyer-forms";
import { inviteCoBuyer } from "~/models/co-buyers.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/events/{id}/co-buyers — the lead buyer invites a buyer organisation
// `{ "organisationId": "…", "shareKind": "percent", "shareValue": 40 }` (the share is optional;
// the invited organisation states its own when it accepts). 201, or 400 with the problems by field.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const body = await parseJsonBody(args.request, InviteCoBuyerSchema, user.language);
  if (!body.ok) return body.response;
  const result = await inviteCoBuyer(db(), user, args.params.eventId ?? "", body.value, { baseUrl: publicBaseUrl() });
  if (!result.ok) return failureResponse(result, user.language);
  return json(result.value, { status: 201 });
}

export const loader = () => methodNotAllowed("POST");
