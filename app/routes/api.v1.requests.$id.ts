import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { getVendorRequest } from "~/models/vendor-requests.server";
import { methodNotAllowed } from "~/http/api-problems.server";
import { vendorRequestJson } from "./requests+shared/request-json";

// GET /api/v1/requests/{id} — the request and its whole history, to the two parties only (404 to anyone else).
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const view = await getVendorRequest(db(), args.params.id ?? "", member.organisation.id);
  if (!view) return json({ error: "not_found" }, { status: 404 });
  return json(vendorRequestJson(view));
}

export const action = () => methodNotAllowed("GET");
