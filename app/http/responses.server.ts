import { redirect } from "@remix-run/node";
import { withoutEmptyParameters } from "~/domain/demand-filter";

// Thrown answers a loader or action gives instead of its page (Epic Stack's invariantResponse):
// the route's ErrorBoundary shows them, with the status deciding which explanation.

/** Throws `status` (404 unless told) when the condition fails; narrows the condition otherwise. */
export function invariantResponse(condition: unknown, message: string | null = null, { status = 404 }: { status?: number } = {}): asserts condition {
  if (!condition) throw new Response(message, { status, statusText: status === 404 ? "Not Found" : undefined });
}

/** The value, or a 404 for what the person may not see or what does not exist (never saying which). */
export function notFoundUnless<T>(value: T): NonNullable<T> {
  invariantResponse(value !== null && value !== undefined && value !== false);
  return value as NonNullable<T>;
}

/** A 404 where the condition is not one value (see invariantResponse). */
export function notFound(message: string | null = null): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

/** Redirects (302) to the same path without its empty query parameters, when it has any: a filter page's one URL per filter. */
export function redirectWithoutEmptyParameters(request: Request): void {
  const url = new URL(request.url);
  const kept = withoutEmptyParameters(url.searchParams);
  if (kept) throw redirect(kept.size ? `${url.pathname}?${kept}` : url.pathname);
}

/** "Etterspørsel.csv" → "Ettersporsel.csv": the plain-ASCII name for clients that do not read filename*. */
function asciiFilename(filename: string): string {
  const plain: Record<string, string> = { æ: "ae", ø: "o", å: "a", Æ: "AE", Ø: "O", Å: "A" };
  return filename.replace(/[æøåÆØÅ]/g, (c) => plain[c] ?? "").replace(/[^\x20-\x7e]|["\\]/g, "");
}

/** Content-Disposition for a download named `filename` (RFC 6266: ASCII name and UTF-8 filename*). */
const attachment = (filename: string) => `attachment; filename="${asciiFilename(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** An archive (app/domain/tar.ts wrote it) as a private download named `filename`. */
export function tarResponse(archive: Uint8Array, filename: string): Response {
  return new Response(new Uint8Array(archive), {
    headers: {
      "Content-Type": "application/x-tar",
      "Content-Length": String(archive.byteLength),
      "Content-Disposition": attachment(filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** A CSV file (app/domain/csv.ts wrote it) as a download named `filename`. */
export function csvResponse(body: string, filename: string, { cacheControl }: { cacheControl?: string } = {}): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(filename),
      ...(cacheControl ? { "Cache-Control": cacheControl } : {}),
    },
  });
}

/**
 * An uploaded file as a download (ADR 0032): always an attachment, in the type read from its
 * bytes when it was stored, and nosniff, so a browser never renders it as a page of ours.
 */
export function storedFileResponse(file: { name: string; mediaType: string }, bytes: Uint8Array, { cacheControl }: { cacheControl: string }): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": attachment(file.name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": cacheControl,
    },
  });
}
