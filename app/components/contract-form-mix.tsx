import { useTranslation } from "~/i18n/use-translation";
import { MIX_CATEGORIES, type ContractFormMix } from "~/domain/contract-mix";
import { formatNok, formatPercent } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { BarChart, FigureSection, FigureTable } from "./scorecard-figures";
import { TableScroll } from "./table-scroll";

/**
 * kontraktsvalg (issue 15): the buyer's contract forms in the report's four groups, as a share of
 * its events and as a share of the expected value they declare; only the latter is set beside the
 * national shares, which are shares of spend. A table with every figure follows the charts.
 */
export function ContractFormMixSection({ mix, language, idPrefix }: { mix: ContractFormMix; language: Language; idPrefix: string }) {
  const { t } = useTranslation("scorecard");
  const pct = (share: number | null) => (share === null ? "–" : formatPercent(share, language));
  const group = (c: (typeof MIX_CATEGORIES)[number]) => t(`contractMix.categories.${c}`);
  const caption = t("contractMix.caption", { count: mix.events });
  return (
    <FigureSection id={`${idPrefix}-contract-mix`} heading={t("contractMix.heading")} explanation={t("contractMix.explanation")}>
      {mix.events === 0 ? (
        <p>{t("contractMix.none")}</p>
      ) : (
        <>
          <p className="max-w-3xl text-slate-800">
            {mix.declaredNok === 0 ? t("contractMix.noValue") : t("contractMix.valued", { count: mix.events, valued: mix.valuedEvents, value: formatNok(mix.declaredNok, language) })}
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="space-y-4">
              {mix.declaredNok === 0 ? null : (
                <div className="space-y-1">
                  <h4 className="font-semibold">{t("contractMix.byValue")}</h4>
                  <BarChart
                    max={1}
                    items={MIX_CATEGORIES.flatMap((c) => [
                      { label: `${group(c)} – ${t("contractMix.ofValue")}`, value: mix.byCategory[c].valueShare, display: pct(mix.byCategory[c].valueShare) },
                      { label: `${group(c)} – ${t("contractMix.national").toLowerCase()}`, value: mix.byCategory[c].national, display: pct(mix.byCategory[c].national) },
                    ])}
                  />
                </div>
              )}
              <div className="space-y-1">
                <h4 className="font-semibold">{t("contractMix.byEvents")}</h4>
                <BarChart max={1} items={MIX_CATEGORIES.map((c) => ({ label: group(c), value: mix.byCategory[c].share, display: pct(mix.byCategory[c].share) }))} />
              </div>
            </div>
            <TableScroll label={caption}>
              <FigureTable
                caption={caption}
                columns={[t("contractMix.group"), t("contractMix.eventsShare"), t("contractMix.valueShare"), t("contractMix.nationalSpend")]}
                rows={MIX_CATEGORIES.map((c) => {
                  const v = mix.byCategory[c];
                  return [
                    group(c),
                    t("contractMix.eventsCell", { share: pct(v.share), events: v.events }),
                    v.valueShare === null ? "–" : t("contractMix.valueCell", { share: pct(v.valueShare), value: formatNok(v.declaredNok, language) }),
                    pct(v.national),
                  ];
                })}
              />
            </TableScroll>
          </div>
        </>
      )}
    </FigureSection>
  );
}
