import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "@db/client";
import { changeEpoch } from "@db/coordination";

// A short-lived cache of public pages as anonymous visitors see them (ADR 0009). Rendering
// /demand costs several times what its SQL costs, and most visitors are anonymous and ask
// for the same few lists. A stored page is served only while
//   - the visitor is anonymous (no session cookie, no Authorization header) and asks in the
//     same language (the lng cookie) for the same URL,
//   - nothing the page shows has changed: public_pages_version (migration 0012) moves at
//     every commit that touches events, their standards or co-buyers, organisations or the
//     standards catalogue,
//   - no other process has committed a change since it was stored: the change epoch
//     (LISTEN/NOTIFY, db/coordination.ts, ADR 0026) is part of the version, read before the
//     page is rendered, so a page rendered from data a commit is replacing is never kept,
//   - and it is younger than the time limit (filters such as "open for registration" move
//     with the clock).
// Only complete 200 HTML answers without Set-Cookie are stored. Signed-in visitors and
// Remix data requests (?_data) always get a fresh render.

export interface CachedPage {
  body: Buffer;
  contentType: string;
  /**
   * The Content-Security-Policy the page was rendered under: its inline scripts carry that
   * policy's nonce, so a hit must answer with the same policy or the browser blocks them.
   * (The nonce is reused only while the page's data is unchanged, for at most ttlMs.)
   */
  contentSecurityPolicy: string | null;
  etag: string;
  version: string;
  storedAt: number;
}

export interface PublicPageCacheOptions {
  /** Paths (no query) whose anonymous GET answers may be stored: exact strings, or patterns. */
  paths: readonly (string | RegExp)[];
  ttlMs?: number;
  maxEntries?: number;
}

/** Whether a request is one the cache may answer, and under which key. */
export function publicPageKey(
  request: { method: string; path: string; url: string; headers: { cookie?: string; authorization?: string } },
  options: { paths: readonly (string | RegExp)[]; sessionCookie: string },
): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (!options.paths.some((p) => (typeof p === "string" ? p === request.path : p.test(request.path)))) return null;
  if (request.headers.authorization) return null;
  const cookies = request.headers.cookie ?? "";
  if (new RegExp(`(?:^|;\\s*)${options.sessionCookie}=`).test(cookies)) return null;
  if (/[?&]_data=/.test(request.url)) return null;
  const language = /(?:^|;\s*)lng=([^;]*)/.exec(cookies)?.[1] ?? "";
  return `${language}|${request.url}`;
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

interface ExpressLike {
  req: { method: string; path: string; url: string; headers: { cookie?: string; authorization?: string; "if-none-match"?: string } };
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

/**
 * Express middleware: answers from the cache when it may, otherwise lets the request through
 * and keeps a copy of the answer. `db` is asked for the version on every cacheable request.
 */
export function publicPageCacheMiddleware(db: () => Db, options: PublicPageCacheOptions & { sessionCookie: string }) {
  const cache = new PublicPageCache(options);
  return async ({ req, res }: ExpressLike, next: (error?: unknown) => void) => {
    const key = publicPageKey(req, options);
    if (!key) return next();
    let version: string;
    try {
      const epoch = changeEpoch();
      version = `${await publicPagesVersion(db())}#${epoch}`;
    } catch (error) {
      return next(error);
    }
    const hit = cache.get(key, version);
    res.setHeader("Vary", "Cookie, Authorization");
    if (hit) {
      res.setHeader("Content-Type", hit.contentType);
      if (hit.contentSecurityPolicy) res.setHeader("Content-Security-Policy", hit.contentSecurityPolicy);
      res.setHeader("ETag", hit.etag);
      res.setHeader("Cache-Control", "no-cache");
      res.setHeader("X-Page-Cache", "hit");
      if (req.headers["if-none-match"] === hit.etag) return void res.status(304).end();
      return void res.status(200).send(hit.body);
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
      if (res.statusCode === 200 && !res.getHeader("Set-Cookie") && contentType.startsWith("text/html")) {
        const policy = res.getHeader("Content-Security-Policy");
        cache.set(key, { body: Buffer.concat(chunks), contentType, contentSecurityPolicy: policy ? String(policy) : null, version });
      }
      return end.call(this, chunk, ...rest);
    };
    next();
  };
}
