import { describe, expect, it } from "vitest";
import { answerToMethod, rawMethodNotAllowed } from "~/http/methods";

describe("methods the portal does not serve", () => {
  it("lets through the methods pages and the API use, in any case", () => {
    for (const method of ["GET", "HEAD", "POST", "PATCH", "DELETE", "get", "Post"]) expect(answerToMethod(method, "/demand")).toBeNull();
  });

  it("answers TRACE, PUT and WebDAV methods 405 with Allow, in JSON on the API", () => {
    for (const method of ["TRACE", "PUT", "PROPFIND", "MKCOL"]) {
      const api = answerToMethod(method, "/api/v1/demand");
      expect(api?.status).toBe(405);
      expect(api?.headers.Allow).toBe("GET, HEAD, POST, PATCH, DELETE");
      expect(JSON.parse(api!.body)).toEqual({ error: "method_not_allowed" });
      const page = answerToMethod(method, "/demand");
      expect(page?.headers["Content-Type"]).toMatch(/^text\/plain/);
    }
  });

  it("answers OPTIONS with what is allowed and no body", () => {
    expect(answerToMethod("OPTIONS", "/api/v1/events")).toEqual({ status: 204, headers: { Allow: "GET, HEAD, POST, PATCH, DELETE" }, body: "" });
  });

  it("writes a raw 405 whose Content-Length is the body's octets", () => {
    const raw = rawMethodNotAllowed();
    const [head, body] = raw.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(head).toContain("Allow: GET, HEAD, POST, PATCH, DELETE");
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body!, "utf8")}`);
  });
});
