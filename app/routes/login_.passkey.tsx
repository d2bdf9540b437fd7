import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { finishSignIn, startSession } from "~/auth/session.server";
import { PasskeySignInSchema, relyingParty } from "~/domain/passkeys";
import { fieldErrors } from "~/domain/problems";
import { readFormData } from "~/http/form-data.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { audit } from "~/models/audit.server";
import { beginPasskeyAuthentication, finishPasskeyAuthentication } from "~/models/passkeys.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { homeAfterSignIn } from "./+shared/sign-in.server";

// Signing in with a passkey (issue 21), for the login page's and the code step's passkey
// button (a script: WebAuthn lives in the browser's JavaScript). Two requests: the options
// with a fresh challenge, then the signed answer. On the login page the passkey signs in
// alone (it is something you have, unlocked by something you are or know); at the code
// step it is the second factor of the person whose password was right.

export function loader() {
  throw redirect("/login");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const step = context.signInStep?.step === "code" ? context.signInStep : null;
  if (context.auth) return redirect("/");
  const rp = relyingParty(publicBaseUrl());
  const formData = await readFormData(request);

  if (formData.get("intent") === "passkey-options") {
    const limit = await hitRateLimit(db(), `passkey:ip:${context.ip}`, LIMITS.passkeyCeremonyPerIp);
    if (!limit.allowed) return json({ error: "rate_limited" as const }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
    return json(await beginPasskeyAuthentication(db(), step?.user.id ?? null, rp));
  }

  const submission = parseWithZod(formData, { schema: PasskeySignInSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const outcome = await finishPasskeyAuthentication(db(), { challengeId: submission.value.challengeId, response: submission.value.response, userId: step?.user.id ?? null }, rp);
  if (!outcome.ok) {
    await audit(db(), { action: "passkey_sign_in_failed", actorUserId: step?.user.id ?? null, subject: step?.user.email ?? null, ip: context.ip });
    return json(submission.reply({ fieldErrors: fieldErrors(outcome) }), { status: 400 });
  }
  const { userId, passkeyId } = outcome.value;
  const user = await db().selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
  await audit(db(), { action: "login", actorUserId: userId, subject: user.email, ip: context.ip, details: { method: "passkey", passkeyId, secondFactor: step ? "passkey" : null } });
  const next = await homeAfterSignIn(userId, submission.value.redirectTo);
  if (step) {
    await finishSignIn(step.sessionId);
    return redirect(next);
  }
  return redirect(next, { headers: { "Set-Cookie": await startSession(userId, context) } });
}
