import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { EffortRequestCreateSchema, effortRequestBodyToInput } from "~/domain/effort-request-input";
import { createEffortRequest } from "~/models/effort-requests.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/effort-requests — a buyer asks vendors for work; 422 when the predictability gate refuses (counted).
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const member = await requireMember(args, { kind: "buyer" });
  const language = member.user.language;
  const input = await parseJsonBody(args.request, EffortRequestCreateSchema, language);
  if (!input.ok) return input.response;

  const baseUrl = publicBaseUrl();
  const result = await createEffortRequest(db(), member, effortRequestBodyToInput(input.value), { baseUrl });
  if (!result.ok) return failureResponse(result, language);
  return json({ id: result.value.id, url: `/effort-requests/${result.value.id}` }, { status: 201, headers: { Location: `/effort-requests/${result.value.id}` } });
}

export const loader = () => methodNotAllowed("POST");
