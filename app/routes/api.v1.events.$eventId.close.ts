import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { closeEvent } from "~/models/event-lifecycle.server";
import { failureResponse, methodNotAllowed } from "~/http/api-problems.server";

// POST /api/v1/events/{id}/close — ends a published event by hand.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const result = await closeEvent(db(), user, args.params.eventId ?? "", { baseUrl: publicBaseUrl() });
  if (!result.ok) return failureResponse(result, user.language);
  return json(result.value);
}

export const loader = () => methodNotAllowed("POST");
