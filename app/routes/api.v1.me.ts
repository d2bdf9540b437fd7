import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireUser } from "~/auth/guards.server";
import { actingMembership, listMemberships } from "~/models/memberships.server";

// GET /api/v1/me — who the token (or session) acts as, and for which organisation.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const [memberships, active] = await Promise.all([listMemberships(db(), user.id), actingMembership(db(), user)]);
  return json({
    id: user.id,
    email: user.email,
    name: user.name,
    isOperator: user.isOperator,
    activeOrganisation: active ? { ...active.organisation, role: active.role } : null,
    organisations: memberships.map((m) => ({ id: m.organisation.id, name: m.organisation.name, role: m.role })),
  });
}
