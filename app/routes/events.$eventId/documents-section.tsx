import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { EventDocument } from "~/models/event-documents.server";
import { DocumentList } from "../+shared/event-documents/document-list";
import { Section, useFormatters, type EventView } from "./presentation";

// The event's documents (issue 17): for everyone who may read the event; the buyer's members
// are shown the way to attach more.
export function DocumentsSection({ event, documents }: { event: EventView; documents: SerializeFrom<EventDocument>[] }) {
  const { t, language } = useFormatters();
  if (documents.length === 0 && !event.viewer.isLead) return null;
  return (
    <Section id="documents" title={t("documents.heading")}>
      <DocumentList basePath={`/events/${event.id}`} documents={documents} language={language} />
      {event.viewer.isLead ? (
        <p>
          <Link to={`/events/${event.id}/documents`} className="text-brand-700 underline hover:text-brand-800">
            {t("documents.manage")}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}
