import { useTranslation } from "~/i18n/use-translation";
import { barLengths } from "~/domain/chart-geometry";
import type { YearRealisation } from "~/domain/contracts";
import { formatNok, formatNumber, formatPercent, formatQuarter } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// Declared beside realised, per contract year: the indicated volume as a light bar, what was
// called off as a dark one beneath it, the binding minimum as a mark. A reader sees at a glance
// that 3 of 10 million were bought; the figures are written out beside the chart as well.

const WIDTH = 100;
const BAR = 6;

export function RealisationChart({
  years,
  unit,
  bindingMinimum,
  language,
}: {
  years: readonly YearRealisation[];
  unit: string | null;
  bindingMinimum: number | null;
  language: Language;
}) {
  const { t } = useTranslation("contracts");
  if (!years.length) return <p>{t("realisation.none")}</p>;
  return (
    <ol className="space-y-4">
      {years.map((y) => {
        const inKroner = y.indicatedNok !== null;
        const indicated = inKroner ? y.indicatedNok : y.indicatedQuantity;
        const realised = inKroner ? y.realisedNok : y.realisedQuantity;
        const show = (value: number | null) =>
          value === null ? "–" : inKroner ? formatNok(value, language) : `${formatNumber(value, language)} ${unit ?? ""}`.trim();
        const max = Math.max(1, indicated ?? 0, realised);
        const [indicatedLength, realisedLength, bindingAt] = barLengths([indicated, realised, inKroner ? bindingMinimum : null], { max, length: WIDTH });
        return (
          <li key={y.year} className="space-y-1">
            <p className="font-medium">
              {t("realisation.year", { year: y.year, first: formatQuarter(y.firstQuarter, language), last: formatQuarter(y.lastQuarter, language) })}:{" "}
              {y.share === null ? t("realisation.noShare") : t("realisation.share", { share: formatPercent(y.share, language) })}
            </p>
            <svg
              role="img"
              aria-label={t("realisation.chartLabel", { year: y.year, indicated: show(indicated), realised: show(realised) })}
              viewBox={`0 0 ${WIDTH} ${BAR * 2 + 2}`}
              preserveAspectRatio="none"
              className="h-8 w-full max-w-xl"
            >
              <rect x={0} y={0} width={WIDTH} height={BAR} className="fill-slate-100" />
              {indicatedLength ? <rect x={0} y={0} width={indicatedLength} height={BAR} className="fill-slate-400" /> : null}
              <rect x={0} y={BAR + 2} width={WIDTH} height={BAR} className="fill-slate-100" />
              {realisedLength ? <rect x={0} y={BAR + 2} width={realisedLength} height={BAR} className="fill-brand-700" /> : null}
              {bindingAt ? <rect x={Math.max(0, bindingAt - 0.5)} y={0} width={1} height={BAR * 2 + 2} className="fill-amber-600" /> : null}
            </svg>
            <p className="flex flex-wrap gap-x-4 text-sm text-slate-700">
              <span>
                <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 bg-slate-400" />
                {t("realisation.indicated")}: {show(indicated)}
              </span>
              <span>
                <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 bg-brand-700" />
                {t("realisation.realised")}: {show(realised)}
              </span>
              {bindingAt ? (
                <span>
                  <span aria-hidden="true" className="mr-1 inline-block h-3 w-1 bg-amber-600" />
                  {t("realisation.binding")}: {show(bindingMinimum)}
                </span>
              ) : null}
              {y.disputed > 0 ? <span className="font-semibold text-red-800">{t("realisation.disputed", { count: y.disputed })}</span> : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
