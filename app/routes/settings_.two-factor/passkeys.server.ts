import { parseWithZod } from "@conform-to/zod/v4";
import type { TFunction } from "i18next";
import { db } from "@db/db.server";
import type { CurrentUser } from "~/auth/context.server";
import { FinishPasskeyRegistrationSchema, relyingParty, RemovePasskeySchema, StartPasskeyRegistrationSchema } from "~/domain/passkeys";
import { fieldErrors } from "~/domain/problems";
import { describeDevice } from "~/domain/sessions";
import { FAILURE_STATUS } from "~/http/failure-status";
import { publicBaseUrl } from "~/http/public-url.server";
import { audit } from "~/models/audit.server";
import { beginPasskeyRegistration, finishPasskeyRegistration, removePasskey, type RegistrationStart } from "~/models/passkeys.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";

// The passkey forms on the two-factor page: add one (password, then the browser makes the key
// and the server checks its answer) and remove one (password). Every change ends the person's
// other sessions, like a change of the authenticator app.

const PASSKEY_INTENTS = ["passkey-options", "passkey-register", "passkey-remove"] as const;
export type PasskeyIntent = (typeof PASSKEY_INTENTS)[number];
export const isPasskeyIntent = (intent: string): intent is PasskeyIntent => (PASSKEY_INTENTS as readonly string[]).includes(intent);

/** What the page's script needs to ask the browser for a new passkey. */
export type PasskeyCeremony = RegistrationStart & { name: string };

interface PasskeyActionArgs {
  intent: PasskeyIntent;
  formData: FormData;
  user: CurrentUser;
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  t: TFunction<"auth">;
}

interface PasskeyAnswer {
  result: unknown;
  ceremony?: PasskeyCeremony;
  init?: ResponseInit;
}

const hidden = { hideFields: ["currentPassword", "response"] };

export async function passkeyAction({ intent, formData, user, sessionId, ip, userAgent, t }: PasskeyActionArgs): Promise<PasskeyAnswer> {
  const rp = relyingParty(publicBaseUrl());
  if (intent === "passkey-register") {
    const submission = parseWithZod(formData, { schema: FinishPasskeyRegistrationSchema });
    if (submission.status !== "success") return { result: submission.reply(hidden), init: { status: 400 } };
    const device = describeDevice(userAgent);
    const fallbackName = [device.browser, device.os].filter(Boolean).join(" – ");
    const outcome = await finishPasskeyRegistration(db(), { userId: user.id, keepSessionId: sessionId, ...submission.value, fallbackName }, rp);
    if (!outcome.ok) return { result: submission.reply({ ...hidden, fieldErrors: fieldErrors(outcome) }), init: { status: FAILURE_STATUS[outcome.reason] } };
    await audit(db(), { action: "passkey_added", actorUserId: user.id, subject: user.email, ip, details: { passkeyId: outcome.value.id, name: outcome.value.name } });
    return { result: submission.reply({ resetForm: true }) };
  }

  const schema = intent === "passkey-options" ? StartPasskeyRegistrationSchema : RemovePasskeySchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return { result: submission.reply(hidden), init: { status: 400 } };
  // The password is asked again before any change; guessing it here is limited like signing in.
  const limit = await hitRateLimit(db(), `second-factor-change:account:${user.id}`, LIMITS.secondFactorPerAccount);
  if (!limit.allowed) {
    await audit(db(), { action: "second_factor_rate_limited", actorUserId: user.id, subject: user.email, ip, details: { intent } });
    return {
      result: submission.reply({ ...hidden, formErrors: [t("secondFactor.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) })] }),
      init: { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    };
  }
  if (submission.value.intent === "passkey-options") {
    const outcome = await beginPasskeyRegistration(db(), { userId: user.id, keepSessionId: sessionId, email: user.email, displayName: user.name, currentPassword: submission.value.currentPassword }, rp);
    if (!outcome.ok) return { result: submission.reply({ ...hidden, fieldErrors: fieldErrors(outcome) }), init: { status: FAILURE_STATUS[outcome.reason] } };
    return { result: submission.reply(hidden), ceremony: { ...outcome.value, name: submission.value.name } };
  }
  const outcome = await removePasskey(db(), { userId: user.id, keepSessionId: sessionId, currentPassword: submission.value.currentPassword }, submission.value.passkeyId);
  if (!outcome.ok && outcome.problems.some((p) => p.code === "passkey_last_sign_in"))
    await audit(db(), { action: "passkey_remove_refused", actorUserId: user.id, subject: user.email, ip, details: { passkeyId: submission.value.passkeyId, reason: "passkey_last_sign_in" } });
  if (!outcome.ok) return { result: submission.reply({ ...hidden, fieldErrors: fieldErrors(outcome) }), init: { status: FAILURE_STATUS[outcome.reason] } };
  await audit(db(), { action: "passkey_removed", actorUserId: user.id, subject: user.email, ip, details: { passkeyId: submission.value.passkeyId, name: outcome.value.name } });
  return { result: submission.reply({ resetForm: true }) };
}
