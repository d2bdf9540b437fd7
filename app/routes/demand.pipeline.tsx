import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { DemandFilterForm, IgnoredParameters } from "~/components/demand-filter-form";
import { parseQuarter } from "~/domain/events";
import type { Quarter } from "~/domain/quarters";
import { fixedT } from "~/i18n/i18n";
import { formatNok, formatNokRangeMillions, formatNumber } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { demandFilterOptions, demandHref, demandPipeline, readDemandFilter, type PipelineQuarter } from "~/models/demand.server";
import { redirectWithoutEmptyParameters } from "~/http/responses.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Markedsdialog" },
  { name: "description", content: data?.description ?? "" },
];

// Public: the /demand filter, summed per expected tender quarter.
export async function loader({ request }: LoaderFunctionArgs) {
  // A GET form sends every empty field: the page has one URL per filter, without them.
  redirectWithoutEmptyParameters(request);
  const language = await getLanguage(request);
  const t = fixedT(language, "demand");
  const { filter, ignored } = readDemandFilter(new URL(request.url).searchParams);
  const [quarters, options] = await Promise.all([demandPipeline(db(), filter), demandFilterOptions(db())]);
  // Each quarter links to the list with the same filter narrowed to that quarter.
  const quarterHref = (quarter: string | null) =>
    quarter ? demandHref("/demand", { ...filter, quarterFrom: quarter as Quarter, quarterTo: quarter as Quarter }) : null;
  return json({
    filter,
    ignored,
    options,
    quarters: quarters.map((q) => ({ ...q, href: quarterHref(q.quarter) })),
    listHref: demandHref("/demand", filter),
    csvHref: demandHref("/demand.csv", filter),
    title: `${t("pipeline.title")} – Markedsdialog`,
    description: t("pipeline.lead"),
  });
}

export default function DemandPipelinePage() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("demand");
  const language = i18n.language as Language;
  const location = useLocation();
  const quarterLabel = (quarter: string | null) => {
    const parsed = quarter ? parseQuarter(quarter) : null;
    return parsed ? t("pipeline.quarterLabel", { quarter: parsed.quarter, year: parsed.year }) : t("pipeline.noQuarter");
  };
  const totals = data.quarters.reduce(
    (sum, q) => ({ events: sum.events + q.events, min: sum.min + q.budgetMinNok, max: sum.max + q.budgetMaxNok }),
    { events: 0, min: 0, max: 0 },
  );
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("pipeline.title")}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("pipeline.lead")}</p>
        {/* Consultations (issue 18) are in the list, not here: they ask for views, not for a purchase. */}
        <p className="max-w-3xl text-slate-700">{t("pipeline.noConsultations")}</p>
      </div>
      <DemandFilterForm key={location.search} action="/demand/pipeline" filter={data.filter} options={data.options} withSort={false}>
        <IgnoredParameters ignored={data.ignored} />
        <nav aria-label={t("links.heading")} className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
          <Link to={data.listHref} className="font-medium text-brand-800 underline">
            {t("links.list")}
          </Link>
          <a href={data.csvHref} className="font-medium text-brand-800 underline" download>
            {t("links.csv")}
          </a>
        </nav>
        {data.quarters.length === 0 ? (
          <p>{t("pipeline.empty")}</p>
        ) : (
          <>
            <PipelineChart quarters={data.quarters} label={quarterLabel} language={language} />
            <TableScroll label={t("pipeline.tableCaption")}>
              <table className="w-full border-collapse bg-white text-left">
                <caption className="mb-2 text-left text-lg font-semibold">{t("pipeline.tableCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="px-3 py-2">
                      {t("pipeline.quarter")}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right">
                      {t("pipeline.events")}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right">
                      {t("pipeline.budgetMin")}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right">
                      {t("pipeline.budgetMax")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.quarters.map((q) => (
                    <tr key={q.quarter ?? "none"} className="border-b border-slate-200">
                      <th scope="row" className="px-3 py-2 font-medium">
                        {q.href ? (
                          <Link to={q.href} className="text-brand-800 underline">
                            {quarterLabel(q.quarter)}
                          </Link>
                        ) : (
                          quarterLabel(null)
                        )}
                      </th>
                      <td className="px-3 py-2 text-right tabular-nums">{formatNumber(q.events, language)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatNok(q.budgetMinNok, language)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatNok(q.budgetMaxNok, language)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t-2 border-slate-300 font-semibold">
                    <th scope="row" className="px-3 py-2">
                      {t("pipeline.total")}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNumber(totals.events, language)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNok(totals.min, language)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNok(totals.max, language)}</td>
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          </>
        )}
      </DemandFilterForm>
    </div>
  );
}

/**
 * Bars of the upper budget frame per quarter. One image to assistive technology (its title
 * and description say what it shows); the table beside it carries the numbers.
 */
function PipelineChart({ quarters, label, language }: { quarters: PipelineQuarter[]; label: (q: string | null) => string; language: Language }) {
  const { t } = useTranslation("demand");
  const bar = 72;
  const gap = 28;
  const top = 28;
  const height = 180;
  const bottom = 44;
  const width = quarters.length * (bar + gap) + gap;
  const largest = Math.max(1, ...quarters.map((q) => q.budgetMaxNok));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <svg
        role="img"
        aria-labelledby="pipeline-chart-title pipeline-chart-desc"
        viewBox={`0 0 ${width} ${top + height + bottom}`}
        width={width}
        height={top + height + bottom}
        className="h-auto max-w-full"
      >
        <title id="pipeline-chart-title">{t("pipeline.chartTitle")}</title>
        <desc id="pipeline-chart-desc">{t("pipeline.chartDesc", { count: quarters.length })}</desc>
        <line x1={gap / 2} x2={width - gap / 2} y1={top + height} y2={top + height} stroke="#475569" strokeWidth="1" />
        {quarters.map((q, i) => {
          const x = gap + i * (bar + gap);
          const h = Math.round((q.budgetMaxNok / largest) * height);
          const [line1, ...rest] = label(q.quarter).split(" ");
          return (
            <g key={q.quarter ?? "none"}>
              <rect x={x} y={top + height - h} width={bar} height={h} fill={q.quarter ? "#0b6b77" : "#64748b"} rx="2" />
              <text x={x + bar / 2} y={top + height - h - 8} textAnchor="middle" fontSize="12" fill="#0f172a">
                {formatNokRangeMillions(null, q.budgetMaxNok, language)}
              </text>
              <text x={x + bar / 2} y={top + height + 16} textAnchor="middle" fontSize="12" fill="#0f172a">
                {line1}
              </text>
              <text x={x + bar / 2} y={top + height + 32} textAnchor="middle" fontSize="12" fill="#0f172a">
                {rest.join(" ")}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
