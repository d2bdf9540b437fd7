import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { getUser, requireVerifiedUser } from "~/auth/guards.server";
import { InvestmentCorrectionSchema } from "~/domain/pilot-investment-forms";
import { correctInvestment, getInvestmentPage } from "~/models/pilot-investment.server";
import { apiLanguage, failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// The vendors' own expected investment in a pilot (issue 16), as on /events/{id}/investment.
// GET — anyone: the buyer's figure, how many vendors corrected it and the median and range;
// the buyer's members also get who said what, a registered vendor its own corrections.
export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  const page = await getInvestmentPage(db(), args.params.eventId ?? "", user?.id ?? null);
  if (!page) return json({ error: "not_found" }, { status: 404 });
  return json(page);
}

// POST — a member of a vendor registered for the pilot corrects the figure for its organisation:
// {"organisationId"?, "hours", "nok", "note"}; once per organisation, a later one replacing it.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("GET, POST");
  const user = requireVerifiedUser(args);
  const language = await apiLanguage(args);
  const body = await parseJsonBody(args.request, InvestmentCorrectionSchema, language);
  if (!body.ok) return body.response;
  const result = await correctInvestment(db(), user.id, args.params.eventId ?? "", body.value);
  if (!result.ok) return failureResponse(result, language);
  return json({ organisationId: result.value.organisationId, hours: body.value.hours ?? null, nok: body.value.nok ?? null, note: body.value.note ?? null });
}
