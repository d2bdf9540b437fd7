import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireMember } from "~/auth/guards.server";
import { FormErrors, NumberField, SubmitButton, TextArea, recordField, type Values } from "~/components/forms";
import { effortReportFormToInput } from "~/domain/effort-requests";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { formatDate, formatDateTime, formatNok, formatNumber, formatQuarter } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { correctEffortReport, getEffortRequest, reportEffort, respondToEffortRequest } from "~/models/effort-requests.server";
import { EffortReport } from "~/components/effort-report";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { notFound } from "~/http/responses.server";
import { submittedResponseCount } from "~/models/effort-request-responses.server";
import { listEffortRequestDocuments } from "~/models/effort-request-documents.server";
import { DocumentList } from "./+shared/event-documents/document-list";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.request.title} – Markedsdialog` : "Markedsdialog" }];


// Only the buyer's members and the recipient vendors' members see a request (others 404).
async function viewFor(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const view = await getEffortRequest(db(), args.params.id ?? "", member.organisation.id);
  if (!view) notFound();
  return { member, view };
}

export async function loader(args: LoaderFunctionArgs) {
  const { view } = await viewFor(args);
  // The buyer is led to the responses (how many are in); a vendor to its own.
  return json({
    ...view,
    responseCount: view.viewer.side === "buyer" ? await submittedResponseCount(db(), view.request.id) : null,
    documents: await listEffortRequestDocuments(db(), view.request.id),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { member, view } = await viewFor(args);
  // The buyer sees the request but answers nothing on it.
  if (view.viewer.side !== "vendor") forbidden(args.request);
  const id = view.request.id;
  const form = await readFormData(args.request);
  const intent = form.get("intent");
  const baseUrl = publicBaseUrl();
  const result =
    intent === "accept"
      ? await respondToEffortRequest(db(), member, id, { kind: "accept" }, { baseUrl })
      : intent === "decline"
        ? await respondToEffortRequest(db(), member, id, { kind: "decline", reason: String(form.get("reason") ?? "") }, { baseUrl })
        : intent === "report"
          ? await reportEffort(db(), member, { requestId: id }, effortReportFormToInput(form))
          : intent === "correct"
            ? await correctEffortReport(db(), member, String(form.get("reportId") ?? ""), effortReportFormToInput(form))
            : { ok: false as const, reason: "invalid" as const, problems: [{ path: "", code: "invalid_value" }] };
  if (result.ok) return redirect(`/effort-requests/${id}?done=${intent === "report" ? "reported" : intent === "correct" ? "corrected" : "answered"}`);
  return json({ intent: String(intent), values: submittedValues(form), errors: fieldErrors(result.problems) }, { status: FAILURE_STATUS[result.reason] });
}

export default function EffortRequestPage() {
  const { request, recipients, reports, history, viewer, responseCount, documents } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation(["effort", "eventPage", "responses"]);
  const language = i18n.language as Language;
  const done = params.get("done");
  const own = viewer.side === "vendor" ? recipients[0] : undefined;
  const errors = result?.errors ?? {};
  const values: Values = result?.values ?? {};
  const fieldOf = (name: string, intent: string) => recordField(name, { values: result?.intent === intent ? values : {}, errors: result?.intent === intent ? errors : {} }, (n) => `effort-${n}`);
  const quantity = request.expectedQuantity !== null ? `${formatNumber(Number(request.expectedQuantity), language)} ${request.quantityUnit ?? ""}`.trim() : null;
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-2">
        <p className="text-slate-700">{t("page.from", { buyerName: request.buyerName })}</p>
        <h1 className="text-3xl font-bold">{request.title}</h1>
        {done === "sent" || done === "answered" || done === "reported" || done === "corrected" ? (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`page.${done}`)}
          </p>
        ) : null}
        {result?.intent === "correct" ? null : <FormErrors errors={errors[""]} />}
      </header>
      {request.description ? <p className="whitespace-pre-line">{request.description}</p> : null}
      {responseCount !== null ? (
        <p>
          <Link to={`/effort-requests/${request.id}/responses`} className="text-brand-700 underline hover:text-brand-800">
            {t("responses:request.buyerLink", { count: responseCount })}
          </Link>
        </p>
      ) : own && own.status !== "declined" ? (
        <p>
          <Link to={`/effort-requests/${request.id}/response?organisationId=${own.organisationId}`} className="text-brand-700 underline hover:text-brand-800">
            {t("responses:request.vendorLink")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="facts-title" className="space-y-2">
        <h2 id="facts-title" className="text-xl font-semibold">
          {t("page.facts")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("page.kindsOfWork")}</dt>
          <dd>{request.kindsOfWork.map((k) => t(`eventPage:effort.work.${k}`)).join(", ")}</dd>
          <dt className="font-medium">{t("page.hours")}</dt>
          <dd>{formatNumber(request.hoursPerVendor, language)}</dd>
          <dt className="font-medium">{t("page.deadline")}</dt>
          <dd>{formatDateTime(request.deadline, language)}</dd>
          <dt className="font-medium">{t("page.compensation")}</dt>
          <dd>{request.compensationNok ? formatNok(Number(request.compensationNok), language) : t("page.noCompensation")}</dd>
          {request.compensationReason ? (
            <>
              <dt className="font-medium">{t("page.compensationReason")}</dt>
              <dd className="whitespace-pre-line">{request.compensationReason}</dd>
            </>
          ) : null}
          {request.eventId ? (
            <>
              <dt className="font-medium">{t("page.event")}</dt>
              <dd>
                <Link to={`/events/${request.eventId}`} className="text-brand-700 underline">
                  {request.eventTitle}
                </Link>
              </dd>
            </>
          ) : null}
          <Fact label={t("page.expectation")}>
            {request.expectationStatus ? t(`eventPage:expectation.statuses.${request.expectationStatus}`) : request.eventId ? t("page.expectationFromEvent") : null}
          </Fact>
          <Fact label={t("eventPage:expectation.budget")}>
            {request.budgetMinNok !== null && request.budgetMaxNok !== null ? `${formatNok(Number(request.budgetMinNok), language)} – ${formatNok(Number(request.budgetMaxNok), language)}` : null}
          </Fact>
          <Fact label={t("eventPage:expectation.fundingSource")}>{request.fundingSource}</Fact>
          <Fact label={t("eventPage:expectation.expectedValue")}>{request.expectedValueNok !== null ? formatNok(Number(request.expectedValueNok), language) : null}</Fact>
          <Fact label={t("eventPage:expectation.quantity")}>{quantity}</Fact>
          <Fact label={t("eventPage:expectation.tenderQuarter")}>{request.expectedTenderQuarter ? formatQuarter(request.expectedTenderQuarter, language) : null}</Fact>
          <Fact label={t("eventPage:expectation.contractStart")}>{request.expectedContractStart ? formatDate(request.expectedContractStart, language) : null}</Fact>
        </dl>
      </section>

      {documents.length || viewer.side === "buyer" ? (
        <section aria-labelledby="documents-title" className="space-y-2">
          <h2 id="documents-title" className="text-xl font-semibold">
            {t("documents.heading")}
          </h2>
          <DocumentList basePath={`/effort-requests/${request.id}`} documents={documents} language={language} />
          {viewer.side === "buyer" ? (
            <p>
              <Link to={`/effort-requests/${request.id}/documents`} className="text-brand-700 underline hover:text-brand-800">
                {t("documents.manage")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="recipients-title" className="space-y-2">
        <h2 id="recipients-title" className="text-xl font-semibold">
          {t("page.recipients")}
        </h2>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {recipients.map((r) => (
            <li key={r.organisationId} className="p-3">
              <span className="font-medium">{r.organisationName}</span>: {t(`status.${r.status}`)}
              {r.declineReason ? <span className="block text-sm text-slate-700">{r.declineReason}</span> : null}
            </li>
          ))}
        </ul>
      </section>

      {own?.status === "open" ? (
        <section aria-labelledby="answer-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="answer-title" className="text-xl font-semibold">
            {t("page.answerHeading")}
          </h2>
          <Form method="post">
            <SubmitButton name="intent" value="accept">
              {t("page.accept")}
            </SubmitButton>
          </Form>
          <Form method="post" className="space-y-3" noValidate>
            <TextArea field={fieldOf("reason", "decline")} label={t("page.declineReason")} rows={3} />
            <SubmitButton name="intent" value="decline" variant="danger">
              {t("page.decline")}
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      {own?.status === "accepted" && reports.length === 0 ? (
        <section aria-labelledby="report-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="report-title" className="text-xl font-semibold">
            {t("page.reportHeading")}
          </h2>
          <p className="text-slate-700">{t("page.reportLead")}</p>
          <Form method="post" className="space-y-3" noValidate>
            <input type="hidden" name="intent" value="report" />
            <NumberField field={fieldOf("hours", "report")} label={t("page.hoursSpent")} />
            <NumberField field={fieldOf("people", "report")} label={t("page.peopleSpent")} />
            <TextArea field={fieldOf("note", "report")} label={t("page.note")} rows={3} />
            <SubmitButton>{t("page.report")}</SubmitButton>
          </Form>
        </section>
      ) : null}

      {reports.length ? (
        <section aria-labelledby="reports-title" className="space-y-2">
          <h2 id="reports-title" className="text-xl font-semibold">
            {t("page.reports")}
          </h2>
          <ul className="space-y-3">
            {reports.map((r) => (
              <li key={r.id}>
                <EffortReport report={r} state={result?.intent === "correct" ? { values, errors } : undefined} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="history-title" className="space-y-2">
        <h2 id="history-title" className="text-xl font-semibold">
          {t("page.history")}
        </h2>
        <ol className="space-y-1">
          {history.map((h, i) => (
            <li key={i}>
              <time dateTime={String(h.at)}>{formatDateTime(h.at, language)}</time> – {t(`page.historyKinds.${h.kind}`, { organisationName: h.organisationName })}
              {h.detail ? `: ${h.detail}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** One row of the facts; nothing when there is nothing to say. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
