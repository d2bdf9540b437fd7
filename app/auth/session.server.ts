import type { AppLoadContext } from "@remix-run/node";
import { lucia } from "./lucia.server";

/**
 * Starts a fresh session (a new id on every login, so a planted cookie can never
 * be promoted to a signed-in one) and returns its Set-Cookie header.
 */
export async function startSession(userId: string, context: AppLoadContext): Promise<string> {
  if (context.auth?.sessionId) await lucia.invalidateSession(context.auth.sessionId);
  const session = await lucia.createSession(userId, { userAgent: context.userAgent?.slice(0, 300) ?? null, ip: context.ip });
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(context: AppLoadContext): Promise<string> {
  if (context.auth?.sessionId) await lucia.invalidateSession(context.auth.sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

export async function endAllSessions(userId: string): Promise<string> {
  await lucia.invalidateUserSessions(userId);
  return lucia.createBlankSessionCookie().serialize();
}
