import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { Db } from "@db/client";
import {
  CEREMONY_TIMEOUT_MS,
  CHALLENGE_LIFETIME_MS,
  counterAcceptable,
  passkeyName,
  PASSKEYS_PER_PERSON,
  type RelyingParty,
} from "~/domain/passkeys";
import { failAt, ok, type Result } from "~/domain/result";
import { lastWayInProblem, type LastWayInCode } from "~/domain/sign-in-ways";
import { signInWaysWithout } from "./sign-in-ways.server";
import { endOtherSessions, noticeFactorChange, presenceConfirmed, secondFactorState, type ChangeContext } from "./two-factor.server";

// Passkeys (issue 21): the WebAuthn ceremonies through @simplewebauthn/server, with the
// challenges kept in the database (used once, within five minutes) and the credentials' public
// keys and counters. The signature and the origin are the library's to check; which person,
// which challenge and which counter are ours.

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
}

export async function listPasskeys(db: Db, userId: string): Promise<PasskeySummary[]> {
  return db
    .selectFrom("passkeys")
    .select(["id", "name", "createdAt", "lastUsedAt", "backedUp"])
    .where("userId", "=", userId)
    .orderBy("createdAt")
    .execute();
}

type Purpose = "register" | "authenticate" | "second_factor";

async function storeChallenge(db: Db, challenge: string, purpose: Purpose, userId: string | null, now: Date): Promise<string> {
  // Old challenges nobody answered go as new ones come.
  await db.deleteFrom("webauthnChallenges").where("expiresAt", "<", now).execute();
  const row = await db
    .insertInto("webauthnChallenges")
    .values({ challenge, purpose, userId, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The challenge, once: it is deleted as it is read, so a replayed answer finds nothing. */
async function takeChallenge(db: Db, id: string, purpose: Purpose, userId: string | null, now: Date): Promise<string | null> {
  let query = db.deleteFrom("webauthnChallenges").where("id", "=", id).where("purpose", "=", purpose).where("expiresAt", ">", now);
  query = userId === null ? query.where("userId", "is", null) : query.where("userId", "=", userId);
  const row = await query.returning("challenge").executeTakeFirst();
  return row?.challenge ?? null;
}

function parseJson<T>(text: string): T | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" ? (value as T) : null;
  } catch {
    return null;
  }
}

/** A person's passkeys as a ceremony names them: to exclude (registration) or to allow (second factor). */
async function credentialsOf(db: Db, userId: string) {
  const rows = await db.selectFrom("passkeys").select(["credentialId", "transports"]).where("userId", "=", userId).execute();
  return rows.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] }));
}

function toBytes(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new TextEncoder().encode(userId));
}

export interface RegistrationStart {
  challengeId: string;
  options: PublicKeyCredentialCreationOptionsJSON;
}

/** The options a browser needs to make a passkey, after the password; existing ones are excluded. */
export async function beginPasskeyRegistration(
  db: Db,
  { email, displayName, ...change }: ChangeContext & { email: string; displayName: string },
  rp: RelyingParty,
  now = new Date(),
): Promise<Result<RegistrationStart, "wrong_password" | "reauthentication_required" | "too_many_passkeys">> {
  const { userId } = change;
  const present = await presenceConfirmed(db, change, now);
  if (!present.ok) return present;
  const existing = await credentialsOf(db, userId);
  if (existing.length >= PASSKEYS_PER_PERSON) return failAt("conflict", "name", "too_many_passkeys");
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: email,
    userDisplayName: displayName,
    userID: toBytes(userId),
    attestationType: "none",
    timeout: CEREMONY_TIMEOUT_MS,
    excludeCredentials: existing,
    // A passkey: kept on the authenticator (so it can sign in alone) and unlocked by the person.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  const challengeId = await storeChallenge(db, options.challenge, "register", userId, now);
  return ok({ challengeId, options });
}

/** Checks the browser's answer and stores the passkey; the person's other sessions end. */
export async function finishPasskeyRegistration(
  db: Db,
  { userId, keepSessionId, challengeId, response, name, fallbackName }: { userId: string; keepSessionId: string | null; challengeId: string; response: string; name: string; fallbackName: string },
  rp: RelyingParty,
  now = new Date(),
): Promise<Result<{ id: string; name: string }, "passkey_not_verified" | "passkey_already_registered" | "too_many_passkeys">> {
  const challenge = await takeChallenge(db, challengeId, "register", userId, now);
  const answer = parseJson<RegistrationResponseJSON>(response);
  if (!challenge || !answer) return failAt("invalid", "response", "passkey_not_verified");
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: answer,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch {
    return failAt("invalid", "response", "passkey_not_verified");
  }
  if (!verified.verified) return failAt("invalid", "response", "passkey_not_verified");
  const { credential, credentialBackedUp } = verified.registrationInfo;
  return db.transaction().execute(async (trx) => {
    const count = await trx
      .selectFrom("passkeys")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("userId", "=", userId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= PASSKEYS_PER_PERSON) return failAt("conflict", "name", "too_many_passkeys");
    const row = await trx
      .insertInto("passkeys")
      .values({
        userId,
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        backedUp: credentialBackedUp,
        name: passkeyName(name, fallbackName),
      })
      .onConflict((oc) => oc.column("credentialId").doNothing())
      .returning(["id", "name"])
      .executeTakeFirst();
    if (!row) return failAt("conflict", "response", "passkey_already_registered");
    await endOtherSessions(trx, userId, keepSessionId);
    await noticeFactorChange(trx, userId, "passkey_added", row.name);
    return ok(row);
  });
}

export interface AuthenticationStart {
  challengeId: string;
  options: PublicKeyCredentialRequestOptionsJSON;
}

/**
 * Options to sign in with a passkey: for anyone (the browser offers the passkeys it holds for
 * the portal), or, as the second factor, for one person's passkeys only.
 */
export async function beginPasskeyAuthentication(db: Db, userId: string | null, rp: RelyingParty, now = new Date()): Promise<AuthenticationStart> {
  const allowCredentials = userId ? await credentialsOf(db, userId) : [];
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: "required", timeout: CEREMONY_TIMEOUT_MS, allowCredentials });
  const challengeId = await storeChallenge(db, options.challenge, userId ? "second_factor" : "authenticate", userId, now);
  return { challengeId, options };
}

/**
 * Checks a signed answer: the challenge (once, in time), the credential (known; the given
 * person's when it is their second factor), the signature with user verification, and a
 * counter that moved on. Returns whose passkey it was.
 */
export async function finishPasskeyAuthentication(
  db: Db,
  { challengeId, response, userId }: { challengeId: string; response: string; userId: string | null },
  rp: RelyingParty,
  now = new Date(),
): Promise<Result<{ userId: string; passkeyId: string }, "passkey_not_verified">> {
  const refused = failAt("invalid", "response", "passkey_not_verified");
  const challenge = await takeChallenge(db, challengeId, userId ? "second_factor" : "authenticate", userId, now);
  const answer = parseJson<AuthenticationResponseJSON>(response);
  if (!challenge || !answer || typeof answer.id !== "string") return refused;
  let passkeys = db.selectFrom("passkeys").selectAll().where("credentialId", "=", answer.id);
  if (userId) passkeys = passkeys.where("userId", "=", userId);
  const passkey = await passkeys.executeTakeFirst();
  if (!passkey) return refused;
  const stored = Number(passkey.counter);
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: answer,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: stored, transports: passkey.transports as AuthenticatorTransport[] },
      requireUserVerification: true,
    });
  } catch {
    return refused;
  }
  const { newCounter } = verified.authenticationInfo;
  if (!verified.verified || !counterAcceptable(stored, newCounter)) return refused;
  // The counter moves only from the value just checked: two answers racing cannot both pass.
  const moved = await db
    .updateTable("passkeys")
    .set({ counter: newCounter, lastUsedAt: now })
    .where("id", "=", passkey.id)
    .where("counter", "=", stored)
    .returning("id")
    .executeTakeFirst();
  if (!moved) return refused;
  return ok({ userId: passkey.userId, passkeyId: passkey.id });
}

/**
 * Removes one of the person's passkeys; refused when it is the last factor a policy requires, or
 * the last way they can sign in (ADR 0034: the rule unlinking a provider keeps). The person's row
 * is locked while that is checked again, so two passkeys removed at once cannot both be "the other one".
 */
export async function removePasskey(
  db: Db,
  change: ChangeContext,
  passkeyId: string,
): Promise<Result<{ name: string }, "wrong_password" | "reauthentication_required" | "passkey_not_found" | "second_factor_required" | LastWayInCode>> {
  const passkey = await db.selectFrom("passkeys").select(["id", "name"]).where("id", "=", passkeyId).where("userId", "=", change.userId).executeTakeFirst();
  if (!passkey) return failAt("not_found", "passkeyId", "passkey_not_found");
  // Said before the password is asked for, as for unlinking a provider.
  const lastWayIn = async (trx: Db) => lastWayInProblem(await signInWaysWithout(trx, change.userId, { passkeyId: passkey.id }), "passkey");
  const before = await lastWayIn(db);
  if (before) return failAt("refused", "passkeyId", before);
  const present = await presenceConfirmed(db, change);
  if (!present.ok) return present;
  const state = await secondFactorState(db, change.userId);
  if (state.required && !state.enrolled && state.passkeys <= 1) return failAt("refused", "currentPassword", "second_factor_required");
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("users").select("id").where("id", "=", change.userId).forUpdate().executeTakeFirstOrThrow();
    const problem = await lastWayIn(trx);
    if (problem) return failAt("refused", "passkeyId", problem);
    const removed = await trx.deleteFrom("passkeys").where("id", "=", passkey.id).returning("id").executeTakeFirst();
    if (!removed) return failAt("not_found", "passkeyId", "passkey_not_found");
    await endOtherSessions(trx, change.userId, change.keepSessionId);
    await noticeFactorChange(trx, change.userId, "passkey_removed", passkey.name);
    return ok({ name: passkey.name });
  });
}
