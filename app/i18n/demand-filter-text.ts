import { CPV_CODES } from "~/domain/cpv";
import type { DemandFilter } from "~/domain/demand-filter";
import { fixedT } from "~/i18n/i18n";
import { formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

/** A CPV prefix with the name of the code it stands for ("4881" → "48810000 Informasjonssystemer"). */
function cpvText(prefix: string, language: Language): string {
  const entry = CPV_CODES.find((e) => e.code.startsWith(prefix.padEnd(8, "0")));
  return entry ? `${prefix} ${entry[language]}` : prefix;
}

/**
 * A demand filter as readable lines ("Region: Vestland, Rogaland"), labelled as on the
 * filter form, for the watches page. Standard names come from the catalogue.
 */
export function describeDemandFilter(
  filter: DemandFilter,
  language: Language,
  standardNames: Record<string, string> = {},
): { label: string; value: string }[] {
  const t = fixedT(language, "demand");
  const tc = fixedT(language, "common");
  const to = fixedT(language, "organisations");
  const lines: { label: string; value: string }[] = [];
  const add = (label: string, values: string[]) => {
    if (values.length) lines.push({ label, value: values.join(", ") });
  };
  if (filter.q) add(t("search.label"), [`«${filter.q}»`]);
  add(t("filters.kind"), filter.kinds.map((k) => (k === "consultation" ? t("filters.consultations") : tc(`kinds.${k}`))));
  add(t("filters.cpv"), filter.cpv.map((c) => cpvText(c, language)));
  if (filter.buyer) add(t("filters.buyer"), [filter.buyer]);
  add(t("filters.sector"), filter.sectors.map((s) => to(`sectors.${s}`)));
  add(t("filters.region"), filter.regions.map((r) => tc(`regions.${r}`)));
  add(t("filters.standard"), filter.standards.map((s) => standardNames[s] ?? s));
  add(t("filters.expectation"), filter.expectations.map((e) => t(`expectationStatus.${e}`)));
  if (filter.budgetFrom !== null || filter.budgetTo !== null) {
    const from = filter.budgetFrom === null ? "" : formatNumber(filter.budgetFrom, language);
    const to_ = filter.budgetTo === null ? "" : formatNumber(filter.budgetTo, language);
    add(t("filters.budget"), [`${from}–${to_}`]);
  }
  if (filter.quarterFrom || filter.quarterTo) add(t("filters.quarter"), [`${filter.quarterFrom ?? ""}–${filter.quarterTo ?? ""}`]);
  if (filter.open) lines.push({ label: t("filters.open"), value: "✓" });
  if (filter.backgroundIp) lines.push({ label: t("filters.backgroundIp"), value: "✓" });
  if (filter.excludeOwnDelivery) lines.push({ label: t("filters.ownDeliveryExclude"), value: "✓" });
  if (filter.integrationBudget) lines.push({ label: t("filters.integrationBudget"), value: "✓" });
  return lines;
}
