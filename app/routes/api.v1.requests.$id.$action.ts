import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { AnswerSchema, AssignSchema, DeclineSchema, ReferSchema } from "~/domain/vendor-requests";
import { answerVendorRequest, assignVendorRequest, declineVendorRequest, referVendorRequest } from "~/models/vendor-requests.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/requests/{id}/assign|answer|refer|decline — the buyer holding the request acts on it.
// Anyone else gets 404, as for reading it.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const member = await requireMember(args);
  const language = member.user.language;
  const id = args.params.id ?? "";
  const options = { baseUrl: publicBaseUrl() };
  const act = args.params.action;
  let result;
  if (act === "assign") {
    const body = await parseJsonBody(args.request, AssignSchema, language);
    if (!body.ok) return body.response;
    result = await assignVendorRequest(db(), member, id, body.value, options);
  } else if (act === "answer") {
    const body = await parseJsonBody(args.request, AnswerSchema, language);
    if (!body.ok) return body.response;
    result = await answerVendorRequest(db(), member, id, { answer: body.value.answer, publishedQuestion: body.value.publishedQuestion ?? null }, options);
  } else if (act === "decline") {
    const body = await parseJsonBody(args.request, DeclineSchema, language);
    if (!body.ok) return body.response;
    result = await declineVendorRequest(db(), member, id, body.value.reason, options);
  } else if (act === "refer") {
    const body = await parseJsonBody(args.request, ReferSchema, language);
    if (!body.ok) return body.response;
    result = await referVendorRequest(db(), member, id, body.value, options);
  } else return json({ error: "not_found" }, { status: 404 });
  if (!result.ok) return failureResponse(result, language);
  return json({ id, url: `/requests/${id}` }, { status: 200 });
}

export const loader = () => methodNotAllowed("POST");
