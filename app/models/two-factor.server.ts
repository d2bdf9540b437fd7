import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import type { Db } from "@db/client";
import { enqueueEmail } from "@emails/outbox.server";
import { verifyPassword } from "~/auth/password.server";
import { decryptSecret, encryptSecret, secretEncryptionKey, type SecretKey } from "~/auth/secret-box.server";
import { hashToken } from "~/auth/tokens.server";
import { fail, failAt, ok, type Result } from "~/domain/result";
import { recentlyReauthenticated } from "~/domain/reauthentication";
import {
  matchTotp,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  readSecondFactorCode,
  secondFactorRequired,
  type FactorChange,
  type SecondFactorPolicy,
} from "~/domain/two-factor";

// A person's second factor: the TOTP key, its recovery codes, and whether their organisations
// (or being an operator) require one. Every change ends the person's other sessions.
// The key is stored sealed under SECRET_ENCRYPTION_KEY (ADR 0035): a copy of the database must
// not let anyone make a person's codes.

type StoredTotpKey = { key: string | null; keyBox: string | null };

/** The key in base32: a plain row as it is, a sealed one opened; null when this portal's key cannot open it. */
function openTotpKey(row: StoredTotpKey, secretKey: SecretKey = secretEncryptionKey()): string | null {
  if (row.key !== null) return row.key;
  if (row.keyBox === null || !secretKey.ok) return null;
  const key = decryptSecret(row.keyBox, secretKey.key);
  if (key === null) console.error("A TOTP key cannot be opened with this SECRET_ENCRYPTION_KEY (sealed under another key?); the person must use a recovery code or a passkey.");
  return key;
}

/**
 * Seals a plain key in place (a row from before migration 0065, or the demo key). Only under a
 * configured key: a box under the development key guards nothing (that key is in the source) and
 * would stop the row working where SECRET_ENCRYPTION_KEY is not set, e.g. `npm start`.
 */
async function sealInPlace(db: Db, userId: string, plain: string, secretKey: SecretKey): Promise<boolean> {
  if (!secretKey.ok || secretKey.development) return false;
  const sealed = await db
    .updateTable("totpFactors")
    .set({ key: null, keyBox: encryptSecret(plain, secretKey.key) })
    .where("userId", "=", userId)
    .where("key", "=", plain)
    .returning("userId")
    .executeTakeFirst();
  return Boolean(sealed);
}

/** Seals every key still stored in the clear; run at start-up. Returns how many it sealed. */
export async function sealPlainTotpKeys(db: Db, secretKey: SecretKey = secretEncryptionKey()): Promise<number> {
  if (!secretKey.ok || secretKey.development) return 0;
  const plain = await db.selectFrom("totpFactors").select(["userId", "key"]).where("key", "is not", null).execute();
  let sealed = 0;
  for (const row of plain) if (await sealInPlace(db, row.userId, row.key!, secretKey)) sealed += 1;
  return sealed;
}

export interface SecondFactorState {
  enrolled: boolean;
  required: boolean;
  /** The key being set up (shown as a QR code), until a code from it confirms it. */
  pendingKey: string | null;
  recoveryCodesLeft: number;
  /** Passkeys registered: each is a second factor of its own. */
  passkeys: number;
}

export async function secondFactorState(db: Db, userId: string): Promise<SecondFactorState> {
  const [user, memberships, factor, codes, passkeys] = await Promise.all([
    db.selectFrom("users").select("isOperator").where("id", "=", userId).executeTakeFirstOrThrow(),
    db
      .selectFrom("memberships")
      .innerJoin("organisations", "organisations.id", "memberships.organisationId")
      .select(["memberships.role", "organisations.secondFactorPolicy as policy"])
      .where("memberships.userId", "=", userId)
      .execute(),
    db.selectFrom("totpFactors").select(["key", "keyBox", "confirmedAt"]).where("userId", "=", userId).executeTakeFirst(),
    db
      .selectFrom("recoveryCodes")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("userId", "=", userId)
      .where("usedAt", "is", null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("passkeys")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("userId", "=", userId)
      .executeTakeFirstOrThrow(),
  ]);
  const enrolled = Boolean(factor?.confirmedAt);
  return {
    enrolled,
    required: secondFactorRequired({ isOperator: user.isOperator, memberships: memberships as { role: "admin" | "member"; policy: SecondFactorPolicy }[] }),
    pendingKey: factor && !enrolled ? openTotpKey(factor) : null,
    recoveryCodesLeft: Number(codes.n),
    passkeys: Number(passkeys.n),
  };
}

/** Whether a person has a confirmed second factor: sign-in then asks for a code. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const [totp, passkey] = await Promise.all([
    db.selectFrom("totpFactors").select("userId").where("userId", "=", userId).where("confirmedAt", "is not", null).executeTakeFirst(),
    db.selectFrom("passkeys").select("userId").where("userId", "=", userId).limit(1).executeTakeFirst(),
  ]);
  return Boolean(totp ?? passkey);
}

/**
 * Whether a signed-in person must still enrol before anything else (createAppContext asks on
 * every request, so it costs one small query for most people and two for those required).
 */
export async function mustEnrolSecondFactor(db: Db, user: { id: string; isOperator: boolean }): Promise<boolean> {
  const memberships = user.isOperator
    ? []
    : await db
        .selectFrom("memberships")
        .innerJoin("organisations", "organisations.id", "memberships.organisationId")
        .select(["memberships.role", "organisations.secondFactorPolicy as policy"])
        .where("memberships.userId", "=", user.id)
        .where("organisations.secondFactorPolicy", "<>", "none")
        .execute();
  if (!secondFactorRequired({ isOperator: user.isOperator, memberships: memberships as { role: "admin" | "member"; policy: SecondFactorPolicy }[] })) return false;
  return !(await hasSecondFactor(db, user.id));
}

export function newTotpKey(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

/**
 * Starts (or starts over) setting up an authenticator app; a confirmed factor stays as it is.
 * The key is stored only sealed: without SECRET_ENCRYPTION_KEY in production this is refused.
 */
export async function beginEnrolment(db: Db, userId: string): Promise<Result<{ key: string }, "already_enrolled" | "totp_key_missing">> {
  const secretKey = secretEncryptionKey();
  if (!secretKey.ok) return failAt("refused", "", "totp_key_missing");
  const key = newTotpKey();
  const keyBox = encryptSecret(key, secretKey.key);
  const row = await db
    .insertInto("totpFactors")
    .values({ userId, keyBox })
    .onConflict((oc) => oc.column("userId").doUpdateSet({ key: null, keyBox, lastUsedStep: null }).where("totpFactors.confirmedAt", "is", null))
    .returning("userId")
    .executeTakeFirst();
  return row ? ok({ key }) : failAt("conflict", "intent", "already_enrolled");
}

/** Whether the person has a password to confirm changes with (people made by single sign-on have none). */
export async function hasPassword(db: Db, userId: string): Promise<boolean> {
  const user = await db.selectFrom("users").select("passwordHash").where("id", "=", userId).executeTakeFirstOrThrow();
  return user.passwordHash !== null;
}

export async function passwordMatches(db: Db, userId: string, password: string): Promise<boolean> {
  const user = await db.selectFrom("users").select("passwordHash").where("id", "=", userId).executeTakeFirstOrThrow();
  return Boolean(user.passwordHash) && (await verifyPassword(user.passwordHash!, password));
}

/**
 * The one check before every change of factors (issue 21, ADR 0034): the password typed with
 * the change, or, left blank, a fresh sign-in at the person's provider in this session within
 * the last minutes (`sessions.reauthenticated_at`). A typed password is always checked, so a
 * wrong one is refused even inside the window.
 */
export async function presenceConfirmed(db: Db, { userId, keepSessionId, currentPassword }: ChangeContext, now = new Date()): Promise<Result<undefined, "wrong_password" | "reauthentication_required">> {
  if (currentPassword !== "") return (await passwordMatches(db, userId, currentPassword)) ? ok() : failAt("invalid", "currentPassword", "wrong_password");
  const session = keepSessionId
    ? await db.selectFrom("sessions").select("reauthenticatedAt").where("id", "=", keepSessionId).where("userId", "=", userId).executeTakeFirst()
    : undefined;
  return recentlyReauthenticated(session?.reauthenticatedAt ?? null, now) ? ok() : failAt("invalid", "currentPassword", "reauthentication_required");
}

/** Whether the session was re-authenticated at the person's provider within the last minutes. */
export async function sessionReauthenticated(db: Db, sessionId: string | null, now = new Date()): Promise<boolean> {
  if (!sessionId) return false;
  const row = await db.selectFrom("sessions").select("reauthenticatedAt").where("id", "=", sessionId).executeTakeFirst();
  return recentlyReauthenticated(row?.reauthenticatedAt ?? null, now);
}

/** Marks the session as re-authenticated now (a fresh sign-in at the person's provider came back to it). */
export async function markReauthenticated(db: Db, sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const row = await db.updateTable("sessions").set({ reauthenticatedAt: now }).where("id", "=", sessionId).where("userId", "=", userId).returning("id").executeTakeFirst();
  return Boolean(row);
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => encodeBase32LowerCaseNoPadding(randomBytes(8)).slice(0, RECOVERY_CODE_LENGTH));
}

async function replaceRecoveryCodes(trx: Db, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await trx.deleteFrom("recoveryCodes").where("userId", "=", userId).execute();
  await trx
    .insertInto("recoveryCodes")
    .values(codes.map((code) => ({ userId, codeHash: hashToken(code) })))
    .execute();
  return codes;
}

export async function endOtherSessions(trx: Db, userId: string, keepSessionId: string | null) {
  let others = trx.deleteFrom("sessions").where("userId", "=", userId);
  if (keepSessionId) others = others.where("id", "<>", keepSessionId);
  await others.execute();
}

/** Tells the person by e-mail that their factors changed, in the transaction that changes them (the outbox, ADR 0015). */
export async function noticeFactorChange(trx: Db, userId: string, change: FactorChange, passkey?: string) {
  const user = await trx.selectFrom("users").select(["email", "name", "language"]).where("id", "=", userId).executeTakeFirstOrThrow();
  await enqueueEmail(trx, { template: "factor-changed", to: user.email, language: user.language, data: { name: user.name, change, ...(passkey === undefined ? {} : { passkey }) } });
}

export interface ChangeContext {
  userId: string;
  /** The session the change is made from; every other one ends. */
  keepSessionId: string | null;
  /** Typed with the change; blank when the session was re-authenticated at the provider instead. */
  currentPassword: string;
}

/**
 * Turns the key being set up into the person's factor, once they have proved both the password
 * and a code from the app; returns the ten recovery codes, shown this once.
 */
export async function confirmEnrolment(
  db: Db,
  change: ChangeContext,
  typedCode: string,
  now = new Date(),
): Promise<Result<{ recoveryCodes: string[] }, "wrong_password" | "reauthentication_required" | "invalid_code" | "no_enrolment">> {
  const { userId, keepSessionId } = change;
  const present = await presenceConfirmed(db, change, now);
  if (!present.ok) return present;
  const factor = await db.selectFrom("totpFactors").selectAll().where("userId", "=", userId).where("confirmedAt", "is", null).executeTakeFirst();
  if (!factor) return failAt("conflict", "code", "no_enrolment");
  const key = openTotpKey(factor);
  if (key === null) return failAt("conflict", "code", "no_enrolment");
  const typed = readSecondFactorCode(typedCode);
  const step = typed?.kind === "totp" ? matchTotp(key, typed.code, now, null) : null;
  if (step === null) return failAt("invalid", "code", "invalid_code");
  return db.transaction().execute(async (trx) => {
    // The key the code was checked against, not one a restarted set-up put in its place meanwhile.
    const confirmed = await trx
      .updateTable("totpFactors")
      .set({ confirmedAt: now, lastUsedStep: step })
      .where("userId", "=", userId)
      .where("key", "is not distinct from", factor.key)
      .where("keyBox", "is not distinct from", factor.keyBox)
      .where("confirmedAt", "is", null)
      .returning("userId")
      .executeTakeFirst();
    if (!confirmed) return failAt("conflict", "code", "no_enrolment");
    const recoveryCodes = await replaceRecoveryCodes(trx, userId);
    await endOtherSessions(trx, userId, keepSessionId);
    await noticeFactorChange(trx, userId, "totp_enabled");
    return ok({ recoveryCodes });
  });
}

/** Removes the factor and its recovery codes; refused while an organisation or the operator role requires one. */
export async function disableSecondFactor(db: Db, change: ChangeContext): Promise<Result<undefined, "wrong_password" | "reauthentication_required" | "second_factor_required" | "not_enrolled">> {
  const present = await presenceConfirmed(db, change);
  if (!present.ok) return present;
  const state = await secondFactorState(db, change.userId);
  if (!state.enrolled) return failAt("conflict", "intent", "not_enrolled");
  // A passkey is a second factor too: with one left, the app's codes may go.
  if (state.required && state.passkeys === 0) return failAt("refused", "currentPassword", "second_factor_required");
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("totpFactors").where("userId", "=", change.userId).execute();
    await trx.deleteFrom("recoveryCodes").where("userId", "=", change.userId).execute();
    await endOtherSessions(trx, change.userId, change.keepSessionId);
    await noticeFactorChange(trx, change.userId, "totp_disabled");
  });
  return ok();
}

/** Ten new recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(db: Db, change: ChangeContext): Promise<Result<{ recoveryCodes: string[] }, "wrong_password" | "reauthentication_required" | "not_enrolled">> {
  const present = await presenceConfirmed(db, change);
  if (!present.ok) return present;
  if (!(await secondFactorState(db, change.userId)).enrolled) return failAt("conflict", "intent", "not_enrolled");
  const recoveryCodes = await db.transaction().execute(async (trx) => {
    const codes = await replaceRecoveryCodes(trx, change.userId);
    await endOtherSessions(trx, change.userId, change.keepSessionId);
    await noticeFactorChange(trx, change.userId, "recovery_codes_regenerated");
    return codes;
  });
  return ok({ recoveryCodes });
}

/**
 * The second step of signing in: a code from the app (each step's code once, never an older
 * one) or an unused recovery code (used up by this). Both are single atomic updates, so two
 * requests racing with the same code cannot both succeed.
 */
export async function verifySecondFactor(
  db: Db,
  userId: string,
  typedCode: string,
  now = new Date(),
): Promise<Result<{ method: "totp" | "recovery"; recoveryCodesLeft: number | null }, "invalid_code">> {
  const typed = readSecondFactorCode(typedCode);
  const factor = await db.selectFrom("totpFactors").selectAll().where("userId", "=", userId).where("confirmedAt", "is not", null).executeTakeFirst();
  if (!typed || !factor) return failAt("invalid", "code", "invalid_code");
  if (typed.kind === "totp") {
    const key = openTotpKey(factor);
    const step = key === null ? null : matchTotp(key, typed.code, now, factor.lastUsedStep);
    if (step === null) return failAt("invalid", "code", "invalid_code");
    const accepted = await db
      .updateTable("totpFactors")
      .set({ lastUsedStep: step })
      .where("userId", "=", userId)
      .where((eb) => eb.or([eb("lastUsedStep", "is", null), eb("lastUsedStep", "<", step)]))
      .returning("userId")
      .executeTakeFirst();
    if (!accepted) return failAt("invalid", "code", "invalid_code");
    // A key still in the clear (written before 0065, or by the seed after start-up) is sealed on use.
    if (factor.key !== null) await sealInPlace(db, userId, factor.key, secretEncryptionKey());
    return ok({ method: "totp" as const, recoveryCodesLeft: null });
  }
  const used = await db
    .updateTable("recoveryCodes")
    .set({ usedAt: now })
    .where("userId", "=", userId)
    .where("codeHash", "=", hashToken(typed.code))
    .where("usedAt", "is", null)
    .returning("userId")
    .executeTakeFirst();
  if (!used) return failAt("invalid", "code", "invalid_code");
  const left = await db
    .selectFrom("recoveryCodes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("userId", "=", userId)
    .where("usedAt", "is", null)
    .executeTakeFirstOrThrow();
  return ok({ method: "recovery" as const, recoveryCodesLeft: Number(left.n) });
}

/** The organisation's policy, for its admin's settings page. */
export async function organisationSecondFactorPolicy(db: Db, organisationId: string) {
  const [organisation, missing] = await Promise.all([
    db.selectFrom("organisations").select("secondFactorPolicy").where("id", "=", organisationId).executeTakeFirstOrThrow(),
    db
      .selectFrom("memberships")
      .leftJoin("totpFactors", (join) => join.onRef("totpFactors.userId", "=", "memberships.userId").on("totpFactors.confirmedAt", "is not", null))
      .select(["memberships.role", (eb) => eb.fn.countAll<number>().as("n")])
      .where("memberships.organisationId", "=", organisationId)
      .where("totpFactors.userId", "is", null)
      .groupBy("memberships.role")
      .execute(),
  ]);
  const count = (role: string) => Number(missing.find((m) => m.role === role)?.n ?? 0);
  return { policy: organisation.secondFactorPolicy, withoutFactor: { admins: count("admin"), members: count("member") } };
}

/** Sets who in the organisation must have a second factor; says whether it changed. */
export async function setSecondFactorPolicy(db: Db, organisationId: string, policy: SecondFactorPolicy): Promise<Result<{ changed: boolean; previous: SecondFactorPolicy }>> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("organisations").select("secondFactorPolicy").where("id", "=", organisationId).forUpdate().executeTakeFirst();
    if (!current) return fail("not_found");
    if (current.secondFactorPolicy !== policy) await trx.updateTable("organisations").set({ secondFactorPolicy: policy }).where("id", "=", organisationId).execute();
    return ok({ changed: current.secondFactorPolicy !== policy, previous: current.secondFactorPolicy });
  });
}
