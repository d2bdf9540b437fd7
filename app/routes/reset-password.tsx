import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { ResetPasswordSchema } from "~/auth/schemas";
import { startSignIn } from "~/auth/session.server";
import { signInStepPath } from "~/auth/guards.server";
import { FormPage } from "~/components/page";
import { FormErrors, SubmitButton, Field, conformField, ProblemScope, validateOnBlur } from "~/components/forms";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { isEmailTokenUsable, resetPassword } from "~/models/accounts.server";
import { audit } from "~/models/audit.server";
import { readFormData } from "~/http/form-data.server";
import { fieldErrors } from "~/domain/problems";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// GET only shows the form: mail scanners that open links must not use them up.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = fixedT(await getLanguage(request), "auth");
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const usable = token ? await isEmailTokenUsable(db(), token, "reset_password") : false;
  return json({ title: `${t("reset.title")} – Markedsdialog`, token: usable ? token : null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = fixedT(await getLanguage(request), "auth");
  const submission = parseWithZod(await readFormData(request), { schema: ResetPasswordSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const outcome = await resetPassword(db(), submission.value.token, submission.value.password);
  const hidden = { hideFields: ["password", "confirm"] };
  if (!outcome.ok) {
    const linkSpent = outcome.problems.some((p) => p.code === "invalid_link");
    return json(submission.reply(linkSpent ? { ...hidden, formErrors: [t("reset.invalid")] } : { ...hidden, fieldErrors: fieldErrors(outcome) }), { status: 400 });
  }
  const { userId } = outcome.value;
  await audit(db(), { action: "password_reset", actorUserId: userId, ip: context.ip });
  // A new password is not a second factor: an account with one still types its code.
  const { cookie, awaitingSecondFactor } = await startSignIn(userId, { ...context, auth: null, signInStep: null });
  const next = "/settings?passwordChanged=1";
  return redirect(awaitingSecondFactor ? signInStepPath("code", next) : next, { headers: { "Set-Cookie": cookie } });
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "reset",
    lastResult,
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });
  if (!token) {
    return (
      <FormPage title={t("reset.title")}>
        <FormErrors errors={[t("reset.invalid")]} />
        <Link to="/forgot-password" className="font-semibold text-brand-700 underline">
          {t("reset.requestNew")}
        </Link>
      </FormPage>
    );
  }
  return (
    <ProblemScope first="forms">
      <FormPage title={t("reset.title")}>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="token" value={token} />
          <Field field={conformField(fields.password)} label={t("fields.newPassword")} type="password" hint={t("fields.passwordHint")} inputProps={{ autoComplete: "new-password" }} />
          <Field field={conformField(fields.confirm)} label={t("fields.confirmPassword")} type="password" inputProps={{ autoComplete: "new-password" }} />
          <SubmitButton>{t("reset.submit")}</SubmitButton>
        </Form>
      </FormPage>
    </ProblemScope>
  );
}
