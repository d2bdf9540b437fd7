import { useTranslation } from "react-i18next";
import { MIX_CATEGORIES, type ContractFormMix } from "~/domain/contract-mix";
import { formatPercent } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { BarChart, FigureSection, FigureTable } from "./scorecard-figures";

/** kontraktsvalg (issue 15): the buyer's contract forms in the report's four groups, each bar beside the national share. */
export function ContractFormMixSection({ mix, language, idPrefix }: { mix: ContractFormMix; language: Language; idPrefix: string }) {
  const { t } = useTranslation("scorecard");
  const pct = (share: number | null) => (share === null ? "–" : formatPercent(share, language));
  return (
    <FigureSection id={`${idPrefix}-contract-mix`} heading={t("contractMix.heading")} explanation={t("contractMix.explanation")}>
      {mix.events === 0 ? (
        <p>{t("contractMix.none")}</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <BarChart
            max={1}
            items={MIX_CATEGORIES.flatMap((c) => [
              { label: t(`contractMix.categories.${c}`), value: mix.byCategory[c].share, display: pct(mix.byCategory[c].share) },
              { label: `${t(`contractMix.categories.${c}`)} – ${t("contractMix.national").toLowerCase()}`, value: mix.byCategory[c].national, display: pct(mix.byCategory[c].national) },
            ])}
          />
          <FigureTable
            caption={t("contractMix.caption", { count: mix.events })}
            rows={MIX_CATEGORIES.map((c) => {
              const v = mix.byCategory[c];
              return [t(`contractMix.categories.${c}`), t("contractMix.value", { share: pct(v.share), events: v.events, national: pct(v.national) })];
            })}
          />
        </div>
      )}
    </FigureSection>
  );
}
