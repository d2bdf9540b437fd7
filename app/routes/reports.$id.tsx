import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { ProblemScope, recordField } from "~/components/forms";
import { MessageForm, ReportFacts, ReportMessages } from "~/components/protected-report";
import { submittedValues, text } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { mayWrite } from "~/domain/protected-reports";
import { getVersion } from "~/models/conduct.server";
import { answerOperators, reportForReporter } from "~/models/protected-reports.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { notFound } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.report.counterpartName} – Markedsdialog` : "Markedsdialog" }];

const NO_STORE = { "Cache-Control": "private, no-store" };

// The reporter's own report, and nobody else's: 404 to the counterpart, to colleagues and to operators here (they read it under /admin).
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const report = await reportForReporter(db(), args.params.id ?? "", user.id);
  if (!report) notFound();
  const version = await getVersion(db(), report.conductVersion);
  return json({ report, clauses: version?.clauses.filter((c) => report.clauses.includes(c.number)) ?? [] }, { headers: NO_STORE });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const id = args.params.id ?? "";
  const form = await readFormData(args.request);
  const result = await answerOperators(db(), id, user.id, text(form, "text"), { baseUrl: publicBaseUrl() });
  if (result.ok) return redirect(`/reports/${id}?done=answered`);
  if (result.reason === "not_found") notFound();
  return json({ values: submittedValues(form), errors: fieldErrors(result.problems) }, { status: FAILURE_STATUS[result.reason] });
}

export default function ReportPage() {
  const { report, clauses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("reports");
  const done = params.get("done");
  const field = recordField("text", { values: result?.values ?? {}, errors: result?.errors ?? {} }, (n) => `answer-${n}`);
  return (
    <ProblemScope first="reports:problems">
      <div className="max-w-3xl space-y-8">
        <header className="space-y-2">
          <h1 className="break-words text-3xl font-bold">{t("page.title", { counterpart: report.counterpartName })}</h1>
          {done === "sent" || done === "answered" ? (
            <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
              {t(`page.${done}`)}
            </p>
          ) : null}
        </header>
        <ReportFacts report={report} clauses={clauses} />
        <ReportMessages messages={report.messages} viewer="reporter" />
        {mayWrite(report.status) ? (
          <MessageForm id="answer" heading={t("page.answerHeading")} label={t("page.answerLabel")} submit={t("page.answerSubmit")} field={field} />
        ) : (
          <p className="text-slate-700">{t("page.closedNote")}</p>
        )}
      </div>
    </ProblemScope>
  );
}
