import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { barLengths } from "~/domain/chart-geometry";
import type { ContractFigures, ContractType } from "~/domain/contracts";
import { formatNok, formatNumber, formatPercent } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// The buyer scorecard's contract figures (issue 15): what was indicated in the contracts
// against what was called off, each figure with its sentence, a chart of each contract's
// indicated and called-off kroner side by side, and links to the contracts behind them.

export interface ContractRow {
  id: string;
  title: string;
  type: ContractType;
  capacityWithoutCommitment: boolean;
  indicatedNok: number;
  realisedNok: number;
  share: number | null;
  disputedQuarters: number;
  quarters: number;
}

const WIDTH = 100;

/** `callOffsCsvUrl`: where the buyer's call-offs are open data (/buyers/{id}/call-offs.csv), linked once a quarter is recorded. */
export function ContractFiguresSection({
  figures: f,
  contracts,
  language,
  callOffsCsvUrl,
}: {
  figures: ContractFigures;
  contracts: ContractRow[];
  language: Language;
  callOffsCsvUrl?: string;
}) {
  const { t } = useTranslation("contracts");
  const n = (value: number) => formatNumber(value, language);
  const decided = f.options.exercised + f.options.declined;
  const items: [string, string, string][] = [
    [
      t("scorecard.share"),
      f.realisation.share === null
        ? "–"
        : t("scorecard.shareValue", { share: formatPercent(f.realisation.share, language), realised: formatNok(f.realisation.realisedNok, language), indicated: formatNok(f.realisation.indicatedNok, language) }),
      t("realisation.explanation"),
    ],
    [t("scorecard.disputed"), t("scorecard.disputedValue", { disputed: n(f.realisation.disputedQuarters), quarters: n(f.realisation.quarters) }), t("scorecard.disputedExplained")],
    [
      t("scorecard.options"),
      decided === 0 ? "–" : `${formatPercent(f.options.share ?? 0, language)} (${t("scorecard.optionsValue", { exercised: n(f.options.exercised), decided: n(decided) })})`,
      t("scorecard.optionsExplained"),
    ],
    [t("scorecard.capacity"), t("scorecard.capacityValue", { count: n(f.capacity.withoutCommitment), frameworks: n(f.capacity.frameworks) }), t("scorecard.capacityExplained")],
  ];
  return (
    <section aria-labelledby="contract-figures-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="contract-figures-title" className="text-2xl font-semibold">
        {t("scorecard.heading")}
      </h2>
      <p className="max-w-3xl text-slate-700">{t("scorecard.explanation")}</p>
      {f.contracts === 0 ? (
        <p>{t("scorecard.none")}</p>
      ) : (
        <>
          <dl className="grid gap-4 sm:grid-cols-2">
            {items.map(([label, value, explanation]) => (
              <div key={label} className="rounded border border-slate-200 p-3">
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd className="text-2xl font-bold text-slate-900">{value}</dd>
                <dd className="text-sm text-slate-700">{explanation}</dd>
              </div>
            ))}
          </dl>
          <h3 className="text-lg font-semibold">{t("scorecard.sources")}</h3>
          <ContractBars contracts={contracts} language={language} />
          {callOffsCsvUrl && f.realisation.quarters > 0 ? (
            <p className="max-w-3xl text-sm text-slate-700">
              <a href={callOffsCsvUrl} className="font-medium text-brand-800 underline" download>
                {t("scorecard.csvLink")}
              </a>{" "}
              {t("scorecard.csvHint")}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Each contract's indicated and called-off kroner as two bars on one scale, the figures beside them. */
export function ContractBars<Row extends ContractRow>({ contracts, language, detail }: { contracts: Row[]; language: Language; detail?: (c: Row) => ReactNode }) {
  const { t } = useTranslation("contracts");
  const max = Math.max(1, ...contracts.flatMap((c) => [c.indicatedNok, c.realisedNok]));
  return (
    <ul className="space-y-4">
      {contracts.map((c) => {
        const [indicated, realised] = barLengths([c.indicatedNok, c.realisedNok], { max, length: WIDTH });
        return (
          <li key={c.id} className="space-y-1">
            <p>
              <Link to={`/contracts/${c.id}`} className="font-medium text-brand-800 underline">
                {c.title}
              </Link>{" "}
              <span className="text-slate-700">
                ({t(`types.${c.type}`)}
                {c.share !== null ? `, ${t("realisation.share", { share: formatPercent(c.share, language) })}` : ""})
              </span>
            </p>
            {detail?.(c)}
            <svg
              role="img"
              aria-label={t("scorecard.chartLabel", { title: c.title, indicated: formatNok(c.indicatedNok, language), realised: formatNok(c.realisedNok, language) })}
              viewBox={`0 0 ${WIDTH} 14`}
              preserveAspectRatio="none"
              className="h-7 w-full max-w-xl"
            >
              {indicated ? <rect x={0} y={0} width={indicated} height={6} className="fill-slate-400" /> : null}
              {realised ? <rect x={0} y={8} width={realised} height={6} className="fill-brand-700" /> : null}
            </svg>
            <p className="flex flex-wrap gap-x-4 text-sm text-slate-700">
              <span>
                {t("realisation.indicated")}: {formatNok(c.indicatedNok, language)}
              </span>
              <span>
                {t("realisation.realised")}: {formatNok(c.realisedNok, language)}
              </span>
              {c.disputedQuarters > 0 ? <span className="font-semibold text-red-800">{t("realisation.disputed", { count: c.disputedQuarters })}</span> : null}
              {c.capacityWithoutCommitment ? <span className="font-semibold text-amber-900">{t("volumes.withoutCommitment")}</span> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
