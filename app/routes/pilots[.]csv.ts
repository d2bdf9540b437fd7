import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { csvDocument, csvOsloTime, type CsvCell } from "~/domain/csv";
import { parsePilotRegisterFilter } from "~/domain/pilot-register";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { listPilotRegister, type PilotRegisterRow } from "~/models/pilot-register.server";
import { absoluteUrl } from "~/http/public-url.server";
import { csvResponse } from "~/http/responses.server";

// /pilots.csv — public: the pilot register (issue 16) with the filters of /pilots, one row per
// pilot, written by the portal's one CSV writer (app/domain/csv.ts). Criteria and their
// results in one cell each, in the pilot's order.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const t = fixedT(language, "pilots");
  const tc = fixedT(language, "common");
  const filter = parsePilotRegisterFilter(new URL(request.url).searchParams);
  const yesNo = (value: boolean) => t(value ? "csv.yes" : "csv.no");

  const columns: [string, (p: PilotRegisterRow) => CsvCell][] = [
    [t("csv.id"), (p) => p.id],
    [t("csv.url"), (p) => absoluteUrl(`/events/${p.id}`)],
    [t("csv.kind"), (p) => tc(`kinds.${p.kind}`)],
    [t("csv.title"), (p) => p.title],
    [t("register.buyer"), (p) => p.buyer.name],
    [t("register.region"), (p) => (p.region ? tc(`regions.${p.region}`) : null)],
    [t("csv.cpv"), (p) => p.cpvCodes.join(" ")],
    [t("csv.endedAt"), (p) => csvOsloTime(p.endedAt)],
    [t("register.criteria"), (p) => p.criteria.map((c) => `${c.measure}: ${c.threshold}`).join(" | ")],
    [t("csv.results"), (p) => (p.exit ? p.exit.results.map((r) => t(`results.${r.result}`)).join(" | ") : null)],
    [t("register.path"), (p) => (p.plan ? t(`register.paths.${p.plan}`) : null)],
    [t("csv.purchaseBudgeted"), (p) => (p.budget ? yesNo(p.budget === "budgeted") : null)],
    [t("csv.optionMaxPriceNok"), (p) => p.optionMaxPriceNok],
    [t("register.funding"), (p) => p.funding.map((f) => (f.source === "other" && f.otherText ? f.otherText : t(`register.fundingSources.${f.source}`))).join(", ")],
    [t("register.noPurchaseBudget"), (p) => yesNo(p.noPurchaseBudgetAfterPilot)],
    [t("csv.vendorInvestmentHours"), (p) => p.vendorInvestment.hours],
    [t("csv.vendorInvestmentNok"), (p) => p.vendorInvestment.nok],
    [t("csv.investmentCorrections"), (p) => p.investmentCorrections.count],
    [t("csv.correctedHoursMedian"), (p) => p.investmentCorrections.hours?.median ?? null],
    [t("csv.correctedNokMedian"), (p) => p.investmentCorrections.nok?.median ?? null],
    [t("register.outcome"), (p) => t(`register.outcomes.${p.outcome}`)],
    [t("register.decision"), (p) => (p.exit ? t(`decisions.${p.exit.decision}`) : null)],
    [t("csv.stopReason"), (p) => (p.exit?.stopReason ? t(`reasons.${p.exit.stopReason}`) : null)],
    [t("register.followOn"), (p) => (p.exit?.followOn ? absoluteUrl(p.exit.followOn.href) : null)],
    [t("register.duplicateOf"), (p) => p.duplicateOf.map((d) => absoluteUrl(`/events/${d.id}`)).join(" ")],
    [t("register.duplicateReason"), (p) => p.duplicateReason],
  ];

  const rows: CsvCell[][] = [columns.map(([heading]) => heading)];
  for (const pilot of await listPilotRegister(db(), filter)) rows.push(columns.map(([, value]) => value(pilot)));
  return csvResponse(csvDocument(rows), `${t("csv.filename")}.csv`, { cacheControl: "public, max-age=60" });
}
