import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { Db } from "@db/client";
import { signedInView } from "~/models/header-account.server";

// Who a request with credentials is, for the page cache (app/http/public-page-cache.server.ts,
// ADR 0039). The answer is the part of the cache key that names the person and everything the
// page shows of them, read fresh for this request; the root loader then renders from that same
// reading (context.signedInView), so a stored page always shows what its key says.

export interface ResolvedContext {
  context: AppLoadContext;
  setCookie: string | null;
}

/**
 * - null: the request is rendered (nobody valid is signed in, the session is being renewed and
 *   its cookie must be sent, a sign-in step, or an API token on a page, whose header the key does not cover);
 * - "": the path's answer is the same for everyone (`samePathsForEveryone`, the demand API), so
 *   a signed-in request shares the anonymous entry;
 * - otherwise the person's id and a digest of what the page shows of them.
 */
export async function pageCacheViewer(
  db: Db,
  resolved: ResolvedContext,
  request: { path: string; url: string },
  samePathsForEveryone: readonly string[],
): Promise<string | null> {
  const { context, setCookie } = resolved;
  if (setCookie || !context.auth) return null;
  if (samePathsForEveryone.includes(request.path)) return "";
  if (context.auth.via !== "session") return null;
  const view = await signedInView(db, context.auth.user, new URL(request.url, "http://portal.invalid"));
  context.signedInView = view;
  return `${context.auth.user.id}:${createHash("sha1").update(JSON.stringify(view)).digest("base64url")}`;
}
