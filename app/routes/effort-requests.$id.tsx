import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "@db/db.server";
import { forbidden, requireMember } from "~/auth/guards.server";
import { errorsByField, Field, useProblemText } from "~/components/effort-fields";
import { effortReportFormToInput } from "~/domain/effort-requests";
import { formatDateTime, formatNok, formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { getEffortRequest, reportEffort, respondToEffortRequest } from "~/models/effort-requests.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { notFound } from "~/http/responses.server";

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
  return json(view);
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
          : { ok: false as const, reason: "invalid" as const, problems: [{ path: "", code: "invalid_value" }] };
  if (result.ok) return redirect(`/effort-requests/${id}?done=${intent === "report" ? "reported" : "answered"}`);
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string") values[k] = v;
  return json({ intent: String(intent), values, errors: errorsByField(result.problems) }, { status: FAILURE_STATUS[result.reason] });
}

export default function EffortRequestPage() {
  const { request, recipients, reports, history, viewer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation(["effort", "events"]);
  const text = useProblemText();
  const language = i18n.language as Language;
  const done = params.get("done");
  const own = viewer.side === "vendor" ? recipients[0] : undefined;
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-2">
        <p className="text-slate-700">{t("page.from", { buyerName: request.buyerName })}</p>
        <h1 className="text-3xl font-bold">{request.title}</h1>
        {done === "sent" || done === "answered" || done === "reported" ? (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`page.${done}`)}
          </p>
        ) : null}
        {errors.form || errors[""] ? (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-800">
            {[...(errors.form ?? []), ...(errors[""] ?? [])].map(text).join(" ")}
          </p>
        ) : null}
      </header>
      {request.description ? <p className="whitespace-pre-line">{request.description}</p> : null}

      <section aria-labelledby="facts-title" className="space-y-2">
        <h2 id="facts-title" className="text-xl font-semibold">
          {t("page.facts")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("page.kindsOfWork")}</dt>
          <dd>{request.kindsOfWork.map((k) => t(`work.${k}`)).join(", ")}</dd>
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
          <dt className="font-medium">{t("page.expectation")}</dt>
          <dd>{request.expectationStatus ? t(`page.expectationStatus.${request.expectationStatus}`) : ""}</dd>
          {request.budgetMinNok !== null && request.budgetMaxNok !== null ? (
            <>
              <dt className="font-medium">{t("page.budget")}</dt>
              <dd>
                {formatNok(Number(request.budgetMinNok), language)} – {formatNok(Number(request.budgetMaxNok), language)}
                {request.fundingSource ? ` (${request.fundingSource})` : ""}
              </dd>
            </>
          ) : null}
          {request.expectedTenderQuarter ? (
            <>
              <dt className="font-medium">{t("page.tenderQuarter")}</dt>
              <dd>{request.expectedTenderQuarter}</dd>
            </>
          ) : null}
        </dl>
      </section>

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
            <button type="submit" name="intent" value="accept" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("page.accept")}
            </button>
          </Form>
          <Form method="post" className="space-y-3" noValidate>
            <Field name="reason" label={t("page.declineReason")} values={result?.intent === "decline" ? values : {}} errors={errors} rows={3} />
            <button type="submit" name="intent" value="decline" className="rounded border border-red-700 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50">
              {t("page.decline")}
            </button>
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
            <Field name="hours" label={t("page.hoursSpent")} values={values} errors={errors} />
            <Field name="people" label={t("page.peopleSpent")} values={values} errors={errors} />
            <Field name="note" label={t("page.note")} values={values} errors={errors} rows={3} />
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("page.report")}
            </button>
          </Form>
        </section>
      ) : null}

      {reports.length ? (
        <section aria-labelledby="reports-title" className="space-y-2">
          <h2 id="reports-title" className="text-xl font-semibold">
            {t("page.reports")}
          </h2>
          <ul className="list-disc pl-5">
            {reports.map((r) => (
              <li key={r.id}>{t("page.reportLine", { organisationName: r.organisationName, hours: formatNumber(r.hours, language), people: formatNumber(r.people, language) })}</li>
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
