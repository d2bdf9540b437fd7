import { describe, expect, it } from "vitest";
import { PublicPageCache, publicPageKey } from "~/http/public-page-cache.server";

const options = { paths: ["/demand"], sessionCookie: "md_session" };
const request = (over: Partial<Parameters<typeof publicPageKey>[0]> = {}) => ({
  method: "GET",
  path: "/demand",
  url: "/demand?cpv=48",
  headers: {},
  ...over,
});

describe("publicPageKey", () => {
  it("keys an anonymous GET of a listed path by language and URL", () => {
    expect(publicPageKey(request(), options)).toBe("|/demand?cpv=48");
    expect(publicPageKey(request({ headers: { cookie: "lng=en; other=1" } }), options)).toBe("en|/demand?cpv=48");
    expect(publicPageKey(request({ method: "HEAD" }), options)).toBe("|/demand?cpv=48");
  });

  it("matches listed paths exactly, or by pattern", () => {
    const patterned = { paths: ["/insights", /^\/buyers\/[^/]+$/], sessionCookie: "md_session" };
    expect(publicPageKey(request({ path: "/buyers/abc", url: "/buyers/abc?window=36" }), patterned)).toBe("|/buyers/abc?window=36");
    expect(publicPageKey(request({ path: "/insights", url: "/insights" }), patterned)).toBe("|/insights");
    expect(publicPageKey(request({ path: "/buyers/abc/more", url: "/buyers/abc/more" }), patterned)).toBeNull();
    expect(publicPageKey(request({ path: "/insights/x", url: "/insights/x" }), patterned)).toBeNull();
  });

  it("never answers signed-in visitors, API tokens, other paths, data requests or writes", () => {
    expect(publicPageKey(request({ headers: { cookie: "lng=nb; md_session=abc" } }), options)).toBeNull();
    expect(publicPageKey(request({ headers: { authorization: "Bearer x" } }), options)).toBeNull();
    expect(publicPageKey(request({ path: "/events/1", url: "/events/1" }), options)).toBeNull();
    expect(publicPageKey(request({ url: "/demand?_data=routes%2Fdemand._index" }), options)).toBeNull();
    expect(publicPageKey(request({ method: "POST" }), options)).toBeNull();
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
});
