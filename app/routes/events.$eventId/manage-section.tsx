import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { ConfirmAction, conformField, Field, FieldErrors, NumberField, Select, SubmitButton, TextArea } from "~/components/forms";
import { NOT_PROCURED_REASONS } from "~/domain/events";
import { parseOutcome, type ManageForm, type ManageReply } from "./outcome-input";
import { useFormatters, type EventView } from "./presentation";

// The buyer's forms: close the event, and record its outcome (procured, not procured, withdrawn).

function useOutcomeForm(name: ManageForm) {
  const actionData = useActionData<ManageReply>();
  return useForm({
    id: `event-${name}`,
    lastResult: actionData?.form === name ? (actionData.result as SubmissionResult<string[]>) : undefined,
    onValidate: ({ formData }) => parseOutcome(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

export function ManageSection({
  event,
  canClose,
  vendors,
  registered,
  beforeDeadline,
}: {
  event: EventView;
  canClose: boolean;
  vendors: { id: string; name: string }[];
  registered: number;
  beforeDeadline: boolean;
}) {
  const { t } = useFormatters();
  const actionData = useActionData<ManageReply>();
  const closeErrors = actionData?.form === "close" ? (actionData.result as SubmissionResult<string[]>).error?.[""] : undefined;
  const [procured, p] = useOutcomeForm("procured");
  const [notProcured, n] = useOutcomeForm("not_procured");
  const [withdrawn, w] = useOutcomeForm("withdrawn");
  const isClosed = event.status === "closed";
  const formErrors = (errors: string[] | undefined, id: string) =>
    errors?.length ? (
      <div role="alert">
        <FieldErrors id={id} errors={errors} />
      </div>
    ) : null;
  return (
    <section aria-labelledby="manage-title" className="space-y-6 rounded-lg border border-brand-200 bg-white p-4">
      <h2 id="manage-title" className="text-xl font-semibold">
        {t("manage.heading")}
      </h2>
      {canClose ? (
        <Form method="post" className="space-y-2" aria-labelledby="close-title">
          <h3 id="close-title" className="font-semibold">
            {t("manage.close.heading")}
          </h3>
          <p className="text-sm text-slate-700">{t("manage.close.hint")}</p>
          {formErrors(closeErrors ?? undefined, "close-errors")}
          <input type="hidden" name="intent" value="close" />
          <ConfirmAction
            id="close-confirm"
            consequence={
              <>
                <p>{t("manage.close.consequence", { count: registered })}</p>
                {beforeDeadline ? <p className="font-semibold">{t("manage.close.beforeDeadline")}</p> : null}
              </>
            }
          />
          <SubmitButton variant="secondary">{t("manage.close.submit")}</SubmitButton>
        </Form>
      ) : null}

      <div className="space-y-4">
        <h3 className="font-semibold">{t("manage.outcome.heading")}</h3>
        <p className="text-sm text-slate-700">{isClosed ? t("manage.outcome.lead") : t("manage.outcome.withdrawOnly")}</p>

        {isClosed ? (
          <Form method="post" {...getFormProps(procured)} className="space-y-3 border-t border-slate-200 pt-4">
            <fieldset className="space-y-3">
              <legend className="font-semibold">{t("manage.outcome.procured.legend")}</legend>
              {formErrors(procured.errors, procured.errorId)}
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="outcome" value="procured" />
              <NumberField field={conformField(p.contractValueNok)} label={t("manage.outcome.procured.contractValue")} hint={t("manage.outcome.procured.contractValueHint")} />
              <Field field={conformField(p.contractDate)} type="date" label={t("manage.outcome.procured.contractDate")} />
              <Field field={conformField(p.noticeReference)} label={t("manage.outcome.procured.noticeReference")} hint={t("manage.outcome.procured.noticeReferenceHint")} />
              <Select
                field={conformField(p.winningVendorId)}
                label={t("manage.outcome.procured.winner")}
                placeholder={t("manage.outcome.procured.winnerNone")}
                options={vendors.map((v) => ({ value: v.id, label: v.name }))}
              />
              <SubmitButton>{t("manage.outcome.procured.submit")}</SubmitButton>
            </fieldset>
          </Form>
        ) : null}

        {isClosed ? (
          <Form method="post" {...getFormProps(notProcured)} className="space-y-3 border-t border-slate-200 pt-4">
            <fieldset className="space-y-3">
              <legend className="font-semibold">{t("manage.outcome.notProcured.legend")}</legend>
              {formErrors(notProcured.errors, notProcured.errorId)}
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="outcome" value="not_procured" />
              <Select
                field={conformField(n.reason)}
                label={t("manage.outcome.notProcured.reason")}
                placeholder={t("manage.outcome.notProcured.choose")}
                options={NOT_PROCURED_REASONS.map((reason) => ({ value: reason, label: t(`outcome.reasons.${reason}`) }))}
              />
              <SubmitButton>{t("manage.outcome.notProcured.submit")}</SubmitButton>
            </fieldset>
          </Form>
        ) : null}

        <Form method="post" {...getFormProps(withdrawn)} className="space-y-3 border-t border-slate-200 pt-4">
          <fieldset className="space-y-3">
            <legend className="font-semibold">{t("manage.outcome.withdrawn.legend")}</legend>
            {formErrors(withdrawn.errors, withdrawn.errorId)}
            <input type="hidden" name="intent" value="outcome" />
            <input type="hidden" name="outcome" value="withdrawn" />
            <TextArea field={conformField(w.reason)} label={t("manage.outcome.withdrawn.reason")} rows={3} />
            <ConfirmAction
              id="withdrawn-confirm"
              consequence={<p>{t("manage.outcome.withdrawn.consequence", { count: registered })}</p>}
              errors={actionData?.form === "withdrawn" ? (actionData.result as SubmissionResult<string[]>).error?.confirm : null}
            />
            <SubmitButton variant="secondary">{t("manage.outcome.withdrawn.submit")}</SubmitButton>
          </fieldset>
        </Form>
      </div>
    </section>
  );
}
