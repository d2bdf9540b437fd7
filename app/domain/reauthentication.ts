// Re-authentication before sensitive changes (issue 21, ADR 0034). Changing factors asks the
// person to prove again that they are at the keyboard: by typing their password, or, for people
// who sign in through their organisation's provider and have no password, by a fresh sign-in
// there (OpenID Connect `prompt=login` and `max_age=0`), which marks the session for a few
// minutes. One rule for both, in `presenceConfirmed` (app/models/two-factor.server.ts).

/** How long a fresh sign-in at the provider stands in for the password in this session. */
export const REAUTHENTICATION_WINDOW_SECONDS = 10 * 60;

/** How far the provider's clock may run behind ours when it says when the person signed in. */
export const AUTH_TIME_SKEW_SECONDS = 30;

/** Whether the session was re-authenticated recently enough to change factors without the password. */
export function recentlyReauthenticated(reauthenticatedAt: Date | null, now: Date): boolean {
  if (!reauthenticatedAt) return false;
  const age = now.getTime() - reauthenticatedAt.getTime();
  return age >= -AUTH_TIME_SKEW_SECONDS * 1000 && age <= REAUTHENTICATION_WINDOW_SECONDS * 1000;
}

/**
 * Whether the ID token's `auth_time` (seconds since 1970) says the person signed in at the
 * provider after the re-authentication was started here: a provider that ignored `prompt=login`
 * and answered from an older session, or a token without `auth_time`, is not a re-authentication.
 */
export function authenticatedSince(authTime: number | null | undefined, startedAt: Date): boolean {
  if (typeof authTime !== "number" || !Number.isFinite(authTime)) return false;
  return authTime * 1000 >= startedAt.getTime() - AUTH_TIME_SKEW_SECONDS * 1000;
}
