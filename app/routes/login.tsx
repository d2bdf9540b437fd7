import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { getUser, signInStepPath } from "~/auth/guards.server";
import { LoginSchema, SsoStartSchema } from "~/auth/schemas";
import { startSignIn } from "~/auth/session.server";
import { FormPage } from "~/components/page";
import { FormErrors, SubmitButton, Field, conformField, ProblemScope, validateOnBlur } from "~/components/forms";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { authenticate } from "~/models/accounts.server";
import { audit } from "~/models/audit.server";
import { clearRateLimit, hitRateLimit, LIMITS, returnRateLimitHit } from "~/models/rate-limits.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { homeAfterSignIn } from "./+shared/sign-in.server";
import { readFormData } from "~/http/form-data.server";
import { PasskeySignIn } from "./+shared/passkey-sign-in";
import { ContinueToProviderNotice } from "./+shared/continue-to-provider";
import { beginSsoSignIn, toProvider } from "./+shared/sso-start.server";
import { identityProviderForEmail } from "~/models/identity-providers.server";

/**
 * The login form's button for the organisation's own sign-in submits `intent=sso`: only the
 * e-mail counts then (typed as the login form's schema, whose fields are a superset).
 */
const schemaFor = (formData: FormData) => (formData.get("intent") === "sso" ? SsoStartSchema : LoginSchema) as typeof LoginSchema;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(args.request.url).searchParams.get("redirectTo"));
  if (getUser(args)) throw redirect(redirectTo);
  const t = fixedT(await getLanguage(args.request), "auth");
  return json({ title: `${t("login.title")} – Markedsdialog` });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = fixedT(await getLanguage(request), "auth");
  const formData = await readFormData(request);
  if (formData.get("intent") === "sso") return signInThroughProvider(request, formData, context);
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { email, password, redirectTo } = submission.value;

  // Both counters move on every attempt; a success clears the account's and gives its own hit
  // back to the address's, which so counts failures (an office's people share one address).
  const accountKey = `login:account:${email}`;
  const ipKey = `login:ip:${context.ip}`;
  const [perAccount, perIp] = await Promise.all([hitRateLimit(db(), accountKey, LIMITS.loginPerAccount), hitRateLimit(db(), ipKey, LIMITS.loginPerIp)]);
  if (!perAccount.allowed || !perIp.allowed) {
    const seconds = Math.max(perAccount.allowed ? 0 : perAccount.retryAfterSeconds, perIp.allowed ? 0 : perIp.retryAfterSeconds);
    await audit(db(), { action: "login_rate_limited", actorUserId: null, subject: email, ip: context.ip });
    return json(
      submission.reply({ formErrors: [t("login.rateLimited", { minutes: Math.ceil(seconds / 60) })], hideFields: ["password"] }),
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }

  const user = await authenticate(db(), email, password);
  if (!user) {
    await audit(db(), { action: "login_failed", actorUserId: null, subject: email, ip: context.ip });
    // People whose organisation has its own sign-in are pointed to it.
    const viaProvider = Boolean(await identityProviderForEmail(db(), email));
    return json(submission.reply({ formErrors: [t(viaProvider ? "login.failedUseSso" : "login.failed")], hideFields: ["password"] }), { status: 400 });
  }
  await Promise.all([clearRateLimit(db(), accountKey), returnRateLimitHit(db(), ipKey)]);
  const { cookie, awaitingSecondFactor } = await startSignIn(user.id, context);
  if (awaitingSecondFactor) {
    await audit(db(), { action: "login_awaiting_second_factor", actorUserId: user.id, subject: email, ip: context.ip });
    return redirect(signInStepPath("code", redirectTo ? safeRedirectPath(redirectTo) : undefined), { headers: { "Set-Cookie": cookie } });
  }
  await audit(db(), { action: "login", actorUserId: user.id, subject: email, ip: context.ip });
  return redirect(await homeAfterSignIn(user.id, redirectTo), { headers: { "Set-Cookie": cookie } });
}

async function signInThroughProvider(request: Request, formData: FormData, context: ActionFunctionArgs["context"]) {
  const submission = parseWithZod(formData, { schema: SsoStartSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const started = await beginSsoSignIn(submission.value.email, submission.value.redirectTo, context);
  if (started.ok) return toProvider(request, started);
  const headers = started.retryAfter ? { "Retry-After": String(started.retryAfter) } : undefined;
  return json(submission.reply({ fieldErrors: { email: [started.code] }, hideFields: ["password"] }), { status: started.status, headers });
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: schemaFor(formData) }),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <ProblemScope first="forms">
      <FormPage title={t("login.title")}>
        <ContinueToProviderNotice data={lastResult} />
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field field={conformField(fields.email)} label={t("fields.email")} type="email" inputProps={{ autoComplete: "username" }} />
          <Field field={conformField(fields.password)} label={t("fields.password")} type="password" inputProps={{ autoComplete: "current-password" }} />
          <div className="flex flex-wrap items-center gap-4">
            <SubmitButton>{t("login.submit")}</SubmitButton>
            <SubmitButton name="intent" value="sso" variant="secondary">
              {t("sso.button")}
            </SubmitButton>
            <Link to="/forgot-password" className="text-brand-700 underline">
              {t("login.forgot")}
            </Link>
          </div>
        </Form>
        <p className="text-sm">
          <Link to={redirectTo ? `/login/sso/organisations?redirectTo=${encodeURIComponent(redirectTo)}` : "/login/sso/organisations"} className="text-brand-700 underline">
            {t("sso.choose")}
          </Link>
        </p>
        <PasskeySignIn redirectTo={redirectTo} label={t("passkeys.signIn")} />
        <p className="text-sm">
          {t("login.noAccount")}{" "}
          <Link to={redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : "/signup"} className="font-semibold text-brand-700 underline">
            {t("login.signup")}
          </Link>
        </p>
      </FormPage>
    </ProblemScope>
  );
}
