// Never the last way in (issue 21, ADR 0034): a person may remove a link at a provider or a
// passkey only when some other way to sign in on their own remains. One rule for both removals.

/** The ways a person can still sign in on their own once the thing being removed is gone. */
export interface SignInWays {
  hasPassword: boolean;
  /** Passkeys sign in alone (resident keys, user verification required). */
  passkeys: number;
  /** Links at issuers some organisation still has registered: each is a sign-in through the organisations' list. */
  linksWithProvider: number;
}

export type LastWayInCode = "sso_last_sign_in" | "passkey_last_sign_in";

/**
 * Whether removing a link (`sso_link`) or a passkey would shut the person out: it may go only
 * when a password, a passkey or a usable link remains. Someone made by single sign-on sets a
 * password or adds a passkey first; someone with passkeys only sets a password first. No
 * organisation policy requires single sign-on today; when one comes, it is checked here too.
 */
export function lastWayInProblem(remaining: SignInWays, removing: "sso_link" | "passkey"): LastWayInCode | null {
  if (remaining.hasPassword || remaining.passkeys > 0 || remaining.linksWithProvider > 0) return null;
  return removing === "passkey" ? "passkey_last_sign_in" : "sso_last_sign_in";
}
