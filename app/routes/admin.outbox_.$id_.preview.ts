import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireOperator } from "~/auth/guards.server";
import { notFound } from "~/http/responses.server";
import { getOutboxMessage } from "~/models/outbox.server";

// The HTML part of a queued e-mail, for the frame on /admin/outbox/<id>: operators only. Its
// own Content-Security-Policy (inline styles, nothing else; framed by our own page only) comes
// from server.ts for this path, like every response's headers (app/http/security-headers.ts).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireOperator({ request, context });
  const message = await getOutboxMessage(db(), params.id ?? "");
  if (!message) notFound();
  return new Response(message.html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
