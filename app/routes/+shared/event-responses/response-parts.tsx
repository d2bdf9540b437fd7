import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { formatDateTime, formatFileSize } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { ResponseDocumentView } from "~/models/event-responses.server";

// Pieces both sides of a response show: the secret mark with the vendor's reason, and a
// document line (downloaded through /responses/{id}/documents/{documentId}).

export const responseDocumentUrl = (responseId: string, documentId: string) => `/responses/${responseId}/documents/${documentId}`;

export function SecretMark({ reason }: { reason: string }) {
  const { t } = useTranslation("responses");
  return <p className="break-words rounded border border-amber-400 bg-amber-50 px-2 py-1 text-sm text-amber-950">{t("secretReason", { reason })}</p>;
}

export function DocumentLine({ responseId, document, language }: { responseId: string; document: SerializeFrom<ResponseDocumentView>; language: Language }) {
  const { t } = useTranslation("responses");
  return (
    <div className="space-y-1">
      <a href={responseDocumentUrl(responseId, document.id)} className="break-words text-brand-700 underline hover:text-brand-800" download>
        {t("download", { name: document.name, size: formatFileSize(document.sizeBytes, language) })}
      </a>
      {document.confidentialReason ? <SecretMark reason={document.confidentialReason} /> : null}
    </div>
  );
}

export const versionLine = (t: (key: string, options?: Record<string, unknown>) => string, v: { version: number; submittedAt: Date | string | null; savedAt: Date | string }, language: Language) =>
  v.submittedAt ? t("versionSubmitted", { version: v.version, date: formatDateTime(v.submittedAt, language) }) : t("draftSaved", { date: formatDateTime(v.savedAt, language) });
