import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { notFound, storedFileResponse } from "~/http/responses.server";
import { responseDocumentFile } from "~/models/event-responses.server";

// GET /responses/{id}/documents/{documentId} — a response document's file: for the vendor that
// submitted it, and for the buyer's members once submitted (a business secret for the event's
// team only, each download logged; 403 and logged for another member); 404 for anyone else.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const found = await responseDocumentFile(db(), user, args.params.responseId ?? "", args.params.documentId ?? "");
  if (!found.ok) return found.reason === "forbidden" ? forbidden(args.request) : notFound();
  return storedFileResponse(found.value.file, found.value.bytes, { cacheControl: "private, no-store" });
}
