import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "@db/db.server";
import { forbidden, requireUser } from "~/auth/guards.server";
import { FormErrors, Notice, ProblemScope, SubmitButton } from "~/components/forms";
import { fieldErrors } from "~/domain/problems";
import { recentlyReauthenticated } from "~/domain/reauthentication";
import { SsoLinkSchema, SsoReauthenticateSchema } from "~/domain/single-sign-on";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readFormData } from "~/http/form-data.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { audit } from "~/models/audit.server";
import { providerForPerson, providersForPerson } from "~/models/identity-providers.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { presenceConfirmed } from "~/models/two-factor.server";
import { ContinueToProviderNotice } from "./+shared/continue-to-provider";
import { beginSsoForSession, toProvider, type SsoStart } from "./+shared/sso-start.server";
import { requireEnrollingOrSignedIn } from "./settings_.two-factor/enrolment.server";
import { PasswordField, ReauthenticatedContext } from "./settings_.two-factor/two-factor-sections";

// The organisations' sign-ins on the person's own account (issue 21): link their subject at a
// provider of an organisation they belong to (how an ID-porten person, whose provider sends no
// e-mail, gets found at sign-in), and sign in again at a linked provider to confirm it is them
// before a change of factors (people made by single sign-on have no password to type).
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

/** Signed in through the browser: linking and re-authenticating belong to a session, never to an API token. */
function requireBrowserSession(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const sessionId = args.context.auth?.via === "session" ? args.context.auth.sessionId : null;
  if (!sessionId) forbidden(args.request);
  return { user, sessionId };
}

async function sessionReauthenticated(sessionId: string): Promise<boolean> {
  const row = await db().selectFrom("sessions").select("reauthenticatedAt").where("id", "=", sessionId).executeTakeFirst();
  return recentlyReauthenticated(row?.reauthenticatedAt ?? null, new Date());
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, sessionId } = requireBrowserSession(args);
  const t = fixedT(await getLanguage(args.request), "auth");
  const [providers, reauthenticated] = await Promise.all([providersForPerson(db(), user.id), sessionReauthenticated(sessionId)]);
  return json({
    title: `${t("ssoLinks.title")} – Markedsdialog`,
    providers,
    reauthenticated,
  });
}

type Intent = "reauthenticate" | "link";

/** Why the trip to the provider could not start: a problem code, or the wait after too many tries. */
function startProblem(started: Extract<SsoStart, { ok: false }>, t: ReturnType<typeof fixedT>): string {
  return started.code === "sso_rate_limited" ? t("sso.rateLimited", { minutes: Math.ceil((started.retryAfter ?? 60) / 60) }) : started.code;
}

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const formData = await readFormData(request);
  const intent = formData.get("intent") === "reauthenticate" ? "reauthenticate" : formData.get("intent") === "link" ? "link" : null;
  const reply = (body: { intent: Intent | null; result: unknown }, init?: ResponseInit) => json(body, init);
  if (!intent) {
    requireBrowserSession(args);
    return reply({ intent: null, result: null }, { status: 400 });
  }
  const t = fixedT(await getLanguage(request), "auth");

  if (intent === "reauthenticate") {
    // Someone held at enrolment may confirm it is them too: that is how they can set up a factor.
    const { user, sessionId } = requireEnrollingOrSignedIn(args);
    const submission = parseWithZod(formData, {
      schema: SsoReauthenticateSchema,
    });
    if (submission.status !== "success" || !sessionId) return reply({ intent, result: submission.reply() }, { status: 400 });
    const provider = await providerForPerson(db(), user.id, submission.value.providerId);
    if (!provider?.linked)
      return reply(
        {
          intent,
          result: submission.reply({
            fieldErrors: { providerId: ["sso_not_linked"] },
          }),
        },
        { status: 404 },
      );
    const started = await beginSsoForSession(
      provider,
      {
        purpose: "reauthenticate",
        sessionId,
        redirectTo: safeRedirectPath(submission.value.redirectTo ?? "/settings/two-factor"),
      },
      context,
    );
    if (started.ok) return toProvider(request, started);
    return reply(
      {
        intent,
        result: submission.reply({ formErrors: [startProblem(started, t)] }),
      },
      { status: started.status },
    );
  }

  const { user, sessionId } = requireBrowserSession(args);
  const submission = parseWithZod(formData, { schema: SsoLinkSchema });
  const hidden = { hideFields: ["currentPassword"] };
  if (submission.status !== "success") return reply({ intent, result: submission.reply(hidden) }, { status: 400 });
  const provider = await providerForPerson(db(), user.id, submission.value.providerId);
  if (!provider)
    return reply(
      {
        intent,
        result: submission.reply({
          ...hidden,
          fieldErrors: { providerId: ["invalid_value"] },
        }),
      },
      { status: 404 },
    );
  if (provider.linked)
    return reply(
      {
        intent,
        result: submission.reply({
          ...hidden,
          fieldErrors: { providerId: ["sso_already_linked_at_issuer"] },
        }),
      },
      { status: 409 },
    );
  // Adding a way in is a change like a new factor: the password (or a fresh re-authentication) first, its guesses limited.
  const limit = await hitRateLimit(db(), `second-factor-change:account:${user.id}`, LIMITS.secondFactorPerAccount);
  if (!limit.allowed) {
    await audit(db(), {
      action: "second_factor_rate_limited",
      actorUserId: user.id,
      subject: user.email,
      ip: context.ip,
      details: { intent: "sso-link" },
    });
    return reply(
      {
        intent,
        result: submission.reply({
          ...hidden,
          formErrors: [
            t("secondFactor.rateLimited", {
              minutes: Math.ceil(limit.retryAfterSeconds / 60),
            }),
          ],
        }),
      },
      {
        status: 429,
        headers: { "Retry-After": String(limit.retryAfterSeconds) },
      },
    );
  }
  const present = await presenceConfirmed(db(), {
    userId: user.id,
    keepSessionId: sessionId,
    currentPassword: submission.value.currentPassword,
  });
  if (!present.ok)
    return reply(
      {
        intent,
        result: submission.reply({
          ...hidden,
          fieldErrors: fieldErrors(present),
        }),
      },
      { status: FAILURE_STATUS[present.reason] },
    );
  const started = await beginSsoForSession(provider, { purpose: "link", sessionId, redirectTo: undefined }, context);
  if (started.ok) return toProvider(request, started);
  return reply(
    {
      intent,
      result: submission.reply({ ...hidden, formErrors: [startProblem(started, t)] }),
    },
    { status: started.status },
  );
}

export default function SingleSignOnLinks() {
  const { providers, reauthenticated } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("auth");
  const language = i18n.language as Language;
  return (
    <ProblemScope first="forms">
      <ReauthenticatedContext.Provider value={reauthenticated}>
        <div className="mx-auto max-w-3xl space-y-6">
          <h1 className="text-3xl font-bold">{t("ssoLinks.title")}</h1>
          <p>{t("ssoLinks.lead")}</p>
          <ContinueToProviderNotice data={data} />
          {searchParams.get("linked") ? <Notice>{t("ssoLinks.linked")}</Notice> : null}
          {data?.intent === "reauthenticate" && data.result ? <FormErrors errors={Object.values((data.result as SubmissionResult<string[]>).error ?? {}).flatMap((e) => e ?? [])} /> : null}
          {providers.length === 0 ? <p className="text-slate-700">{t("ssoLinks.none")}</p> : null}
          <ul className="space-y-4">
            {providers.map((provider) => (
              <li key={provider.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
                <h2 className="text-xl font-semibold">{provider.organisationName}</h2>
                <p className="break-all text-sm text-slate-700">{provider.issuer}</p>
                {provider.linkedAt ? (
                  <p data-testid="sso-linked">
                    {t("ssoLinks.linkedSince", {
                      date: formatDateTime(provider.linkedAt, language),
                    })}
                  </p>
                ) : (
                  <LinkForm
                    providerId={provider.id}
                    lastResult={
                      data?.intent === "link" && (data.result as SubmissionResult<string[]> | null)?.initialValue?.providerId === provider.id ? (data.result as SubmissionResult<string[]>) : undefined
                    }
                  />
                )}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/settings" className="text-brand-700 underline">
              {t("twoFactor.back")}
            </Link>
          </p>
        </div>
      </ReauthenticatedContext.Provider>
    </ProblemScope>
  );
}

/** Linking: the password (unless the session was just re-authenticated), then off to the provider to sign in there. */
function LinkForm({ providerId, lastResult }: { providerId: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: `link-${providerId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SsoLinkSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="link" />
      <input type="hidden" name="providerId" value={providerId} />
      <FormErrors errors={[...(form.errors ?? []), ...(fields.providerId.errors ?? [])]} />
      <PasswordField field={fields.currentPassword} />
      <SubmitButton>{t("ssoLinks.link")}</SubmitButton>
    </Form>
  );
}
