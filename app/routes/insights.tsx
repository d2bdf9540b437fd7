import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { BarChart, blockedPerEvent, ScorecardFigures, useQuarterLabel, WindowSwitch } from "~/components/scorecard-figures";
import { parseWindow, type Scorecard } from "~/domain/scorecard";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime, formatMonth, formatNok, formatNokRangeMillions, formatNumber, formatPercent } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { cachedInsights } from "~/models/scorecard-cache.server";
import { costBenefitBySector } from "~/models/cost-benefit.server";
import { CostBenefitInsights } from "~/components/cost-benefit-insights";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} – Markedsdialog` : "Markedsdialog" },
  { name: "description", content: data?.description ?? "" },
];

// Public: the scorecard figures across all buyers, by sector and region, and declared demand.
export async function loader({ request }: LoaderFunctionArgs) {
  const months = parseWindow(new URL(request.url).searchParams.get("window"));
  const t = fixedT(await getLanguage(request), "scorecard");
  const [{ value: figures, computedAt }, costBenefit] = await Promise.all([cachedInsights(db(), months), costBenefitBySector(db())]);
  return json({ months, figures, computedAt, costBenefit, title: t("insights.title"), description: t("insights.metaDescription") });
}

export default function InsightsPage() {
  const { months, figures, computedAt, title, costBenefit } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["scorecard", "common", "organisations"]);
  const language = i18n.language as Language;
  const all = figures.bySector.all;
  const quarterLabel = useQuarterLabel();
  const perQuarter = new Map<string, number>();
  for (const cell of figures.demand) perQuarter.set(cell.quarter, (perQuarter.get(cell.quarter) ?? 0) + cell.events);
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("insights.lead")}</p>
        <WindowSwitch months={months} path="/insights" />
        <p className="text-sm text-slate-700">
          {t("window.current", { first: formatMonth(all.window.firstMonth, language), last: formatMonth(all.window.lastMonth, language) })}{" "}
          {t("window.computedAt", { time: formatDateTime(computedAt, language) })}
        </p>
      </header>
      <section aria-labelledby="all-heading" className="space-y-3">
        <h2 id="all-heading" className="text-2xl font-semibold">
          {t("insights.allHeading")}
        </h2>
        <ScorecardFigures scorecard={all} language={language} idPrefix="all" />
      </section>
      <GroupFigures
        id="by-sector"
        heading={t("insights.bySectorHeading")}
        grouping={t("insights.sector")}
        months={months}
        language={language}
        groups={figures.bySector.groups.map((g) => ({ ...g, label: t(`organisations:sectors.${g.key}`), href: `/demand?sector=${g.key}` }))}
      />
      <GroupFigures
        id="by-region"
        heading={t("insights.byRegionHeading")}
        grouping={t("insights.region")}
        months={months}
        language={language}
        groups={figures.byRegion.groups.map((g) => ({
          ...g,
          label: g.key === "none" ? t("insights.noRegion") : t(`common:regions.${g.key}`),
          href: g.key === "none" ? null : `/demand?region=${g.key}`,
        }))}
      />
      <section aria-labelledby="demand-heading" className="space-y-3">
        <h2 id="demand-heading" className="text-2xl font-semibold">
          {t("insights.demandHeading")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("insights.demandExplanation")}</p>
        {figures.demand.length === 0 ? (
          <p>{t("insights.noDemand")}</p>
        ) : (
          <>
            <BarChart items={[...perQuarter].map(([quarter, events]) => ({ label: quarterLabel(quarter), value: events, display: formatNumber(events, language) }))} />
            <div className="max-h-[32rem] overflow-auto">
              <table className="w-full border-collapse bg-white text-left text-sm">
                <caption className="mb-2 text-left font-medium">{t("insights.demandCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="px-2 py-2">{t("insights.quarter")}</th>
                    <th scope="col" className="px-2 py-2">{t("insights.division")}</th>
                    <th scope="col" className="px-2 py-2 text-right">{t("insights.events")}</th>
                    <th scope="col" className="px-2 py-2 text-right">{t("insights.budgetMax")}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.demand.map((cell) => (
                    <tr key={`${cell.quarter}-${cell.division}`} className="border-b border-slate-200">
                      <th scope="row" className="px-2 py-2 font-normal">
                        <Link to={`/demand?quarterFrom=${cell.quarter}&quarterTo=${cell.quarter}&cpv=${cell.division}`} className="text-brand-800 underline">
                          {quarterLabel(cell.quarter)}
                        </Link>
                      </th>
                      <td className="px-2 py-2">
                        {cell.division} {(language === "nb" ? cell.divisionNb : cell.divisionEn) ?? ""}
                      </td>
                      <td className="px-2 py-2 text-right tabular-nums">{formatNumber(cell.events, language)}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{formatNok(cell.budgetMaxNok, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <CostBenefitInsights rows={costBenefit} language={language} />
    </article>
  );
}

interface GroupRow {
  key: string;
  label: string;
  href: string | null;
  scorecard: Scorecard;
}

interface GroupChart {
  key: string;
  heading: string;
  /** What fills a bar (1 for shares); the largest group otherwise. */
  max?: number;
  value: (s: Scorecard) => number | null;
  display: (s: Scorecard) => string;
}

/** The key figures drawn as bars, one small chart each; the table has them all. */
function groupCharts(t: (key: string) => string, language: Language): GroupChart[] {
  const n = (value: number) => formatNumber(value, language);
  return [
    { key: "effort", heading: t("insights.columns.effort"), value: (s) => s.effort.events, display: (s) => n(s.effort.events) },
    {
      key: "share",
      heading: t("insights.columns.share"),
      max: 1,
      value: (s) => s.fulfilment.share,
      display: (s) => (s.fulfilment.share === null ? "–" : formatPercent(s.fulfilment.share, language)),
    },
    { key: "requested", heading: t("insights.columns.requested"), value: (s) => s.hours.requestedHours, display: (s) => n(s.hours.requestedHours) },
    { key: "procured", heading: t("insights.columns.procured"), value: (s) => s.hours.procuredNok, display: (s) => formatNokRangeMillions(null, s.hours.procuredNok, language)! },
    { key: "pilots", heading: t("insights.columns.pilots"), value: (s) => s.pilots.metButNotBought, display: (s) => n(s.pilots.metButNotBought) },
    { key: "concerns", heading: t("insights.columns.concerns"), value: (s) => s.conduct.concernsReceived, display: (s) => n(s.conduct.concernsReceived) },
  ];
}

/** Small bar charts of the key figures per sector or region, and every figure in a table behind a disclosure. */
function GroupFigures({ id, heading, grouping, months, groups, language }: { id: string; heading: string; grouping: string; months: number; groups: GroupRow[]; language: Language }) {
  const { t } = useTranslation("scorecard");
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-2xl font-semibold">
        {heading}
      </h2>
      <p className="max-w-3xl text-slate-700">{t("insights.groupChartsLead", { grouping, months })}</p>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {groupCharts(t, language).map((chart) => (
          <div key={chart.key} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
            <h3 className="font-semibold">{chart.heading}</h3>
            <BarChart stacked max={chart.max} items={groups.map((g) => ({ label: g.label, value: chart.value(g.scorecard), display: chart.display(g.scorecard) }))} />
          </div>
        ))}
      </div>
      <details className="rounded-lg border border-slate-200 bg-white p-3">
        <summary className="cursor-pointer font-medium text-brand-800 underline">{t("insights.tableSummary", { grouping })}</summary>
        <div className="mt-2">
          <GroupTable grouping={grouping} months={months} groups={groups} language={language} />
        </div>
      </details>
    </section>
  );
}

/** One row per sector or region with the key figure of each scorecard figure. */
function GroupTable({ grouping, months, groups, language }: { grouping: string; months: number; groups: GroupRow[]; language: Language }) {
  const { t } = useTranslation("scorecard");
  const n = (value: number) => formatNumber(value, language);
  const columns: [string, (s: Scorecard) => string][] = [
    [t("insights.columns.buyers"), (s) => n(s.conduct.buyers)],
    [t("insights.columns.effort"), (s) => n(s.effort.events)],
    [t("insights.columns.share"), (s) => (s.fulfilment.share === null ? "–" : formatPercent(s.fulfilment.share, language))],
    [t("insights.columns.slip"), (s) => (s.fulfilment.medianSlipQuarters === null ? "–" : n(s.fulfilment.medianSlipQuarters))],
    [t("insights.columns.notProcured"), (s) => n(s.notProcured.total)],
    [t("insights.columns.requested"), (s) => n(s.hours.requestedHours)],
    [t("insights.columns.reported"), (s) => n(s.hours.reportedHours)],
    [t("insights.columns.procured"), (s) => formatNok(s.hours.procuredNok, language)],
    [t("insights.columns.pilots"), (s) => n(s.pilots.metButNotBought)],
    [t("insights.columns.short"), (s) => `${n(s.contracts.short)} (${n(s.contracts.justified)})`],
    [t("insights.columns.answers"), (s) => (s.answers.medianHours === null ? "–" : t("figures.answers.hours", { count: s.answers.medianHours }))],
    [t("insights.columns.blocked"), (s) => blockedPerEvent(s.blockedAttempts, n)],
    [t("insights.columns.adopted"), (s) => n(s.conduct.adopted)],
    [t("insights.columns.concerns"), (s) => n(s.conduct.concernsReceived)],
  ];
  return (
    <TableScroll label={t("insights.groupTableCaption", { grouping, months })}>
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="mb-2 text-left font-medium">{t("insights.groupTableCaption", { grouping, months })}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 align-bottom">
            <th scope="col" className="px-2 py-2">
              {grouping.charAt(0).toUpperCase() + grouping.slice(1)}
            </th>
            {columns.map(([label]) => (
              <th key={label} scope="col" className="min-w-[6rem] px-2 py-2 text-right">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key} className="border-b border-slate-200">
              <th scope="row" className="px-2 py-2 font-normal">
                {g.href ? (
                  <Link to={g.href} className="text-brand-800 underline">
                    {g.label}
                  </Link>
                ) : (
                  g.label
                )}
              </th>
              {columns.map(([label, value]) => (
                <td key={label} className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
                  {value(g.scorecard)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
