import { parseQuarter, type ExpectationStatus } from "~/domain/events";
import { fixedT } from "~/i18n/i18n";
import { formatNokRangeMillions } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

/** What the text needs of an event's purchase expectation (null: not declared). */
export interface ExpectationSummary {
  status: ExpectationStatus;
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  expectedTenderQuarter: string | null;
}

/** "Kjøp forventet: planlagt, 4–6 MNOK, anbud 2. kvartal 2027" as plain text (meta description, calendar). */
export function expectationText(expectation: ExpectationSummary | null, language: Language): string {
  const t = fixedT(language, "common");
  if (expectation === null) return t("expectation.notDeclared");
  if (expectation.status === "none") return t("expectation.noneExpected");
  const quarter = expectation.expectedTenderQuarter ? parseQuarter(expectation.expectedTenderQuarter) : null;
  const parts = [
    t(`expectation.status.${expectation.status}`),
    formatNokRangeMillions(expectation.budgetMinNok, expectation.budgetMaxNok, language),
    quarter ? t("expectation.tenderQuarter", { quarter: quarter.quarter, year: quarter.year }) : null,
  ].filter(Boolean);
  return `${t("expectation.label")}: ${parts.join(", ")}`;
}
