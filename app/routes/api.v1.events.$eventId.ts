import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { withFundingMark } from "~/domain/pilot-funding";
import { db } from "@db/db.server";
import { getUser, requireVerifiedUser } from "~/auth/guards.server";
import { EventPatchSchema, inputProblems } from "~/domain/event-input";
import { getEvent } from "~/models/event-reads.server";
import { updateEvent } from "~/models/event-edits.server";
import { getQuestionnaire } from "~/models/questionnaires.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { failureResponse, unreadableJson, methodNotAllowed, problemsResponse, readJsonBody } from "~/http/api-problems.server";

// GET /api/v1/events/{id} — published and closed events for anyone; drafts only for their buyers (else 404).
export async function loader(args: LoaderFunctionArgs) {
  const event = await getEvent(db(), args.params.eventId ?? "", getUser(args));
  if (!event) return json({ error: "not_found" }, { status: 404 });
  // The questions vendors answer (issue 17): bank questions by key (their words: /api/v1/question-bank), own ones in the buyer's words.
  const questionnaire = (await getQuestionnaire(db(), event.id)).map(({ key, bankKey, text, answerType, options, multiple, required }) => ({ key, bankKey, text, answerType, options, multiple, required }));
  return json({ ...withFundingMark(event), questionnaire });
}

// PATCH /api/v1/events/{id} — change fields; a published event needs a `reason` and records an amendment.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "PATCH") return methodNotAllowed("GET, PATCH");
  const user = requireVerifiedUser(args);
  const body = await readJsonBody(args.request);
  if (!body.ok) return unreadableJson(body.reason, user.language);
  const input = EventPatchSchema.safeParse(body.body);
  if (!input.success) return problemsResponse(400, inputProblems(input.error), user.language);

  const { reason, nonUseUndertaking, ...fields } = input.data;
  const result = await updateEvent(db(), user, args.params.eventId ?? "", fields, { reason, baseUrl: publicBaseUrl(), nonUseUndertaking: nonUseUndertaking === true });
  if (!result.ok) return failureResponse(result, user.language);
  return json(result.value);
}
