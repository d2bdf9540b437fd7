import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import type { GuardArgs } from "~/auth/guards.server";
import { finishSignIn } from "~/auth/session.server";
import { FormPage } from "~/components/page";
import { FormErrors, SubmitButton, Field, conformField, ProblemScope } from "~/components/forms";
import { fieldErrors } from "~/domain/problems";
import { SecondFactorCodeSchema } from "~/domain/two-factor";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { audit } from "~/models/audit.server";
import { clearRateLimit, hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { secondFactorState, verifySecondFactor } from "~/models/two-factor.server";
import { readFormData } from "~/http/form-data.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { homeAfterSignIn } from "./+shared/sign-in.server";
import { PasskeySignIn } from "./+shared/passkey-sign-in";

// The second step of signing in: the password was right, now a code from the app or a recovery code.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

/** Only a session waiting for its code may be here; anyone else starts at the password. */
function requireCodeStep({ request, context }: GuardArgs) {
  const step = context.signInStep;
  if (step?.step === "code") return step;
  const next = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  throw redirect(context.auth ? next : `/login?redirectTo=${encodeURIComponent(next)}`);
}

export async function loader(args: LoaderFunctionArgs) {
  const step = requireCodeStep(args);
  const t = fixedT(await getLanguage(args.request), "auth");
  const { enrolled, passkeys } = await secondFactorState(db(), step.user.id);
  // The code field for those with the app (and its recovery codes); the passkey button for those with a passkey.
  return json({ title: `${t("secondFactor.title")} – Markedsdialog`, hasApp: enrolled, hasPasskey: passkeys > 0 });
}

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const step = requireCodeStep(args);
  const t = fixedT(await getLanguage(request), "auth");
  const submission = parseWithZod(await readFormData(request), { schema: SecondFactorCodeSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["code"] }), { status: 400 });

  // Every try counts, per account and per address; the account's counter clears on success.
  const accountKey = `second-factor:account:${step.user.id}`;
  const [perAccount, perIp] = await Promise.all([
    hitRateLimit(db(), accountKey, LIMITS.secondFactorPerAccount),
    hitRateLimit(db(), `second-factor:ip:${context.ip}`, LIMITS.secondFactorPerIp),
  ]);
  if (!perAccount.allowed || !perIp.allowed) {
    const seconds = Math.max(perAccount.allowed ? 0 : perAccount.retryAfterSeconds, perIp.allowed ? 0 : perIp.retryAfterSeconds);
    await audit(db(), { action: "second_factor_rate_limited", actorUserId: step.user.id, subject: step.user.email, ip: context.ip });
    return json(submission.reply({ formErrors: [t("secondFactor.rateLimited", { minutes: Math.ceil(seconds / 60) })], hideFields: ["code"] }), {
      status: 429,
      headers: { "Retry-After": String(seconds) },
    });
  }

  const outcome = await verifySecondFactor(db(), step.user.id, submission.value.code);
  if (!outcome.ok) {
    await audit(db(), { action: "second_factor_failed", actorUserId: step.user.id, subject: step.user.email, ip: context.ip });
    return json(submission.reply({ fieldErrors: fieldErrors(outcome), hideFields: ["code"] }), { status: 400 });
  }
  await clearRateLimit(db(), accountKey);
  const { method, recoveryCodesLeft } = outcome.value;
  if (method === "recovery") {
    await audit(db(), { action: "recovery_code_used", actorUserId: step.user.id, subject: step.user.email, ip: context.ip, details: { left: recoveryCodesLeft } });
  }
  await audit(db(), { action: "login", actorUserId: step.user.id, subject: step.user.email, ip: context.ip, details: { secondFactor: method } });
  await finishSignIn(step.sessionId);
  return redirect(method === "recovery" ? "/settings/two-factor?recoveryCodeUsed=1" : await homeAfterSignIn(step.user.id, submission.value.redirectTo));
}

export default function SecondFactorStep() {
  const { hasApp, hasPasskey } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "second-factor",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SecondFactorCodeSchema }),
  });
  return (
    <ProblemScope first="forms">
      <FormPage title={t("secondFactor.title")} lead={hasApp ? t("secondFactor.lead") : t("passkeys.secondFactorLead")}>
        {hasPasskey ? <PasskeySignIn redirectTo={searchParams.get("redirectTo") ?? ""} label={t("passkeys.useAsSecondFactor")} /> : null}
        {hasPasskey && !hasApp ? (
          <noscript>
            <p>{t("passkeys.needsScript")}</p>
          </noscript>
        ) : null}
        {hasApp ? (
          <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <Field
            field={conformField(fields.code)}
            label={t("secondFactor.code")}
            hint={t("secondFactor.codeHint")}
            inputProps={{ autoComplete: "one-time-code", autoFocus: true, spellCheck: false, autoCapitalize: "none" }}
          />
          <SubmitButton>{t("secondFactor.submit")}</SubmitButton>
          </Form>
        ) : null}
        <Form method="post" action="/logout">
          <SubmitButton variant="secondary">{t("secondFactor.cancel")}</SubmitButton>
        </Form>
      </FormPage>
    </ProblemScope>
  );
}
