import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FieldFrame, Field, Select, SubmitButton, TextArea, controlProps, recordField } from "~/components/forms";
import { EVENT_DOCUMENT_TYPES } from "~/domain/event-documents";
import type { EventDocument } from "~/models/event-documents.server";

// The buyer's form for a document or a new version of one, on an event's or an effort request's
// documents page: the kind, a title, the document it replaces and what changed, the file.

export function DocumentUploadForm({ documents, maxFile, reply }: { documents: SerializeFrom<EventDocument>[]; maxFile: string; reply: { values: Record<string, string | string[]>; errors: Record<string, string[]> } | undefined }) {
  const { t } = useTranslation("eventPage");
  const field = (name: string) => recordField(name, { values: reply?.values ?? {}, errors: reply?.errors ?? {} }, (n) => `document-${n}`);
  const fileField = field("file");
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-4 rounded border border-slate-300 bg-white p-4">
      <h2 className="text-xl font-semibold">{t("documents.page.form")}</h2>
      <Select
        field={field("documentType")}
        label={t("documents.page.documentType")}
        placeholder={t("documents.page.chooseType")}
        options={EVENT_DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`documents.types.${type}`) }))}
      />
      <Field field={field("title")} label={t("documents.page.titleField")} inputProps={{ maxLength: 200 }} />
      {documents.length ? (
        <Select
          field={field("replaces")}
          label={t("documents.page.replaces")}
          hint={t("documents.page.replacesHint")}
          placeholder={t("documents.page.replacesNone")}
          options={documents.map((d) => ({ value: d.current.id, label: `${d.current.title} (${t("documents.version", { version: d.current.version })})` }))}
        />
      ) : null}
      <TextArea field={field("changeNote")} label={t("documents.page.changeNote")} hint={t("documents.page.changeNoteHint")} rows={3} />
      <FieldFrame field={fileField} label={t("documents.page.file")} hint={t("documents.page.fileHint", { max: maxFile })}>
        <input type="file" required accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.csv,.txt" {...controlProps(fileField, true)} />
      </FieldFrame>
      <SubmitButton>{t("documents.page.submit")}</SubmitButton>
    </Form>
  );
}
