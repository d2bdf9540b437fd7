import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { inputProblems, PublishSchema } from "~/domain/event-input";
import { publishEvent } from "~/models/event-lifecycle.server";
import { failureResponse, methodNotAllowed, problemsResponse, readJsonBody, unreadableJson } from "~/http/api-problems.server";

// POST /api/v1/events/{id}/publish — 200, or 422 with every publishing rule the draft breaks.
// An optional body `{ "nonUseUndertaking": true }` gives the buyer's non-use undertaking (issue 17).
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const body = await readJsonBody(args.request, { optional: true });
  if (!body.ok) return unreadableJson(body.reason, user.language);
  const input = PublishSchema.safeParse(body.body);
  if (!input.success) return problemsResponse(400, inputProblems(input.error), user.language);
  const result = await publishEvent(db(), user, args.params.eventId ?? "", { nonUseUndertaking: input.data.nonUseUndertaking === true });
  if (!result.ok) return failureResponse(result, user.language);
  return json(result.value);
}

export const loader = () => methodNotAllowed("POST");
