import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { notFoundUnless, storedFileResponse } from "~/http/responses.server";
import { effortRequestDocumentFile } from "~/models/effort-request-documents.server";

// GET /effort-requests/{id}/documents/{documentId} — a document's file, for the buyer's members and
// the vendors the request was sent to (the request is not public); 404 for anyone else.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const found = notFoundUnless(await effortRequestDocumentFile(db(), user, args.params.id ?? "", args.params.documentId ?? ""));
  return storedFileResponse(found.file, found.bytes, { cacheControl: "private, no-store" });
}
