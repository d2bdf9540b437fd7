import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { controlProps, FieldFrame, FormErrors, SubmitButton, TextArea, recordField, Field } from "~/components/forms";
import type { FieldState } from "~/components/forms/field-state";
import { RESPONSE_TEXT_MAX, CONFIDENTIAL_REASON_MAX } from "~/domain/responses";
import type { Language } from "~/i18n/resources";
import type { QuestionnaireItem } from "~/domain/questionnaire";
import type { ResponseVersionView } from "~/models/event-responses.server";
import { AnswerField } from "../questionnaire/answer-field";
import { DocumentLine } from "./response-parts";
import { teamContext, type ResponseContext } from "./buyer-response";

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
  questionnaire,
  answerValues,
  secretAnswers,
  profileDocuments = [],
  context = "event",
}: {
  organisationId: string;
  responseId: string | null;
  draft: Version | null;
  /** What the form starts from: the draft, or the last submission to amend. */
  basis: Version | null;
  heading: string;
  maxFile: string;
  reply: EditorReply;
  questionnaire: QuestionnaireItem[];
  /** The answers' fields as the form opens: prefilled from the answer profile, the vendor's own over them. */
  answerValues: Record<string, string | string[]>;
  /** Answers the vendor marked as secrets, with their reasons. */
  secretAnswers: Record<string, string | null>;
  /** The answer profile's documents: offered for document questions, added to the response when chosen. */
  profileDocuments?: { fileId: string; name: string }[];
  /** What is answered: the words for the team follow it. */
  context?: ResponseContext;
}) {
  const { t, i18n } = useTranslation("responses");
  const language = i18n.language as Language;
  const start: Record<string, string | string[]> = {
    ...answerValues,
    ...Object.fromEntries(Object.entries(secretAnswers).map(([key, reason]) => [`answers.${key}.confidentialReason`, reason ?? ""])),
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
      <p className="text-sm text-slate-700">{t("vendor.confidentialExplained", teamContext(context))}</p>
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
      {questionnaire.length ? (
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">{t("vendor.questions")}</legend>
          <p className="text-sm text-slate-700">{t("vendor.questionsLead")}</p>
          {questionnaire.map((q) => (
            <div key={q.key} className="space-y-2 rounded border border-slate-200 p-3">
              <AnswerField
                question={q}
                state={{ values, errors: reply?.errors ?? {} }}
                documentSlot={
                  <select name={`answers.${q.key}`} defaultValue={String(values[`answers.${q.key}`] ?? "")} className="mt-1 block rounded border border-slate-400 px-3 py-2" aria-label={t("vendor.documentAnswer")}>
                    <option value="">{t("vendor.documentAnswerNone")}</option>
                    {documents.map((d) => (
                      <option key={d.id} value={d.fileId}>
                        {d.name}
                      </option>
                    ))}
                    {profileDocuments
                      .filter((p) => !documents.some((d) => d.fileId === p.fileId))
                      .map((p) => (
                        <option key={p.fileId} value={p.fileId}>
                          {t("vendor.documentAnswerFromProfile", { name: p.name })}
                        </option>
                      ))}
                  </select>
                }
              />
              <SecretCheck
                check={field(`answers.${q.key}.confidential`)}
                reason={field(`answers.${q.key}.confidentialReason`)}
                label={t("vendor.answerConfidential")}
                reasonLabel={t("vendor.answerConfidentialReason")}
                checked={reply ? values[`answers.${q.key}.confidential`] === "on" : q.key in secretAnswers}
              />
            </div>
          ))}
          <label className="flex items-start gap-2">
            <input type="checkbox" name="saveToProfile" value="on" defaultChecked={reply ? values.saveToProfile === "on" : false} className="mt-1 h-4 w-4" />
            <span>{t("vendor.saveToProfile")}</span>
          </label>
        </fieldset>
      ) : null}
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
