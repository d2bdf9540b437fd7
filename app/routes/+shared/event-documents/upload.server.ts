import { EventDocumentSchema, type EventDocumentInput } from "~/domain/event-documents";
import { inputProblems } from "~/domain/event-input";
import { text } from "~/domain/form-entries";
import type { Problem } from "~/domain/problems";
import type { Upload } from "~/models/stored-files.server";

// What an upload form (the documents page) or a multipart API request (POST
// /api/v1/events/{id}/documents) sends beside the file, checked the same way for both.

export type DocumentUpload = { ok: true; input: EventDocumentInput; upload: Upload } | { ok: false; problems: Problem[] };

export async function documentUploadOf(form: FormData): Promise<DocumentUpload> {
  const input = EventDocumentSchema.safeParse({
    documentType: text(form, "documentType"),
    title: text(form, "title"),
    changeNote: text(form, "changeNote"),
    ...(text(form, "replaces") ? { replaces: text(form, "replaces") } : {}),
  });
  if (!input.success) return { ok: false, problems: inputProblems(input.error) };
  const file = form.get("file");
  // No file part, or a text one: judged as nothing sent (file_missing).
  const upload = file instanceof File ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : { name: "", bytes: new Uint8Array() };
  return { ok: true, input: input.data, upload };
}
