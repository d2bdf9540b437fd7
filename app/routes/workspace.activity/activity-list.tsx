import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { VendorActivityKind } from "~/domain/vendor-activity";
import { formatDateTime, formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// The buyer's latest vendor activity, newest first, each with a link to where it is acted on.

interface Activity {
  id: string;
  kind: VendorActivityKind;
  detail: string | null;
  at: string;
  vendorName: string;
  vendorSlug: string;
  eventTitle: string | null;
  requestTitle: string | null;
  path: string;
}

export function ActivityList({ activity }: { activity: Activity[] }) {
  const { t, i18n } = useTranslation(["participation"]);
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="activity-title" className="space-y-3">
      <h2 id="activity-title" className="text-xl font-semibold">
        {t("buyerActivity.latest")} <span className="font-normal text-slate-600">({formatNumber(activity.length, language)})</span>
      </h2>
      {activity.length === 0 ? (
        <p className="text-slate-700">{t("buyerActivity.none")}</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {activity.map((a) => (
            <li key={a.id} className="space-y-1 p-4">
              <p className="text-sm text-slate-600">{formatDateTime(a.at, language)}</p>
              <p className="break-words">
                <Link to={`/organisations/${a.vendorSlug}`} className="font-semibold text-brand-700 underline">
                  {a.vendorName}
                </Link>{" "}
                {t(`buyerActivity.kinds.${a.kind}`)}{" "}
                <Link to={a.path} className="text-brand-700 underline">
                  {a.eventTitle ?? a.requestTitle}
                </Link>
              </p>
              {a.detail ? (
                <blockquote className="whitespace-pre-line break-words border-l-4 border-slate-300 pl-3 text-slate-800">
                  <span className="sr-only">{t(a.kind === "question" ? "buyerActivity.questionLabel" : "buyerActivity.reasonLabel")} </span>
                  {a.detail}
                </blockquote>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
