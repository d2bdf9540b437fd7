import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { csvDocument, csvOsloTime, type CsvCell } from "~/domain/csv";
import { parseDemandFilter } from "~/domain/demand-filter";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { eachDemandItem, type DemandConsultationItem, type DemandEventItem } from "~/models/demand.server";
import { absoluteUrl } from "~/http/public-url.server";
import { csvResponse } from "~/http/responses.server";

// /demand.csv — the current filtered list (all pages, up to 10 000 rows: events and open
// consultations, one row each, the kind column telling them apart) for a spreadsheet,
// written by the portal's one CSV writer (app/domain/csv.ts: semicolons, BOM, formulas made
// inert), with times in Oslo and names where the page shows names (see docs/api.md).
const MAX_ROWS = 10_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const language = await getLanguage(request);
  const t = fixedT(language, "demand");
  const tc = fixedT(language, "common");
  const to = fixedT(language, "organisations");
  const { filter } = parseDemandFilter(url.searchParams);

  const tk = fixedT(language, "consultations");
  // Each column: its heading, an event's value, and a consultation's (empty where it has none).
  const columns: [string, (item: DemandEventItem) => CsvCell, ((item: DemandConsultationItem) => CsvCell)?][] = [
    [t("csv.id"), (i) => i.id, (c) => c.id],
    [t("csv.url"), (i) => absoluteUrl(`/events/${i.id}`), (c) => absoluteUrl(`/consultations/${c.id}`)],
    [t("csv.kind"), (i) => tc(`kinds.${i.kind}`), () => t("results.consultation")],
    [t("csv.title"), (i) => i.title, (c) => c.title],
    [t("csv.buyer"), (i) => i.buyerName, (c) => c.buyerName ?? tk("operators")],
    [t("csv.sector"), (i) => (i.buyerSector ? to(`sectors.${i.buyerSector}`) : null), (c) => (c.buyerSector ? to(`sectors.${c.buyerSector}`) : null)],
    [t("csv.region"), (i) => (i.region ? tc(`regions.${i.region}`) : null)],
    [t("csv.cpv"), (i) => i.cpvCodes.join(" ")],
    [t("csv.registrationDeadline"), (i) => csvOsloTime(i.registrationDeadline)],
    [t("csv.responseDeadline"), (i) => csvOsloTime(i.responseDeadline), (c) => csvOsloTime(c.deadline)],
    [t("csv.effort"), (i) => tc(`effort.${i.effortLevel}`), (c) => tc(`effort.${c.effortLevel}`)],
    [t("csv.hoursPerVendor"), (i) => i.effortHoursPerVendor, (c) => c.hoursPerResponder],
    [t("csv.expectation"), (i) => (i.expectationStatus ? t(`expectationStatus.${i.expectationStatus}`) : t("csv.notDeclared"))],
    [t("csv.budgetMin"), (i) => i.budgetMinNok],
    [t("csv.budgetMax"), (i) => i.budgetMaxNok],
    [t("csv.tenderQuarter"), (i) => i.expectedTenderQuarter],
    [t("csv.standards"), (i) => i.standards.map((s) => s.name).join(", ")],
    [t("csv.backgroundIp"), (i) => (i.backgroundIpStaysWithVendor === null ? null : t(i.backgroundIpStaysWithVendor ? "csv.yes" : "csv.no"))],
    [t("csv.buyerDeliversItself"), (i) => t(i.buyerDeliversItself ? "csv.yes" : "csv.no")],
    [t("csv.integrationBudgetIncluded"), (i) => (i.integrationBudgetIncluded === null ? null : t(i.integrationBudgetIncluded ? "csv.yes" : "csv.no"))],
    [t("csv.integrationBudget"), (i) => i.integrationBudgetNok],
  ];

  const rows: CsvCell[][] = [columns.map(([heading]) => heading)];
  for await (const item of eachDemandItem(db(), filter, { max: MAX_ROWS })) {
    rows.push(columns.map(([, event, consultation]) => (item.kind === "consultation" ? (consultation?.(item) ?? null) : event(item))));
  }
  return csvResponse(csvDocument(rows), `${t("csv.filename")}.csv`);
}
