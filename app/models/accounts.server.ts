import { sql } from "kysely";
import type { Db } from "@db/client";
import { failAt, ok, type Result } from "~/domain/result";
import { enqueueEmail } from "@emails/outbox.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { revokeAllApiTokens } from "./api-tokens.server";
import { endOtherSessions, noticeFactorChange, presenceConfirmed } from "./two-factor.server";
import type { Language } from "~/i18n/resources";

import { RESET_PASSWORD_LINK_HOURS, VERIFY_EMAIL_LINK_HOURS } from "~/domain/email-links";
import { checkPassword } from "~/domain/password-policy";

const HOUR = 60 * 60 * 1000;
export const VERIFY_EMAIL_TTL_MS = VERIFY_EMAIL_LINK_HOURS * HOUR;
export const RESET_PASSWORD_TTL_MS = RESET_PASSWORD_LINK_HOURS * HOUR;

type Purpose = "verify_email" | "reset_password";

async function createEmailToken(db: Db, userId: string, purpose: Purpose, ttlMs: number): Promise<string> {
  const token = generateToken();
  // A new link replaces any earlier unused one for the same purpose.
  await db.deleteFrom("emailTokens").where("userId", "=", userId).where("purpose", "=", purpose).where("usedAt", "is", null).execute();
  await db
    .insertInto("emailTokens")
    .values({ tokenHash: hashToken(token), purpose, userId, expiresAt: new Date(Date.now() + ttlMs) })
    .execute();
  return token;
}

/** Marks a link used and returns its user; null when unknown, expired or used. Single use even under races. */
async function consumeEmailToken(db: Db, token: string, purpose: Purpose): Promise<string | null> {
  const row = await db
    .updateTable("emailTokens")
    .set({ usedAt: new Date() })
    .where("tokenHash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", new Date())
    .returning("userId")
    .executeTakeFirst();
  return row?.userId ?? null;
}

export async function isEmailTokenUsable(db: Db, token: string, purpose: Purpose): Promise<boolean> {
  const row = await db
    .selectFrom("emailTokens")
    .select("userId")
    .where("tokenHash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", new Date())
    .executeTakeFirst();
  return Boolean(row);
}

export interface NewAccount {
  name: string;
  email: string;
  password: string;
  language: Language;
}

/**
 * Creates the account and its verification e-mail in one transaction.
 * `linkFor(token)` builds the verification URL.
 */
export async function createAccount(
  db: Db,
  account: NewAccount,
  linkFor: (token: string) => string,
): Promise<Result<{ userId: string }>> {
  const passwordHash = await hashPassword(account.password);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("users")
      .values({ name: account.name, email: account.email, passwordHash, language: account.language })
      .onConflict((oc) => oc.column("email").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return failAt("conflict", "email", "email_taken");
    const token = await createEmailToken(trx, inserted.id, "verify_email", VERIFY_EMAIL_TTL_MS);
    await enqueueEmail(trx, {
      template: "verify-email",
      to: account.email,
      language: account.language,
      data: { name: account.name, url: linkFor(token) },
    });
    return ok({ userId: inserted.id });
  });
}

export async function resendVerification(db: Db, userId: string, linkFor: (token: string) => string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
    if (!user || user.emailVerifiedAt) return false;
    const token = await createEmailToken(trx, user.id, "verify_email", VERIFY_EMAIL_TTL_MS);
    await enqueueEmail(trx, { template: "verify-email", to: user.email, language: user.language, data: { name: user.name, url: linkFor(token) } });
    return true;
  });
}

export async function verifyEmail(db: Db, token: string): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const userId = await consumeEmailToken(trx, token, "verify_email");
    if (!userId) return null;
    await trx.updateTable("users").set({ emailVerifiedAt: new Date() }).where("id", "=", userId).where("emailVerifiedAt", "is", null).execute();
    return userId;
  });
}

// Compared against when the e-mail is unknown, so a wrong address costs the
// same time as a wrong password and does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

export async function authenticate(db: Db, email: string, password: string): Promise<{ id: string } | null> {
  const user = await db.selectFrom("users").select(["id", "passwordHash"]).where("email", "=", email).executeTakeFirst();
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password-for-timing");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? { id: user.id } : null;
}

/** Sends a reset link if the account exists; says nothing either way. */
export async function requestPasswordReset(db: Db, email: string, linkFor: (token: string) => string): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    if (!user) return null;
    const token = await createEmailToken(trx, user.id, "reset_password", RESET_PASSWORD_TTL_MS);
    await enqueueEmail(trx, { template: "reset-password", to: user.email, language: user.language, data: { name: user.name, url: linkFor(token) } });
    return user.id;
  });
}

/**
 * Sets a new password from a reset link: the link is used up, every session and
 * every personal API token of the account ends, and the owner is told by e-mail.
 */
/**
 * The password policy's rule that needs the person: a new password must not contain their
 * e-mail address's name part (app/domain/password-policy.ts). The form schemas check the rest;
 * sign-up checks this too, with the address it is given.
 */
function containsEmail(password: string, email: string) {
  return checkPassword(password, email) === "contains_email" ? failAt("invalid", "password", "password_contains_email") : null;
}

/**
 * Sets a new password from a reset link, ending every session and API token. The link is spent
 * only when the password is taken: one that contains the address can be corrected and sent again.
 */
export async function resetPassword(db: Db, token: string, password: string): Promise<Result<{ userId: string }, "invalid_link" | "password_contains_email">> {
  const owner = await db
    .selectFrom("emailTokens")
    .innerJoin("users", "users.id", "emailTokens.userId")
    .select("users.email")
    .where("emailTokens.tokenHash", "=", hashToken(token))
    .where("emailTokens.purpose", "=", "reset_password")
    .executeTakeFirst();
  const refused = owner ? containsEmail(password, owner.email) : null;
  if (refused) return refused;
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const userId = await consumeEmailToken(trx, token, "reset_password");
    if (!userId) return failAt("invalid", "", "invalid_link");
    const user = await trx
      .updateTable("users")
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(email_verified_at, now())` })
      .where("id", "=", userId)
      .returning(["email", "name", "language"])
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("sessions").where("userId", "=", userId).execute();
    await revokeAllApiTokens(trx, userId);
    await enqueueEmail(trx, { template: "password-changed", to: user.email, language: user.language, data: { name: user.name } });
    return ok({ userId });
  });
}

/** Changes the password after checking the current one, ending every other session and every personal API token. */
export async function changePassword(
  db: Db,
  userId: string,
  keepSessionId: string | null,
  currentPassword: string,
  password: string,
): Promise<Result> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) return failAt("invalid", "currentPassword", "wrong_password");
  const refused = containsEmail(password, user.email);
  if (refused) return refused;
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ passwordHash }).where("id", "=", userId).execute();
    let others = trx.deleteFrom("sessions").where("userId", "=", userId);
    if (keepSessionId) others = others.where("id", "<>", keepSessionId);
    await others.execute();
    await revokeAllApiTokens(trx, userId);
    await enqueueEmail(trx, { template: "password-changed", to: user.email, language: user.language, data: { name: user.name } });
  });
  return ok();
}

/**
 * A first password for a person who has none (made by single sign-on, or passkeys only), after
 * the one check before a change of the ways in: a fresh sign-in at their provider in this session.
 * Adding a way in is told and ends the other sessions, as a new factor does. The row is written
 * only while it still has no password, so this can never replace one without the current one.
 */
export async function setFirstPassword(
  db: Db,
  change: { userId: string; keepSessionId: string | null },
  password: string,
  now = new Date(),
): Promise<Result<undefined, "password_already_set" | "confirm_presence_first" | "password_contains_email">> {
  const person = await db.selectFrom("users").select(["email", "passwordHash"]).where("id", "=", change.userId).executeTakeFirstOrThrow();
  if (person.passwordHash !== null) return failAt("conflict", "", "password_already_set");
  const present = await presenceConfirmed(db, { ...change, currentPassword: "" }, now);
  if (!present.ok) return failAt("invalid", "", "confirm_presence_first");
  const refused = containsEmail(password, person.email);
  if (refused) return refused;
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const set = await trx.updateTable("users").set({ passwordHash }).where("id", "=", change.userId).where("passwordHash", "is", null).returning("id").executeTakeFirst();
    if (!set) return failAt("conflict", "", "password_already_set");
    await endOtherSessions(trx, change.userId, change.keepSessionId);
    await noticeFactorChange(trx, change.userId, "password_set");
    return ok();
  });
}

export async function updateProfile(db: Db, userId: string, profile: { name: string; language: Language }) {
  await db.updateTable("users").set(profile).where("id", "=", userId).execute();
}
