import { brotliDecompressSync, gunzipSync } from "node:zlib";
import express from "express";
import { describe, expect, it } from "vitest";
import { PublicPageCache, compressed, hitCoding, pageCacheKey } from "~/http/public-page-cache.server";

const options = { paths: ["/demand"], sessionCookie: "md_session" };
const request = (over: Partial<Parameters<typeof pageCacheKey>[0]> = {}) => ({
  method: "GET",
  path: "/demand",
  url: "/demand?cpv=48",
  headers: {},
  ...over,
});

const anonymous = (key: string) => ({ key, credentials: false });

describe("pageCacheKey", () => {
  it("keys an anonymous GET of a listed path by language and URL", () => {
    expect(pageCacheKey(request(), options)).toEqual(anonymous("|/demand?cpv=48"));
    expect(pageCacheKey(request({ headers: { cookie: "lng=en; other=1" } }), options)).toEqual(anonymous("en|/demand?cpv=48"));
    expect(pageCacheKey(request({ method: "HEAD" }), options)).toEqual(anonymous("|/demand?cpv=48"));
  });

  it("matches listed paths exactly, or by pattern", () => {
    const patterned = { paths: ["/insights", /^\/buyers\/[^/]+$/], sessionCookie: "md_session" };
    expect(pageCacheKey(request({ path: "/buyers/abc", url: "/buyers/abc?window=36" }), patterned)).toEqual(anonymous("|/buyers/abc?window=36"));
    expect(pageCacheKey(request({ path: "/insights", url: "/insights" }), patterned)).toEqual(anonymous("|/insights"));
    expect(pageCacheKey(request({ path: "/buyers/abc/more", url: "/buyers/abc/more" }), patterned)).toBeNull();
    expect(pageCacheKey(request({ path: "/insights/x", url: "/insights/x" }), patterned)).toBeNull();
  });

  it("says when the key still needs the viewer's part: a session cookie or an Authorization header", () => {
    expect(pageCacheKey(request({ headers: { cookie: "lng=nb; md_session=abc" } }), options)).toEqual({ key: "nb|/demand?cpv=48", credentials: true });
    expect(pageCacheKey(request({ headers: { authorization: "Bearer x" } }), options)).toEqual({ key: "|/demand?cpv=48", credentials: true });
    // A cookie whose name only ends like the session's is not one.
    expect(pageCacheKey(request({ headers: { cookie: "old_md_session=abc" } }), options)).toEqual(anonymous("|/demand?cpv=48"));
  });

  it("never answers other paths, data requests or writes", () => {
    expect(pageCacheKey(request({ path: "/events/1", url: "/events/1" }), options)).toBeNull();
    expect(pageCacheKey(request({ url: "/demand?_data=routes%2Fdemand._index" }), options)).toBeNull();
    expect(pageCacheKey(request({ method: "POST" }), options)).toBeNull();
  });
});

describe("PublicPageCache", () => {
  const page = { body: Buffer.from("<html>1</html>"), contentType: "text/html; charset=utf-8", contentSecurityPolicy: null, version: "7:true" };

  it("serves a page while the version is the same and it is young enough", () => {
    const cache = new PublicPageCache({ ttlMs: 1_000 });
    const stored = cache.set("k", page, 0);
    expect(stored.etag).toMatch(/^W\/"/);
    expect(cache.get("k", "7:true", 999)?.body.toString()).toBe("<html>1</html>");
    expect(cache.get("k", "7:true", 1_000)).toBeNull();
  });

  it("drops a page when the data changed", () => {
    const cache = new PublicPageCache();
    cache.set("k", page, 0);
    expect(cache.get("k", "8:true", 1)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("keeps at most maxEntries pages, the oldest going first", () => {
    const cache = new PublicPageCache({ maxEntries: 2 });
    cache.set("a", page, 0);
    cache.set("b", page, 0);
    cache.set("c", page, 0);
    expect([cache.get("a", "7:true", 1), cache.get("b", "7:true", 1)?.etag, cache.get("c", "7:true", 1)?.etag]).toEqual([
      null,
      expect.any(String),
      expect.any(String),
    ]);
  });

  it("compresses a stored page once per coding, whatever the number of hits", () => {
    const cache = new PublicPageCache();
    const body = Buffer.from(`<html>${"<p class=\"text-right tabular-nums\">æøå 1</p>".repeat(500)}</html>`);
    const stored = cache.set("k", { ...page, body }, 0);
    const gzip = compressed(stored, "gzip");
    const br = compressed(stored, "br");
    expect(gunzipSync(gzip).equals(body)).toBe(true);
    expect(brotliDecompressSync(br).equals(body)).toBe(true);
    expect(gzip.length).toBeLessThan(body.length / 10);
    expect(compressed(cache.get("k", "7:true", 1)!, "gzip")).toBe(gzip);
    expect(compressed(cache.get("k", "7:true", 1)!, "br")).toBe(br);
    // A new page under the same key is compressed anew.
    const next = cache.set("k", { ...page, body: Buffer.from("<html>2</html>") }, 2);
    expect(gunzipSync(compressed(next, "gzip")).toString()).toBe("<html>2</html>");
  });
});

describe("hitCoding", () => {
  // Express's own negotiation (req.acceptsEncodings, the `accepts` package), as server.ts uses it.
  const client = (header: string) => {
    const req = Object.assign(Object.create(express.request) as express.Request, { headers: { "accept-encoding": header } });
    return (coding: string) => req.acceptsEncodings(coding);
  };

  it("prefers Brotli, then gzip, and sends the page plain to a client that takes neither", () => {
    expect(hitCoding(client("gzip, deflate, br, zstd"))).toBe("br");
    expect(hitCoding(client("gzip, deflate"))).toBe("gzip");
    expect(hitCoding(client("br;q=0, gzip"))).toBe("gzip");
    expect(hitCoding(client("identity"))).toBeNull();
    expect(hitCoding(client("deflate"))).toBeNull();
  });
});
