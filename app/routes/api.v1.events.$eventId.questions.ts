import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { QuestionSchema } from "~/domain/participation-input";
import { askQuestion, listAnswers } from "~/models/questions.server";
import { participationFacts } from "~/models/registration-reads.server";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";
import { publicBaseUrl } from "~/http/public-url.server";

// GET /api/v1/events/{id}/questions — answered questions, public; never who asked (likebehandling).
export async function loader({ params }: LoaderFunctionArgs) {
  const eventId = params.eventId ?? "";
  const facts = await participationFacts(db(), eventId);
  if (!facts || facts.status === "draft") return json({ error: "not_found" }, { status: 404 });
  const answers = await listAnswers(db(), eventId);
  return json({ items: answers.map((a) => ({ id: a.id, question: a.question, answer: a.answer, answeredAt: a.answeredAt })) });
}

// POST /api/v1/events/{id}/questions — a taking-part vendor asks privately; the buyer answers all at once.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("GET, POST");
  const member = await requireMember(args, { kind: "vendor" });
  const language = member.user.language;
  const input = await parseJsonBody(args.request, QuestionSchema, language);
  if (!input.ok) return input.response;

  const result = await askQuestion(db(), member, args.params.eventId ?? "", input.value.question, { baseUrl: publicBaseUrl() });
  if (!result.ok) return failureResponse(result, language);
  return json({ id: result.value.id, status: "unanswered" }, { status: 201 });
}
