import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { ResponseBodySchema, responseBodyToInput } from "~/domain/consultation-input";
import { mayOrganise } from "~/domain/consultations";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";
import { consultationResponses, getConsultation, saveResponse } from "~/models/consultations.server";
import { consultationViewer } from "./consultations+shared/viewer.server";

// GET /api/v1/consultations/{id}/responses — after the deadline every published response
// (withheld parts left out); before it only the caller's own, and to no one else anything.
export async function loader(args: LoaderFunctionArgs) {
  const found = await getConsultation(db(), args.params.id ?? "");
  if (!found) return json({ error: "not_found" }, { status: 404 });
  const viewer = await consultationViewer(args);
  const isOrganiser = mayOrganise(found.consultation, viewer.actor);
  const organisationId = isOrganiser ? null : (viewer.membership?.organisation.id ?? null);
  const { own, published } = await consultationResponses(db(), found.consultation, { organisationId, actor: viewer.actor });
  // Before the deadline a response exists for its author alone: to anyone else there is nothing here.
  if (found.open && !own) return json({ error: "not_found" }, { status: 404 });
  const questions = found.consultation.questions;
  return json({
    consultation: { id: found.consultation.id, state: found.state, deadline: found.consultation.deadline, usageSummary: found.consultation.usageSummary },
    own: own
      ? {
          id: own.id,
          status: own.status,
          submittedAt: own.submittedAt,
          answers: own.parts.map((p) => ({ question: questions[p.position] ?? null, text: p.text, withhold: p.withholdRequested, withholdReason: p.withholdReason, withholdDecision: p.withholdDecision })),
        }
      : null,
    items: published.map((r) => ({
      id: r.id,
      organisation: { id: r.organisationId, name: r.organisationName },
      submittedAt: r.submittedAt,
      answers: r.parts.map((p) => ({ question: questions[p.position] ?? null, text: p.text })),
    })),
  });
}

// POST /api/v1/consultations/{id}/responses — write the caller's organisation's response (a draft, or `submit: true`), before the deadline.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("GET, POST");
  const member = await requireMember(args);
  const language = member.user.language;
  const input = await parseJsonBody(args.request, ResponseBodySchema, language);
  if (!input.ok) return input.response;
  const result = await saveResponse(db(), member, args.params.id ?? "", responseBodyToInput(input.value));
  if (!result.ok) return failureResponse(result, language);
  return json({ id: result.value.id, status: result.value.status }, { status: 201 });
}
