// What a shared cache (a proxy, a CDN) is told by the running server: pages and feeds depend
// on the session and the language cookie, so every answer varies on Cookie, and no answer to
// a signed-in request may be kept for someone else, the public page cache's hits included.
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, inject, it } from "vitest";

const baseURL = inject("baseURL");

async function signIn(email: string) {
  const response = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    body: new URLSearchParams({ email, password: "demo-password-1", redirectTo: "/" }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  expect(cookies.some((c) => c?.startsWith("md_session="))).toBe(true);
  return cookies.join("; ");
}

const varies = (response: Response) => (response.headers.get("vary") ?? "").split(",").map((v) => v.trim().toLowerCase());
const shared = (response: Response) => !/\b(private|no-store)\b/.test(response.headers.get("cache-control") ?? "");

// One sign-in per person for the whole file: the browser suite signs in from one address,
// and the login limit per address (50 in 15 minutes) counts every attempt.
let buyer: string;
let vendor: string;
beforeAll(async () => {
  buyer = await signIn("buyer@demo.test");
  vendor = await signIn("vendor@demo.test");
});

describe("answers that depend on the session", () => {
  const paths = ["/", "/demand", "/demand?q=journal", "/insights", "/events/00000000-0000-4000-8000-000000000101", "/demand.atom", "/organisations/bergvik-kommune.atom", "/events/00000000-0000-4000-8000-000000000101.ics", "/api/v1/demand", "/demand?_data=routes%2Fdemand._index"];

  it("vary on Cookie for anonymous readers, feeds and the page cache's hits included", async () => {
    for (const path of paths) {
      const response = await fetch(`${baseURL}${path}`);
      expect(response.status, path).toBe(200);
      expect(varies(response), path).toContain("cookie");
    }
    await fetch(`${baseURL}/demand?q=vary-check`);
    const hit = await fetch(`${baseURL}/demand?q=vary-check`);
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    expect(varies(hit)).toContain("cookie");
  });

  it("are private when signed in, even where a route says public for anonymous readers", async () => {
    const cookie = buyer;
    for (const path of [...paths, "/organisation", "/workspace/events"]) {
      const response = await fetch(`${baseURL}${path}`, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(200);
      expect(shared(response), `${path}: ${response.headers.get("cache-control")}`).toBe(false);
      expect(varies(response), path).toContain("cookie");
    }
    // The public feeds stay public for anonymous readers.
    expect((await fetch(`${baseURL}/demand.atom`)).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("a signed-in person's page is kept for that person only, never the anonymous page or another person's (ADR 0039)", async () => {
    const path = `/demand?q=signed-in-check-${Date.now()}`;
    const anonymous = [await fetch(`${baseURL}${path}`), await fetch(`${baseURL}${path}`)];
    expect(anonymous.map((r) => r.headers.get("x-page-cache"))).toEqual(["miss", "hit"]);
    expect(await anonymous[1]!.text()).not.toContain("Logg ut");

    const asVendor = async () => {
      const response = await fetch(`${baseURL}${path}`, { headers: { Cookie: vendor } });
      return { cache: response.headers.get("x-page-cache"), cacheControl: response.headers.get("cache-control"), body: await response.text() };
    };
    const first = await asVendor();
    const second = await asVendor();
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    for (const answer of [first, second]) {
      expect(answer.body).toContain("Logg ut");
      expect(answer.body).toContain("Viktor Leverandør");
      expect(answer.body).not.toContain("Berit Innkjøp");
      expect(answer.cacheControl).toMatch(/\bprivate\b/);
    }

    // The buyer's first look is rendered for her, not the vendor's kept page.
    const asBuyer = await fetch(`${baseURL}${path}`, { headers: { Cookie: buyer } });
    expect(asBuyer.headers.get("x-page-cache")).toBe("miss");
    const buyerBody = await asBuyer.text();
    expect(buyerBody).toContain("Berit Innkjøp");
    expect(buyerBody).not.toContain("Viktor Leverandør");
  });

  it("a kept page goes out compressed, once per page and coding, as the client asks: Brotli, gzip or plain", async () => {
    // Node's fetch unpacks gzip by itself; the raw answer shows what went over the wire.
    const raw = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const req = request(`${baseURL}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on("error", reject);
        req.end();
      });
    const path = `/demand?q=compression-check-${Date.now()}`;
    const browserAsks = { "Accept-Encoding": "gzip, deflate, br, zstd" };
    for (const [who, cookie] of [["anonymous", ""], ["vendor", vendor]] as const) {
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
      const miss = await raw(path, { ...headers, ...browserAsks });
      const hits = [await raw(path, { ...headers, ...browserAsks }), await raw(path, { ...headers, ...browserAsks })];
      const gzipOnly = await raw(path, { ...headers, "Accept-Encoding": "gzip" });
      const plain = await raw(path, { ...headers, "Accept-Encoding": "identity" });
      expect([miss, ...hits, gzipOnly, plain].map((r) => [r.status, r.headers["x-page-cache"], r.headers["content-encoding"]]), who).toEqual([
        [200, "miss", "br"],
        [200, "hit", "br"],
        [200, "hit", "br"],
        [200, "hit", "gzip"],
        [200, "hit", undefined],
      ]);
      const html = plain.body.toString("utf8");
      expect(html).toContain("compression-check");
      expect(brotliDecompressSync(hits[0]!.body).toString("utf8"), who).toBe(html);
      expect(gunzipSync(gzipOnly.body).toString("utf8"), who).toBe(html);
      expect(hits[1]!.body.equals(hits[0]!.body), who).toBe(true);
      for (const hit of [...hits, gzipOnly]) {
        expect(hit.headers.vary, who).toMatch(/Accept-Encoding/i);
        expect(Number(hit.headers["content-length"]), who).toBe(hit.body.length);
      }
    }
  });
});
