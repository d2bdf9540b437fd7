// /admin/reports/:id – one protected report for the operators. The trailing underscore keeps
// it out of the list page's layout (Remix flat routes).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireOperator } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { FormErrors, ProblemScope, Select, SubmitButton, TextArea, recordField, type Values } from "~/components/forms";
import { MessageForm, ReportFacts, ReportMessages } from "~/components/protected-report";
import { submittedValues, text } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { REPORT_OUTCOMES, mayWrite } from "~/domain/protected-reports";
import { getVersion } from "~/models/conduct.server";
import { askReporter, recordOutcome, reportForOperator, reporterOf } from "~/models/protected-reports.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { notFound } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.report.counterpartName} – Markedsdialog` : "Markedsdialog" }];

const NO_STORE = { "Cache-Control": "private, no-store" };
const INTENTS = ["ask", "outcome", "reveal"] as const;

// Operators read the report without who filed it; who filed it is read on request ("reveal"), each read in the audit log.
export async function loader(args: LoaderFunctionArgs) {
  requireOperator(args);
  const report = await reportForOperator(db(), args.params.id ?? "");
  if (!report) notFound();
  const version = await getVersion(db(), report.conductVersion);
  return json({ report, clauses: version?.clauses.filter((c) => report.clauses.includes(c.number)) ?? [] }, { headers: NO_STORE });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireOperator(args);
  const operator = { id: user.id, ip: args.context.ip };
  const id = args.params.id ?? "";
  const form = await readFormData(args.request);
  const intent = text(form, "intent");
  if (intent === "reveal") {
    const reporter = await reporterOf(db(), id, operator);
    if (!reporter) notFound();
    return json({ intent, reporter, values: {} as Values, errors: {} as Record<string, string[]> }, { headers: NO_STORE });
  }
  const result =
    intent === "ask"
      ? await askReporter(db(), id, operator, text(form, "text"), { baseUrl: publicBaseUrl() })
      : intent === "outcome"
        ? await recordOutcome(db(), id, operator, text(form, "outcome"), text(form, "note"))
        : { ok: false as const, reason: "invalid" as const, problems: [{ path: "", code: "invalid_value" }] };
  if (result.ok) return redirect(`/admin/reports/${id}?done=${intent === "ask" ? "asked" : "recorded"}`);
  if (result.reason === "not_found") notFound();
  return json(
    { intent: (INTENTS as readonly string[]).includes(intent) ? intent : "", reporter: null, values: submittedValues(form), errors: fieldErrors(result.problems) },
    { status: FAILURE_STATUS[result.reason], headers: NO_STORE },
  );
}

export default function AdminReport() {
  const { report, clauses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("reports");
  const done = params.get("done");
  const fieldOf = (intent: string, name: string) =>
    recordField(name, { values: result?.intent === intent ? (result.values as Values) : {}, errors: result?.intent === intent ? (result.errors as Record<string, string[]>) : {} }, (n) => `${intent}-${n}`);
  const reporter = result?.reporter;
  return (
    <ProblemScope first="reports:problems">
      <div className="space-y-8">
        <AdminNav />
        <header className="max-w-3xl space-y-2">
          <p>
            <Link to="/admin/reports" className="text-brand-700 underline">
              {t("admin.title")}
            </Link>
          </p>
          <h1 className="break-words text-3xl font-bold">{t("admin.pageTitle", { counterpart: report.counterpartName })}</h1>
          {done === "asked" || done === "recorded" ? (
            <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
              {t(`admin.${done}`)}
            </p>
          ) : null}
          <FormErrors errors={result && !result.intent ? (result.errors as Record<string, string[]>)[""] : undefined} />
        </header>
        <div className="max-w-3xl space-y-8">
          <ReportFacts report={report} clauses={clauses} />
          <ReportMessages messages={report.messages} viewer="operator" />
          {mayWrite(report.status) ? (
            <>
              <MessageForm id="ask" intent="ask" heading={t("admin.askHeading")} lead={t("admin.askLead")} label={t("admin.askLabel")} submit={t("admin.askSubmit")} field={fieldOf("ask", "text")} />
              <section aria-labelledby="outcome-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
                <h2 id="outcome-title" className="text-xl font-semibold">
                  {t("admin.outcomeHeading")}
                </h2>
                <Form method="post" className="space-y-3" noValidate>
                  <input type="hidden" name="intent" value="outcome" />
                  <Select field={fieldOf("outcome", "outcome")} label={t("admin.outcomeLabel")} placeholder={t("new.choose")} options={REPORT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))} />
                  <TextArea field={fieldOf("outcome", "note")} label={t("admin.outcomeNoteLabel")} hint={t("admin.outcomeNoteHint")} rows={4} />
                  <SubmitButton>{t("admin.outcomeSubmit")}</SubmitButton>
                </Form>
              </section>
            </>
          ) : null}
          <section aria-labelledby="reveal-title" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
            <h2 id="reveal-title" className="text-xl font-semibold">
              {t("admin.revealHeading")}
            </h2>
            {reporter ? (
              <p role="status" className="break-words">
                {reporter.userName
                  ? t("admin.revealed", { user: reporter.userName, email: reporter.userEmail, organisation: reporter.organisationName })
                  : t("admin.revealedNoUser", { organisation: reporter.organisationName })}
              </p>
            ) : (
              <>
                <p>{t("admin.revealLead")}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="reveal" />
                  <SubmitButton variant="danger">{t("admin.revealSubmit")}</SubmitButton>
                </Form>
              </>
            )}
          </section>
        </div>
      </div>
    </ProblemScope>
  );
}
