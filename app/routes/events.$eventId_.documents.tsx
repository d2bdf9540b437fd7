import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden } from "~/auth/guards.server";
import { ProblemScope } from "~/components/forms";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { FAILURE_STATUS } from "~/http/failure-status";
import { limitInWords } from "~/http/body-limit.server";
import { readUploadForm } from "~/http/multipart.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { notFound } from "~/http/responses.server";
import type { Language } from "~/i18n/resources";
import { addEventDocument, listEventDocuments } from "~/models/event-documents.server";
import { requireBuyersEvent } from "./+shared/buyers-event.server";
import { EventSubpageHeader } from "./+shared/event-subpage-header";
import { DocumentList } from "./+shared/event-documents/document-list";
import { DocumentUploadForm } from "./+shared/event-documents/upload-form";
import { documentUploadOf } from "./+shared/event-documents/upload.server";

// The buyer's documents page for one event (issue 17): its organisation's members attach
// documents and new versions; the event page lists them for everyone who may read the event.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} – Markedsdialog` : "Markedsdialog" }];

const buyersEvent = (args: LoaderFunctionArgs | ActionFunctionArgs) => requireBuyersEvent(args);

export async function loader(args: LoaderFunctionArgs) {
  const { event } = await buyersEvent(args);
  const params = new URL(args.request.url).searchParams;
  return json({
    event: { id: event.id, title: event.title },
    documents: await listEventDocuments(db(), event.id),
    maxFile: limitInWords(MAX_FILE_BYTES),
    notice: params.get("amended") ? ("amended" as const) : params.get("saved") ? ("saved" as const) : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const { user, event } = await buyersEvent(args);
  const read = await readUploadForm(args.request, MAX_FILE_BYTES);
  // Over the limit: 413, with the message by the file field.
  if (!read.ok) return json({ values: {}, errors: { file: [read.reason] } }, { status: 413 });
  const form = read.form;
  const values = submittedValues(form);
  const parsed = await documentUploadOf(form);
  if (!parsed.ok) return json({ values, errors: fieldErrors(parsed.problems) }, { status: 400 });
  const result = await addEventDocument(db(), user, event.id, parsed.input, parsed.upload, { baseUrl: publicBaseUrl() });
  if (result.ok) return redirect(`/events/${event.id}/documents?${result.value.amendmentId ? "amended" : "saved"}=1`);
  if (result.reason === "not_found") notFound();
  if (result.reason === "forbidden" && result.problems.length === 0) forbidden(args.request);
  const tooLarge = result.problems.some((p) => p.code === "file_too_large");
  return json({ values, errors: fieldErrors(result.problems) }, { status: tooLarge ? 413 : FAILURE_STATUS[result.reason] });
}

export default function EventDocumentsPage() {
  const { event, documents, maxFile, notice } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, i18n } = useTranslation("eventPage");
  const language = i18n.language as Language;
  return (
    <ProblemScope first="forms">
      <div className="max-w-3xl space-y-8">
        <EventSubpageHeader
          eventId={event.id}
          back={t("documents.page.back")}
          title={t("documents.page.title", { title: event.title })}
          lead={t("documents.page.lead")}
          notice={notice && !reply ? t(`documents.page.${notice}`) : null}
        />
        <DocumentList basePath={`/events/${event.id}`} documents={documents} language={language} />

        <DocumentUploadForm documents={documents} maxFile={maxFile} reply={reply} />
      </div>
    </ProblemScope>
  );
}
