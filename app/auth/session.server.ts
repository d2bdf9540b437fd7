import type { AppLoadContext } from "@remix-run/node";
import { db } from "@db/db.server";
import { hasSecondFactor } from "~/models/two-factor.server";
import { lucia } from "./lucia.server";

/** The session this request came with, whole or at a sign-in step. */
function currentSessionId(context: AppLoadContext): string | null {
  return context.auth?.sessionId ?? context.signInStep?.sessionId ?? null;
}

/**
 * Starts a fresh session (a new id on every login, and again after the second factor, so a
 * planted cookie can never be promoted to a signed-in one) and returns its Set-Cookie header.
 */
export async function startSession(userId: string, context: AppLoadContext, { awaitingSecondFactor = false } = {}): Promise<string> {
  const previous = currentSessionId(context);
  if (previous) await lucia.invalidateSession(previous);
  const session = await lucia.createSession(userId, { userAgent: context.userAgent?.slice(0, 300) ?? null, ip: context.ip, awaitingSecondFactor });
  return lucia.createSessionCookie(session.id).serialize();
}

/**
 * After the password (login, a password reset): a person with a second factor gets a session
 * that waits for the code (the caller sends them to /login/code).
 */
export async function startSignIn(userId: string, context: AppLoadContext): Promise<{ cookie: string; awaitingSecondFactor: boolean }> {
  const awaitingSecondFactor = await hasSecondFactor(db(), userId);
  return { cookie: await startSession(userId, context, { awaitingSecondFactor }), awaitingSecondFactor };
}

/**
 * The code was right: the waiting session becomes a whole one. Its id is kept: it was made new
 * at the password step and only this browser has it, and changing it here would race with
 * requests the page still has in flight under the old cookie (a stale cookie is answered with a
 * blank one, which would sign the person out again).
 */
export async function finishSignIn(sessionId: string): Promise<void> {
  await db().updateTable("sessions").set({ awaitingSecondFactor: false }).where("id", "=", sessionId).execute();
}

export async function endSession(context: AppLoadContext): Promise<string> {
  const current = currentSessionId(context);
  if (current) await lucia.invalidateSession(current);
  return lucia.createBlankSessionCookie().serialize();
}

export async function endAllSessions(userId: string): Promise<string> {
  await lucia.invalidateUserSessions(userId);
  return lucia.createBlankSessionCookie().serialize();
}
