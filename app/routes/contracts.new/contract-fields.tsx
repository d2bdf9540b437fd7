import type { FormMetadata } from "@conform-to/react";
import { useTranslation } from "~/i18n/use-translation";
import { Choices, conformField, Field, Select, SubmitButton, type FieldState } from "~/components/forms";
import { CONTRACT_TYPES } from "~/domain/contracts";
import type { NewContractInput } from "~/domain/contract-forms";
import { OPTION_ROWS } from "./contract-input";

// The new-contract form's fields, in the order a buyer reads the contract: type and parties,
// periods and options, volumes, capacity.

type ContractForm = FormMetadata<NewContractInput, string[]>;

/** A field conform has no metadata for (an option row not yet in the list, the vendor list's items). */
function namedField(form: ContractForm, name: string, value: unknown, extraErrors: string[] = []): FieldState {
  const id = `${form.id}-${name.replace(/[^\w-]/g, "-")}`;
  const errors = [...(form.allErrors[name] ?? []), ...extraErrors];
  return { id, name, errorId: `${id}-error`, errors: errors.length ? errors : undefined, value: value === undefined || value === null ? undefined : String(value) };
}

export function ContractFields({ form, vendors, withTitleHint }: { form: ContractForm; vendors: { id: string; name: string }[]; withTitleHint: boolean }) {
  const { t } = useTranslation("contracts");
  const fields = form.getFieldset();
  const initial = (form.initialValue ?? {}) as { options?: ({ months?: string; noticeDeadline?: string } | undefined)[]; vendorOrganisationIds?: string[] | string };
  const vendorValue = Array.isArray(initial.vendorOrganisationIds) ? initial.vendorOrganisationIds[0] : initial.vendorOrganisationIds;
  const vendorItemErrors = Object.entries(form.allErrors).filter(([k]) => k.startsWith("vendorOrganisationIds[")).flatMap(([, e]) => e);
  return (
    <>
      <input type="hidden" name="eventId" value={String(form.initialValue?.eventId ?? "")} />
      <Select
        field={conformField(fields.type)}
        label={t("facts.type")}
        placeholder=""
        options={CONTRACT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
      />
      <Field field={conformField(fields.title)} label={t("new.titleField")} hint={withTitleHint ? t("new.titleHint") : undefined} />
      <Select
        field={namedField(form, "vendorOrganisationIds", vendorValue, vendorItemErrors)}
        label={t("new.vendor")}
        placeholder={t("new.vendorPlaceholder")}
        options={vendors.map((v) => ({ value: v.id, label: v.name }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field type="date" field={conformField(fields.start)} label={t("new.start")} />
        <Field type="date" field={conformField(fields.baseEnd)} label={t("new.baseEnd")} hint={t("new.baseEndHint")} />
      </div>
      {Array.from({ length: OPTION_ROWS }, (_, i) => (
        <fieldset key={i} className="rounded border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t("new.option", { number: i + 1 })}</legend>
          <p className="text-sm text-slate-600">{t("new.optionHint")}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field type="number" field={namedField(form, `options[${i}].months`, initial.options?.[i]?.months)} label={t("new.optionMonths")} />
            <Field type="date" field={namedField(form, `options[${i}].noticeDeadline`, initial.options?.[i]?.noticeDeadline)} label={t("new.optionNotice")} />
          </div>
        </fieldset>
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field field={conformField(fields.indicatedAnnualValueNok)} label={t("new.indicatedValue")} inputProps={{ inputMode: "numeric" }} />
        <Field field={conformField(fields.bindingMinimumNok)} label={t("new.bindingValue")} hint={t("new.bindingHint")} inputProps={{ inputMode: "numeric" }} />
        <Field type="number" field={conformField(fields.indicatedAnnualQuantity)} label={t("new.indicatedQuantity")} />
        <Field type="number" field={conformField(fields.bindingMinimumQuantity)} label={t("new.bindingQuantity")} />
        <Field field={conformField(fields.unit)} label={t("new.unit")} />
      </div>
      <Choices field={conformField(fields.capacityRequired)} legend={t("volumes.capacity")} type="checkbox" options={[{ value: "on", label: t("new.capacity") }]} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field type="number" field={conformField(fields.capacityLeadTimeWeeks)} label={t("new.leadTime")} />
        <Field type="number" field={conformField(fields.depreciationMonths)} label={t("new.depreciation")} />
      </div>
      <SubmitButton>{t("new.submit")}</SubmitButton>
    </>
  );
}
