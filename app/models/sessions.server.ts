import type { Db } from "@db/client";
import { approximateAddress, describeDevice, type ApproximateAddress, type Device } from "~/domain/sessions";

/**
 * Signed-in sessions as people see them: named by their handle (the id is the cookie's secret
 * and never leaves the server), with the device, the network and when they were last used.
 */
export interface SessionView {
  handle: string;
  current: boolean;
  device: Device;
  address: ApproximateAddress;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

export interface MemberSessions {
  userId: string;
  name: string;
  email: string;
  sessions: SessionView[];
}


function view(row: { id: string; handle: string; userAgent: string | null; ip: string | null; createdAt: Date; lastUsedAt: Date; expiresAt: Date }, currentSessionId: string | null): SessionView {
  return {
    handle: row.handle,
    current: row.id === currentSessionId,
    device: describeDevice(row.userAgent),
    address: approximateAddress(row.ip),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
  };
}

function liveSessions(db: Db, now: Date) {
  return db
    .selectFrom("sessions")
    .select(["sessions.id", "sessions.handle", "sessions.userId", "sessions.userAgent", "sessions.ip", "sessions.createdAt", "sessions.lastUsedAt", "sessions.expiresAt"])
    .where("sessions.expiresAt", ">", now)
    .where("sessions.awaitingSecondFactor", "=", false)
    .orderBy("sessions.lastUsedAt", "desc")
    .orderBy("sessions.handle");
}

/** A person's own live sessions, the one asking first. */
export async function listOwnSessions(db: Db, userId: string, currentSessionId: string | null, now = new Date()): Promise<SessionView[]> {
  const rows = await liveSessions(db, now).where("sessions.userId", "=", userId).execute();
  const views = rows.map((row) => view(row, currentSessionId));
  return [...views.filter((s) => s.current), ...views.filter((s) => !s.current)];
}

/** Ends one of the person's own sessions; false when the handle names none of theirs. */
export async function endOwnSession(db: Db, userId: string, handle: string): Promise<boolean> {
  const ended = await db.deleteFrom("sessions").where("handle", "=", handle).where("userId", "=", userId).returning("id").executeTakeFirst();
  return ended !== undefined;
}

/** Every member of the organisation with their live sessions, members without any included. */
export async function listMemberSessions(db: Db, organisationId: string, currentSessionId: string | null, now = new Date()): Promise<MemberSessions[]> {
  const [members, rows] = await Promise.all([
    db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.userId")
      .select(["users.id as userId", "users.name", "users.email"])
      .where("memberships.organisationId", "=", organisationId)
      .orderBy("users.name")
      .orderBy("users.id")
      .execute(),
    liveSessions(db, now)
      .where("sessions.userId", "in", (eb) => eb.selectFrom("memberships").select("memberships.userId").where("memberships.organisationId", "=", organisationId))
      .execute(),
  ]);
  return members.map((member) => ({
    ...member,
    sessions: rows.filter((row) => row.userId === member.userId).map((row) => view(row, currentSessionId)),
  }));
}

/**
 * Ends a member's session for an admin of the organisation. Returns whose it was, or null when
 * the handle names no session of a member (another organisation's people get the same answer).
 */
export async function endMemberSession(db: Db, organisationId: string, handle: string): Promise<{ userId: string; name: string } | null> {
  const ended = await db
    .deleteFrom("sessions")
    .where("handle", "=", handle)
    .where("userId", "in", (eb) => eb.selectFrom("memberships").select("memberships.userId").where("memberships.organisationId", "=", organisationId))
    .returning("userId")
    .executeTakeFirst();
  if (!ended) return null;
  const user = await db.selectFrom("users").select(["id as userId", "name"]).where("id", "=", ended.userId).executeTakeFirstOrThrow();
  return user;
}

/** Writes the session's last use (the caller decides how often, by sessionNeedsTouch). */
export async function touchSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.updateTable("sessions").set({ lastUsedAt: now }).where("id", "=", sessionId).where("lastUsedAt", "<", now).execute();
}

