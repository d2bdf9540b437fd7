import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { ForgotPasswordSchema } from "~/auth/schemas";
import { FormPage } from "~/components/page";
import { FormErrors, Notice, SubmitButton, Field, conformField, ProblemScope, validateOnBlur } from "~/components/forms";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { requestPasswordReset } from "~/models/accounts.server";
import { audit } from "~/models/audit.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { absoluteUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const t = fixedT(await getLanguage(request), "auth");
  return json({ title: `${t("forgot.title")} – Markedsdialog` });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = fixedT(await getLanguage(request), "auth");
  const submission = parseWithZod(await readFormData(request), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), sentTo: null }, { status: 400 });
  const { email } = submission.value;
  const [perAccount, perIp] = await Promise.all([
    hitRateLimit(db(), `reset:account:${email}`, LIMITS.resetPerAccount),
    hitRateLimit(db(), `reset:ip:${context.ip}`, LIMITS.resetPerIp),
  ]);
  if (!perAccount.allowed || !perIp.allowed) {
    const seconds = Math.max(perAccount.allowed ? 0 : perAccount.retryAfterSeconds, perIp.allowed ? 0 : perIp.retryAfterSeconds);
    return json(
      { result: submission.reply({ formErrors: [t("forgot.rateLimited", { minutes: Math.ceil(seconds / 60) })] }), sentTo: null },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  const userId = await requestPasswordReset(db(), email, (token) => absoluteUrl(`/reset-password?token=${token}`));
  if (userId) await audit(db(), { action: "password_reset_requested", actorUserId: userId, subject: email, ip: context.ip });
  // The same answer whether or not the account exists.
  return json({ result: submission.reply({ resetForm: true }), sentTo: email });
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "forgot",
    lastResult: data?.result,
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  return (
    <ProblemScope first="forms">
      <FormPage title={t("forgot.title")} lead={t("forgot.lead")}>
        {data?.sentTo ? <Notice>{t("forgot.sent", { email: data.sentTo })}</Notice> : null}
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors errors={form.errors} />
          <Field field={conformField(fields.email)} label={t("fields.email")} type="email" inputProps={{ autoComplete: "email" }} />
          <SubmitButton>{t("forgot.submit")}</SubmitButton>
        </Form>
      </FormPage>
    </ProblemScope>
  );
}
