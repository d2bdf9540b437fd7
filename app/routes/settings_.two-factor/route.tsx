import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { Notice, ProblemScope } from "~/components/forms";
import { fieldErrors } from "~/domain/problems";
import { ConfirmEnrolmentSchema, DisableSecondFactorSchema, RegenerateRecoveryCodesSchema, StartEnrolmentSchema } from "~/domain/two-factor";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readFormData } from "~/http/form-data.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { audit } from "~/models/audit.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { providersForPerson } from "~/models/identity-providers.server";
import { listPasskeys } from "~/models/passkeys.server";
import { beginEnrolment, confirmEnrolment, disableSecondFactor, hasPassword, regenerateRecoveryCodes, secondFactorState, sessionReauthenticated } from "~/models/two-factor.server";
import { EnrolmentSection, EnrolledSection, ReauthenticateSection, ReauthenticatedContext, RecoveryCodes } from "./two-factor-sections";
import { enrolmentPicture, requireEnrollingOrSignedIn } from "./enrolment.server";
import { isPasskeyIntent, passkeyAction, type PasskeyCeremony, type PasskeyIntent } from "./passkeys.server";
import { PasskeySection } from "./passkey-section";

// Two-factor authentication on the account: set up an authenticator app (QR code and key,
// confirmed by a code and the password), recovery codes, turning it off. A sign-in that must
// enrol first (an organisation's policy, or an operator) lands here and can open nothing else.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, enrolling, sessionId } = requireEnrollingOrSignedIn(args);
  const t = fixedT(await getLanguage(args.request), "auth");
  const [state, passkeys, password, providers, reauthenticated] = await Promise.all([
    secondFactorState(db(), user.id),
    listPasskeys(db(), user.id),
    hasPassword(db(), user.id),
    providersForPerson(db(), user.id),
    sessionReauthenticated(db(), sessionId),
  ]);
  return json({
    passkeys,
    // Every change below asks for the password, or a fresh sign-in at a provider the person is linked with.
    hasPassword: password,
    reauthenticateWith: providers.filter((p) => p.linkedAt !== null).map((p) => ({ id: p.id, organisationName: p.organisationName })),
    reauthenticated,
    title: `${t("twoFactor.title")} – Markedsdialog`,
    enrolling,
    enrolled: state.enrolled,
    required: state.required,
    recoveryCodesLeft: state.recoveryCodesLeft,
    picture: state.pendingKey ? enrolmentPicture(user.email, state.pendingKey) : null,
  });
}

type Intent = "start" | "confirm" | "disable" | "regenerate" | PasskeyIntent;

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const { user, enrolling, sessionId } = requireEnrollingOrSignedIn(args);
  const formData = await readFormData(request);
  const intent = formData.get("intent") as Intent | null;
  const t = fixedT(await getLanguage(request), "auth");
  const reply = (body: { intent: Intent | null; result: unknown; recoveryCodes?: string[]; passkeyCeremony?: PasskeyCeremony | null }, init?: ResponseInit) =>
    json({ recoveryCodes: null as string[] | null, passkeyCeremony: null as PasskeyCeremony | null, ...body }, init);

  if (intent && isPasskeyIntent(intent)) {
    const answer = await passkeyAction({ intent, formData, user, sessionId, ip: context.ip, userAgent: context.userAgent, t });
    return reply({ intent, result: answer.result, passkeyCeremony: answer.ceremony ?? null }, answer.init);
  }

  if (intent === "start") {
    const submission = parseWithZod(formData, { schema: StartEnrolmentSchema });
    if (submission.status !== "success") return reply({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await beginEnrolment(db(), user.id);
    if (!outcome.ok) return reply({ intent, result: submission.reply({ fieldErrors: fieldErrors(outcome) }) }, { status: FAILURE_STATUS[outcome.reason] });
    await audit(db(), { action: "second_factor_enrolment_started", actorUserId: user.id, subject: user.email, ip: context.ip });
    return reply({ intent, result: submission.reply() });
  }

  const schema = intent === "confirm" ? ConfirmEnrolmentSchema : intent === "disable" && !enrolling ? DisableSecondFactorSchema : intent === "regenerate" && !enrolling ? RegenerateRecoveryCodesSchema : null;
  if (!schema) return reply({ intent: null, result: null }, { status: 400 });
  const submission = parseWithZod(formData, { schema });
  const hidden = { hideFields: ["currentPassword", "code"] };
  if (submission.status !== "success") return reply({ intent, result: submission.reply(hidden) }, { status: 400 });

  // The password is asked again before any change; guessing it through these forms is limited like signing in.
  const limit = await hitRateLimit(db(), `second-factor-change:account:${user.id}`, LIMITS.secondFactorPerAccount);
  if (!limit.allowed) {
    await audit(db(), { action: "second_factor_rate_limited", actorUserId: user.id, subject: user.email, ip: context.ip, details: { intent } });
    return reply(
      { intent, result: submission.reply({ ...hidden, formErrors: [t("secondFactor.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) })] }) },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const change = { userId: user.id, keepSessionId: sessionId, currentPassword: submission.value.currentPassword };

  if (submission.value.intent === "confirm") {
    const outcome = await confirmEnrolment(db(), change, submission.value.code);
    if (!outcome.ok) return reply({ intent, result: submission.reply({ ...hidden, fieldErrors: fieldErrors(outcome) }) }, { status: FAILURE_STATUS[outcome.reason] });
    await audit(db(), { action: "second_factor_enrolled", actorUserId: user.id, subject: user.email, ip: context.ip, details: { method: "totp" } });
    // This session goes on (the others ended): a person held at enrolment is now signed in whole.
    return reply({ intent, result: submission.reply({ resetForm: true }), recoveryCodes: outcome.value.recoveryCodes });
  }
  if (submission.value.intent === "disable") {
    const outcome = await disableSecondFactor(db(), change);
    if (!outcome.ok) {
      if (outcome.reason === "refused") await audit(db(), { action: "second_factor_disable_refused", actorUserId: user.id, subject: user.email, ip: context.ip });
      return reply({ intent, result: submission.reply({ ...hidden, fieldErrors: fieldErrors(outcome) }) }, { status: FAILURE_STATUS[outcome.reason] });
    }
    await audit(db(), { action: "second_factor_disabled", actorUserId: user.id, subject: user.email, ip: context.ip });
    return reply({ intent, result: submission.reply({ resetForm: true }) });
  }
  const outcome = await regenerateRecoveryCodes(db(), change);
  if (!outcome.ok) return reply({ intent, result: submission.reply({ ...hidden, fieldErrors: fieldErrors(outcome) }) }, { status: FAILURE_STATUS[outcome.reason] });
  await audit(db(), { action: "recovery_codes_regenerated", actorUserId: user.id, subject: user.email, ip: context.ip });
  return reply({ intent, result: submission.reply({ resetForm: true }), recoveryCodes: outcome.value.recoveryCodes });
}

export default function TwoFactorSettings() {
  const { enrolling, enrolled, required, recoveryCodesLeft, picture, passkeys, hasPassword, reauthenticateWith, reauthenticated } = useLoaderData<typeof loader>();
  // Without a password, one of the person's passkeys confirms it is them.
  const passkeyConfirms = !hasPassword && passkeys.length > 0;
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const next = safeRedirectPath(searchParams.get("redirectTo"));
  const resultFor = (intent: Intent) => (data?.intent === intent ? ((data.result ?? undefined) as never) : undefined);

  return (
    <ProblemScope first="forms">
      <ReauthenticatedContext.Provider value={reauthenticated}>
      <div className="mx-auto max-w-3xl space-y-8">
        <h1 className="text-3xl font-bold">{t("twoFactor.title")}</h1>
        {enrolling && !data?.recoveryCodes ? <p className="rounded border border-amber-400 bg-amber-50 p-3">{t("twoFactor.requiredFirst")}</p> : null}
        {reauthenticated ? (
          <Notice>{t("reauthenticate.done")}</Notice>
        ) : reauthenticateWith.length > 0 || passkeyConfirms ? (
          <ReauthenticateSection providers={reauthenticateWith} hasPassword={hasPassword} passkey={passkeyConfirms} />
        ) : null}
        {hasPassword || reauthenticateWith.length > 0 || passkeyConfirms ? null : (
          <p className="rounded border border-amber-400 bg-amber-50 p-3" data-testid="no-password">
            {t("twoFactor.noPassword")}{" "}
            <Link to="/forgot-password" className="text-brand-700 underline">
              {t("twoFactor.noPasswordLink")}
            </Link>
            . {t("twoFactor.noPasswordAfter")}
          </p>
        )}
        {searchParams.get("recoveryCodeUsed") ? <Notice>{t("twoFactor.recoveryCodeUsed", { count: recoveryCodesLeft })}</Notice> : null}
        {data?.intent === "disable" && data.result && (data.result as { status?: string }).status === "success" ? <Notice>{t("twoFactor.disabled")}</Notice> : null}
        {data?.recoveryCodes ? (
          <RecoveryCodes codes={data.recoveryCodes} fresh={data.intent === "confirm"}>
            {data.intent === "confirm" ? (
              <Link to={next} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t("twoFactor.continue")}
              </Link>
            ) : null}
          </RecoveryCodes>
        ) : null}
        {enrolled ? (
          <EnrolledSection required={required && passkeys.length === 0} recoveryCodesLeft={recoveryCodesLeft} disableResult={resultFor("disable")} regenerateResult={resultFor("regenerate")} />
        ) : (
          <EnrolmentSection picture={picture} startResult={resultFor("start")} confirmResult={resultFor("confirm")} />
        )}
        <PasskeySection passkeys={passkeys} required={required && !enrolled} />
        {enrolling ? null : (
          <p>
            <Link to="/settings" className="text-brand-700 underline">
              {t("twoFactor.back")}
            </Link>
          </p>
        )}
      </div>
      </ReauthenticatedContext.Provider>
    </ProblemScope>
  );
}
