// A form post that carries a file (multipart/form-data), read by our own small parser. The
// body is read up to a file's limit and a little more for the other fields: a larger body is
// refused before it is parsed (413, the translated error page), a file part over the limit is
// reported so the form can say so by its field. A body that is not such a form is a 400. Text
// values come out normalised (app/domain/input-text.ts); files as they were sent. Only the
// last path segment of a file's name is kept (RFC 7578 §4.2), so "../../x.pdf" arrives as "x.pdf".
// Why our own: Remix's unstable_parseMultipartFormData, and the Request.formData() that
// installGlobals() puts in the server, split Content-Disposition on ";" and "=", so a file
// named "pris=ny.pdf" or "a; b.pdf" made the whole form a 400. The body is in memory already.

import { normaliseText } from "~/domain/input-text";
import { readBodyBytes } from "./body-limit.server";

/** What the other fields of an upload form may take beside the file. */
const FIELDS_ALLOWANCE = 64 * 1024;

export type UploadForm = { ok: true; form: FormData } | { ok: false; reason: "file_too_large" };

const plain = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function readUploadForm(request: Request, maxFileBytes: number): Promise<UploadForm> {
  const body = await readBodyBytes(request, maxFileBytes + FIELDS_ALLOWANCE);
  if (!body.ok) throw plain(413, "The request body is too large.");
  const parts = multipartParts(body.bytes, request.headers.get("Content-Type") ?? "");
  if (!parts) throw plain(400, "The request body is not a form with a file (multipart/form-data).");
  const form = new FormData();
  for (const part of parts) {
    if (part.filename === undefined) form.append(normaliseText(part.name), normaliseText(part.content.toString("utf8")));
    else if (part.content.byteLength > maxFileBytes) return { ok: false, reason: "file_too_large" };
    else form.append(normaliseText(part.name), new File([new Uint8Array(part.content)], part.filename.split(/[/\\]/).pop() ?? "", { type: part.type }));
  }
  return { ok: true, form };
}

interface Part {
  name: string;
  filename: string | undefined;
  type: string;
  content: Buffer;
}

/** The parts of a multipart/form-data body (RFC 7578), or null when it is not one. */
export function multipartParts(bytes: Uint8Array, contentType: string): Part[] | null {
  const boundary = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = boundary && Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  if (!delimiter) return null;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Part[] = [];
  // The first delimiter opens the body, or follows a preamble after a line break.
  let at = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(Buffer.concat([CRLF, delimiter]));
  if (at > 0) at += CRLF.length;
  while (at >= 0) {
    at += delimiter.length;
    const after = body.subarray(at, at + 2).toString("latin1");
    if (after === "--") return parts;
    if (after !== "\r\n") return null;
    const headersEnd = body.indexOf("\r\n\r\n", at);
    const next = headersEnd === -1 ? -1 : body.indexOf(Buffer.concat([CRLF, delimiter]), headersEnd + 4);
    if (next === -1) return null;
    const part = partHeaders(body.subarray(at + 2, headersEnd).toString("utf8"));
    if (!part) return null;
    parts.push({ ...part, content: body.subarray(headersEnd + 4, next) });
    at = next + CRLF.length;
  }
  return null;
}

const CRLF = Buffer.from("\r\n");

/** A part's field name, file name and type from its headers; a quoted value may hold ";" and "=". */
function partHeaders(block: string): Omit<Part, "content"> | null {
  let disposition: Record<string, string> | null = null;
  let type = "";
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-type") type = value;
    if (name !== "content-disposition" || !/^form-data\s*(;|$)/i.test(value)) continue;
    disposition = {};
    // Browsers write '"', CR and LF in a name as %22, %0D and %0A (HTML's form encoding), and no backslash escapes.
    for (const m of value.matchAll(/;\s*([\w*-]+)\s*=\s*(?:"([^"]*)"|([^;]*))/g)) {
      disposition[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/%22|%0D|%0A/gi, decodeURIComponent) : m[3]!.trim();
    }
  }
  if (disposition?.name === undefined) return null;
  return { name: disposition.name, filename: disposition.filename, type };
}
