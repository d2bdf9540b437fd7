import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireUser } from "~/auth/guards.server";
import { FormErrors, Notice, ProblemScope, SubmitButton } from "~/components/forms";
import { fieldErrors } from "~/domain/problems";
import { SsoLinkSchema, SsoReauthenticateSchema, SsoUnlinkSchema } from "~/domain/single-sign-on";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readFormData } from "~/http/form-data.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { audit } from "~/models/audit.server";
import { providerForPerson, providersForPerson, ssoLinksOfPerson, unlinkSsoSubject } from "~/models/identity-providers.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { hasPassword, presenceConfirmed, sessionReauthenticated } from "~/models/two-factor.server";
import { listPasskeys } from "~/models/passkeys.server";
import { ContinueToProviderNotice } from "./+shared/continue-to-provider";
import { beginSsoForSession, toProvider, type SsoStart } from "./+shared/sso-start.server";
import { requireEnrollingOrSignedIn } from "./settings_.two-factor/enrolment.server";
import { PasswordField, ReauthenticatedContext, ReauthenticateSection } from "./settings_.two-factor/two-factor-sections";

// The organisations' sign-ins on the person's own account (issue 21): link their subject at a
// provider of an organisation they belong to (how an ID-porten person, whose provider sends no
// e-mail, gets found at sign-in), sign in again at a linked provider to confirm it is them
// before a change of factors (people made by single sign-on have no password to type), and
// unlink a provider, never the last way they can sign in (ADR 0034).
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

/** Signed in through the browser: linking and re-authenticating belong to a session, never to an API token. */
function requireBrowserSession(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const sessionId = args.context.auth?.via === "session" ? args.context.auth.sessionId : null;
  if (!sessionId) forbidden(args.request);
  return { user, sessionId };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, sessionId } = requireBrowserSession(args);
  const t = fixedT(await getLanguage(args.request), "auth");
  const [providers, links, reauthenticated, password, passkeys] = await Promise.all([
    providersForPerson(db(), user.id),
    ssoLinksOfPerson(db(), user.id),
    sessionReauthenticated(db(), sessionId),
    hasPassword(db(), user.id),
    listPasskeys(db(), user.id),
  ]);
  const listed = new Set(providers.filter((p) => p.linkedAt).map((p) => p.issuer));
  return json({
    title: `${t("ssoLinks.title")} – Markedsdialog`,
    providers,
    // Links at issuers none of the person's organisations has (they left, or the provider was removed): still theirs to remove.
    otherLinks: links.filter((link) => !listed.has(link.issuer)),
    reauthenticated,
    hasPassword: password,
    // Without a password, one of the person's passkeys confirms it is them.
    passkeyConfirms: !password && passkeys.length > 0,
  });
}

const INTENTS = ["reauthenticate", "link", "unlink"] as const;
type Intent = (typeof INTENTS)[number];

/** Why the trip to the provider could not start: a problem code, or the wait after too many tries. */
function startProblem(started: Extract<SsoStart, { ok: false }>, t: ReturnType<typeof fixedT>): string {
  return started.code === "sso_rate_limited" ? t("sso.rateLimited", { minutes: Math.ceil((started.retryAfter ?? 60) / 60) }) : started.code;
}

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const formData = await readFormData(request);
  const intent = INTENTS.find((i) => i === formData.get("intent")) ?? null;
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

  if (intent === "unlink") return unlink(args, formData, t);

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
  const limited = await changeRateLimited(user, "sso-link", context.ip, t);
  if (limited) return reply({ intent, result: submission.reply({ ...hidden, formErrors: [limited.message] }) }, limited.init);
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

/** The password is asked again before a change of the ways in; guessing it here is limited like signing in. */
async function changeRateLimited(user: { id: string; email: string }, intent: string, ip: string | null, t: ReturnType<typeof fixedT>) {
  const limit = await hitRateLimit(db(), `second-factor-change:account:${user.id}`, LIMITS.secondFactorPerAccount);
  if (limit.allowed) return null;
  await audit(db(), { action: "second_factor_rate_limited", actorUserId: user.id, subject: user.email, ip, details: { intent } });
  return {
    message: t("secondFactor.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }),
    init: { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
  };
}

/** Removes the person's link at an issuer: theirs only (another's is not found), after the password or a re-authentication, never the last way in. */
async function unlink(args: ActionFunctionArgs, formData: FormData, t: ReturnType<typeof fixedT>) {
  const { user, sessionId } = requireBrowserSession(args);
  const ip = args.context.ip;
  const submission = parseWithZod(formData, { schema: SsoUnlinkSchema });
  const hidden = { hideFields: ["currentPassword"] };
  const reply = (result: unknown, init?: ResponseInit) => json({ intent: "unlink" as Intent | null, result }, init);
  if (submission.status !== "success") return reply(submission.reply(hidden), { status: 400 });
  const limited = await changeRateLimited(user, "sso-unlink", ip, t);
  if (limited) return reply(submission.reply({ ...hidden, formErrors: [limited.message] }), limited.init);
  const { issuer, currentPassword } = submission.value;
  const outcome = await unlinkSsoSubject(db(), { userId: user.id, keepSessionId: sessionId, currentPassword }, issuer);
  if (!outcome.ok) {
    if (outcome.reason === "refused") await audit(db(), { action: "sso_unlink_refused", actorUserId: user.id, subject: issuer, ip, details: { reason: "sso_last_sign_in" } });
    return reply(submission.reply({ ...hidden, fieldErrors: fieldErrors(outcome) }), { status: FAILURE_STATUS[outcome.reason] });
  }
  await audit(db(), { action: "sso_unlinked", actorUserId: user.id, subject: issuer, ip, details: { subject: outcome.value.subject, provider: outcome.value.provider } });
  throw redirect("/settings/single-sign-on?unlinked=1");
}

export default function SingleSignOnLinks() {
  const { providers, otherLinks, reauthenticated, hasPassword, passkeyConfirms } = useLoaderData<typeof loader>();
  const linked = providers.filter((p) => p.linkedAt !== null);
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
          {searchParams.get("unlinked") ? <Notice>{t("ssoLinks.unlinked")}</Notice> : null}
          {data?.intent === "reauthenticate" && data.result ? <FormErrors errors={Object.values((data.result as SubmissionResult<string[]>).error ?? {}).flatMap((e) => e ?? [])} /> : null}
          {providers.length === 0 ? <p className="text-slate-700">{t("ssoLinks.none")}</p> : null}
          {/* Unlinking asks for the password; without one, a fresh sign-in at a linked provider (or one of their passkeys) confirms it is them. */}
          {reauthenticated ? (
            <Notice>{t("reauthenticate.done")}</Notice>
          ) : linked.length > 0 || passkeyConfirms ? (
            <ReauthenticateSection providers={linked} hasPassword={hasPassword} passkey={passkeyConfirms} />
          ) : null}
          <ul className="space-y-4">
            {providers.map((provider) => (
              <li key={provider.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
                <h2 className="text-xl font-semibold">{provider.organisationName}</h2>
                <p className="break-all text-sm text-slate-700">{provider.issuer}</p>
                {provider.linkedAt ? (
                  <>
                    <p data-testid="sso-linked">
                      {t("ssoLinks.linkedSince", {
                        date: formatDateTime(provider.linkedAt, language),
                      })}
                    </p>
                    <UnlinkForm issuer={provider.issuer} lastResult={unlinkResult(data, provider.issuer)} />
                  </>
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
          {otherLinks.length > 0 ? (
            <section aria-labelledby="other-links" className="space-y-4">
              <h2 id="other-links" className="text-xl font-semibold">
                {t("ssoLinks.otherLinks")}
              </h2>
              <p>{t("ssoLinks.otherLinksLead")}</p>
              <ul className="space-y-4">
                {otherLinks.map((link) => (
                  <li key={link.issuer} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
                    <h3 className="break-all font-semibold">{link.organisationNames.join(", ") || link.issuer}</h3>
                    <p>{t("ssoLinks.linkedSince", { date: formatDateTime(link.linkedAt, language) })}</p>
                    <UnlinkForm issuer={link.issuer} lastResult={unlinkResult(data, link.issuer)} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
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

/** The answer to unlinking this issuer's link, if that was the last form sent. */
function unlinkResult(data: { intent: Intent | null; result: unknown } | { continueTo: string } | undefined, issuer: string): SubmissionResult<string[]> | undefined {
  if (!data || !("intent" in data) || data.intent !== "unlink") return undefined;
  const result = data.result as SubmissionResult<string[]> | null;
  return result?.initialValue?.issuer === issuer ? result : undefined;
}

/** Unlinking: the password (unless the session was just re-authenticated); refused with a way forward when it is the only way in. */
function UnlinkForm({ issuer, lastResult }: { issuer: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: `unlink-${issuer}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SsoUnlinkSchema }),
  });
  const errors = [...(form.errors ?? []), ...(fields.issuer.errors ?? [])];
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-slate-200 pt-3">
      <input type="hidden" name="intent" value="unlink" />
      <input type="hidden" name="issuer" value={issuer} />
      <p className="text-sm text-slate-700">{t("ssoLinks.unlinkLead")}</p>
      <FormErrors errors={errors} />
      {errors.includes("sso_last_sign_in") ? (
        <p className="text-sm">
          <Link to="/settings" className="text-brand-700 underline">
            {t("ssoLinks.lastSignInHelp")}
          </Link>{" "}
          ·{" "}
          <Link to="/settings/two-factor" className="text-brand-700 underline">
            {t("ssoLinks.addPasskey")}
          </Link>
        </p>
      ) : null}
      <PasswordField field={fields.currentPassword} />
      <SubmitButton variant="danger">{t("ssoLinks.unlink")}</SubmitButton>
    </Form>
  );
}
