import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { OptionDecisionSchema } from "~/domain/contract-forms";
import { decideOption } from "~/models/contracts.server";
import { apiLanguage, failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/contracts/{id}/options/{n} — the buyer: {"decision":"exercised"} or
// {"decision":"declined","reason":"…"}.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const user = requireVerifiedUser(args);
  const language = await apiLanguage(args);
  const number = Number(args.params.number);
  if (!/^[1-9][0-9]{0,2}$/.test(args.params.number ?? "")) return json({ error: "not_found" }, { status: 404 });
  const body = await parseJsonBody(args.request, OptionDecisionSchema, language);
  if (!body.ok) return body.response;
  const result = await decideOption(db(), user.id, args.params.contractId ?? "", number, body.value);
  if (!result.ok) return failureResponse(result, language);
  return json(result.value);
}

export const loader = () => methodNotAllowed("POST");
