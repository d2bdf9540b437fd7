import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireMember } from "~/auth/guards.server";
import { Notice, ProblemScope } from "~/components/forms";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { FAILURE_STATUS } from "~/http/failure-status";
import { limitInWords } from "~/http/body-limit.server";
import { readUploadForm } from "~/http/multipart.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { notFound } from "~/http/responses.server";
import type { Language } from "~/i18n/resources";
import { addEffortRequestDocument, listEffortRequestDocuments } from "~/models/effort-request-documents.server";
import { getEffortRequest } from "~/models/effort-requests.server";
import { DocumentList } from "./+shared/event-documents/document-list";
import { DocumentUploadForm } from "./+shared/event-documents/upload-form";
import { documentUploadOf } from "./+shared/event-documents/upload.server";

// The buyer's documents page for one effort request (issue 17): its organisation's members attach
// documents and new versions, as on an event; the request page lists them for the buyer and the
// vendors it was sent to. A recipient is refused (403), anyone else told nothing is here (404).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.request.title} – Markedsdialog` : "Markedsdialog" }];

async function buyersRequest(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const member = await requireMember(args);
  const view = await getEffortRequest(db(), args.params.id ?? "", member.organisation.id);
  if (!view) notFound();
  if (view.viewer.side !== "buyer") forbidden(args.request);
  return { member, request: view.request };
}

export async function loader(args: LoaderFunctionArgs) {
  const { request } = await buyersRequest(args);
  return json({
    request: { id: request.id, title: request.title },
    documents: await listEffortRequestDocuments(db(), request.id),
    maxFile: limitInWords(MAX_FILE_BYTES),
    saved: new URL(args.request.url).searchParams.has("saved"),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { member, request } = await buyersRequest(args);
  const read = await readUploadForm(args.request, MAX_FILE_BYTES);
  // Over the limit: 413, with the message by the file field.
  if (!read.ok) return json({ values: {}, errors: { file: [read.reason] } }, { status: 413 });
  const values = submittedValues(read.form);
  const parsed = await documentUploadOf(read.form);
  if (!parsed.ok) return json({ values, errors: fieldErrors(parsed.problems) }, { status: 400 });
  const result = await addEffortRequestDocument(db(), member.user, request.id, parsed.input, parsed.upload, { baseUrl: publicBaseUrl() });
  if (result.ok) return redirect(`/effort-requests/${request.id}/documents?saved=1`);
  if (result.reason === "not_found") notFound();
  if (result.reason === "forbidden" && result.problems.length === 0) forbidden(args.request);
  const tooLarge = result.problems.some((p) => p.code === "file_too_large");
  return json({ values, errors: fieldErrors(result.problems) }, { status: tooLarge ? 413 : FAILURE_STATUS[result.reason] });
}

export default function EffortRequestDocumentsPage() {
  const { request, documents, maxFile, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, i18n } = useTranslation("effort");
  const language = i18n.language as Language;
  return (
    <ProblemScope first="forms">
      <div className="max-w-3xl space-y-8">
        <p>
          <Link to={`/effort-requests/${request.id}`} className="text-brand-700 underline hover:text-brand-800">
            {t("documents.back")}
          </Link>
        </p>
        <h1 className="break-words text-3xl font-bold">{t("documents.title", { title: request.title })}</h1>
        <p className="text-slate-700">{t("documents.lead")}</p>
        {saved && !reply ? <Notice>{t("documents.saved")}</Notice> : null}
        <DocumentList basePath={`/effort-requests/${request.id}`} documents={documents} language={language} />
        <DocumentUploadForm documents={documents} maxFile={maxFile} reply={reply} />
      </div>
    </ProblemScope>
  );
}
