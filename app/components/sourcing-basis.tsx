import { useTranslation } from "~/i18n/use-translation";
import { SOURCING_CITATIONS, type SourcingCitation } from "~/domain/sourcing";

/** The sentences a sourcing advice rests on, each with its source; on the event form and the event page. */
export function SourcingBasis({ citations, id }: { citations: readonly SourcingCitation[]; id: string }) {
  const { t } = useTranslation("eventPage");
  if (citations.length === 0) return null;
  return (
    <div className="space-y-1 text-sm">
      <p id={id} className="font-medium text-slate-700">
        {t("sourcing.basisHeading")}
      </p>
      <ul aria-labelledby={id} className="list-disc space-y-1 pl-5 text-slate-800">
        {citations.map((citation) => {
          const { source, verbatim } = SOURCING_CITATIONS[citation];
          return (
            <li key={citation}>
              {verbatim ? <q>{t(`sourcing.basis.${citation}`)}</q> : t(`sourcing.basis.${citation}`)}{" "}
              <span className="text-slate-600">
                ({t(`sourcing.sources.${source}`)}, {t(verbatim ? "sourcing.verbatim" : "sourcing.summary")})
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
