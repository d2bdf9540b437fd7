import type { AppLoadContext, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { signInStepPath } from "~/auth/guards.server";
import { finishAuthorization, OidcError, providerConfiguration } from "~/auth/oidc.server";
import { startSignIn } from "~/auth/session.server";
import { FormErrors, ProblemScope } from "~/components/forms";
import { FormPage } from "~/components/page";
import { absoluteUrl } from "~/http/public-url.server";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { audit } from "~/models/audit.server";
import type { SsoClaims } from "~/domain/single-sign-on";
import { completeSsoSignIn, identityProviderById, isLinkedTo, linkSsoSubject, takeSsoAttempt } from "~/models/identity-providers.server";
import { markReauthenticated } from "~/models/two-factor.server";
import { homeAfterSignIn } from "./+shared/sign-in.server";
import { OIDC_FAILURE_STATUS } from "./+shared/sso-start.server";
import { SSO_CALLBACK_PATH, ssoAttemptCookie } from "./+shared/sso-attempt.server";

// The provider sends the person back here (issue 21). The attempt this browser started is
// taken (once), the code exchanged and the ID token checked by openid-client, the person found
// by subject (or linked, or created) and signed in as a password would: a second factor, when
// they have one, is still asked for, and an organisation's requirement still applies.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = fixedT(await getLanguage(request), "auth");
  const clearCookie = await ssoAttemptCookie.serialize("", { maxAge: 0 });
  const refuse = (code: string, status: number) => json({ title: `${t("sso.failedTitle")} – Markedsdialog`, code }, { status, headers: { "Set-Cookie": clearCookie } });

  const token = await ssoAttemptCookie.parse(request.headers.get("Cookie"));
  const attempt = typeof token === "string" && token ? await takeSsoAttempt(db(), token) : null;
  if (!attempt) return refuse("sso_attempt_missing", 400);
  const provider = await identityProviderById(db(), attempt.providerId);
  if (!provider) return refuse("sso_attempt_missing", 400);

  // The address the provider was given, with what it sent back: never the request's own Host.
  const callbackUrl = new URL(absoluteUrl(SSO_CALLBACK_PATH));
  callbackUrl.search = new URL(request.url).search;
  // A re-authentication or a link comes back only to the session that started it.
  const session = context.auth?.sessionId
    ? { userId: context.auth.user.id, sessionId: context.auth.sessionId }
    : context.signInStep?.step === "enrol"
      ? { userId: context.signInStep.user.id, sessionId: context.signInStep.sessionId }
      : null;
  if (attempt.purpose !== "sign_in" && (!session || attempt.sessionId !== session.sessionId)) return refuse("sso_attempt_missing", 400);
  let claims;
  try {
    const config = await providerConfiguration(provider);
    claims = await finishAuthorization(config, callbackUrl, { ...attempt, authenticatedAfter: attempt.purpose === "sign_in" ? null : attempt.createdAt });
  } catch (error) {
    if (!(error instanceof OidcError)) throw error;
    await audit(db(), { action: "sso_sign_in_refused", actorUserId: null, organisationId: provider.organisationId, subject: provider.issuer, ip: context.ip, details: { reason: error.code, detail: error.detail?.slice(0, 300) ?? null } });
    return refuse(error.code, OIDC_FAILURE_STATUS[error.code]);
  }
  if (attempt.purpose !== "sign_in") {
    const answer = await finishForSession(attempt.purpose, session!, claims, provider.organisationId, context);
    if (!answer.ok) return refuse(answer.code, 403);
    return redirect(attempt.redirectTo ?? answer.next, { headers: { "Set-Cookie": clearCookie } });
  }

  const outcome = await completeSsoSignIn(db(), provider, claims);
  if (!outcome.ok) {
    const reason = outcome.problems[0]?.code ?? "sso_response_refused";
    await audit(db(), { action: "sso_sign_in_refused", actorUserId: null, organisationId: provider.organisationId, subject: claims.email ?? claims.subject, ip: context.ip, details: { reason, issuer: claims.issuer, subject: claims.subject } });
    return refuse(reason, 403);
  }
  const { userId, email, created, linked, joined } = outcome.value;
  const { cookie, awaitingSecondFactor } = await startSignIn(userId, context);
  const headers = new Headers([["Set-Cookie", cookie], ["Set-Cookie", clearCookie]]);
  const details = { method: "sso", issuer: claims.issuer, created, linked, joined };
  if (joined) await audit(db(), { action: "member_joined", actorUserId: userId, organisationId: provider.organisationId, subject: email, ip: context.ip, details: { role: joined, via: "sso" } });
  if (awaitingSecondFactor) {
    await audit(db(), { action: "login_awaiting_second_factor", actorUserId: userId, subject: email, ip: context.ip, details });
    return redirect(signInStepPath("code", attempt.redirectTo ?? undefined), { headers });
  }
  await audit(db(), { action: "login", actorUserId: userId, subject: email, ip: context.ip, details });
  return redirect(await homeAfterSignIn(userId, attempt.redirectTo), { headers });
}

/**
 * The signed-in person came back from signing in again at their provider: as the subject
 * already linked to them, the session is re-authenticated for a few minutes; or, linking, the
 * subject is attached to their account (refused when it belongs to somebody else).
 */
async function finishForSession(
  purpose: "reauthenticate" | "link",
  { userId, sessionId }: { userId: string; sessionId: string },
  claims: SsoClaims,
  organisationId: string,
  context: AppLoadContext,
): Promise<{ ok: true; next: string } | { ok: false; code: string }> {
  const refused = async (code: string) => {
    await audit(db(), { action: purpose === "link" ? "sso_link_refused" : "reauthentication_refused", actorUserId: userId, organisationId, subject: claims.issuer, ip: context.ip, details: { reason: code, subject: claims.subject } });
    return { ok: false as const, code };
  };
  if (purpose === "reauthenticate") {
    if (!(await isLinkedTo(db(), userId, claims))) return refused("sso_reauth_other_person");
    await markReauthenticated(db(), sessionId, userId);
    await audit(db(), { action: "reauthenticated", actorUserId: userId, organisationId, subject: claims.issuer, ip: context.ip, details: { method: "sso" } });
    return { ok: true, next: "/settings/two-factor" };
  }
  const linked = await linkSsoSubject(db(), userId, claims);
  if (!linked.ok) return refused(linked.problems[0]?.code ?? "sso_subject_linked_elsewhere");
  // Linking is a fresh sign-in as that subject too: the session may change factors for a few minutes.
  await markReauthenticated(db(), sessionId, userId);
  if (linked.value.created) await audit(db(), { action: "sso_linked", actorUserId: userId, organisationId, subject: claims.issuer, ip: context.ip, details: { subject: claims.subject } });
  return { ok: true, next: "/settings/single-sign-on?linked=1" };
}

export default function SingleSignOnCallback() {
  const { code } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <ProblemScope first="forms">
      <FormPage title={t("sso.failedTitle")}>
        <FormErrors errors={[code]} />
        <p>
          <Link to="/login/sso" className="text-brand-700 underline">
            {t("sso.tryAgain")}
          </Link>{" "}
          ·{" "}
          <Link to="/login" className="text-brand-700 underline">
            {t("sso.withPassword")}
          </Link>
        </p>
      </FormPage>
    </ProblemScope>
  );
}
