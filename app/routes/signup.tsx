import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { fieldErrors } from "~/domain/problems";
import { getUser } from "~/auth/guards.server";
import { SignupSchema } from "~/auth/schemas";
import { startSession } from "~/auth/session.server";
import { FormPage } from "~/components/page";
import { FormErrors, SubmitButton, Field, conformField, ProblemScope, validateOnBlur } from "~/components/forms";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { createAccount } from "~/models/accounts.server";
import { audit } from "~/models/audit.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { absoluteUrl } from "~/http/public-url.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { readFormData } from "~/http/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  if (getUser(args)) throw redirect("/");
  const t = fixedT(await getLanguage(args.request), "auth");
  return json({ title: `${t("signup.title")} – Markedsdialog` });
}

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const language = await getLanguage(request);
  const t = fixedT(language, "auth");
  const submission = parseWithZod(await readFormData(request), { schema: SignupSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });

  const limit = await hitRateLimit(db(), `signup:ip:${context.ip}`, LIMITS.signupPerIp);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return json(submission.reply({ formErrors: [t("forgot.rateLimited", { minutes })], hideFields: ["password"] }), { status: 429 });
  }

  const { name, email, password, redirectTo } = submission.value;
  const next = safeRedirectPath(redirectTo, "/organisations/new");
  const result = await createAccount(db(), { name, email, password, language }, (token) =>
    absoluteUrl(`/verify-email?token=${token}&redirectTo=${encodeURIComponent(next)}`),
  );
  if (!result.ok) {
    return json(submission.reply({ fieldErrors: fieldErrors(result), hideFields: ["password"] }), { status: 400 });
  }
  await audit(db(), { action: "signup", actorUserId: result.value.userId, subject: email, ip: context.ip });
  const cookie = await startSession(result.value.userId, context);
  return redirect(`/verify-email?redirectTo=${encodeURIComponent(next)}`, { headers: { "Set-Cookie": cookie } });
}

export default function Signup() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "signup",
    lastResult,
    defaultValue: { email: searchParams.get("email") ?? "" },
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
  });
  return (
    <ProblemScope first="forms">
      <FormPage title={t("signup.title")} lead={t("signup.lead")}>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <Field field={conformField(fields.name)} label={t("fields.name")} inputProps={{ autoComplete: "name" }} />
          <Field field={conformField(fields.email)} label={t("fields.email")} type="email" inputProps={{ autoComplete: "email" }} />
          <Field
            field={conformField(fields.password)}
            label={t("fields.password")}
            type="password"
            hint={t("fields.passwordHint")}
            inputProps={{ autoComplete: "new-password" }}
          />
          <SubmitButton>{t("signup.submit")}</SubmitButton>
        </Form>
        <p className="text-sm">
          {t("signup.haveAccount")}{" "}
          <Link to="/login" className="font-semibold text-brand-700 underline">
            {t("signup.login")}
          </Link>
        </p>
      </FormPage>
    </ProblemScope>
  );
}
