import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { VendorRequestCreateSchema, vendorRequestBodyToInput } from "~/domain/vendor-requests";
import { createVendorRequest } from "~/models/vendor-requests.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { failureResponse, methodNotAllowed, parseJsonBody } from "~/http/api-problems.server";

// POST /api/v1/requests — a vendor member sends a request to a buyer organisation.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  const member = await requireMember(args, { kind: "vendor" });
  const language = member.user.language;
  const input = await parseJsonBody(args.request, VendorRequestCreateSchema, language);
  if (!input.ok) return input.response;
  const result = await createVendorRequest(db(), member, vendorRequestBodyToInput(input.value), { baseUrl: publicBaseUrl() });
  if (!result.ok) return failureResponse(result, language);
  const url = `/requests/${result.value.id}`;
  return json({ id: result.value.id, url, deliveredTo: result.value.toAdmins ? "admins" : "commercial_contact" }, { status: 201, headers: { Location: url } });
}

export const loader = () => methodNotAllowed("POST");
