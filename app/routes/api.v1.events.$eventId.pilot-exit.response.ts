import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { PilotExitResponseSchema } from "~/domain/pilot-exit-forms";
import { respondToPilotExit } from "~/models/pilot-exits.server";
import { apiLanguage, failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/events/{id}/pilot-exit/response — a vendor that took part, once:
// {"responses":[{"response":"confirm"},{"response":"dispute","account":"…"}]}, one per criterion.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const language = await apiLanguage(args);
  const body = await parseJsonBody(args.request, PilotExitResponseSchema, language);
  if (!body.ok) return body.response;
  const result = await respondToPilotExit(db(), user.id, args.params.eventId ?? "", body.value);
  if (!result.ok) return failureResponse(result, language);
  return json(result.value, { status: 201 });
}

export const loader = () => methodNotAllowed("POST");
