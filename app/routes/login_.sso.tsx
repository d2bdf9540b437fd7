import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { getUser } from "~/auth/guards.server";
import { SsoStartSchema } from "~/auth/schemas";
import { Field, FormErrors, ProblemScope, SubmitButton, conformField, validateOnBlur } from "~/components/forms";
import { FormPage } from "~/components/page";
import { readFormData } from "~/http/form-data.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { ContinueToProviderNotice } from "./+shared/continue-to-provider";
import { beginSsoSignIn, toProvider } from "./+shared/sso-start.server";

// Signing in through the organisation's own identity provider (issue 21): the e-mail says
// which provider; the person is sent there and comes back to /login/sso/callback. Someone linked
// to a provider their e-mail's domain does not lead to chooses it from the list instead
// (/login/sso/organisations, ADR 0034); this page's answer depends on the domain only.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  if (getUser(args)) throw redirect(safeRedirectPath(new URL(args.request.url).searchParams.get("redirectTo")));
  const t = fixedT(await getLanguage(args.request), "auth");
  return json({ title: `${t("sso.title")} – Markedsdialog` });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (context.auth) return redirect("/");
  const t = fixedT(await getLanguage(request), "auth");
  const submission = parseWithZod(await readFormData(request), { schema: SsoStartSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const started = await beginSsoSignIn(submission.value.email, submission.value.redirectTo, context);
  if (started.ok) return toProvider(request, started);
  if (started.code === "sso_rate_limited") {
    const minutes = Math.ceil((started.retryAfter ?? 60) / 60);
    return json(submission.reply({ formErrors: [t("sso.rateLimited", { minutes })] }), { status: 429, headers: { "Retry-After": String(started.retryAfter ?? 60) } });
  }
  return json(submission.reply({ fieldErrors: { email: [started.code] } }), { status: started.status });
}

export default function SingleSignOn() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "sso",
    lastResult,
    ...validateOnBlur,
    defaultValue: { email: searchParams.get("email") ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SsoStartSchema }),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <ProblemScope first="forms">
      <FormPage title={t("sso.title")} lead={t("sso.lead")}>
        <ContinueToProviderNotice data={lastResult} />
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field field={conformField(fields.email)} label={t("fields.email")} type="email" inputProps={{ autoComplete: "username" }} />
          <SubmitButton>{t("sso.continue")}</SubmitButton>
        </Form>
        <p className="text-sm">
          <Link to={withRedirect("/login/sso/organisations", redirectTo)} className="text-brand-700 underline">
            {t("sso.choose")}
          </Link>{" "}
          ·{" "}
          <Link to={withRedirect("/login", redirectTo)} className="text-brand-700 underline">
            {t("sso.withPassword")}
          </Link>
        </p>
      </FormPage>
    </ProblemScope>
  );
}

const withRedirect = (path: string, redirectTo: string) => (redirectTo ? `${path}?redirectTo=${encodeURIComponent(redirectTo)}` : path);
