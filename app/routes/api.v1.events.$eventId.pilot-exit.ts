import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { PilotExitSchema } from "~/domain/pilot-exit-forms";
import { recordPilotExit } from "~/models/pilot-exits.server";
import { apiLanguage, failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/events/{id}/pilot-exit — the buyer's members, once the pilot has ended: each
// criterion's result and the decision (docs/api.md). Recorded once; again only while "undecided".
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const language = await apiLanguage(args);
  const body = await parseJsonBody(args.request, PilotExitSchema, language);
  if (!body.ok) return body.response;
  const result = await recordPilotExit(db(), user.id, args.params.eventId ?? "", body.value);
  if (!result.ok) return failureResponse(result, language);
  return json(result.value, { status: 201 });
}

export const loader = () => methodNotAllowed("POST");
