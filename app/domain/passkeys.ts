import { z } from "zod";
import { confirmingPassword } from "./two-factor";

// Passkeys (WebAuthn, issue 21): which relying party the portal is, how long a challenge
// lives, when a signature counter gives a cloned authenticator away, and the forms.

/** A challenge is answered within five minutes or not at all (the browser's own timeout is shorter). */
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
export const CEREMONY_TIMEOUT_MS = 2 * 60 * 1000;
export const PASSKEY_NAME_MAX = 60;
/** A browser's answer is a few hundred bytes of base64url; anything far larger is not one. */
export const CEREMONY_RESPONSE_MAX = 16_000;
/** How many passkeys one person may register: enough for every device, few enough to list. */
export const PASSKEYS_PER_PERSON = 10;

export interface RelyingParty {
  /** The host name passkeys are bound to. */
  id: string;
  /** The origin the browser reports in its signed client data. */
  origin: string;
  name: string;
}

/**
 * The portal as a WebAuthn relying party, from its configured public address (never from the
 * request's Host header): a passkey made for markedsdialog.example.no works only there.
 */
export function relyingParty(publicBaseUrl: string): RelyingParty {
  const url = new URL(publicBaseUrl);
  return { id: url.hostname, origin: url.origin, name: "Markedsdialog" };
}

/**
 * Whether an authenticator's signature counter may follow the stored one. Authenticators
 * that keep no counter report 0 every time; one that does must go up, or two copies of the
 * same key are in use (WebAuthn §6.1.1).
 */
export function counterAcceptable(stored: number, reported: number): boolean {
  if (stored === 0 && reported === 0) return true;
  return reported > stored;
}

/** Whether a stored challenge may still be answered. */
export function challengeLive(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() > now.getTime();
}

/**
 * A passkey's name: what the person typed, or the device the browser said it is, so the
 * list always tells one from another. Names are per person and unique in their list.
 */
export function passkeyName(typed: string, fallback: string): string {
  const name = typed.trim() || fallback.trim() || "Passkey";
  return name.slice(0, PASSKEY_NAME_MAX);
}

// Forms (one schema per form, shared by browser and server; messages are `forms` codes).
const name = z
  .string()
  .trim()
  .max(PASSKEY_NAME_MAX, "passkey_name_too_long")
  .optional()
  .transform((value) => value ?? "");
const challengeId = z.uuid({ error: "passkey_not_verified" });
const ceremonyResponse = z.string({ error: "passkey_not_verified" }).min(2, "passkey_not_verified").max(CEREMONY_RESPONSE_MAX, "passkey_not_verified");

/** Adding a passkey starts with the password (or a fresh sign-in at the provider), like every change of factors. */
export const StartPasskeyRegistrationSchema = z.object({ intent: z.literal("passkey-options"), currentPassword: confirmingPassword, name });
export const FinishPasskeyRegistrationSchema = z.object({ intent: z.literal("passkey-register"), challengeId, response: ceremonyResponse, name });
export const RemovePasskeySchema = z.object({ intent: z.literal("passkey-remove"), passkeyId: z.uuid({ error: "invalid_value" }), currentPassword: confirmingPassword });
export const PasskeySignInSchema = z.object({ intent: z.literal("passkey-verify"), challengeId, response: ceremonyResponse, redirectTo: z.string().optional() });
