import { formatDateTime } from "~/i18n/format";
import { amendmentFieldLabel, amendmentValueText } from "~/i18n/amendment-text";
import { TableScroll } from "~/components/table-scroll";
import type { Language } from "~/i18n/resources";
import { Section, useFormatters, type EventView } from "./presentation";

// The published event's amendments: each with its reason and every field's before and after.

export function ChangeLog({ event, language }: { event: EventView; language: Language }) {
  const { t } = useFormatters();
  const show = (field: string, value: unknown) => amendmentValueText(t, language, field, value);
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
                            {amendmentFieldLabel(t, change.field)}
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
