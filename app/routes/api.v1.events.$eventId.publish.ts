import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { publishEvent } from "~/models/event-lifecycle.server";
import { failureResponse, methodNotAllowed } from "~/http/api-problems.server";

// POST /api/v1/events/{id}/publish — 200, or 422 with every publishing rule the draft breaks.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const result = await publishEvent(db(), user, args.params.eventId ?? "");
  if (!result.ok) return failureResponse(result, user.language);
  return json(result.value);
}

export const loader = () => methodNotAllowed("POST");
