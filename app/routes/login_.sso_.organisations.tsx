import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { getUser } from "~/auth/guards.server";
import { SsoChooseSchema } from "~/auth/schemas";
import { FormErrors, ProblemScope, SubmitButton } from "~/components/forms";
import { FormPage } from "~/components/page";
import { readFormData } from "~/http/form-data.server";
import { notFoundUnless } from "~/http/responses.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { providersToChoose, providerToChoose } from "~/models/identity-providers.server";
import { ContinueToProviderNotice } from "./+shared/continue-to-provider";
import { beginSsoSignInAt, toProvider } from "./+shared/sso-start.server";

// Signing in with the organisation chosen from a list (issue 21, ADR 0034): for someone linked
// to a provider that does not vouch for their e-mail's domain, whom the e-mail cannot lead there.
// The list is the same for every visitor and no e-mail is asked, so the page says nothing about
// who has an account or which providers it is linked to; the callback finds the person by
// (issuer, subject), or applies the domain rule to a first sign-in, as for any other.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url);
  if (getUser(args)) throw redirect(safeRedirectPath(url.searchParams.get("redirectTo")));
  const t = fixedT(await getLanguage(args.request), "auth");
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const { choices, more } = await providersToChoose(db(), q);
  return json({ title: `${t("ssoChoose.title")} – Markedsdialog`, q, choices, more });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (context.auth) return redirect("/");
  const t = fixedT(await getLanguage(request), "auth");
  const submission = parseWithZod(await readFormData(request), { schema: SsoChooseSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const provider = notFoundUnless(await providerToChoose(db(), submission.value.providerId));
  const started = await beginSsoSignInAt(provider, submission.value.redirectTo, context);
  if (started.ok) return toProvider(request, started);
  if (started.code === "sso_rate_limited") {
    const minutes = Math.ceil((started.retryAfter ?? 60) / 60);
    return json(submission.reply({ formErrors: [t("sso.rateLimited", { minutes })] }), { status: 429, headers: { "Retry-After": String(started.retryAfter ?? 60) } });
  }
  return json(submission.reply({ formErrors: [started.code] }), { status: started.status });
}

export default function ChooseOrganisationSignIn() {
  const { q, choices, more } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const errors = lastResult && "error" in lastResult ? Object.values((lastResult as SubmissionResult<string[]>).error ?? {}).flatMap((e) => e ?? []) : [];
  return (
    <ProblemScope first="forms">
      <FormPage title={t("ssoChoose.title")} lead={t("ssoChoose.lead")}>
        <ContinueToProviderNotice data={lastResult} />
        <FormErrors errors={errors} />
        <Form method="get" className="flex flex-wrap items-end gap-2" role="search">
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <div className="grow">
            <label htmlFor="organisation-name" className="block font-medium">
              {t("ssoChoose.filter")}
            </label>
            <input id="organisation-name" name="q" type="search" defaultValue={q} maxLength={200} className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
          </div>
          <button type="submit" className="rounded border border-slate-400 px-4 py-2 font-semibold hover:bg-slate-100">
            {t("ssoChoose.search")}
          </button>
        </Form>
        {choices.length === 0 ? (
          <p>{q ? t("ssoChoose.noMatch") : t("ssoChoose.none")}</p>
        ) : (
          <ul aria-label={t("ssoChoose.listLabel")} className="divide-y divide-slate-200">
            {choices.map((choice) => (
              <li key={choice.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <span>
                  <span className="font-semibold">{choice.organisationName}</span>
                  {choice.orgNumber ? <span className="block text-sm text-slate-700">{t("ssoChoose.orgNumber", { orgNumber: choice.orgNumber })}</span> : null}
                </span>
                <Form method="post">
                  <input type="hidden" name="providerId" value={choice.id} />
                  <input type="hidden" name="redirectTo" value={redirectTo} />
                  <SubmitButton variant="secondary">{t("ssoChoose.signInWith", { organisation: choice.organisationName })}</SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {more ? <p className="text-sm text-slate-700">{t("ssoChoose.more")}</p> : null}
        <p className="text-sm">
          <Link to={redirectTo ? `/login/sso?redirectTo=${encodeURIComponent(redirectTo)}` : "/login/sso"} className="text-brand-700 underline">
            {t("ssoChoose.byEmail")}
          </Link>{" "}
          ·{" "}
          <Link to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"} className="text-brand-700 underline">
            {t("sso.withPassword")}
          </Link>
        </p>
      </FormPage>
    </ProblemScope>
  );
}
