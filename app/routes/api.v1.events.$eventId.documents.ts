import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { getUser, requireMember } from "~/auth/guards.server";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { failureResponse, methodNotAllowed, problemsResponse } from "~/http/api-problems.server";
import { readUploadForm } from "~/http/multipart.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { addEventDocument, listEventDocuments } from "~/models/event-documents.server";
import { getEvent } from "~/models/event-reads.server";
import { documentUrl } from "./+shared/event-documents/document-list";
import { documentUploadOf } from "./+shared/event-documents/upload.server";

// GET /api/v1/events/{id}/documents — the event's documents with every version, for whoever
// may read the event (a draft's for its buyers only; 404 for anyone else).
export async function loader(args: LoaderFunctionArgs) {
  const event = await getEvent(db(), args.params.eventId ?? "", getUser(args));
  if (!event) return json({ error: "not_found" }, { status: 404 });
  const documents = await listEventDocuments(db(), event.id);
  const version = (v: (typeof documents)[number]["current"]) => ({ ...v, url: documentUrl(event.id, v.id) });
  return json({ items: documents.map((d) => ({ ...d, current: version(d.current), earlier: d.earlier.map(version) })) });
}

// POST /api/v1/events/{id}/documents — multipart/form-data: documentType, title, changeNote,
// replaces (a document's id, for a new version) and file; the buyer organisation's members only.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return methodNotAllowed("GET, POST");
  const member = await requireMember(args, { kind: "buyer" });
  const language = member.user.language;
  let read: Awaited<ReturnType<typeof readUploadForm>>;
  try {
    read = await readUploadForm(args.request, MAX_FILE_BYTES);
  } catch (refusal) {
    if (!(refusal instanceof Response)) throw refusal;
    return refusal.status === 413 ? problemsResponse(413, [{ path: "file", code: "file_too_large" }], language) : problemsResponse(400, [{ path: "", code: "invalid_value" }], language);
  }
  if (!read.ok) return problemsResponse(413, [{ path: "file", code: read.reason }], language);
  const parsed = await documentUploadOf(read.form);
  if (!parsed.ok) return problemsResponse(400, parsed.problems, language);
  const eventId = args.params.eventId ?? "";
  const result = await addEventDocument(db(), member.user, eventId, parsed.input, parsed.upload, { baseUrl: publicBaseUrl() });
  if (!result.ok) return result.problems.some((p) => p.code === "file_too_large") ? problemsResponse(413, result.problems, language) : failureResponse(result, language);
  return json({ ...result.value, url: documentUrl(eventId, result.value.id) }, { status: 201 });
}
