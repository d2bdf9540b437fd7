import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { getUser } from "~/auth/guards.server";
import { notFoundUnless, storedFileResponse } from "~/http/responses.server";
import { eventDocumentFile } from "~/models/event-documents.server";

// GET /events/{id}/documents/{documentId} — a document's file, for whoever may read the event
// (a published or closed event's for anyone, a draft's for its buyers); 404 for anyone else.
export async function loader(args: LoaderFunctionArgs) {
  const found = notFoundUnless(await eventDocumentFile(db(), getUser(args), args.params.eventId ?? "", args.params.documentId ?? ""));
  return storedFileResponse(found.file, found.bytes, { cacheControl: found.isPublic ? "public, max-age=300" : "private, no-store" });
}
