import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { Choices, ProblemScope, ProblemSummary, Select, SubmitButton, TextArea, recordField, type Values } from "~/components/forms";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { reportFormToInput } from "~/domain/protected-reports";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { fileReport, reportFormOptions } from "~/models/protected-reports.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

const fieldId = (name: string) => `report-${name}`;

// A member reports a counterpart of the other side; the form offers only those and the current code's clauses.
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const t = fixedT(await getLanguage(args.request), "reports");
  const { counterparts, version } = await reportFormOptions(db(), member.organisation.id);
  const asked = new URL(args.request.url).searchParams.get("counterpartId") ?? "";
  const values: Values = { counterpartId: counterparts.some((c) => c.id === asked) ? asked : "" };
  return json({ title: `${t("new.title")} – Markedsdialog`, counterparts, version, values }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action(args: ActionFunctionArgs) {
  const member = await requireMember(args);
  const form = await readFormData(args.request);
  const result = await fileReport(db(), { user: { id: member.user.id }, organisation: { id: member.organisation.id } }, reportFormToInput(form), { baseUrl: publicBaseUrl() });
  if (result.ok) return redirect(`/reports/${result.value.id}?done=sent`);
  return json({ values: submittedValues(form), problems: result.problems, errors: fieldErrors(result.problems) }, { status: FAILURE_STATUS[result.reason] });
}

export default function NewReport() {
  const { counterparts, version, values: initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation("reports");
  const english = i18n.language === "en";
  const state = { values: result?.values ?? initial, errors: result?.errors ?? {} };
  const fieldOf = (name: string) => recordField(name, state, fieldId);
  return (
    <ProblemScope first="reports:problems">
      <div className="max-w-3xl space-y-6">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{t("new.title")}</h1>
          <p className="text-slate-700">{t("new.lead")}</p>
          <p className="rounded border-l-4 border-brand-700 bg-brand-50 p-3">{t("new.protection")}</p>
        </div>
        <ProblemSummary problems={result?.problems ?? []} heading={t("new.problemsHeading")} idOf={fieldId} />
        {version ? (
          <Form method="post" noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
            <Select
              field={fieldOf("counterpartId")}
              label={t("new.counterpartId")}
              hint={t("new.counterpartHint")}
              placeholder={t("new.choose")}
              options={counterparts.map((c) => ({ value: c.id, label: c.name }))}
            />
            <Choices
              field={fieldOf("clauses")}
              legend={t("new.clauses", { number: version.number })}
              type="checkbox"
              options={version.clauses.map((c) => ({ value: String(c.number), label: t("clause", { number: c.number, title: english ? c.titleEn : c.titleNb }) }))}
            />
            <TextArea field={fieldOf("account")} label={t("new.account")} hint={t("new.accountHint")} rows={8} />
            <SubmitButton>{t("new.submit")}</SubmitButton>
          </Form>
        ) : (
          <p>{t("new.noCode")}</p>
        )}
      </div>
    </ProblemScope>
  );
}
