import type { AppLoadContext } from "@remix-run/node";
import type { User } from "lucia";
import { db } from "@db/db.server";
import { findApiTokenUser } from "~/models/api-tokens.server";
import { sessionNeedsTouch } from "~/domain/sessions";
import { touchSession } from "~/models/sessions.server";
import { mustEnrolSecondFactor } from "~/models/two-factor.server";
import type { SignedInView } from "~/models/header-account.server";
import { lucia } from "./lucia.server";

/** The signed-in person: Lucia's user, with the attributes registered in lucia.server.ts. */
export type CurrentUser = User;

export interface Auth {
  user: CurrentUser;
  /** The Lucia session, when signed in through the browser. */
  sessionId: string | null;
  via: "session" | "token";
}

/**
 * A sign-in that is not finished: the password was right, and the person must now type a code
 * ("code") or, because a second factor is required of them, set one up ("enrol"). Such a session
 * is not `auth`: every guard sees nobody, so it can do nothing but the step it is at.
 */
export interface SignInStep {
  step: "code" | "enrol";
  user: CurrentUser;
  sessionId: string;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    auth: Auth | null;
    /** Set instead of `auth` while a sign-in waits for its second factor (absent when nobody is signed in). */
    signInStep?: SignInStep | null;
    ip: string | null;
    userAgent: string | null;
    /** This request's Content-Security-Policy nonce (server.ts); absent in tests. */
    cspNonce?: string;
    /** What the header shows of the signed-in person, when the page cache already read it to key the request (ADR 0039). */
    signedInView?: SignedInView;
  }
}

export interface IncomingRequestInfo {
  cookieHeader: string | null;
  authorization: string | null;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Who is asking, resolved once per HTTP request (server.ts getLoadContext, and
 * tests through the same function): a Bearer API token, or the session cookie.
 * Returns the cookie to set when Lucia renewed or dropped the session.
 */
export async function createAppContext(info: IncomingRequestInfo): Promise<{ context: AppLoadContext; setCookie: string | null }> {
  const base = { ip: info.ip, userAgent: info.userAgent };
  const bearer = info.authorization ? lucia.readBearerToken(info.authorization) : null;
  if (bearer) {
    const user = await findApiTokenUser(db(), bearer);
    return { context: { ...base, auth: user ? { user, sessionId: null, via: "token" } : null }, setCookie: null };
  }

  const sessionId = info.cookieHeader ? lucia.readSessionCookie(info.cookieHeader) : null;
  if (!sessionId) return { context: { ...base, auth: null }, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) {
    return { context: { ...base, auth: null }, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  const setCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  if (session.awaitingSecondFactor) return { context: { ...base, auth: null, signInStep: { step: "code", user, sessionId: session.id } }, setCookie };
  if (await mustEnrolSecondFactor(db(), user)) return { context: { ...base, auth: null, signInStep: { step: "enrol", user, sessionId: session.id } }, setCookie };
  // When the session was last used, for the sessions pages; written at most once a minute.
  const now = new Date();
  if (sessionNeedsTouch(session.lastUsedAt, now)) await touchSession(db(), session.id, now);
  return { context: { ...base, auth: { user, sessionId: session.id, via: "session" } }, setCookie };
}

/** Builds the context from a Fetch Request (tests, and anything outside Express). */
export function contextFromRequest(request: Request, ip = "127.0.0.1") {
  return createAppContext({
    cookieHeader: request.headers.get("Cookie"),
    authorization: request.headers.get("Authorization"),
    ip,
    userAgent: request.headers.get("User-Agent"),
  });
}
