import { useTranslation } from "~/i18n/use-translation";

/**
 * Without script, a sign-in form's answer cannot redirect to the provider (the policy's
 * `form-action 'self'` stops it), so the page goes there itself: a meta refresh, and a link for
 * a browser that does not follow it. Shown only when the action answered `{ continueTo }`.
 */
export function ContinueToProviderNotice({ data }: { data: unknown }) {
  const { t } = useTranslation("auth");
  const url = data && typeof data === "object" && "continueTo" in data && typeof data.continueTo === "string" ? data.continueTo : null;
  if (!url) return null;
  return (
    <div role="status" className="space-y-2 rounded border border-brand-200 bg-brand-50 p-4">
      <meta httpEquiv="refresh" content={`0;url=${url}`} />
      <p>{t("sso.continuing")}</p>
      <a href={url} className="font-semibold text-brand-800 underline">
        {t("sso.continueLink")}
      </a>
    </div>
  );
}
