import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { CallOffResponseSchema } from "~/domain/contract-forms";
import { respondToCallOff } from "~/models/contracts.server";
import { apiLanguage, failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/contracts/{id}/call-offs/{quarter}/response — the vendor on the contract:
// {"response":"confirm"} or {"response":"dispute","account":"…"}.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const language = await apiLanguage(args);
  const body = await parseJsonBody(args.request, CallOffResponseSchema, language);
  if (!body.ok) return body.response;
  const result = await respondToCallOff(db(), user.id, args.params.contractId ?? "", args.params.quarter ?? "", body.value);
  if (!result.ok) return failureResponse(result, language);
  return json(result.value, { status: 201 });
}

export const loader = () => methodNotAllowed("POST");
