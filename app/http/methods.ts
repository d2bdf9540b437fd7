// The request methods the portal serves, and the answer to every other one. TRACE used to
// reach Remix, whose Request constructor refuses it (a 500); WebDAV and made-up methods
// reached the routes as if they were form posts. RFC 9110 §15.5.6: a 405 names the methods
// that are allowed in an Allow header.

/** Everything a page or the API answers: reading, forms and API writes (docs/api.md). */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PATCH", "DELETE"] as const;
export const SERVED_ALLOW = SERVED_METHODS.join(", ");

/** What Remix's own 405 (a write to a page without an action) allows: reading it. */
export const READ_ONLY_ALLOW = "GET, HEAD";

export interface MethodAnswer {
  status: 204 | 405;
  headers: Record<string, string>;
  body: string;
}

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

/** Null for a method the portal serves; otherwise the whole answer: 204 with Allow for OPTIONS, 405 with Allow for the rest. */
export function answerToMethod(method: string, path: string): MethodAnswer | null {
  const upper = method.toUpperCase();
  if ((SERVED_METHODS as readonly string[]).includes(upper)) return null;
  if (upper === "OPTIONS") return { status: 204, headers: { Allow: SERVED_ALLOW }, body: "" };
  if (isApi(path)) {
    return {
      status: 405,
      headers: { Allow: SERVED_ALLOW, "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ error: "method_not_allowed" }),
    };
  }
  return {
    status: 405,
    headers: { Allow: SERVED_ALLOW, "Content-Type": "text/plain; charset=utf-8" },
    body: "Metoden er ikke tillatt. / Method Not Allowed.",
  };
}

/** The raw HTTP/1.1 405 for a request Node's parser refused for its method (no route ever sees it). */
export function rawMethodNotAllowed(): string {
  const answer = answerToMethod("UNKNOWN", "/")!;
  const body = Buffer.from(answer.body, "utf8");
  const headers = { ...answer.headers, "Content-Length": String(body.length), Connection: "close" };
  return `HTTP/1.1 405 Method Not Allowed\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n${answer.body}`;
}
