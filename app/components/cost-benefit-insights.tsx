import { useTranslation } from "~/i18n/use-translation";
import type { SectorDifference } from "~/domain/cost-benefit";
import { formatNumber, formatPercent } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { TableScroll } from "~/components/table-scroll";

// /insights: how often the cost and the benefit of a published event land in different
// sectors, by the sector that pays (issue 19: funding follows bed-days, §4.8).
export function CostBenefitInsights({ rows, language }: { rows: SectorDifference[]; language: Language }) {
  const { t } = useTranslation(["scorecard", "organisations"]);
  return (
    <section aria-labelledby="cost-benefit-heading" className="space-y-3">
      <h2 id="cost-benefit-heading" className="text-2xl font-semibold">
        {t("insights.costBenefit.heading")}
      </h2>
      <p className="max-w-3xl text-slate-700">{t("insights.costBenefit.lead")}</p>
      {rows.length === 0 ? (
        <p>{t("insights.costBenefit.none")}</p>
      ) : (
        <TableScroll label={t("insights.costBenefit.caption")}>
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="mb-2 text-left font-medium">{t("insights.costBenefit.caption")}</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="px-2 py-2">
                  {t("insights.costBenefit.sector")}
                </th>
                <th scope="col" className="px-2 py-2 text-right">
                  {t("insights.costBenefit.events")}
                </th>
                <th scope="col" className="px-2 py-2 text-right">
                  {t("insights.costBenefit.differ")}
                </th>
                <th scope="col" className="px-2 py-2 text-right">
                  {t("insights.costBenefit.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.sector} className="border-b border-slate-200">
                  <th scope="row" className="px-2 py-2 font-normal">
                    {t(`organisations:sectors.${row.sector}`)}
                  </th>
                  <td className="px-2 py-2 text-right tabular-nums">{formatNumber(row.events, language)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{formatNumber(row.differ, language)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{formatPercent(row.differ / row.events, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
