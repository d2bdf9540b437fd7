// What shared caches (a proxy, a CDN) may do with the portal's answers. Every page and most
// feeds depend on cookies: the session (the header, what a member may see) and the language
// (lng). So every answer varies on Cookie and Authorization, and an answer to a signed-in
// request (session cookie or API token) is private: a route's "public" (the feeds, the
// demand API) stands for what anonymous readers get, and RFC 9111 §3.5 would let a shared
// cache reuse a "public" answer given to a request with credentials.

export interface CacheHeaders {
  cacheControl: string | null;
  vary: string | null;
}

/** Whether the request carries the session cookie or an Authorization header. */
export function carriesCredentials(headers: { cookie?: string; authorization?: string }, sessionCookie: string): boolean {
  if (headers.authorization) return true;
  return (headers.cookie ?? "").split(";").some((pair) => pair.trim().startsWith(`${sessionCookie}=`));
}

const VARY_ON = ["Cookie", "Authorization"];

/** The Cache-Control and Vary an answer leaves with, given what the route set. */
export function sessionCacheHeaders(signedIn: boolean, { cacheControl, vary }: CacheHeaders): CacheHeaders {
  const present = (vary ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  const lower = present.map((v) => v.toLowerCase());
  const varyOut = present.includes("*") ? "*" : [...present, ...VARY_ON.filter((v) => !lower.includes(v.toLowerCase()))].join(", ");
  if (!signedIn) return { cacheControl, vary: varyOut };
  const directives = (cacheControl ?? "").split(",").map((d) => d.trim()).filter(Boolean);
  if (directives.some((d) => /^(private|no-store)$/i.test(d))) return { cacheControl, vary: varyOut };
  // "public" and s-maxage speak for anonymous readers only; the browser may keep its own copy and ask again.
  const kept = directives.filter((d) => !/^(public|s-maxage=.*)$/i.test(d));
  return { cacheControl: ["private", ...(kept.length ? kept : ["no-cache"])].join(", "), vary: varyOut };
}
