import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { CallOffSchema } from "~/domain/contract-forms";
import { recordCallOff } from "~/models/contracts.server";
import { apiLanguage, failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/contracts/{id}/call-offs — {"quarter":"2027-Q1","valueNok":2000000} by a member of the buyer.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const language = await apiLanguage(args);
  const body = await parseJsonBody(args.request, CallOffSchema, language);
  if (!body.ok) return body.response;
  const result = await recordCallOff(db(), user.id, args.params.contractId ?? "", body.value);
  if (!result.ok) return failureResponse(result, language);
  return json(result.value, { status: 201 });
}

export const loader = () => methodNotAllowed("POST");
