import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { sql } from "kysely";
import type { Db } from "@db/client";
import { changeEpoch, type ChangeScope } from "@db/coordination";

// A short-lived cache of public pages (ADR 0009, 0039). Rendering /demand costs several times
// what its SQL costs, and most requests ask for the same few lists. A stored page is served only while
//   - the request asks in the same language (the lng cookie) for the same URL, and
//     - is anonymous (no session cookie, no Authorization header), or
//     - is signed in and `viewer` (server.ts) names who is asking and everything the page shows
//       of them: the header's account, freshly read for this request (ADR 0039). A signed-in
//       person is only ever answered with a page rendered for the same person showing the same
//       account; an API token on a path whose answer is the same for everyone (the demand
//       API) shares the anonymous entry,
//   - nothing the page shows has changed: public_pages_version (migration 0012) moves at
//     every commit that touches events, their standards or co-buyers, organisations or the
//     standards catalogue,
//   - no other process has committed a change since it was stored: the change epoch
//     (LISTEN/NOTIFY, db/coordination.ts, ADR 0026) is part of the version, read before the
//     page is rendered, so a page rendered from data a commit is replacing is never kept. The
//     demand pages take the epoch of changes to what they show (`epochScope`): an interaction
//     logged somewhere does not empty /demand, while the scorecard pages take every change,
//   - and it is younger than the time limit (filters such as "open for registration" move
//     with the clock).
// Only complete 200 HTML (or, for listed API paths, JSON) answers without Set-Cookie are
// stored. Remix data requests (?_data) always get a fresh render.

export interface CachedPage {
  body: Buffer;
  contentType: string;
  /**
   * The Content-Security-Policy the page was rendered under: its inline scripts carry that
   * policy's nonce, so a hit must answer with the same policy or the browser blocks them.
   * (The nonce is reused only while the page's data is unchanged, for at most ttlMs.)
   */
  contentSecurityPolicy: string | null;
  /** The Cache-Control the route gave (a hit repeats it); null: "no-cache". */
  cacheControl?: string | null;
  etag: string;
  version: string;
  storedAt: number;
  /** The body compressed, each made on the first hit that asks for it (see `compressed`). */
  encoded?: Partial<Record<Compression, Buffer>>;
}

export interface PublicPageCacheOptions {
  /** Paths (no query) whose anonymous GET answers may be stored: exact strings, or patterns. */
  paths: readonly (string | RegExp)[];
  ttlMs?: number;
  maxEntries?: number;
}

/** Whether a request is one the cache may answer, under which key, and whether that key still needs the viewer's part. */
export function pageCacheKey(
  request: { method: string; path: string; url: string; headers: { cookie?: string; authorization?: string } },
  options: { paths: readonly (string | RegExp)[]; sessionCookie: string },
): { key: string; credentials: boolean } | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (!options.paths.some((p) => (typeof p === "string" ? p === request.path : p.test(request.path)))) return null;
  if (/[?&]_data=/.test(request.url)) return null;
  const cookies = request.headers.cookie ?? "";
  const credentials = Boolean(request.headers.authorization) || new RegExp(`(?:^|;\\s*)${options.sessionCookie}=`).test(cookies);
  const language = /(?:^|;\s*)lng=([^;]*)/.exec(cookies)?.[1] ?? "";
  return { key: `${language}|${request.url}`, credentials };
}

export class PublicPageCache {
  private readonly entries = new Map<string, CachedPage>();
  readonly ttlMs: number;
  readonly maxEntries: number;

  constructor({ ttlMs = 10_000, maxEntries = 500 }: Omit<PublicPageCacheOptions, "paths"> = {}) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  get(key: string, version: string, now = Date.now()): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.version !== version || now - entry.storedAt >= this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  set(key: string, page: Omit<CachedPage, "etag" | "storedAt">, now = Date.now()): CachedPage {
    // Oldest first out: a Map iterates in insertion order.
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const entry = { ...page, etag: `W/"${createHash("sha1").update(page.body).digest("base64url").slice(0, 20)}"`, storedAt: now };
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  get size() {
    return this.entries.size;
  }
}

export type Compression = "br" | "gzip";

const compress: Record<Compression, (body: Buffer) => Buffer> = {
  // Quality 6: 2 ms for /insights' 114 KB, once per stored page (the compression middleware
  // uses 4 on every answer; 11 took 250 ms).
  br: (body) =>
    brotliCompressSync(body, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => gzipSync(body),
};

/**
 * A stored page's body compressed, made once per stored page and coding. Browsers ask for
 * compressed answers on every request; left to the compression middleware, every hit
 * compressed the same page again (6–9 ms of CPU per anonymous hit of /demand or /insights in
 * the bench, against under 1 ms for the rest of the hit).
 */
export function compressed(page: CachedPage, coding: Compression): Buffer {
  page.encoded ??= {};
  return (page.encoded[coding] ??= compress[coding](page.body));
}

/** The coding a hit goes out in: Brotli, else gzip, as the client accepts (the compression middleware's preference). */
export function hitCoding(accepts: (coding: string) => string | false): Compression | null {
  if (accepts("br") === "br") return "br";
  if (accepts("gzip") === "gzip") return "gzip";
  return null;
}

/** The current public_pages_version, as text. */
export async function publicPagesVersion(db: Db): Promise<string> {
  // last_value is 1 both before and after the first nextval; is_called tells them apart.
  const { rows } = await sql<{
    version: string;
  }>`select last_value::text || ':' || is_called::text as version from public_pages_version`.execute(db);
  return rows[0]?.version ?? "";
}

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
type End = (chunk?: unknown, ...rest: unknown[]) => unknown;

/**
 * Who a request with credentials is, for the cache: the part of the key that names the person
 * and what the page shows of them, "" when the answer is the same as an anonymous one (an API
 * token on a public API path), or null when this request must be answered by a render (not
 * signed in after all, a session to renew, a sign-in step, a token on a page).
 */
export type PageCacheViewer = (req: ExpressLike["req"], res: ExpressLike["res"]) => Promise<string | null>;

export interface PageCacheMiddlewareOptions extends PublicPageCacheOptions {
  sessionCookie: string;
  viewer?: PageCacheViewer;
  /** How many signed-in people's pages are kept (their own cache, so they never push out the anonymous pages). */
  signedInMaxEntries?: number;
  /** Which changes a path's pages depend on (db/coordination.ts); "all" when not given. */
  epochScope?: (path: string) => ChangeScope;
}

interface ExpressLike {
  req: {
    method: string;
    path: string;
    url: string;
    headers: { cookie?: string; authorization?: string; "if-none-match"?: string };
    /** Express's negotiation (the `accepts` package, as the compression middleware uses). */
    acceptsEncodings(...encodings: string[]): string | false;
  };
  res: {
    statusCode: number;
    write: Write;
    end: End;
    getHeader(name: string): unknown;
    setHeader(name: string, value: string): unknown;
    status(code: number): { end(): unknown; send(body: Buffer): unknown };
  };
}

const toBuffer = (chunk: unknown, encoding: unknown) =>
  typeof chunk === "string"
    ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
    : Buffer.from(chunk as Uint8Array);

const STORED_TYPES = /^(text\/html|application\/json)\b/;

/**
 * Express middleware: answers from the cache when it may, otherwise lets the request through
 * and keeps a copy of the answer. `db` is asked for the version on every cacheable request.
 */
export function publicPageCacheMiddleware(db: () => Db, options: PageCacheMiddlewareOptions) {
  const anonymous = new PublicPageCache(options);
  const signedIn = new PublicPageCache({ ttlMs: options.ttlMs, maxEntries: options.signedInMaxEntries ?? 300 });
  return async ({ req, res }: ExpressLike, next: (error?: unknown) => void) => {
    const request = pageCacheKey(req, options);
    if (!request) return next();
    let key = request.key;
    let cache = anonymous;
    let version: string;
    try {
      // Both read before anything is rendered; the version while the viewer is resolved.
      const epoch = changeEpoch(options.epochScope?.(req.path) ?? "all");
      const data = publicPagesVersion(db());
      data.catch(() => {}); // awaited below, unless the request is rendered anyway
      if (request.credentials) {
        const viewer = options.viewer ? await options.viewer(req, res) : null;
        if (viewer === null) return next();
        if (viewer !== "") {
          key = `${key}|${viewer}`;
          cache = signedIn;
        }
      }
      version = `${await data}#${epoch}`;
    } catch (error) {
      return next(error);
    }
    const hit = cache.get(key, version);
    res.setHeader("Vary", "Cookie, Authorization, Accept-Encoding");
    if (hit) {
      res.setHeader("Content-Type", hit.contentType);
      if (hit.contentSecurityPolicy) res.setHeader("Content-Security-Policy", hit.contentSecurityPolicy);
      res.setHeader("ETag", hit.etag);
      res.setHeader("Cache-Control", hit.cacheControl ?? "no-cache");
      res.setHeader("X-Page-Cache", "hit");
      if (req.headers["if-none-match"] === hit.etag) return void res.status(304).end();
      // Compressed once per stored page; the compression middleware leaves an encoded answer alone.
      const coding = hitCoding((c) => req.acceptsEncodings(c));
      if (!coding) return void res.status(200).send(hit.body);
      res.setHeader("Content-Encoding", coding);
      return void res.status(200).send(compressed(hit, coding));
    }
    res.setHeader("X-Page-Cache", "miss");
    if (req.method !== "GET") return next();
    const chunks: Buffer[] = [];
    const write = res.write;
    const end = res.end;
    res.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
      if (chunk) chunks.push(toBuffer(chunk, rest[0]));
      return write.call(this, chunk, ...rest);
    };
    res.end = function (this: unknown, chunk?: unknown, ...rest: unknown[]) {
      if (chunk && typeof chunk !== "function") chunks.push(toBuffer(chunk, rest[0]));
      const contentType = String(res.getHeader("Content-Type") ?? "");
      if (res.statusCode === 200 && !res.getHeader("Set-Cookie") && STORED_TYPES.test(contentType)) {
        const policy = res.getHeader("Content-Security-Policy");
        const cacheControl = res.getHeader("Cache-Control");
        cache.set(key, {
          body: Buffer.concat(chunks),
          contentType,
          contentSecurityPolicy: policy ? String(policy) : null,
          cacheControl: cacheControl ? String(cacheControl) : null,
          version,
        });
      }
      return end.call(this, chunk, ...rest);
    };
    next();
  };
}
