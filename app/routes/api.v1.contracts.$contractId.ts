import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { getUser } from "~/auth/guards.server";
import { getContractForViewer } from "~/models/contract-reads.server";
import { methodNotAllowed } from "~/http/api-problems.server";

// GET /api/v1/contracts/{id} — the public facts: parties, periods, options, indicated and
// binding volumes, call-offs per quarter with their confirmation state, realisation per
// contract year. A member of a party also gets the notes and the vendor's accounts.
export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  const found = await getContractForViewer(db(), args.params.contractId ?? "", user?.id ?? null);
  if (!found) return json({ error: "not_found" }, { status: 404 });
  return json(found.contract);
}

export const action = () => methodNotAllowed("GET");
