import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { AdminNav } from "~/components/admin-nav";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireOperator } from "~/auth/guards.server";
import { ClauseChanges } from "~/components/conduct/clauses";
import { ConfirmAction, FieldErrors, FormErrors, Notice, SubmitButton, ProblemScope } from "~/components/forms";
import { diffClauses } from "~/domain/clause-diff";
import { CLAUSE_GROUNDS, type Clause } from "~/domain/conduct";
import { ClauseSchema, SummarySchema } from "~/domain/conduct-forms";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { CONFIRM_REQUIRED, isConfirmed } from "~/domain/confirmation";
import { createDraft, getCurrentVersion, getDraft, publishDraft, removeDraftClause, saveDraftClause, saveDraftSummary } from "~/models/conduct.server";
import { absoluteUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  requireOperator(args);
  const t = fixedT(await getLanguage(args.request), "conduct");
  const [draft, current] = await Promise.all([getDraft(db()), getCurrentVersion(db())]);
  return json({
    title: `${t("draft.title")} – Markedsdialog`,
    draft,
    currentNumber: current?.number ?? null,
    changes: draft && current ? diffClauses(current.clauses, draft.clauses) : null,
  });
}

type ActionData = { intent: string; number?: number; result?: SubmissionResult<string[]>; problem?: string };

export async function action(args: ActionFunctionArgs) {
  const user = requireOperator(args);
  const formData = await readFormData(args.request);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "create") {
    await createDraft(db());
    return redirect("/admin/conduct");
  }
  const draft = await getDraft(db());
  if (!draft) return json<ActionData>({ intent, problem: "no_draft" }, { status: 409 });
  switch (intent) {
    case "save-summary": {
      const submission = parseWithZod(formData, { schema: SummarySchema });
      if (submission.status !== "success") return json<ActionData>({ intent, result: submission.reply() }, { status: 400 });
      await saveDraftSummary(db(), draft.number, { summaryNb: submission.value.summaryNb ?? "", summaryEn: submission.value.summaryEn ?? "" });
      return json<ActionData>({ intent, result: submission.reply() });
    }
    case "save-clause": {
      const submission = parseWithZod(formData, { schema: ClauseSchema });
      const formNumber = String(formData.get("formNumber") ?? "new");
      if (submission.status !== "success") {
        return json<ActionData>({ intent, number: formNumber === "new" ? 0 : Number(formNumber), result: submission.reply() }, { status: 400 });
      }
      const { intent: _intent, ...clause } = submission.value;
      // A new or renumbered clause must not overwrite another one.
      if (String(clause.number) !== formNumber && draft.clauses.some((c) => c.number === clause.number)) {
        return json<ActionData>(
          { intent, number: formNumber === "new" ? 0 : Number(formNumber), result: submission.reply({ fieldErrors: { number: ["conduct_clause_number_taken"] } }) },
          { status: 400 },
        );
      }
      // Renumbering moves the clause: the old number goes.
      if (formNumber !== "new" && Number(formNumber) !== clause.number) await removeDraftClause(db(), draft.number, Number(formNumber));
      await saveDraftClause(db(), draft.number, clause);
      return redirect("/admin/conduct?saved=1");
    }
    case "remove-clause": {
      const number = Number(formData.get("number"));
      if (Number.isInteger(number)) await removeDraftClause(db(), draft.number, number);
      return redirect("/admin/conduct?saved=1");
    }
    case "publish": {
      if (!isConfirmed(formData)) return json<ActionData>({ intent, problem: CONFIRM_REQUIRED }, { status: 400 });
      const result = await publishDraft(db(), { userId: user.id, versionUrl: (n) => absoluteUrl(`/conduct/versions/${n}`) });
      if (!result.ok) return json<ActionData>({ intent, problem: result.problems[0]!.code }, { status: 400 });
      return redirect(`/conduct/versions/${result.value.number}`);
    }
    default:
      return json<ActionData>({ intent, problem: "no_draft" }, { status: 400 });
  }
}

const sectionClass = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";
const inputClass = "mt-1 block w-full rounded border border-slate-400 px-3 py-2";

function ClauseForm({ clause, lastResult }: { clause: Clause | null; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("conduct");
  const id = clause ? `clause-${clause.number}` : "clause-new";
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: clause ?? { principle: "interaction_norms" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ClauseSchema }),
  });
  const label = (name: "number" | "titleNb" | "titleEn" | "textNb" | "textEn", text: string, multiline = false) => {
    // One shape for the text inputs; their values are all strings in the form.
    const field = fields[name] as unknown as FieldMetadata<string>;
    return (
      <div>
        <label htmlFor={field.id} className="block font-medium">
          {text}
        </label>
        {multiline ? (
          <textarea {...getTextareaProps(field)} key={field.key} rows={4} className={inputClass} />
        ) : (
          <input {...getInputProps(field, { type: name === "number" ? "number" : "text" })} key={field.key} className={inputClass} />
        )}
        <FieldErrors id={field.errorId} errors={field.errors} />
      </div>
    );
  };
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="save-clause" />
      <input type="hidden" name="formNumber" value={clause ? clause.number : "new"} />
      {label("number", t("draft.number"))}
      <div>
        <label htmlFor={fields.principle.id} className="block font-medium">
          {t("draft.ground")}
        </label>
        <select {...getSelectProps(fields.principle)} key={fields.principle.key} className={inputClass}>
          {CLAUSE_GROUNDS.map((g) => (
            <option key={g} value={g}>
              {t(`grounds.${g}`)}
            </option>
          ))}
        </select>
        <FieldErrors id={fields.principle.errorId} errors={fields.principle.errors} />
      </div>
      {label("titleNb", t("draft.titleNb"))}
      {label("titleEn", t("draft.titleEn"))}
      {label("textNb", t("draft.textNb"), true)}
      {label("textEn", t("draft.textEn"), true)}
      <SubmitButton variant="secondary">{clause ? t("draft.saveClause", { number: clause.number }) : t("draft.addClause")}</SubmitButton>
    </Form>
  );
}

export default function ConductDraft() {
  const { draft, currentNumber, changes } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("conduct");
  const { t: tc } = useTranslation("consultations");
  const [summaryForm, summary] = useForm({
    id: "summary",
    lastResult: data?.intent === "save-summary" ? data.result : undefined,
    defaultValue: draft ? { summaryNb: draft.summaryNb, summaryEn: draft.summaryEn } : {},
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SummarySchema }),
  });

  return (
    <ProblemScope first="forms">
      <div className="mx-auto max-w-3xl space-y-8">
        <AdminNav />
        <header className="space-y-2">
          <h1 className="text-3xl font-bold">{t("draft.title")}</h1>
          <p className="text-slate-700">{t("draft.lead")}</p>
        </header>
        {searchParams.get("saved") || (data?.intent === "save-summary" && data.result?.status === "success") ? <Notice>{t("draft.saved")}</Notice> : null}
        {data?.problem && data.problem !== CONFIRM_REQUIRED ? <FormErrors errors={[t(`draft.problems.${data.problem as "no_draft"}`)]} /> : null}

        {!draft ? (
          <section className={sectionClass}>
            <p>{t("draft.none")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="create" />
              <SubmitButton>{t("draft.create")}</SubmitButton>
            </Form>
          </section>
        ) : (
          <>
            <p>
              <Link to={`/conduct/versions/${draft.number}`} className="text-brand-700 underline">
                {t("version", { number: draft.number })} ({t("draftLabel")})
              </Link>
              {" · "}
              <Link to={`/consultations/new?conductVersion=${draft.number}`} className="text-brand-700 underline">
                {tc("conduct.open", { number: draft.number })}
              </Link>
            </p>
            <section aria-labelledby="summary-title" className={sectionClass}>
              <h2 id="summary-title" className="text-xl font-semibold">
                {t("draft.summaryHeading")}
              </h2>
              <Form method="post" {...getFormProps(summaryForm)} className="space-y-3">
                <input type="hidden" name="intent" value="save-summary" />
                {(["summaryNb", "summaryEn"] as const).map((name) => (
                  <div key={name}>
                    <label htmlFor={summary[name].id} className="block font-medium">
                      {t(`draft.${name}`)}
                    </label>
                    <textarea {...getTextareaProps(summary[name])} key={summary[name].key} rows={3} className={inputClass} />
                    <FieldErrors id={summary[name].errorId} errors={summary[name].errors} />
                  </div>
                ))}
                <SubmitButton variant="secondary">{t("draft.saveSummary")}</SubmitButton>
              </Form>
            </section>

            {changes && currentNumber ? <ClauseChanges changes={changes} fromVersion={currentNumber} /> : null}

            <section aria-labelledby="clauses-title" className="space-y-6">
              <h2 id="clauses-title" className="text-xl font-semibold">
                {t("draft.clausesHeading")}
              </h2>
              {draft.clauses.map((clause) => (
                <div key={clause.number} className={sectionClass}>
                  <h3 className="font-semibold">{t("clauseNumber", { number: clause.number })}</h3>
                  <ClauseForm clause={clause} lastResult={data?.intent === "save-clause" && data.number === clause.number ? data.result : undefined} />
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove-clause" />
                    <input type="hidden" name="number" value={clause.number} />
                    <SubmitButton variant="danger">{t("draft.removeClause", { number: clause.number })}</SubmitButton>
                  </Form>
                </div>
              ))}
              <div className={sectionClass}>
                <h3 className="font-semibold">{t("draft.addHeading")}</h3>
                <ClauseForm clause={null} lastResult={data?.intent === "save-clause" && data.number === 0 ? data.result : undefined} />
              </div>
            </section>

            <Form method="post" className="max-w-prose space-y-2">
              <input type="hidden" name="intent" value="publish" />
              <ConfirmAction
                id="publish-confirm"
                consequence={<p>{t("draft.publishConsequence", { number: draft.number })}</p>}
                errors={data?.intent === "publish" && data.problem === CONFIRM_REQUIRED ? [CONFIRM_REQUIRED] : null}
              />
              <SubmitButton>{t("draft.publish", { number: draft.number })}</SubmitButton>
            </Form>
          </>
        )}
      </div>
    </ProblemScope>
  );
}
