import { describe, expect, it } from "vitest";
import { carriesCredentials, sessionCacheHeaders } from "~/http/session-cache";

describe("answers and shared caches", () => {
  it("knows a signed-in request by its session cookie or an Authorization header, not by the language cookie", () => {
    expect(carriesCredentials({ cookie: "lng=en; md_session=abc" }, "md_session")).toBe(true);
    expect(carriesCredentials({ authorization: "Bearer x" }, "md_session")).toBe(true);
    expect(carriesCredentials({ cookie: "lng=en; not_md_session=abc" }, "md_session")).toBe(false);
    expect(carriesCredentials({}, "md_session")).toBe(false);
  });

  it("makes every answer vary on Cookie and Authorization, keeping what the route or compression said", () => {
    expect(sessionCacheHeaders(false, { cacheControl: null, vary: null })).toEqual({ cacheControl: null, vary: "Cookie, Authorization" });
    expect(sessionCacheHeaders(false, { cacheControl: "public, max-age=300", vary: "Accept-Encoding, cookie" })).toEqual({
      cacheControl: "public, max-age=300",
      vary: "Accept-Encoding, cookie, Authorization",
    });
    expect(sessionCacheHeaders(false, { cacheControl: null, vary: "*" }).vary).toBe("*");
  });

  it("makes an answer to a signed-in request private, whatever the route said for anonymous readers", () => {
    expect(sessionCacheHeaders(true, { cacheControl: null, vary: null }).cacheControl).toBe("private, no-cache");
    expect(sessionCacheHeaders(true, { cacheControl: "public, max-age=300", vary: null }).cacheControl).toBe("private, max-age=300");
    expect(sessionCacheHeaders(true, { cacheControl: "public, s-maxage=60", vary: null }).cacheControl).toBe("private, no-cache");
    expect(sessionCacheHeaders(true, { cacheControl: "private, no-store", vary: null }).cacheControl).toBe("private, no-store");
    expect(sessionCacheHeaders(true, { cacheControl: "no-store", vary: null }).cacheControl).toBe("no-store");
  });
});
