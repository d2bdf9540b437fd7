import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireUser } from "~/auth/guards.server";
import { SummaryBodySchema } from "~/domain/consultation-input";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";
import { getConsultation, publishUsageSummary } from "~/models/consultations.server";
import { requireOrganiserOf } from "./consultations+shared/viewer.server";

// POST /api/v1/consultations/{id}/summary — after the deadline the organiser publishes "slik brukte vi innspillene".
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireUser(args);
  const found = await getConsultation(db(), args.params.id ?? "");
  if (!found) return json({ error: "not_found" }, { status: 404 });
  const actor = await requireOrganiserOf(args, found.consultation.organiserId);
  const input = await parseJsonBody(args.request, SummaryBodySchema, user.language);
  if (!input.ok) return input.response;
  const result = await publishUsageSummary(db(), actor, found.consultation.id, input.value.summary);
  if (!result.ok) return failureResponse(result, user.language);
  return json({ id: found.consultation.id, state: "concluded" });
}

export const loader = () => methodNotAllowed("POST");
