import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { NewContractSchema } from "~/domain/contract-forms";
import { getContractWorkspace } from "~/models/contract-reads.server";
import { createContract } from "~/models/contracts.server";
import { apiLanguage, failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/contracts — a contract not born in the portal (or linked to a procured event
// with "eventId"), recorded by a member of the token owner's active buyer organisation.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const member = await requireMember(args, { kind: "buyer" });
  const language = await apiLanguage(args);
  const body = await parseJsonBody(args.request, NewContractSchema, language);
  if (!body.ok) return body.response;
  const result = await createContract(db(), { userId: member.user.id, organisationId: member.organisation.id }, body.value);
  if (!result.ok) return failureResponse(result, language);
  return json(result.value, { status: 201 });
}

// GET /api/v1/contracts — the contracts the token owner's active organisation is party to,
// as buyer or as vendor, with what each asks of it next (the contracts workspace).
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  return json({ contracts: await getContractWorkspace(db(), member.organisation.id) });
}
