import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { endSession } from "~/auth/session.server";
import { audit } from "~/models/audit.server";

// POST only: a link or image must not be able to log someone out.
export async function action({ context }: ActionFunctionArgs) {
  if (context.auth?.via === "session") {
    await audit(db(), { action: "logout", actorUserId: context.auth.user.id, ip: context.ip });
  }
  return redirect("/", { headers: { "Set-Cookie": await endSession(context) } });
}

export function loader() {
  return redirect("/");
}
