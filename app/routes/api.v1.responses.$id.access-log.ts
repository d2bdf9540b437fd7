import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { methodNotAllowed } from "~/http/api-problems.server";
import { responseAccessLog } from "~/models/event-responses.server";

// GET /api/v1/responses/{id}/access-log — who at the buyer opened (or was refused) a part the
// vendor marked as a business secret: for the members of the vendor that submitted it; 404 for anyone else.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const reads = await responseAccessLog(db(), user, args.params.id ?? "");
  if (!reads) return json({ error: "not_found" }, { status: 404 });
  return json({ items: reads });
}

export const action = () => methodNotAllowed("GET");
