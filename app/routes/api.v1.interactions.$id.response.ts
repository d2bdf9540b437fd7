import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { ApiResponseSchema, issuesByField } from "~/domain/conduct-forms";
import { getInteractionForViewer } from "~/models/interaction-reads.server";
import { respondToInteraction } from "~/models/interactions.server";
import { absoluteUrl } from "~/http/public-url.server";
import { apiLanguage, failureResponse, fieldErrorsResponse, readJsonBody } from "~/http/api-problems.server";

export function loader() {
  return json({ error: "method_not_allowed" }, { status: 405, headers: { Allow: "POST" } });
}

// POST /api/v1/interactions/{id}/response — { "response": "confirm" | "dispute", "account": "…" }
export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const view = await getInteractionForViewer(db(), args.params.id ?? "", { userId: user.id, isOperator: user.isOperator });
  // Not a party (and not an operator): the entry does not exist for them.
  if (!view) return json({ error: "not_found" }, { status: 404 });
  if (!view.canRespond) forbidden(args.request);
  const read = await readJsonBody(args.request);
  const parsed = ApiResponseSchema.safeParse((read.ok ? read.body : null) ?? {});
  if (!parsed.success) return fieldErrorsResponse(issuesByField(parsed.error.issues), await apiLanguage(args));
  const result = await respondToInteraction(
    db(),
    { entryId: view.entry.id, organisationId: view.entry.counterpartId, userId: user.id, response: parsed.data.response, account: parsed.data.account ?? null },
    { entryUrl: (id) => absoluteUrl(`/interactions/${id}`) },
  );
  if (!result.ok) return failureResponse(result, await apiLanguage(args));
  return json({ id: result.value.id, entryId: view.entry.id, response: parsed.data.response }, { status: 201 });
}
