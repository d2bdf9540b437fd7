import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { parseDemandFilter } from "~/domain/demand-filter";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { eachDemandItem, type DemandItem } from "~/models/demand.server";
import { absoluteUrl } from "~/http/public-url.server";

// /demand.csv — the current filtered list (all pages, up to 10 000 rows) for a spreadsheet.
// Semicolons and a UTF-8 byte-order mark, because Norwegian Excel uses the comma as its
// decimal separator and reads a BOM-less file as Windows-1252 (see docs/api.md).
const MAX_ROWS = 10_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const language = await getLanguage(request);
  const t = fixedT(language, "demand");
  const tc = fixedT(language, "common");
  const to = fixedT(language, "organisations");
  const { filter } = parseDemandFilter(url.searchParams);

  const columns: [string, (item: DemandItem) => string | number | null][] = [
    [t("csv.id"), (i) => i.id],
    [t("csv.url"), (i) => absoluteUrl(`/events/${i.id}`)],
    [t("csv.kind"), (i) => tc(`kinds.${i.kind}`)],
    [t("csv.title"), (i) => i.title],
    [t("csv.buyer"), (i) => i.buyerName],
    [t("csv.sector"), (i) => (i.buyerSector ? to(`sectors.${i.buyerSector}`) : null)],
    [t("csv.region"), (i) => (i.region ? tc(`regions.${i.region}`) : null)],
    [t("csv.cpv"), (i) => i.cpvCodes.join(" ")],
    [t("csv.registrationDeadline"), (i) => i.registrationDeadline?.toISOString() ?? null],
    [t("csv.responseDeadline"), (i) => i.responseDeadline?.toISOString() ?? null],
    [t("csv.effort"), (i) => tc(`effort.${i.effortLevel}`)],
    [t("csv.hoursPerVendor"), (i) => i.effortHoursPerVendor],
    [t("csv.expectation"), (i) => (i.expectationStatus ? t(`expectationStatus.${i.expectationStatus}`) : t("csv.notDeclared"))],
    [t("csv.budgetMin"), (i) => i.budgetMinNok],
    [t("csv.budgetMax"), (i) => i.budgetMaxNok],
    [t("csv.tenderQuarter"), (i) => i.expectedTenderQuarter],
    [t("csv.standards"), (i) => i.standards.map((s) => s.code).join(" ")],
  ];

  const lines = [columns.map(([heading]) => csvField(heading)).join(";")];
  for await (const item of eachDemandItem(db(), filter, { max: MAX_ROWS })) {
    lines.push(columns.map(([, value]) => csvField(value(item))).join(";"));
  }
  const body = `\uFEFF${lines.join("\r\n")}\r\n`;
  const filename = `${t("csv.filename")}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    },
  });
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula. */
function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function asciiFallback(filename: string): string {
  const plain: Record<string, string> = { æ: "ae", ø: "o", å: "a", Æ: "AE", Ø: "O", Å: "A" };
  return filename.replace(/[æøåÆØÅ]/g, (c) => plain[c] ?? "").replace(/[^\x20-\x7e]|"/g, "");
}
