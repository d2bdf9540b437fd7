import { useTranslation } from "~/i18n/use-translation";
import type { RequestFigures } from "~/domain/vendor-requests";
import { formatNumber, formatPercent } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

/** A buyer's handling of requests from vendors on its scorecard (app/domain/vendor-requests.ts requestFigures). */
export function RequestFiguresSection({ figures, language }: { figures: RequestFigures; language: Language }) {
  const { t } = useTranslation("requests");
  const { received, medianDaysToFirstAnswer: median, withinDueDate, referredMoreThanTwice } = figures;
  return (
    <section aria-labelledby="request-figures-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="request-figures-heading" className="text-2xl font-semibold">
        {t("scorecard.title")}
      </h2>
      <p className="max-w-3xl text-slate-700">{t("scorecard.lead")}</p>
      {received === 0 ? (
        <p>{t("scorecard.none")}</p>
      ) : (
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("scorecard.received")}</dt>
          <dd>{formatNumber(received, language)}</dd>
          <dt className="font-medium">{t("scorecard.median")}</dt>
          <dd>{median === null ? t("scorecard.noAnswers") : t("scorecard.days", { days: formatNumber(median, language) })}</dd>
          <dt className="font-medium">{t("scorecard.withinDue")}</dt>
          <dd>
            {withinDueDate.of === 0 ? "–" : `${formatPercent(withinDueDate.answered / withinDueDate.of, language)} (${t("scorecard.withinDueOf", { answered: withinDueDate.answered, of: withinDueDate.of })})`}
          </dd>
          <dt className="font-medium">{t("scorecard.referred")}</dt>
          <dd>{`${formatPercent(referredMoreThanTwice / received, language)} (${t("scorecard.withinDueOf", { answered: referredMoreThanTwice, of: received })})`}</dd>
        </dl>
      )}
    </section>
  );
}
