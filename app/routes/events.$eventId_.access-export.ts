import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { notFound, tarResponse } from "~/http/responses.server";
import { getLanguage } from "~/i18n/language.server";
import { makeAccessExport } from "~/models/access-export.server";

// GET /events/{id}/access-export — the event's documents and responses as one archive for a request
// for access (innsyn, ADR 0037), secret parts left out and listed with the vendor's reason; the
// buyer's admins only (403 for its other members, 404 for anyone else). Logged; the vendors are told.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const made = await makeAccessExport(db(), { id: user.id, ip: args.context.ip ?? null }, args.params.eventId ?? "", await getLanguage(args.request), publicBaseUrl());
  if (!made.ok) return made.reason === "forbidden" ? forbidden(args.request) : notFound();
  return tarResponse(made.value.archive, made.value.filename);
}
