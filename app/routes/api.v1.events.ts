import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { requireMember } from "~/auth/guards.server";
import { EventCreateSchema, inputProblems } from "~/domain/event-input";
import { createDraft } from "~/models/event-edits.server";
import { failureResponse, unreadableJson, methodNotAllowed, problemsResponse, readJsonBody } from "~/http/api-problems.server";

// POST /api/v1/events — a new draft for the caller's (buyer) organisation.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const member = await requireMember(args, { kind: "buyer" });
  const language = member.user.language;
  const body = await readJsonBody(args.request);
  if (!body.ok) return unreadableJson(body.reason, language);
  const input = EventCreateSchema.safeParse(body.body);
  if (!input.success) return problemsResponse(400, inputProblems(input.error), language);

  const result = await createDraft(db(), member, input.data, { baseUrl: publicBaseUrl() });
  if (!result.ok) return failureResponse(result, language);
  return json(result.value, { status: 201, headers: { Location: `/api/v1/events/${result.value.id}` } });
}

export const loader = () => methodNotAllowed("POST");
