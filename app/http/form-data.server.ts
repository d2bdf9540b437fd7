// A form post's fields, or a 400 when the body is not a form at all (JSON, a broken
// multipart boundary, a wrong Content-Type): a client error, never a 500. Every text value
// (and field name) comes out normalised (app/domain/input-text.ts); files pass as they are.

import { normaliseText } from "~/domain/input-text";

/** request.formData() with its text normalised, answering 400 instead of throwing a TypeError on a body that is not a form. */
export async function readFormData(request: Request): Promise<FormData> {
  let raw: FormData;
  try {
    raw = await request.formData();
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
