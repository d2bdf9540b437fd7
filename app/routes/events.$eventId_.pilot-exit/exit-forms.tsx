import { getFormProps, useForm, type DefaultValue, type Submission, type SubmissionResult } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Choices, conformField, Field, FormErrors, Select, SubmitButton, TextArea } from "~/components/forms";
import type { AcceptanceCriterion } from "~/domain/pilot";
import { CRITERION_RESULTS, EXIT_RESPONSES, PILOT_DECISIONS, STOP_REASONS, type PilotExit } from "~/domain/pilot-exit";
import type { PilotExitInput, PilotExitResponseInput } from "~/domain/pilot-exit-forms";
import { parseExit, parseExitResponse, type ExitReply } from "./exit-input";

// The exit page's forms, from the one form kit: the buyer's judgement per criterion and its
// decision, and a vendor's answer to each judgement. Without JavaScript every field is there
// at once; the decision's own fields say which decision they belong to.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parse result's value type is the schema's output, not its input
function useExitForm<Schema extends Record<string, unknown>>(id: ExitReply["form"], parse: (formData: FormData) => Submission<any, string[], any>, defaultValue: Record<string, unknown>) {
  const reply = useActionData<ExitReply>();
  return useForm<Schema>({
    id,
    defaultValue: defaultValue as DefaultValue<Schema>,
    lastResult: reply?.form === id ? (reply.result as SubmissionResult<string[]>) : undefined,
    onValidate: ({ formData }) => parse(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

export function CriterionText({ criterion }: { criterion: AcceptanceCriterion }) {
  const { t } = useTranslation("pilots");
  return (
    <span>
      {criterion.measure} – {t("criterion.threshold")}: {criterion.threshold}
      <span className="block text-sm text-slate-600">{t("criterion.judged", { method: criterion.method, by: criterion.judgedBy })}</span>
    </span>
  );
}

/** One criterion's fieldset: its number, its text, and the form's controls for it. */
function CriterionFieldset({ number, criterion, children }: { number: number; criterion: AcceptanceCriterion; children: ReactNode }) {
  const { t } = useTranslation("pilots");
  return (
    <fieldset className="space-y-2 rounded border border-slate-200 p-3">
      <legend className="px-1 font-medium">{t("criterion.number", { number })}</legend>
      <p>
        <CriterionText criterion={criterion} />
      </p>
      {children}
    </fieldset>
  );
}

interface ExitFormProps {
  criteria: AcceptanceCriterion[];
  previous: PilotExit | null;
  choices: { events: { id: string; title: string }[]; contracts: { id: string; title: string }[] };
  hasOption: boolean;
}

export function ExitForm({ criteria, previous, choices, hasOption }: ExitFormProps) {
  const { t } = useTranslation("pilots");
  const [form, fields] = useExitForm<PilotExitInput>("exit", parseExit, {
    results: criteria.map((_, i) => ({ result: previous?.results[i]?.result, note: previous?.results[i]?.note ?? undefined })),
    decision: previous?.decision,
  });
  const results = fields.results.getFieldList();
  const decisions = PILOT_DECISIONS.filter((d) => hasOption || d !== "option_exercised");
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby="exit-form-title" className="max-w-3xl space-y-5 rounded-lg border border-brand-200 bg-white p-4">
      <h2 id="exit-form-title" className="text-xl font-semibold">
        {t("form.heading")}
      </h2>
      <p className="text-slate-700">{t("form.explanation")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="exit" />
      <div id={fields.results.id} className="space-y-3">
        <h3 className="font-semibold">{t("form.resultsHeading")}</h3>
        <FormErrors id={fields.results.errorId} errors={fields.results.errors} />
        {results.map((item, i) => {
          const row = item.getFieldset();
          return (
            <CriterionFieldset key={item.key} number={i + 1} criterion={criteria[i]!}>
              <Choices field={conformField(row.result)} type="radio" legend={t("form.result")} options={CRITERION_RESULTS.map((r) => ({ value: r, label: t(`results.${r}`) }))} />
              <Field field={conformField(row.note)} label={t("form.note")} hint={i === 0 ? t("form.noteHint") : undefined} />
            </CriterionFieldset>
          );
        })}
      </div>
      <Choices field={conformField(fields.decision)} type="radio" legend={t("form.decision")} options={decisions.map((d) => ({ value: d, label: t(`decisions.${d}`) }))} />
      <fieldset className="space-y-3 rounded border border-slate-200 p-3">
        <legend className="px-1 font-medium">{t("form.purchaseHeading")}</legend>
        <p className="text-sm text-slate-600">{t("form.purchaseHint")}</p>
        <Select field={conformField(fields.followOnEventId)} label={t("form.followOnEvent")} options={choices.events.map((e) => ({ value: e.id, label: e.title }))} placeholder={t("form.none")} />
        <Select field={conformField(fields.contractId)} label={t("form.contract")} options={choices.contracts.map((c) => ({ value: c.id, label: c.title }))} placeholder={t("form.none")} />
      </fieldset>
      <fieldset className="space-y-3 rounded border border-slate-200 p-3">
        <legend className="px-1 font-medium">{t("form.stopHeading")}</legend>
        <Select field={conformField(fields.stopReason)} label={t("form.stopReason")} options={STOP_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))} placeholder={t("form.none")} />
        <TextArea field={conformField(fields.stopReasonText)} label={t("form.stopReasonText")} rows={2} />
      </fieldset>
      <SubmitButton>{t("form.submit")}</SubmitButton>
    </Form>
  );
}

export function ExitResponseForm({ criteria, organisation }: { criteria: AcceptanceCriterion[]; organisation: string }) {
  const { t } = useTranslation("pilots");
  const [form, fields] = useExitForm<PilotExitResponseInput>("respond", parseExitResponse, { responses: criteria.map(() => ({})) });
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby="respond-form-title" className="max-w-3xl space-y-4 rounded-lg border border-brand-200 bg-white p-4">
      <h2 id="respond-form-title" className="text-xl font-semibold">
        {t("respond.heading", { organisation })}
      </h2>
      <p className="text-slate-700">{t("respond.explanation")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <FormErrors id={fields.responses.errorId} errors={fields.responses.errors} />
      <input type="hidden" name="intent" value="respond" />
      {fields.responses.getFieldList().map((item, i) => {
        const row = item.getFieldset();
        return (
          <CriterionFieldset key={item.key} number={i + 1} criterion={criteria[i]!}>
            <Choices field={conformField(row.response)} type="radio" legend={t("respond.response")} options={EXIT_RESPONSES.map((r) => ({ value: r, label: t(`responses.${r}`) }))} />
            <TextArea field={conformField(row.account)} label={t("respond.account")} hint={i === 0 ? t("respond.accountHint") : undefined} rows={2} />
          </CriterionFieldset>
        );
      })}
      <SubmitButton>{t("respond.submit")}</SubmitButton>
    </Form>
  );
}
