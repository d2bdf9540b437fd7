import { useTranslation } from "~/i18n/use-translation";
import { columnStrip } from "~/domain/chart-geometry";
import type { Scorecard } from "~/domain/scorecard";
import type { QuarterFigures } from "~/domain/scorecard-trend";
import { formatNok, formatNokRangeMillions, formatNumber, formatPercent } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { useQuarterLabel } from "./scorecard-figures";

// The top of a buyer's scorecard: the five figures a vendor asks about first, each with its
// trend per quarter as a small column strip, and the same numbers in a table for exact reading
// and for screen readers. Drawn as SVG attributes, which the Content-Security-Policy allows.

interface HeadlineFigure {
  key: string;
  label: string;
  value: string;
  detail: string | null;
  /** Per quarter of the window, oldest first; null where there is no figure. */
  trend: (number | null)[];
  trendDisplay: string[];
  /** The value a full column stands for (1 for shares); the largest quarter otherwise. */
  max?: number;
}

const STRIP = { width: 100, height: 32, gap: 2 };

/** Columns per quarter, oldest on the left; a light track marks quarters that have a figure, so zero differs from none. */
function TrendStrip({ figure, quarters }: { figure: HeadlineFigure; quarters: string[] }) {
  const { t } = useTranslation("scorecard");
  const columns = columnStrip(figure.trend, { ...STRIP, max: figure.max });
  const values = quarters.map((q, i) => `${q}: ${figure.trendDisplay[i]}`).join("; ");
  return (
    <div className="mt-2">
      <svg
        role="img"
        aria-label={t("headline.trendLabel", { figure: figure.label, values })}
        viewBox={`0 0 ${STRIP.width} ${STRIP.height + 1}`}
        preserveAspectRatio="none"
        className="h-10 w-full"
      >
        {columns.map((c, i) =>
          c.missing ? null : (
            <g key={quarters[i]}>
              <rect x={c.x} y={0} width={c.width} height={STRIP.height} className="fill-slate-200" />
              {c.height > 0 ? <rect x={c.x} y={c.y} width={c.width} height={c.height} className="fill-brand-700" /> : null}
            </g>
          ),
        )}
        <rect x={0} y={STRIP.height} width={STRIP.width} height={1} className="fill-slate-500" />
      </svg>
      <p aria-hidden="true" className="mt-1 flex justify-between gap-2 text-xs text-slate-600">
        <span>{quarters[0]}</span>
        <span>{quarters[quarters.length - 1]}</span>
      </p>
    </div>
  );
}

export function ScorecardHeadline({ scorecard: s, trend, language }: { scorecard: Scorecard; trend: QuarterFigures[]; language: Language }) {
  const { t } = useTranslation("scorecard");
  const shortQuarter = useQuarterLabel({ short: true });
  const n = (value: number) => formatNumber(value, language);
  const hours = (value: number | null) => (value === null ? "–" : t("figures.answers.hours", { count: value }));
  const share = (value: number | null, met: number, due: number) =>
    value === null
      ? "–"
      : t("headline.shareOf", {
          share: formatPercent(value, language),
          met: n(met),
          due: n(due),
        });
  const quarters = trend.map((q) => shortQuarter(q.quarter));
  const figures: HeadlineFigure[] = [
    {
      key: "fulfilment",
      label: t("figures.fulfilment.met"),
      value: s.fulfilment.share === null ? t("figures.fulfilment.none") : formatPercent(s.fulfilment.share, language),
      detail:
        s.fulfilment.due === 0
          ? t("headline.nothingDue")
          : t("headline.fulfilmentDetail", {
              met: n(s.fulfilment.met),
              due: n(s.fulfilment.due),
            }),
      trend: trend.map((q) => q.fulfilmentShare),
      trendDisplay: trend.map((q) => share(q.fulfilmentShare, q.fulfilmentMet, q.fulfilmentDue)),
      max: 1,
    },
    {
      key: "effort",
      label: t("insights.columns.effort"),
      value: n(s.effort.events),
      detail: null,
      trend: trend.map((q) => q.effortEvents),
      trendDisplay: trend.map((q) => n(q.effortEvents)),
    },
    {
      key: "hours",
      label: t("figures.hours.requested"),
      value: n(s.hours.requestedHours),
      detail: t("headline.reportedDetail", {
        reported: n(s.hours.reportedHours),
      }),
      trend: trend.map((q) => q.requestedHours),
      trendDisplay: trend.map((q) => n(q.requestedHours)),
    },
    {
      key: "procured",
      label: t("figures.hours.procured"),
      value: formatNokRangeMillions(null, s.hours.procuredNok, language)!,
      detail: null,
      trend: trend.map((q) => q.procuredNok),
      trendDisplay: trend.map((q) => formatNok(q.procuredNok, language)),
    },
    {
      key: "answers",
      label: t("figures.answers.median"),
      value: s.answers.medianHours === null ? t("figures.answers.none") : hours(s.answers.medianHours),
      detail: t("headline.answeredDetail", {
        count: s.answers.answered,
        formatted: n(s.answers.answered),
      }),
      trend: trend.map((q) => q.medianAnswerHours),
      trendDisplay: trend.map((q) => hours(q.medianAnswerHours)),
    },
  ];
  return (
    <section aria-labelledby="headline-heading" className="space-y-3">
      <h2 id="headline-heading" className="text-2xl font-semibold">
        {t("headline.heading")}
      </h2>
      <p className="max-w-3xl text-slate-700">{t("headline.explanation")}</p>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {figures.map((f) => (
          <li key={f.key} className="flex flex-col rounded-lg border border-slate-200 bg-white p-3">
            <p className="text-sm font-medium text-slate-700">{f.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{f.value}</p>
            {f.detail ? <p className="text-xs text-slate-700">{f.detail}</p> : null}
            <div className="mt-auto">
              <TrendStrip figure={f} quarters={quarters} />
            </div>
          </li>
        ))}
      </ul>
      <details className="rounded-lg border border-slate-200 bg-white p-3">
        <summary className="cursor-pointer font-medium text-brand-800 underline">{t("headline.tableSummary")}</summary>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("headline.tableNote")}</p>
        {/* Scrolls sideways on a phone: a keyboard must be able to reach it (WCAG 2.1.1; axe's scrollable-region-focusable). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="headline-table-caption">
          <table className="w-full border-collapse text-left text-sm">
            <caption id="headline-table-caption" className="mb-1 text-left font-medium text-slate-800">
              {t("headline.tableCaption", { months: s.window.months })}
            </caption>
            <thead>
              <tr className="border-b-2 border-slate-300 align-bottom">
                <th scope="col" className="py-1 pr-3">
                  {t("insights.quarter")}
                </th>
                {figures.map((f) => (
                  <th key={f.key} scope="col" className="px-2 py-1 text-right">
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {quarters.map((quarter, i) => (
                <tr key={quarter} className="border-b border-slate-200">
                  <th scope="row" className="whitespace-nowrap py-1 pr-3 font-normal">
                    {quarter}
                  </th>
                  {figures.map((f) => (
                    <td key={f.key} className="whitespace-nowrap px-2 py-1 text-right tabular-nums">
                      {f.trendDisplay[i]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
