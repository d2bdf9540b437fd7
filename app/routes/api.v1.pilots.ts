import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { parsePilotRegisterFilter } from "~/domain/pilot-register";
import { listPilotRegister } from "~/models/pilot-register.server";

// GET /api/v1/pilots — public: the pilot register (/pilots) with the same filters (cpv, region,
// buyer, outcome, decision); the newest 500 that match.
export async function loader({ request }: LoaderFunctionArgs) {
  const filter = parsePilotRegisterFilter(new URL(request.url).searchParams);
  const pilots = await listPilotRegister(db(), filter);
  return json({ items: pilots.map((p) => ({ ...p, url: `/events/${p.id}`, exitUrl: `/events/${p.id}/pilot-exit` })), filter }, { headers: { "Cache-Control": "public, max-age=60" } });
}
