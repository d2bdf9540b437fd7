import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import { FieldErrors, inputClass } from "~/components/forms";
import { NOT_PROCURED_REASONS } from "~/domain/events";
import { parseOutcome, type ManageForm, type ManageReply } from "./outcome-input";
import { useFormatters, type EventView } from "./presentation";

// The buyer's forms: close the event, and record its outcome (procured, not procured, withdrawn).


/** The hint's id; Conform adds the error's id itself when the field is invalid. */
function describedBy(field: FieldMetadata<unknown>, hint?: string) {
  return hint ? `${field.id}-hint` : undefined;
}

function Labelled({ field, label, hint, children }: { field: FieldMetadata<unknown>; label: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={field.id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${field.id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

function Button({ children, variant = "primary" }: { children: ReactNode; variant?: "primary" | "secondary" }) {
  const style = variant === "primary" ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100";
  return (
    <button type="submit" className={`rounded px-4 py-2 font-semibold ${style}`}>
      {children}
    </button>
  );
}

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

export function ManageSection({ event, canClose, vendors }: { event: EventView; canClose: boolean; vendors: { id: string; name: string }[] }) {
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
          <Button variant="secondary">{t("manage.close.submit")}</Button>
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
              <Labelled field={p.contractValueNok} label={t("manage.outcome.procured.contractValue")} hint={t("manage.outcome.procured.contractValueHint")}>
                <input
                  {...getInputProps(p.contractValueNok, { type: "text", ariaDescribedBy: describedBy(p.contractValueNok, "hint") })}
                  key={p.contractValueNok.key}
                  inputMode="numeric"
                  className={inputClass}
                />
              </Labelled>
              <Labelled field={p.contractDate} label={t("manage.outcome.procured.contractDate")}>
                <input
                  {...getInputProps(p.contractDate, { type: "date", ariaDescribedBy: describedBy(p.contractDate) })}
                  key={p.contractDate.key}
                  className={inputClass}
                />
              </Labelled>
              <Labelled field={p.noticeReference} label={t("manage.outcome.procured.noticeReference")} hint={t("manage.outcome.procured.noticeReferenceHint")}>
                <input
                  {...getInputProps(p.noticeReference, { type: "text", ariaDescribedBy: describedBy(p.noticeReference, "hint") })}
                  key={p.noticeReference.key}
                  className={inputClass}
                />
              </Labelled>
              <Labelled field={p.winningVendorId} label={t("manage.outcome.procured.winner")}>
                <select
                  {...getSelectProps(p.winningVendorId, { ariaDescribedBy: describedBy(p.winningVendorId) })}
                  key={p.winningVendorId.key}
                  className={inputClass}
                >
                  <option value="">{t("manage.outcome.procured.winnerNone")}</option>
                  {vendors.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name}
                    </option>
                  ))}
                </select>
              </Labelled>
              <Button>{t("manage.outcome.procured.submit")}</Button>
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
              <Labelled field={n.reason} label={t("manage.outcome.notProcured.reason")}>
                <select {...getSelectProps(n.reason, { ariaDescribedBy: describedBy(n.reason) })} key={n.reason.key} className={inputClass}>
                  <option value="">{t("manage.outcome.notProcured.choose")}</option>
                  {NOT_PROCURED_REASONS.map((reason) => (
                    <option key={reason} value={reason}>
                      {t(`outcome.reasons.${reason}`)}
                    </option>
                  ))}
                </select>
              </Labelled>
              <Button>{t("manage.outcome.notProcured.submit")}</Button>
            </fieldset>
          </Form>
        ) : null}

        <Form method="post" {...getFormProps(withdrawn)} className="space-y-3 border-t border-slate-200 pt-4">
          <fieldset className="space-y-3">
            <legend className="font-semibold">{t("manage.outcome.withdrawn.legend")}</legend>
            {formErrors(withdrawn.errors, withdrawn.errorId)}
            <input type="hidden" name="intent" value="outcome" />
            <input type="hidden" name="outcome" value="withdrawn" />
            <Labelled field={w.reason} label={t("manage.outcome.withdrawn.reason")}>
              <textarea {...getTextareaProps(w.reason, { ariaDescribedBy: describedBy(w.reason) })} key={w.reason.key} rows={3} className={inputClass} />
            </Labelled>
            <Button variant="secondary">{t("manage.outcome.withdrawn.submit")}</Button>
          </fieldset>
        </Form>
      </div>
    </section>
  );
}
