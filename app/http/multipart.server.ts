// A form post that carries a file (multipart/form-data), read with the platform's own
// parser (undici's Request.formData()). The body is read up to a file's limit and a little
// more for the other fields: a larger body is refused before it is parsed (413, the
// translated error page), a file part over the limit is reported so the form can say so by
// its field. A body that is not such a form is a 400. Text values come out normalised
// (app/domain/input-text.ts); files as they were sent. Only the last path segment of a
// file's name is kept (RFC 7578 §4.2), so "../../x.pdf" arrives as "x.pdf".
// Why not Remix's unstable_parseMultipartFormData: its header parser splits the
// Content-Disposition on ";" and "=", so a file named "pris=ny.pdf" or "a; b.pdf" made the
// whole form a 400.

import { normaliseText } from "~/domain/input-text";
import { readBodyBytes } from "./body-limit.server";

/** What the other fields of an upload form may take beside the file. */
const FIELDS_ALLOWANCE = 64 * 1024;

export type UploadForm = { ok: true; form: FormData } | { ok: false; reason: "file_too_large" };

const plain = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function readUploadForm(request: Request, maxFileBytes: number): Promise<UploadForm> {
  const body = await readBodyBytes(request, maxFileBytes + FIELDS_ALLOWANCE);
  if (!body.ok) throw plain(413, "The request body is too large.");
  const contentType = request.headers.get("Content-Type") ?? "";
  const notAForm = plain(400, "The request body is not a form with a file (multipart/form-data).");
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw notAForm;
  let raw: FormData;
  try {
    raw = await new Request(request.url, { method: "POST", headers: { "Content-Type": contentType }, body: body.bytes }).formData();
  } catch {
    throw notAForm;
  }
  const form = new FormData();
  for (const [name, value] of raw) {
    if (typeof value === "string") form.append(normaliseText(name), normaliseText(value));
    else if (value.size > maxFileBytes) return { ok: false, reason: "file_too_large" };
    else form.append(normaliseText(name), new File([value], value.name.split(/[/\\]/).pop() ?? "", { type: value.type }));
  }
  return { ok: true, form };
}
