import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors, NumberField, SubmitButton, TextArea, recordField, type Errors, type Values } from "~/components/forms";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// One vendor's reported effort, as both sides see it: the figures that count, the vendor's
// note, and every correction with the figures it replaced. The reporting vendor may correct
// it while the window is open (EFFORT_REPORT_CORRECTION_DAYS in app/domain/effort-requests.ts).

interface Figures {
  hours: number;
  people: number;
  note: string | null;
}

export interface EffortReportShown extends Figures {
  id: string;
  /** The reporting vendor, where the page shows several; null on the vendor's own pages. */
  organisationName: string | null;
  reportedAt: string;
  correctedAt: string | null;
  corrections: (Figures & { correctedAt: string })[];
  /** Set for the reporting vendor while it may still correct: the last day it may. */
  correctableUntil: string | null;
}

export function EffortReport({ report, state, hidden }: { report: EffortReportShown; state?: { values: Values; errors: Errors }; hidden?: Record<string, string> }) {
  const { t, i18n } = useTranslation("effort");
  const language = i18n.language as Language;
  const figures = (f: Figures) => t("page.reportFigures", { hours: formatNumber(f.hours, language), people: formatNumber(f.people, language) });
  const own = state ?? { values: {}, errors: {} };
  const fieldOf = (name: string) => recordField(name, { values: Object.keys(own.values).length ? own.values : { hours: String(report.hours), people: String(report.people), note: report.note ?? "" }, errors: own.errors }, (n) => `correct-${report.id}-${n}`);
  return (
    <div className="space-y-1">
      <p>
        {report.organisationName ? <span className="font-semibold">{report.organisationName}: </span> : null}
        {figures(report)}
        {report.correctedAt ? <span className="text-slate-700"> · {t("page.correctedOn", { date: formatDateTime(report.correctedAt, language) })}</span> : null}
      </p>
      {report.note ? <p className="whitespace-pre-line text-slate-800">{t("page.noteShown", { note: report.note })}</p> : null}
      {report.corrections.length ? (
        <ul className="list-disc pl-5 text-sm text-slate-700">
          {report.corrections.map((c, i) => (
            <li key={i}>{t("page.correctionLine", { date: formatDateTime(c.correctedAt, language), figures: figures(c) })}</li>
          ))}
        </ul>
      ) : null}
      {report.correctableUntil ? (
        <details open={Object.keys(own.errors).length ? true : undefined}>
          <summary className="cursor-pointer py-2 font-semibold text-brand-800 underline">{t("page.correct")}</summary>
          <Form method="post" noValidate className="mt-2 max-w-prose space-y-3">
            <input type="hidden" name="intent" value="correct" />
            <input type="hidden" name="reportId" value={report.id} />
            {hidden ? Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />) : null}
            <p className="text-sm text-slate-700">{t("page.correctLead", { date: formatDate(report.correctableUntil, language) })}</p>
            {own.errors[""] ? <FormErrors errors={own.errors[""]} /> : null}
            <NumberField field={fieldOf("hours")} label={t("page.hoursSpent")} />
            <NumberField field={fieldOf("people")} label={t("page.peopleSpent")} />
            <TextArea field={fieldOf("note")} label={t("page.note")} rows={3} />
            <SubmitButton>{t("page.saveCorrection")}</SubmitButton>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
