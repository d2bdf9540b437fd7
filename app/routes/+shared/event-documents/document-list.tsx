import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { formatDateTime, formatFileSize } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { EventDocument, EventDocumentVersion } from "~/models/event-documents.server";

// An event's documents as the event page and the buyer's documents page show them: each with
// its newest version to download, what changed, and the earlier versions folded away.

type DocumentView = SerializeFrom<EventDocument>;
type VersionView = SerializeFrom<EventDocumentVersion>;

export const documentUrl = (eventId: string, documentId: string) => `/events/${eventId}/documents/${documentId}`;

/** `basePath`: what the documents belong to, /events/{id} or /effort-requests/{id}; the files download below it. */
function VersionLine({ basePath, version, language }: { basePath: string; version: VersionView; language: Language }) {
  const { t } = useTranslation("eventPage");
  return (
    <div className="space-y-1">
      <p>
        <a href={`${basePath}/documents/${version.id}`} className="break-words text-brand-700 underline hover:text-brand-800" download>
          {t("documents.download", { name: version.file.name, size: formatFileSize(version.file.sizeBytes, language) })}
        </a>
      </p>
      <p className="text-sm text-slate-700">
        {t("documents.version", { version: version.version })} · {t("documents.added", { date: formatDateTime(version.createdAt, language) })}
      </p>
      {version.changeNote ? (
        <p className="break-words text-sm">
          <span className="font-medium">{t("documents.changeNote")}:</span> {version.changeNote}
        </p>
      ) : null}
    </div>
  );
}

export function DocumentList({ basePath, documents, language }: { basePath: string; documents: DocumentView[]; language: Language }) {
  const { t } = useTranslation("eventPage");
  if (documents.length === 0) return <p className="text-slate-700">{t("documents.empty")}</p>;
  return (
    <ul className="space-y-4">
      {documents.map((d) => (
        <li key={d.seriesId} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="break-words font-semibold">
            {d.current.title} <span className="font-normal text-slate-700">({t(`documents.types.${d.documentType}`)})</span>
          </h3>
          <VersionLine basePath={basePath} version={d.current} language={language} />
          {d.earlier.length ? (
            <details>
              <summary className="cursor-pointer text-sm text-brand-700">{t("documents.earlier", { count: d.earlier.length })}</summary>
              <ul className="mt-2 space-y-3 border-l-2 border-slate-200 pl-4">
                {d.earlier.map((v) => (
                  <li key={v.id}>
                    <VersionLine basePath={basePath} version={v} language={language} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
