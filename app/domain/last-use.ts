/**
 * When the last use of a credential (a session, an API token) is written: at most once a
 * minute each, so a read costs no write most of the time (issue 20). The pages that show
 * "last used" are exact to the minute.
 */
export const LAST_USE_INTERVAL_MS = 60_000;

export function lastUseNeedsWrite(lastUsedAt: Date | null | undefined, now: Date): boolean {
  if (!lastUsedAt) return true;
  return now.getTime() - lastUsedAt.getTime() >= LAST_USE_INTERVAL_MS;
}

/** Rows last used before this may be written again (the write's own guard against a race). */
export function lastUseWriteCutoff(now: Date): Date {
  return new Date(now.getTime() - LAST_USE_INTERVAL_MS);
}
