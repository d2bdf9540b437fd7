import { useTranslation } from "~/i18n/use-translation";
import { barLengths } from "~/domain/chart-geometry";
import { CHART_OUTCOMES, type outcomeCounts } from "~/domain/pilot-register";
import { formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// How ended pilots ended, one bar per result: a reader sees at once how many met their
// criteria and were still not bought beside those bought. The SVG is described by its
// figcaption and the figures are written beside each bar, so nothing is only in the picture.

const WIDTH = 100;
const BAR = 8;
const FILL = { bought: "fill-emerald-700", met_not_bought: "fill-amber-600", not_met_not_bought: "fill-slate-500", open: "fill-sky-700", missing: "fill-red-700" } as const;

export function PilotOutcomeChart({ counts, language }: { counts: ReturnType<typeof outcomeCounts>; language: Language }) {
  const { t } = useTranslation("pilots");
  const values = CHART_OUTCOMES.map((o) => counts[o]);
  const lengths = barLengths(values, { length: WIDTH });
  const summary = t("register.chartSummary", {
    bought: counts.bought,
    metNotBought: counts.met_not_bought,
    notMet: counts.not_met_not_bought,
    open: counts.open,
    missing: counts.missing,
  });
  return (
    <figure className="max-w-2xl space-y-2" aria-labelledby="pilot-chart-title">
      <figcaption id="pilot-chart-title" className="font-semibold">
        {t("register.chartTitle")}
        <span className="block text-sm font-normal text-slate-700">{summary}</span>
      </figcaption>
      <div className="grid grid-cols-[minmax(8rem,auto)_1fr_auto] items-center gap-x-3 gap-y-1 text-sm">
        {CHART_OUTCOMES.map((outcome, i) => (
          <div key={outcome} className="contents">
            <span>{t(`register.outcomes.${outcome}`)}</span>
            <svg aria-hidden="true" viewBox={`0 0 ${WIDTH} ${BAR}`} preserveAspectRatio="none" className="h-4 w-full">
              <rect x={0} y={0} width={WIDTH} height={BAR} className="fill-slate-100" />
              {lengths[i] ? <rect x={0} y={0} width={lengths[i]!} height={BAR} className={FILL[outcome]} /> : null}
            </svg>
            <span className="text-right font-medium tabular-nums">{formatNumber(values[i]!, language)}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
