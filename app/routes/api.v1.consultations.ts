import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireUser } from "~/auth/guards.server";
import { ConsultationCreateSchema, consultationBodyToInput } from "~/domain/consultation-input";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { createConsultation, listConsultations } from "~/models/consultations.server";
import { requireOrganiser } from "./consultations+shared/viewer.server";

// POST /api/v1/consultations — a buyer's member (or an operator) opens a consultation;
// 422 consultation_effort_too_high when it asks for more than light effort.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const organiser = await requireOrganiser(args);
  const user = requireUser(args);
  const input = await parseJsonBody(args.request, ConsultationCreateSchema, user.language);
  if (!input.ok) return input.response;
  const result = await createConsultation(db(), organiser, consultationBodyToInput(input.value), { baseUrl: publicBaseUrl() });
  if (!result.ok) return failureResponse(result, user.language);
  const url = `/consultations/${result.value.id}`;
  return json({ id: result.value.id, url }, { status: 201, headers: { Location: url } });
}

// GET /api/v1/consultations — public: every consultation with its state; how many responded
// only after the deadline, and never a response (those are at /api/v1/consultations/{id}/responses).
export async function loader() {
  const items = await listConsultations(db());
  return json({ items: items.map((c) => ({ ...c, url: `/consultations/${c.id}` })) });
}
