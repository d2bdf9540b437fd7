import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { conformField, controlProps, FieldFrame, FormErrors, SubmitButton, TextArea, useProblemText } from "~/components/forms";
import { CALL_OFF_IMPORT_MAX_ROWS, type ImportRow } from "~/domain/call-off-import";
import { isQuarter } from "~/domain/quarters";
import { formatQuarter } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { TableScroll } from "~/components/table-scroll";

// Call-offs from a CSV (issue 15): the buyer uploads or pastes `quarter;valueNok;quantity;note`,
// sees every row with its problems, and imports all rows or none. Works without JavaScript: the
// preview is the server's answer, and the file travels on in a hidden field.

export const IMPORT_FORM = "call-off-import";

export type ImportReply = { form: typeof IMPORT_FORM; result: SubmissionResult<string[]>; preview?: { csv: string; rows: ImportRow[] } };

function PreviewTable({ rows, language }: { rows: ImportRow[]; language: Language }) {
  const { t } = useTranslation("contracts");
  const problemText = useProblemText();
  return (
    <TableScroll label={t("import.previewCaption")}>
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="mb-2 text-left font-medium">{t("import.previewCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="px-2 py-2">{t("import.line")}</th>
            <th scope="col" className="px-2 py-2">{t("callOffs.quarter")}</th>
            <th scope="col" className="px-2 py-2">{t("callOffs.value")}</th>
            <th scope="col" className="px-2 py-2">{t("callOffs.quantity")}</th>
            <th scope="col" className="px-2 py-2">{t("callOffs.note")}</th>
            <th scope="col" className="px-2 py-2">{t("import.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={`border-b border-slate-200 align-top ${row.problems.length ? "bg-red-50" : ""}`}>
              <th scope="row" className="px-2 py-2 font-normal">{row.line}</th>
              <td className="px-2 py-2">{isQuarter(row.cells[0]) ? formatQuarter(row.cells[0]!, language) : row.cells[0]}</td>
              <td className="px-2 py-2">{row.cells[1] ?? ""}</td>
              <td className="px-2 py-2">{row.cells[2] ?? ""}</td>
              <td className="px-2 py-2">{row.cells[3] ?? ""}</td>
              <td className="px-2 py-2">
                {row.problems.length === 0 ? (
                  <span className="text-emerald-800">{t("import.rowOk")}</span>
                ) : (
                  <ul className="font-semibold text-red-800">
                    {row.problems.map((p) => (
                      <li key={`${p.path}-${p.code}`}>
                        {t(`import.columns.${p.path}`, { defaultValue: p.path })}: {problemText(p.code)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function CallOffImportForm({ language }: { language: Language }) {
  const { t } = useTranslation("contracts");
  const reply = useActionData<ImportReply>();
  const own = reply?.form === IMPORT_FORM ? reply : undefined;
  const [form, fields] = useForm<{ csv: string; file: string }>({ id: IMPORT_FORM, lastResult: own?.result, shouldValidate: "onSubmit" });
  const preview = own?.preview;
  const bad = preview ? preview.rows.filter((r) => r.problems.length > 0).length : 0;
  return (
    <details open={Boolean(own)} className="max-w-3xl rounded-lg border border-brand-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">{t("import.heading")}</summary>
      <div className="mt-3 space-y-3">
        <p className="text-slate-700">{t("import.lead", { max: CALL_OFF_IMPORT_MAX_ROWS })}</p>
        <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-sm">{t("import.example")}</pre>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} aria-label={t("import.heading")} className="space-y-3">
          <FormErrors id={form.errorId} errors={form.errors} />
          <FieldFrame field={conformField(fields.file)} label={t("import.file")} hint={t("import.fileHint")}>
            <input type="file" accept=".csv,.txt,text/csv,text/plain" {...controlProps(conformField(fields.file), true)} />
          </FieldFrame>
          <TextArea field={conformField(fields.csv)} label={t("import.paste")} rows={5} />
          <SubmitButton name="intent" value="import-preview" variant="secondary">
            {t("import.preview")}
          </SubmitButton>
        </Form>
        {preview ? (
          <div className="space-y-3" aria-live="polite">
            <p className={bad ? "font-semibold text-red-800" : "text-slate-800"}>
              {bad ? t("import.hasErrors", { count: bad, rows: preview.rows.length }) : t("import.ready", { count: preview.rows.length })}
            </p>
            <PreviewTable rows={preview.rows} language={language} />
            {bad === 0 ? (
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="csv" value={preview.csv} />
                <SubmitButton name="intent" value="import">
                  {t("import.submit", { count: preview.rows.length })}
                </SubmitButton>
              </Form>
            ) : null}
          </div>
        ) : null}
      </div>
    </details>
  );
}
