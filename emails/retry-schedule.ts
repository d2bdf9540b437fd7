// When a failed delivery is tried again: 30 s, 1 min, 2 min, … doubling, never
// more than an hour apart, and given up after MAX_ATTEMPTS (about 1 h 4 min of
// trying in all), after which an operator can retry from /admin/outbox.
export const MAX_ATTEMPTS = 8;
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 60 * 60_000;

/** The wait after the given number of failed attempts (1 = the first failure). */
export function retryDelayMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(FIRST_RETRY_MS * 2 ** exponent, MAX_RETRY_MS);
}

/** What happens to a message after a failed attempt: try again at a time, or give up. */
export function afterFailure(attempts: number, now: Date): { status: "pending"; nextAttemptAt: Date } | { status: "failed" } {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed" };
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
