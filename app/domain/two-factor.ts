import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { verifyHOTP } from "@oslojs/otp";
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./password-policy";

// Two-factor authentication (issue 21): who must have a second factor, and which typed codes count.

/** Who in an organisation must have a second factor before they can act. */
export const SECOND_FACTOR_POLICIES = ["none", "admins", "all"] as const;
export type SecondFactorPolicy = (typeof SECOND_FACTOR_POLICIES)[number];

export interface SecondFactorSubject {
  isOperator: boolean;
  memberships: readonly { role: "admin" | "member"; policy: SecondFactorPolicy }[];
}

/**
 * Operators always need a second factor (they verify public bodies and read every audit log);
 * anyone else when one of their organisations asks it of everyone, or of admins and they are one.
 */
export function secondFactorRequired({ isOperator, memberships }: SecondFactorSubject): boolean {
  if (isOperator) return true;
  return memberships.some((m) => m.policy === "all" || (m.policy === "admins" && m.role === "admin"));
}

// RFC 6238 defaults every authenticator app understands: 30-second steps, six digits, SHA-1.
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that still count, for a phone clock a little off (RFC 6238 §5.2). */
export const TOTP_DRIFT_STEPS = 1;

/** The changes of a person's factors that they are told of by e-mail, as a changed password is. */
export const FACTOR_CHANGES = ["password_set", "passkey_added", "passkey_removed", "totp_enabled", "totp_disabled", "recovery_codes_regenerated"] as const;
export type FactorChange = (typeof FACTOR_CHANGES)[number];

export const RECOVERY_CODE_COUNT = 10;
/** Ten base32 characters (50 bits) each, shown as two groups of five. */
export const RECOVERY_CODE_LENGTH = 10;

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The step whose code `code` is, if it is the code of now or a step beside it, and later than
 * the last accepted step: a code that was used once (or an older one) never counts again.
 */
export function matchTotp(keyBase32: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = decodeBase32IgnorePadding(keyBase32);
  const current = totpStep(now);
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    if (step < 0 || (lastUsedStep !== null && step <= lastUsedStep)) continue;
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step;
  }
  return null;
}

export type SecondFactorCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

/**
 * What a person typed in the code field: six digits from the app, or a recovery code
 * (spaces, hyphens and case do not matter). Anything else is neither.
 */
export function readSecondFactorCode(typed: string): SecondFactorCode | null {
  const compact = typed.normalize("NFKC").replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  if (new RegExp(`^[a-z2-7]{${RECOVERY_CODE_LENGTH}}$`).test(compact)) return { kind: "recovery", code: compact };
  return null;
}

/** A recovery code as shown to the person: `abcde-fghij`. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A base32 key in groups of four, easier to type into an app by hand. */
export function groupKey(keyBase32: string): string {
  return keyBase32.replace(/(.{4})/g, "$1 ").trim();
}

// Forms (one schema per form, shared by browser and server; messages are `forms` codes).
/**
 * The password that confirms a change of factors; blank when the session was re-authenticated
 * at the person's provider a moment ago (app/domain/reauthentication.ts), which the server checks.
 */
export const confirmingPassword = z
  .string({ error: "required" })
  .max(PASSWORD_MAX_LENGTH, "password_too_long")
  .optional()
  .transform((value) => value ?? "");
const code = z.string({ error: "required" }).trim().min(1, "required").max(40, "invalid_code");

export const SecondFactorCodeSchema = z.object({ code, redirectTo: z.string().optional() });
export const StartEnrolmentSchema = z.object({ intent: z.literal("start") });
export const ConfirmEnrolmentSchema = z.object({ intent: z.literal("confirm"), currentPassword: confirmingPassword, code });
export const DisableSecondFactorSchema = z.object({ intent: z.literal("disable"), currentPassword: confirmingPassword });
export const RegenerateRecoveryCodesSchema = z.object({ intent: z.literal("regenerate"), currentPassword: confirmingPassword });
export const SecondFactorPolicySchema = z.object({
  organisationId: z.string().optional(),
  policy: z.enum(SECOND_FACTOR_POLICIES, { error: "invalid_choice" }),
});
