import type { Db } from "@db/client";
import type { User as CurrentUser } from "lucia";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { lastUseNeedsWrite, lastUseWriteCutoff } from "~/domain/last-use";
import { CURRENT_USER_COLUMNS } from "./users.server";

export const API_TOKEN_PREFIX = "md_";

/** Creates a token; the plain value is returned once and never stored. */
export async function createApiToken(db: Db, userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = `${API_TOKEN_PREFIX}${generateToken()}`;
  const row = await db
    .insertInto("apiTokens")
    .values({ userId, name: name.trim(), tokenHash: hashToken(token), prefix: token.slice(0, 10) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function listApiTokens(db: Db, userId: string) {
  return db
    .selectFrom("apiTokens")
    .select(["id", "name", "prefix", "createdAt", "lastUsedAt", "revokedAt"])
    .where("userId", "=", userId)
    .orderBy("createdAt", "desc")
    .execute();
}

/** Revokes one of the user's own tokens; false if it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable("apiTokens")
    .set({ revokedAt: new Date() })
    .where("id", "=", tokenId)
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Revokes every live token of the account: a new password ends every other way in,
 * and a token is a way in that outlives a session.
 */
export async function revokeAllApiTokens(db: Db, userId: string): Promise<number> {
  const result = await db.updateTable("apiTokens").set({ revokedAt: new Date() }).where("userId", "=", userId).where("revokedAt", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The user a live token acts for. Its last use is written at most once a minute per token
 * (lastUseNeedsWrite): most API requests cost one read and no write.
 */
export async function findApiTokenUser(db: Db, token: string, now = new Date()): Promise<CurrentUser | null> {
  const row = await db
    .selectFrom("apiTokens")
    .innerJoin("users", "users.id", "apiTokens.userId")
    .select(["apiTokens.id as tokenId", "apiTokens.lastUsedAt as tokenLastUsedAt", "users.id", ...CURRENT_USER_COLUMNS])
    .where("apiTokens.tokenHash", "=", hashToken(token))
    .where("apiTokens.revokedAt", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const { tokenId, tokenLastUsedAt, ...user } = row;
  if (lastUseNeedsWrite(tokenLastUsedAt, now)) {
    // Two requests that both saw an old time: the condition lets only the first one write.
    await db
      .updateTable("apiTokens")
      .set({ lastUsedAt: now })
      .where("id", "=", tokenId)
      .where((eb) => eb.or([eb("lastUsedAt", "is", null), eb("lastUsedAt", "<=", lastUseWriteCutoff(now))]))
      .execute();
  }
  return user;
}
