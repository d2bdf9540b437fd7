// Request bodies are read up to a limit per kind of route, never whole: a form post up
// to 1 MiB (the contract page's CSV upload is refused by field above 800 kB, so its
// message still reaches the reader), a JSON API body up to 256 KiB. A declared
// Content-Length beyond the limit is refused before anything is read; a body without one
// (chunked) is counted while it is read and refused as soon as it passes the limit.

export const FORM_BODY_LIMIT = 1024 * 1024;
export const JSON_BODY_LIMIT = 256 * 1024;

export type BodyBytes = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too_large" };

/** The body's bytes, or `too_large` once more than `limit` bytes are declared or arrive. */
export async function readBodyBytes(request: Request, limit: number): Promise<BodyBytes> {
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading, without cancelling: on the server, cancelling destroys the connection
      // before the 413 is written. server.ts closes the connection once the answer is sent.
      reader.releaseLock();
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The limit in words for messages: "256 kB", "1 MB". */
export function limitInWords(limit: number): string {
  return limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit / 1024} kB`;
}
