import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { inputProblems, OutcomeSchema } from "~/domain/event-input";
import { recordOutcome } from "~/models/event-lifecycle.server";
import { failureResponse, unreadableJson, methodNotAllowed, problemsResponse, readJsonBody } from "~/http/api-problems.server";

// POST /api/v1/events/{id}/outcome — procured / not_procured / withdrawn.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const body = await readJsonBody(args.request);
  if (!body.ok) return unreadableJson(body.reason, user.language);
  const input = OutcomeSchema.safeParse(body.body);
  if (!input.success) return problemsResponse(400, inputProblems(input.error), user.language);

  const result = await recordOutcome(db(), user, args.params.eventId ?? "", input.data, { baseUrl: publicBaseUrl() });
  if (!result.ok) return failureResponse(result, user.language);
  // A contract recorded with the outcome is a new resource: 201 and its id.
  return json(result.value, { status: result.value.contractId ? 201 : 200 });
}

export const loader = () => methodNotAllowed("POST");
