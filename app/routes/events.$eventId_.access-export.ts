import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { notFound, tarResponse } from "~/http/responses.server";
import { getLanguage } from "~/i18n/language.server";
import { makeAccessExport } from "~/models/access-export.server";

// POST /events/{id}/access-export — the event's documents and responses as one archive for a request
// for access (innsyn, ADR 0037), secret parts left out and listed with the vendor's reason; the
// buyer's admins only (403 for its other members, 404 for anyone else). Each export is logged and
// told to the vendors, so it is a POST (a button), never a link a browser or proxy may fetch by itself.
export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const made = await makeAccessExport(db(), { id: user.id, ip: args.context.ip ?? null }, args.params.eventId ?? "", await getLanguage(args.request), publicBaseUrl());
  if (!made.ok) return made.reason === "forbidden" ? forbidden(args.request) : notFound();
  return tarResponse(made.value.archive, made.value.filename);
}

/** A GET makes no export: it leads to the responses page, where the button is. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/events/${encodeURIComponent(params.eventId ?? "")}/responses`);
}
