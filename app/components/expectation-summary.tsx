import { useTranslation } from "~/i18n/use-translation";
import { parseQuarter, type ExpectationStatus } from "~/domain/events";
import { formatNokRangeMillions } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

interface Props {
  status: ExpectationStatus | null;
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  expectedTenderQuarter: string | null;
}

/** "Kjøp forventet: planlagt, 4–6 MNOK, anbud 2. kvartal 2027" — said plainly. */
export function ExpectationSummary({ status, budgetMinNok, budgetMaxNok, expectedTenderQuarter }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (status === null) return <span className="text-slate-600">{t("expectation.notDeclared")}</span>;
  if (status === "none") return <span className="font-semibold text-amber-800">{t("expectation.noneExpected")}</span>;
  const quarter = expectedTenderQuarter ? parseQuarter(expectedTenderQuarter) : null;
  const parts = [
    t(`expectation.status.${status}`),
    formatNokRangeMillions(budgetMinNok, budgetMaxNok, language),
    quarter ? t("expectation.tenderQuarter", { quarter: quarter.quarter, year: quarter.year }) : null,
  ].filter(Boolean);
  return (
    <span>
      <span className="font-semibold">{t("expectation.label")}:</span> {parts.join(", ")}
    </span>
  );
}
