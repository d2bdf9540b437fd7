// A form post's fields, or a 400 when the body is not a form at all (JSON, a broken
// multipart boundary, a wrong Content-Type): a client error, never a 500.

/** request.formData(), answering 400 instead of throwing a TypeError on a body that is not a form. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("The request body is not a form (application/x-www-form-urlencoded or multipart/form-data).", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
