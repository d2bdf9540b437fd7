import { getFormProps, useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Choices, conformField, FormErrors, NumberField, QuarterField, SubmitButton, TextArea } from "~/components/forms";
import { CALL_OFF_RESPONSES } from "~/domain/contracts";
import { parseCallOff, parseOptionDecision, parseResponse, type ContractReply } from "./contract-forms-input";

// The contract page's forms, from the one form kit: record a quarter (buyer), answer a
// quarter (vendor), decide an option (buyer).

function useContractForm<Schema extends Record<string, unknown>>(id: string, parse: (formData: FormData) => Submission<Schema, string[]>) {
  const reply = useActionData<ContractReply>();
  return useForm({
    id,
    lastResult: reply?.form === id ? (reply.result as SubmissionResult<string[]>) : undefined,
    onValidate: ({ formData }) => parse(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

export function CallOffForm({ quarters }: { quarters: readonly string[] }) {
  const { t } = useTranslation("contracts");
  const [form, fields] = useContractForm("call-off", parseCallOff);
  if (quarters.length === 0) return <p className="max-w-xl rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t("callOffs.allRecorded")}</p>;
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby="call-off-form-title" className="max-w-xl space-y-3 rounded-lg border border-brand-200 bg-white p-4">
      <h3 id="call-off-form-title" className="font-semibold">
        {t("callOffs.record")}
      </h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="call-off" />
      <QuarterField field={conformField(fields.quarter)} label={t("callOffs.quarter")} hint={t("callOffs.quarterHint")} quarters={quarters} placeholder={t("callOffs.quarterPlaceholder")} />
      <NumberField field={conformField(fields.valueNok)} label={t("callOffs.valueNok")} hint={t("callOffs.valueHint")} />
      <NumberField field={conformField(fields.quantity)} label={t("callOffs.quantityField")} />
      <TextArea field={conformField(fields.note)} label={t("callOffs.noteField")} rows={2} />
      <SubmitButton>{t("callOffs.submit")}</SubmitButton>
    </Form>
  );
}

export function ResponseForm({ quarter, label }: { quarter: string; label: string }) {
  const { t } = useTranslation("contracts");
  const [form, fields] = useContractForm(`respond-${quarter}`, parseResponse);
  return (
    <Form method="post" {...getFormProps(form)} aria-label={t("callOffs.respond", { quarter: label })} className="max-w-xl space-y-3 rounded-lg border border-brand-200 bg-white p-4">
      <h3 className="font-semibold">{t("callOffs.respond", { quarter: label })}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="respond" />
      <input type="hidden" name="quarter" value={quarter} />
      <Choices
        field={conformField(fields.response)}
        legend={t("callOffs.response")}
        type="radio"
        options={CALL_OFF_RESPONSES.map((r) => ({ value: r, label: t(`callOffs.responses.${r}`) }))}
      />
      <TextArea field={conformField(fields.account)} label={t("callOffs.accountField")} hint={t("callOffs.accountHint")} rows={3} />
      <SubmitButton>{t("callOffs.submitResponse")}</SubmitButton>
    </Form>
  );
}

export function OptionDecisionForm({ number }: { number: number }) {
  const { t } = useTranslation("contracts");
  const [form, fields] = useContractForm(`option-${number}`, parseOptionDecision);
  return (
    <Form method="post" {...getFormProps(form)} aria-label={t("options.decide", { number })} className="max-w-xl space-y-3 rounded-lg border border-brand-200 bg-white p-4">
      <h3 className="font-semibold">{t("options.decide", { number })}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="option" />
      <input type="hidden" name="number" value={number} />
      <Choices
        field={conformField(fields.decision)}
        legend={t("options.decision")}
        type="radio"
        options={(["exercised", "declined"] as const).map((d) => ({ value: d, label: t(`options.decisions.${d}`) }))}
      />
      <TextArea field={conformField(fields.reason)} label={t("options.reason")} hint={t("options.reasonHint")} rows={3} />
      <SubmitButton>{t("options.submit")}</SubmitButton>
    </Form>
  );
}
