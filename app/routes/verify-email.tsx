import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { VERIFY_EMAIL_LINK_HOURS, withEmailConfirmed } from "~/domain/email-links";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { getUser, requireUser } from "~/auth/guards.server";
import { FormPage } from "~/components/page";
import { FormErrors, Notice, SubmitButton } from "~/components/forms";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { resendVerification, verifyEmail } from "~/models/accounts.server";
import { audit } from "~/models/audit.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { absoluteUrl } from "~/http/public-url.server";
import { safeRedirectPath } from "~/http/safe-redirect";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url);
  const t = fixedT(await getLanguage(args.request), "auth");
  const title = `${t("verify.title")} – Markedsdialog`;
  const next = safeRedirectPath(url.searchParams.get("redirectTo"), "/organisations/new");
  const token = url.searchParams.get("token");
  if (token) {
    const userId = await verifyEmail(db(), token);
    if (!userId) return json({ title, state: "invalid" as const, email: null, next });
    await audit(db(), { action: "email_verified", actorUserId: userId, ip: args.context.ip });
    // Signed in as the same person: carry on, and the page there says it is confirmed (root);
    // otherwise confirm here and offer to log in.
    if (getUser(args)?.id === userId) throw redirect(withEmailConfirmed(next));
    return json({ title, state: "done" as const, email: null, next });
  }
  const user = requireUser(args);
  if (user.emailVerifiedAt) return json({ title, state: "verified" as const, email: user.email, next });
  return json({ title, state: "pending" as const, email: user.email, next });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const t = fixedT(await getLanguage(args.request), "auth");
  const limit = await hitRateLimit(db(), `verify:account:${user.id}`, LIMITS.resetPerAccount);
  if (!limit.allowed) {
    return json({ resent: false, error: t("forgot.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }) }, { status: 429 });
  }
  const next = safeRedirectPath(new URL(args.request.url).searchParams.get("redirectTo"), "/organisations/new");
  await resendVerification(db(), user.id, (token) => absoluteUrl(`/verify-email?token=${token}&redirectTo=${encodeURIComponent(next)}`));
  return json({ resent: true, error: null });
}

export default function VerifyEmail() {
  const { state, email, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  return (
    <FormPage title={t("verify.title")}>
      {state === "invalid" ? <FormErrors errors={[t("verify.invalid")]} /> : null}
      {state === "done" ? (
        <>
          <Notice>{t("verify.done")}</Notice>
          <Link to={`/login?redirectTo=${encodeURIComponent(next)}`} className="font-semibold text-brand-700 underline">
            {t("login.title")}
          </Link>
        </>
      ) : null}
      {state === "verified" ? <Notice>{t("verify.alreadyVerified")}</Notice> : null}
      {state === "pending" ? (
        <>
          <p>{t("verify.sent", { email, count: VERIFY_EMAIL_LINK_HOURS })}</p>
          {result?.resent ? <Notice>{t("verify.resent")}</Notice> : null}
          {result?.error ? <FormErrors errors={[result.error]} /> : null}
          <Form method="post">
            <SubmitButton variant="secondary">{t("verify.resend")}</SubmitButton>
          </Form>
        </>
      ) : null}
    </FormPage>
  );
}
