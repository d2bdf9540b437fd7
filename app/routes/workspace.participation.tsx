import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { FormErrors, NumberField, SubmitButton, recordField, type Errors, type Values } from "~/components/forms";
import { effortReportFormToInput } from "~/domain/effort-requests";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { correctEffortReport, listVendorEffortRequests, ownEventEffortReports, reportEffort, vendorHoursByBuyer } from "~/models/effort-requests.server";
import { EffortReport } from "~/components/effort-report";
import { listOwnQuestions } from "~/models/questions.server";
import { listVendorRegistrations } from "~/models/registration-reads.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

/** 1 January, 00:00 in Norway (CET), of the year `now` falls in. */
function startOfYear(now: Date) {
  return new Date(`${now.getUTCFullYear()}-01-01T00:00:00+01:00`);
}

// Members of a vendor organisation: what it takes part in, and the effort it reported.
export async function loader(args: LoaderFunctionArgs) {
  const { organisation } = await requireMember(args, { kind: "vendor" });
  const t = fixedT(await getLanguage(args.request), "effort");
  const now = new Date();
  const [registrations, questions, requests, hours] = await Promise.all([
    listVendorRegistrations(db(), organisation.id, now),
    listOwnQuestions(db(), organisation.id),
    listVendorEffortRequests(db(), organisation.id),
    vendorHoursByBuyer(db(), organisation.id, { since: startOfYear(now) }),
  ]);
  const reports = await ownEventEffortReports(
    db(),
    organisation.id,
    registrations.past.filter((r) => r.reportId !== null).map((r) => r.id),
    { now },
  );
  return json({
    title: `${t("vendor.title")} – ${organisation.name} – Markedsdialog`,
    organisation: { name: organisation.name },
    upcoming: registrations.upcoming,
    past: registrations.past.map((r) => ({ ...r, report: reports.get(r.id) ?? null })),
    questions: questions.filter((q) => q.answeredAt === null),
    openRequests: requests.filter((r) => r.status === "open"),
    answeredRequests: requests.filter((r) => r.status !== "open"),
    hours,
  });
}

// The effort ledger for events: report what an event the organisation attended took.
export async function action(args: ActionFunctionArgs) {
  const member = await requireMember(args, { kind: "vendor" });
  const form = await readFormData(args.request);
  const eventId = String(form.get("eventId") ?? "");
  const correcting = form.get("intent") === "correct";
  const result = correcting
    ? await correctEffortReport(db(), member, String(form.get("reportId") ?? ""), effortReportFormToInput(form))
    : await reportEffort(db(), member, { eventId }, effortReportFormToInput(form));
  if (result.ok) return redirect(`/workspace/participation?done=${correcting ? "corrected" : "reported"}`);
  return json({ eventId, correcting, values: submittedValues(form), errors: fieldErrors(result.problems) }, { status: FAILURE_STATUS[result.reason] });
}

export default function VendorWorkspace() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation(["effort", "participation"]);
  const language = i18n.language as Language;
  const when = (r: { startsAt: string | null; responseDeadline: string | null }) => {
    const at = r.startsAt ?? r.responseDeadline;
    return at ? formatDateTime(at, language) : "";
  };
  const heading = (id: string, text: string, count: number) => (
    <h2 id={id} className="text-xl font-semibold">
      {text} <span className="font-normal text-slate-600">({formatNumber(count, language)})</span>
    </h2>
  );
  const requestList = (rows: typeof data.openRequests) =>
    rows.length === 0 ? (
      <p className="text-slate-700">{t("vendor.noRequests")}</p>
    ) : (
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {rows.map((r) => (
          <li key={r.id} className="p-3">
            <Link to={`/effort-requests/${r.id}`} className="font-semibold text-brand-700 underline">
              {r.title}
            </Link>
            <p className="text-sm text-slate-700">
              {r.buyerName} · {t(`status.${r.status}`)} · {formatDateTime(r.deadline, language)}
              {r.reported ? ` · ${t("vendor.reported")}` : ""}
            </p>
          </li>
        ))}
      </ul>
    );
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("vendor.title")}</h1>
        <p className="text-lg text-slate-700">{t("vendor.lead", { organisation: data.organisation.name })}</p>
        {params.get("done") === "reported" || params.get("done") === "corrected" ? (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            {t(`page.${params.get("done") === "corrected" ? "corrected" : "reported"}`)}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="upcoming-title" className="space-y-3">
        {heading("upcoming-title", t("vendor.upcoming"), data.upcoming.length)}
        {data.upcoming.length === 0 ? (
          <p className="text-slate-700">{t("vendor.noneUpcoming")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {data.upcoming.map((r) => (
              <li key={r.id} className="p-3">
                <Link to={`/events/${r.id}`} className="font-semibold text-brand-700 underline">
                  {r.title}
                </Link>
                <p className="text-sm text-slate-700">
                  {r.buyerName} · {when(r)} · {t(`participation:status.${r.status}`)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="past-title" className="space-y-3">
        {heading("past-title", t("vendor.past"), data.past.length)}
        {data.past.length === 0 ? (
          <p className="text-slate-700">{t("vendor.nonePast")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {data.past.map((r) => {
              const state: { values: Values; errors: Errors } = result?.eventId === r.id && !result.correcting ? result : { values: {}, errors: {} };
              // Each event's form names its fields apart: the page holds one form per event.
              const fieldOf = (name: string) => recordField(name, state, (n) => `report-${r.id}-${n}`);
              return (
                <li key={r.id} id={`report-${r.id}`} className="space-y-2 p-3">
                  <Link to={`/events/${r.id}`} className="font-semibold text-brand-700 underline">
                    {r.title}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {r.buyerName} · {when(r)}
                  </p>
                  {r.report ? (
                    <EffortReport report={r.report} state={result?.eventId === r.id && result.correcting ? result : undefined} hidden={{ eventId: r.id }} />
                  ) : r.status === "registered" ? (
                    <Form method="post" noValidate aria-label={t("vendor.reportFor", { title: r.title })} className="grid gap-3 sm:grid-cols-3">
                      <input type="hidden" name="eventId" value={r.id} />
                      {state.errors[""] ? (
                        <div className="sm:col-span-3">
                          <FormErrors errors={state.errors[""]} />
                        </div>
                      ) : null}
                      <NumberField field={fieldOf("hours")} label={t("page.hoursSpent")} />
                      <NumberField field={fieldOf("people")} label={t("page.peopleSpent")} />
                      <div className="self-end">
                        <SubmitButton>
                          {t("page.report")}
                          <span className="sr-only"> – {r.title}</span>
                        </SubmitButton>
                      </div>
                    </Form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="questions-title" className="space-y-3">
        {heading("questions-title", t("vendor.questions"), data.questions.length)}
        {data.questions.length === 0 ? (
          <p className="text-slate-700">{t("vendor.noQuestions")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {data.questions.map((q) => (
              <li key={q.id} className="p-3">
                <Link to={`/events/${q.eventId}`} className="font-semibold text-brand-700 underline">
                  {q.eventTitle}
                </Link>
                <p className="whitespace-pre-line text-slate-800">{q.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="open-requests-title" className="space-y-3">
        {heading("open-requests-title", t("vendor.openRequests"), data.openRequests.length)}
        {requestList(data.openRequests)}
      </section>
      <section aria-labelledby="answered-requests-title" className="space-y-3">
        {heading("answered-requests-title", t("vendor.answeredRequests"), data.answeredRequests.length)}
        {requestList(data.answeredRequests)}
      </section>

      <section aria-labelledby="hours-title" className="space-y-3">
        <h2 id="hours-title" className="text-xl font-semibold">
          {t("vendor.hours")}
        </h2>
        {data.hours.length === 0 ? (
          <p className="text-slate-700">{t("vendor.noHours")}</p>
        ) : (
          <table className="min-w-[20rem] border border-slate-200 bg-white">
            <thead>
              <tr>
                <th scope="col" className="p-2 text-left">{t("vendor.buyer")}</th>
                <th scope="col" className="p-2 text-right">{t("vendor.hoursCol")}</th>
                <th scope="col" className="p-2 text-right">{t("vendor.peopleCol")}</th>
              </tr>
            </thead>
            <tbody>
              {data.hours.map((h) => (
                <tr key={h.buyerId} className="border-t border-slate-200">
                  <th scope="row" className="p-2 text-left font-normal">{h.buyerName}</th>
                  <td className="p-2 text-right">{formatNumber(h.hours, language)}</td>
                  <td className="p-2 text-right">{formatNumber(h.people, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
