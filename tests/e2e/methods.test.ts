// Request methods the portal does not serve, sent by hand to the running server: TRACE (which
// Node's fetch refuses to build, so it used to end in a 500), WebDAV and made-up methods, and
// a method a page has no action for. Each is answered 405 with an Allow header, never 404 or 500.
import { request as httpRequest } from "node:http";
import { describe, expect, inject, it } from "vitest";

const baseURL = inject("baseURL");

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(new URL(path, baseURL), { method, headers: { Origin: baseURL } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const allowed = (answer: Answer) =>
  String(answer.headers.allow ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean);

describe("methods the portal does not serve", () => {
  it("TRACE on the API and on pages is 405 with an Allow header that leaves TRACE out", async () => {
    for (const path of ["/api/v1/demand", "/api/v1/events", "/api/v1/ocds/releases", "/demand", "/login", "/no-such-page"]) {
      const answer = await send("TRACE", path);
      expect(answer.status, path).toBe(405);
      expect(allowed(answer), path).toEqual(expect.arrayContaining(["GET", "HEAD"]));
      expect(allowed(answer), path).not.toContain("TRACE");
    }
  });

  it("the API says so in JSON, the pages in both languages", async () => {
    const api = await send("TRACE", "/api/v1/demand");
    expect(api.headers["content-type"]).toMatch(/application\/json/);
    expect(JSON.parse(api.body)).toEqual({ error: "method_not_allowed" });
    const page = await send("TRACE", "/demand");
    expect(page.body).toContain("Method Not Allowed");
    expect(page.body).toContain("Metoden er ikke tillatt");
  });

  it("PUT, PROPFIND and methods Node's parser does not know are 405 too", async () => {
    for (const [method, path] of [
      ["PUT", "/demand"],
      ["PUT", "/login"],
      ["PROPFIND", "/api/v1/demand"],
      ["TRACK", "/demand"],
      ["FOO", "/api/v1/demand"],
    ] as const) {
      const answer = await send(method, path);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(allowed(answer), `${method} ${path}`).toContain("GET");
    }
  });

  it("a page without an action answers a DELETE 405 with Allow: GET, HEAD", async () => {
    const answer = await send("DELETE", "/demand");
    expect(answer.status).toBe(405);
    expect(allowed(answer)).toEqual(["GET", "HEAD"]);
  });

  it("OPTIONS says which methods the portal serves", async () => {
    const answer = await send("OPTIONS", "/api/v1/demand");
    expect(answer.status).toBe(204);
    expect(allowed(answer)).toEqual(["GET", "HEAD", "POST", "PATCH", "DELETE"]);
  });

  it("the API's own Allow is kept where a route knows its methods", async () => {
    const answer = await send("DELETE", "/api/v1/events");
    expect(answer.status).toBe(405);
    expect(allowed(answer)).toEqual(["POST"]);
  });
});
