// A form post that carries a file (multipart/form-data), read with Remix's multipart parser
// and a memory upload handler. The body is read up to a file's limit and a little more for
// the other fields: a larger body is refused before it is parsed (413, the translated error
// page), a file part over the limit is reported so the form can say so by its field. A body
// that is not such a form is a 400. Text values come out normalised
// (app/domain/input-text.ts); files as they were sent. Note that Remix keeps only the last
// path segment of a file's name (RFC 7578 §4.2), so "../../x.pdf" arrives as "x.pdf".

import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { normaliseText } from "~/domain/input-text";
import { readBodyBytes } from "./body-limit.server";

/** What the other fields of an upload form may take beside the file. */
const FIELDS_ALLOWANCE = 64 * 1024;

export type UploadForm = { ok: true; form: FormData } | { ok: false; reason: "file_too_large" };

const plain = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function readUploadForm(request: Request, maxFileBytes: number): Promise<UploadForm> {
  const body = await readBodyBytes(request, maxFileBytes + FIELDS_ALLOWANCE);
  if (!body.ok) throw plain(413, "The request body is too large.");
  const copy = new Request(request.url, { method: "POST", headers: { "Content-Type": request.headers.get("Content-Type") ?? "" }, body: body.bytes });
  let raw: FormData;
  try {
    raw = await unstable_parseMultipartFormData(copy, unstable_createMemoryUploadHandler({ maxPartSize: maxFileBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, reason: "file_too_large" };
    throw plain(400, "The request body is not a form with a file (multipart/form-data).");
  }
  const form = new FormData();
  for (const [name, value] of raw) form.append(normaliseText(name), typeof value === "string" ? normaliseText(value) : value);
  return { ok: true, form };
}
