import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { controlProps, FieldFrame, FormErrors, SubmitButton, TextArea, recordField, Field } from "~/components/forms";
import type { FieldState } from "~/components/forms/field-state";
import { RESPONSE_TEXT_MAX, CONFIDENTIAL_REASON_MAX } from "~/domain/responses";
import type { Language } from "~/i18n/resources";
import type { ResponseVersionView } from "~/models/event-responses.server";
import { DocumentLine } from "../+shared/event-responses/response-parts";

// The vendor's form: the free text, the secret marks with their reasons, one document to add
// and those of the draft to take out, then save or submit. Without JavaScript a plain multipart post.

type Version = SerializeFrom<ResponseVersionView>;
export type EditorReply = { values: Record<string, string | string[]>; errors: Record<string, string[]> } | undefined;

/** A checkbox marking a part as a business secret, and the reason it needs. */
function SecretCheck({ check, reason, label, reasonLabel, checked }: { check: FieldState; reason: FieldState; label: string; reasonLabel: string; checked: boolean }) {
  const { t } = useTranslation("responses");
  return (
    <div className="space-y-2 rounded border border-slate-200 p-3">
      <label className="flex items-start gap-2">
        <input type="checkbox" id={check.id} name={check.name} value="on" defaultChecked={checked} className="mt-1 h-4 w-4" />
        <span>{label}</span>
      </label>
      <Field field={reason} label={reasonLabel} hint={t("vendor.reasonHint")} inputProps={{ maxLength: CONFIDENTIAL_REASON_MAX }} />
    </div>
  );
}

export function ResponseEditor({
  organisationId,
  responseId,
  draft,
  basis,
  heading,
  maxFile,
  reply,
}: {
  organisationId: string;
  responseId: string | null;
  draft: Version | null;
  /** What the form starts from: the draft, or the last submission to amend. */
  basis: Version | null;
  heading: string;
  maxFile: string;
  reply: EditorReply;
}) {
  const { t, i18n } = useTranslation("responses");
  const language = i18n.language as Language;
  const start: Record<string, string> = {
    text: basis?.text ?? "",
    textConfidentialReason: basis?.textConfidentialReason ?? "",
    confidentialReason: basis?.confidentialReason ?? "",
  };
  const values = reply?.values ?? start;
  const field = (name: string) => recordField(name, { values, errors: reply?.errors ?? {} }, (n) => `response-${n}`);
  const wasChecked = (name: string, reasonOf: string | null | undefined) => (reply ? values[name] === "on" : Boolean(reasonOf));
  const fileField = field("file");
  const documents = basis?.documents ?? [];
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-4 rounded border border-slate-300 bg-white p-4" aria-labelledby="response-form-heading">
      <h2 id="response-form-heading" className="text-xl font-semibold">
        {heading}
      </h2>
      <p className="text-sm text-slate-700">{t("vendor.confidentialExplained")}</p>
      <FormErrors id="response-form-error" errors={reply?.errors.form} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <TextArea field={{ ...field("text"), constraint: { maxLength: RESPONSE_TEXT_MAX } }} label={t("vendor.text")} rows={10} />
      <SecretCheck
        check={field("textConfidential")}
        reason={field("textConfidentialReason")}
        label={t("vendor.textConfidential")}
        reasonLabel={t("vendor.textConfidentialReason")}
        checked={wasChecked("textConfidential", basis?.textConfidentialReason)}
      />
      {documents.length && responseId ? (
        <fieldset className="space-y-2">
          <legend className="font-medium text-slate-800">{t("vendor.draftDocuments")}</legend>
          <ul className="space-y-3">
            {documents.map((d) => (
              <li key={d.id} className="space-y-1">
                <DocumentLine responseId={responseId} document={d} language={language} />
                {draft ? (
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="removeDocument" value={d.id} className="mt-1 h-4 w-4" />
                    <span>{t("vendor.removeDocument", { name: d.name })}</span>
                  </label>
                ) : null}
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <FieldFrame field={fileField} label={t("vendor.file")} hint={t("vendor.fileHint", { max: maxFile })}>
        <input type="file" accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.csv,.txt" {...controlProps(fileField, true)} />
      </FieldFrame>
      <SecretCheck
        check={field("documentConfidential")}
        reason={field("documentConfidentialReason")}
        label={t("vendor.documentConfidential")}
        reasonLabel={t("vendor.documentConfidentialReason")}
        checked={wasChecked("documentConfidential", null)}
      />
      <SecretCheck
        check={field("confidential")}
        reason={field("confidentialReason")}
        label={t("vendor.confidential")}
        reasonLabel={t("vendor.confidentialReason")}
        checked={wasChecked("confidential", basis?.confidentialReason)}
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="intent" value="submit">
          {t("vendor.submit")}
        </SubmitButton>
        <SubmitButton name="intent" value="save" variant="secondary">
          {t("vendor.save")}
        </SubmitButton>
      </div>
    </Form>
  );
}
