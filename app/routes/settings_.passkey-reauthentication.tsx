import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, requireUser } from "~/auth/guards.server";
import { PasskeySignInSchema, relyingParty } from "~/domain/passkeys";
import { fieldErrors } from "~/domain/problems";
import { readFormData } from "~/http/form-data.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { audit } from "~/models/audit.server";
import { beginPasskeyAuthentication, finishPasskeyAuthentication } from "~/models/passkeys.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { markReauthenticated } from "~/models/two-factor.server";

// Confirming it is them with one of their passkeys (issue 21's leftover): for a person without a
// password, the settings pages' changes (a first password, factors, unlinking a provider) need a
// fresh proof, and a fresh sign-in at a provider was the only other one. The same two requests as
// signing in with a passkey, but the challenge is bound to the signed-in person, and the answer
// marks this browser session as re-authenticated for a few minutes (app/domain/reauthentication.ts).

export function loader() {
  throw redirect("/settings");
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const { request, context } = args;
  // A browser session only: an API token cannot stand in for a person at the keyboard.
  const sessionId = context.auth?.via === "session" ? context.auth.sessionId : null;
  if (!sessionId) forbidden(request);
  const rp = relyingParty(publicBaseUrl());
  const formData = await readFormData(request);

  if (formData.get("intent") === "passkey-options") {
    const limit = await hitRateLimit(db(), `passkey:ip:${context.ip}`, LIMITS.passkeyCeremonyPerIp);
    if (!limit.allowed) return json({ error: "rate_limited" as const }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
    return json(await beginPasskeyAuthentication(db(), user.id, rp));
  }

  const submission = parseWithZod(formData, { schema: PasskeySignInSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const outcome = await finishPasskeyAuthentication(db(), { challengeId: submission.value.challengeId, response: submission.value.response, userId: user.id }, rp);
  if (!outcome.ok) {
    await audit(db(), { action: "reauthentication_refused", actorUserId: user.id, subject: user.email, ip: context.ip, details: { method: "passkey" } });
    return json(submission.reply({ fieldErrors: fieldErrors(outcome) }), { status: 400 });
  }
  await markReauthenticated(db(), sessionId, user.id);
  await audit(db(), { action: "reauthenticated", actorUserId: user.id, subject: user.email, ip: context.ip, details: { method: "passkey", passkeyId: outcome.value.passkeyId } });
  return redirect(safeRedirectPath(submission.value.redirectTo, "/settings"));
}
