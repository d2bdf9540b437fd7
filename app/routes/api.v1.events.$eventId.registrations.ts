import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { RegistrationSchema } from "~/domain/participation-input";
import { leaveEvent, registerForEvent } from "~/models/registrations.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

const ALLOW = "POST, DELETE";

// POST /api/v1/events/{id}/registrations — the caller's vendor organisation signs up: a place, or the waiting list.
// DELETE /api/v1/events/{id}/registrations — it withdraws; the first on the waiting list takes the place (e-mailed).
export async function action(args: ActionFunctionArgs) {
  const method = args.request.method;
  if (method !== "POST" && method !== "DELETE") return methodNotAllowed(ALLOW);
  const member = await requireMember(args, { kind: "vendor" });
  const language = member.user.language;
  const eventId = args.params.eventId ?? "";
  const baseUrl = publicBaseUrl();

  if (method === "DELETE") {
    const result = await leaveEvent(db(), member.user, eventId, member.organisation.id, { kind: "withdraw" }, { baseUrl });
    if (!result.ok) return failureResponse(result, language);
    return json({ id: result.value.id, status: result.value.status });
  }

  // Without a list of attendees the caller comes alone.
  const input = await parseJsonBody(args.request, RegistrationSchema, language, { attendees: [member.user.id] });
  if (!input.ok) return input.response;

  const result = await registerForEvent(db(), member, eventId, input.value, { baseUrl });
  if (!result.ok) return failureResponse(result, language);
  return json(result.value, { status: 201 });
}

export const loader = () => methodNotAllowed(ALLOW);
