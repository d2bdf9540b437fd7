import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { ProcuredValueSource } from "~/domain/scorecard";
import { formatNok, formatPercent } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { TableScroll } from "./table-scroll";
import { useQuarterLabel } from "./scorecard-figures";

/** forutsigbarhet (issue 15): the procured expectations that make up "Kjøpt mot erklært verdi", each linked to its event. */
export function ProcuredValueSources({ sources, language }: { sources: ProcuredValueSource[]; language: Language }) {
  const { t } = useTranslation(["scorecard", "demand"]);
  const quarterLabel = useQuarterLabel();
  if (sources.length === 0) return null;
  const caption = t("figures.procuredValue.sourcesCaption");
  return (
    <TableScroll label={caption}>
      <table className="w-full border-collapse text-left text-sm" data-testid="procured-value-sources">
        <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-1 pr-3">{t("figures.procuredValue.event")}</th>
            <th scope="col" className="py-1 pr-3">{t("figures.procuredValue.status")}</th>
            <th scope="col" className="py-1 pr-3">{t("figures.procuredValue.quarter")}</th>
            <th scope="col" className="py-1 pr-3 text-right">{t("figures.procuredValue.sourceDeclared")}</th>
            <th scope="col" className="py-1 pr-3 text-right">{t("figures.procuredValue.sourceProcured")}</th>
            <th scope="col" className="py-1 text-right">{t("figures.procuredValue.sourceRatio")}</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id} className="border-b border-slate-200">
              <th scope="row" className="py-1 pr-3 font-normal">
                <Link to={`/events/${s.id}`} className="text-brand-800 underline">
                  {s.title}
                </Link>
              </th>
              <td className="py-1 pr-3">{t(`demand:expectationStatus.${s.status}`)}</td>
              <td className="py-1 pr-3">{quarterLabel(s.declaredQuarter)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{formatNok(s.declaredNok, language)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{formatNok(s.procuredNok, language)}</td>
              <td className="py-1 text-right tabular-nums">{formatPercent(s.ratio, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
