// Request bodies against the running server: a form post beyond 1 MB and a JSON body beyond
// 256 kB are answered 413 (a translated page; the API's problem JSON) whether the size is
// declared in Content-Length or only counted as a chunked body arrives.
import { request as httpRequest } from "node:http";
import { describe, expect, inject, it } from "vitest";

const baseURL = inject("baseURL");

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent by hand; `chunks` are written as a chunked body (no Content-Length) unless `length` is given. */
function send(path: string, { method = "POST", headers = {}, chunks = [] as string[], length }: { method?: string; headers?: Record<string, string>; chunks?: string[]; length?: number }) {
  return new Promise<Answer>((resolve, reject) => {
    const url = new URL(path, baseURL);
    const req = httpRequest(url, { method, headers: { Origin: baseURL, ...headers, ...(length !== undefined ? { "Content-Length": String(length) } : {}) } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // The server may stop reading once it has answered; what it did not read is of no interest here.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    const write = async () => {
      for (const chunk of chunks) {
        if (req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
      }
      req.end();
    };
    void write();
  });
}

async function signIn(email: string) {
  const answer = await send("/login", {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    chunks: [new URLSearchParams({ email, password: "demo-password-1", redirectTo: "/" }).toString()],
  });
  const cookies = ([] as string[]).concat(answer.headers["set-cookie"] ?? []);
  expect(cookies.length).toBeGreaterThan(0);
  return cookies.map((c) => c.split(";")[0]).join("; ");
}

const MB = 1024 * 1024;
const formChunks = (bytes: number) => ["text=", ...Array.from({ length: Math.ceil(bytes / (64 * 1024)) }, () => "a".repeat(64 * 1024))];

describe("body size limits on the running server", () => {
  it("a form post beyond 1 MB with Content-Length is refused at once with the translated 413 page", async () => {
    const answer = await send("/login", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, length: 5 * MB, chunks: [] });
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toMatch(/text\/html/);
    expect(answer.body).toContain("Det som ble sendt, er for stort");
  });

  it("a chunked form post is counted as it arrives and refused past 1 MB; the connection is closed", async () => {
    const answer = await send("/login", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, chunks: formChunks(3 * MB) });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    expect(answer.body).toContain("Det som ble sendt, er for stort");
  });

  it("the API answers a JSON body beyond 256 kB with its problem JSON, code too_large, declared or chunked", async () => {
    const cookie = await signIn("buyer@demo.test");
    const json = JSON.stringify({ title: "x".repeat(300 * 1024) });
    for (const declared of [true, false]) {
      const answer = await send("/api/v1/events", {
        headers: { "Content-Type": "application/json", Cookie: cookie },
        chunks: [json.slice(0, 100_000), json.slice(100_000, 200_000), json.slice(200_000)],
        length: declared ? Buffer.byteLength(json) : undefined,
      });
      expect(answer.status, declared ? "declared" : "chunked").toBe(413);
      expect(answer.headers["content-type"]).toMatch(/application\/json/);
      expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ path: "", code: "too_large" }] });
    }
  });

  it("a small form post and a small JSON body still reach their routes", async () => {
    const cookie = await signIn("buyer@demo.test");
    const answer = await send("/api/v1/events", { headers: { "Content-Type": "application/json", Cookie: cookie }, chunks: ["{}"] });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors.length).toBeGreaterThan(0);
  });
});
