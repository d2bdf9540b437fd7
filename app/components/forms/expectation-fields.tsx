import { useTranslation } from "~/i18n/use-translation";
import { EXPECTATION_STATUSES } from "~/domain/events";
import { FieldErrors } from "./errors";
import type { FieldState } from "./field-state";
import { Choices, Field, NumberField, QuarterField } from "./fields";

// forutsigbarhet: the purchase a buyer declares before asking vendors for effort, asked the
// same way on the event form and the effort-request form (fields `expectation.*`, labels
// from eventForm:fields). Each form names its elements through `fieldOf`.

interface Props {
  fieldOf: (name: string) => FieldState;
  /** The quarters offered for the tender notice (comingQuarters). */
  quarters: readonly string[];
  /** A first status choice with the value "" (the effort request's "use the event's"), and its hint. */
  inherit?: { label: string; hint: string };
}

export function ExpectationFields({ fieldOf, quarters, inherit }: Props) {
  const { t } = useTranslation("eventForm");
  const f = (name: string) => fieldOf(`expectation.${name}`);
  const whole = fieldOf("expectation");
  const statuses = EXPECTATION_STATUSES.map((s) => ({ value: s, label: t(`fields.expectationStatuses.${s}`) }));
  return (
    <>
      <div id={whole.id}>
        <FieldErrors id={whole.errorId} errors={whole.errors} />
      </div>
      <Choices field={f("status")} type="radio" legend={t("fields.expectationStatus")} hint={inherit?.hint} options={inherit ? [{ value: "", label: inherit.label }, ...statuses] : statuses} />
      <div className="grid gap-4 md:grid-cols-2">
        <NumberField field={f("budgetMinNok")} label={t("fields.budgetMinNok")} />
        <NumberField field={f("budgetMaxNok")} label={t("fields.budgetMaxNok")} />
      </div>
      <Field field={f("fundingSource")} label={t("fields.fundingSource")} hint={t("fields.fundingSourceHint")} />
      <div className="grid gap-4 md:grid-cols-3">
        <NumberField field={f("expectedValueNok")} label={t("fields.expectedValueNok")} />
        <NumberField field={f("quantity")} label={t("fields.quantity")} />
        <Field field={f("unit")} label={t("fields.unit")} hint={t("fields.unitHint")} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <QuarterField field={f("expectedTenderQuarter")} label={t("fields.expectedTenderQuarter")} quarters={quarters} placeholder={t("notStated")} />
        <Field field={f("expectedContractStart")} type="date" label={t("fields.expectedContractStart")} />
      </div>
    </>
  );
}
