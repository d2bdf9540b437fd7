import { sql } from "kysely";
import type { Db } from "@db/client";

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

// Login, password-reset and second-factor attempts: per account and per IP address.
export const LIMITS = {
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  loginPerIp: { limit: 50, windowSeconds: 15 * 60 },
  resetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
  resetPerIp: { limit: 20, windowSeconds: 60 * 60 },
  signupPerIp: { limit: 20, windowSeconds: 60 * 60 },
  // Six-digit codes: five wrong tries per account in 15 minutes leave an attacker a
  // one-in-200,000 chance per window (issue 21).
  secondFactorPerAccount: { limit: 5, windowSeconds: 15 * 60 },
  secondFactorPerIp: { limit: 50, windowSeconds: 15 * 60 },
  // A passkey ceremony stores a challenge: one address may start 60 in 15 minutes.
  passkeyCeremonyPerIp: { limit: 60, windowSeconds: 15 * 60 },
  // A sign-in through an organisation's provider stores an attempt and fetches the provider's metadata.
  ssoStartPerIp: { limit: 60, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one attempt against `key` in a fixed window and says whether it is
 * allowed. One atomic upsert, so concurrent attempts cannot slip past the limit.
 */
export async function hitRateLimit(db: Db, key: string, { limit, windowSeconds }: RateLimit): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const window = sql.lit(`${windowSeconds} seconds`);
  const row = await sql<{ count: number; retryAfter: number }>`
    insert into rate_limits as r (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when r.window_start <= now() - ${window}::interval then 1 else r.count + 1 end,
      window_start = case when r.window_start <= now() - ${window}::interval then now() else r.window_start end
    returning r.count, ceil(extract(epoch from (r.window_start + ${window}::interval - now())))::int as retry_after
  `.execute(db);
  const { count, retryAfter } = row.rows[0]!;
  return { allowed: count <= limit, retryAfterSeconds: Math.max(1, retryAfter) };
}

/**
 * Gives back one attempt counted against `key` in its current window: a successful login's own
 * hit on its address's counter, so the address limit counts failures, and colleagues signing in
 * one after another behind one office address are never turned away. Only that one hit: the
 * failures before it still count.
 */
export async function returnRateLimitHit(db: Db, key: string): Promise<void> {
  await db.updateTable("rateLimits").set({ count: sql<number>`greatest(count - 1, 0)` }).where("key", "=", key).execute();
}

/** A successful login clears the account's counter (not the IP's). */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom("rateLimits").where("key", "=", key).execute();
}
