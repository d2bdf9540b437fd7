import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { TableScroll } from "~/components/table-scroll";
import type { Language } from "~/i18n/resources";
import { Section, useFormatters, type EventView } from "./presentation";

// The published event's amendments: each with its reason and every field's before and after.

const DATE_TIME_FIELDS = new Set(["registrationDeadline", "startsAt", "endsAt", "responseDeadline"]);
const DATE_FIELDS = new Set(["expectation.expectedContractStart"]);
const QUARTER_FIELDS = new Set(["expectation.expectedTenderQuarter", "pilotPath.quarter", "pilotPath.optionWindowFrom", "pilotPath.optionWindowTo"]);
const CHOICE_FIELDS: Record<string, string> = {
  kind: "common:kinds",
  region: "common:regions",
  "effort.level": "common:effort",
  "effort.kindsOfWork": "eventPage:effort.work",
  "expectation.status": "eventPage:expectation.statuses",
  "contract.form": "eventPage:contract.forms",
  "sourcing.risk": "eventPage:sourcing.risks",
  "sourcing.need": "eventPage:sourcing.needs",
  "sourcing.advice": "eventPage:sourcing.advices",
  "dataProtection.dataResidency": "eventPage:dataProtection.residencies",
  "pilotPath.plan": "eventPage:pilotPath.plans",
};

export function ChangeLog({ event, language }: { event: EventView; language: Language }) {
  const { t, yesNo, quarter, nok } = useFormatters();
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "–";
    if (typeof value === "boolean") return yesNo(value) ?? "–";
    if (typeof value === "string" && DATE_TIME_FIELDS.has(field)) return formatDateTime(value, language);
    if (typeof value === "string" && DATE_FIELDS.has(field)) return formatDate(value, language);
    if (typeof value === "string" && QUARTER_FIELDS.has(field)) return quarter(value) ?? value;
    if (typeof value === "number" && field.endsWith("Nok")) return nok(value) ?? "–";
    if (typeof value === "number") return formatNumber(value, language);
    const choices = CHOICE_FIELDS[field];
    if (Array.isArray(value)) {
      if (field === "standards") {
        return value
          .map((s: { code?: string; level?: string }) => `${s.code ?? ""}${s.level ? ` (${t(`standards.levels.${s.level}`).toLowerCase()})` : ""}`)
          .join(", ");
      }
      if (field === "coBuyers") return formatNumber(value.length, language);
      if (field === "pilotPath.acceptanceCriteria") return value.map((c: { measure?: string; threshold?: string }) => `${c.measure ?? ""}: ${c.threshold ?? ""}`).join("; ") || "–";
      return value.map((v) => (choices ? t(`${choices}.${String(v)}`) : String(v))).join(", ") || "–";
    }
    if (typeof value === "string") return choices ? t(`${choices}.${value}`) : value;
    return JSON.stringify(value);
  };
  return (
    <Section id="changes" title={t("changeLog.heading")}>
      {event.amendments.length === 0 ? (
        <p className="text-slate-700">{t("changeLog.empty")}</p>
      ) : (
        <>
          <p className="text-slate-700">{t("changeLog.lead")}</p>
          <ol className="space-y-6">
            {[...event.amendments].reverse().map((amendment) => (
              <li key={amendment.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-semibold">
                  <time dateTime={amendment.at}>{formatDateTime(amendment.at, language)}</time>
                </h3>
                <p className="mt-1">
                  <span className="font-medium">{t("changeLog.reason")}:</span> {amendment.reason}
                </p>
                <TableScroll label={t("changeLog.changes", { date: formatDateTime(amendment.at, language) })}>
                  <table className="mt-3 w-full text-left text-sm">
                    <caption className="sr-only">{t("changeLog.changes", { date: formatDateTime(amendment.at, language) })}</caption>
                    <thead>
                      <tr className="border-b border-slate-300 text-slate-700">
                        <th scope="col" className="py-1 pr-4 font-medium">
                          {t("changeLog.field")}
                        </th>
                        <th scope="col" className="py-1 pr-4 font-medium">
                          {t("changeLog.before")}
                        </th>
                        <th scope="col" className="py-1 font-medium">
                          {t("changeLog.after")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {amendment.changes.map((change) => (
                        <tr key={change.field} className="border-b border-slate-200 align-top">
                          <th scope="row" className="py-1 pr-4 font-medium">
                            {t(`changeLog.fields.${change.field}`, { defaultValue: change.field })}
                          </th>
                          <td className="py-1 pr-4">
                            <del className="text-slate-700">{show(change.field, change.before)}</del>
                          </td>
                          <td className="py-1">
                            <ins className="no-underline">{show(change.field, change.after)}</ins>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}
