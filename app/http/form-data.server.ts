// A form post's fields, or a 400 when the body is not a form at all (JSON, a broken
// multipart boundary, a wrong Content-Type): a client error, never a 500. A body beyond
// FORM_BODY_LIMIT is not read further: 413, shown as the translated error page (root ErrorBoundary).
// Every text value (and field name) comes out normalised (app/domain/input-text.ts); files pass as they are.

import { normaliseText } from "~/domain/input-text";
import { FORM_BODY_LIMIT, readBodyBytes } from "./body-limit.server";

/** request.formData() with its text normalised, answering 400 instead of throwing a TypeError on a body that is not a form, 413 on one too large. */
export async function readFormData(request: Request): Promise<FormData> {
  const body = await readBodyBytes(request, FORM_BODY_LIMIT);
  if (!body.ok) throw new Response("The request body is too large.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  let raw: FormData;
  try {
    raw = await new Response(body.bytes, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
  } catch {
    throw new Response("The request body is not a form (application/x-www-form-urlencoded or multipart/form-data).", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const form = new FormData();
  for (const [name, value] of raw) form.append(normaliseText(name), typeof value === "string" ? normaliseText(value) : value);
  return form;
}
