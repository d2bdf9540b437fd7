import { useTranslation } from "~/i18n/use-translation";
import { EFFORT_LEVELS } from "~/domain/events";
import type { FieldState } from "./field-state";
import { Choices, NumberField, TextArea } from "./fields";

// The effort a buyer asks of vendors, asked the same way on the event form (`effort.*`, with
// the level) and the effort-request form (no prefix; the level follows from hours and work).
// Labels from eventForm:fields.

interface Props {
  fieldOf: (name: string) => FieldState;
  /** "effort." on the event form, "" on the effort request. */
  prefix?: string;
  /** The kinds of work this form offers (EFFORT_WORK or EFFORT_REQUEST_WORK). */
  work: readonly string[];
  /** Ask for the level as well (the event form). */
  withLevel?: boolean;
}

export function EffortFields({ fieldOf, prefix = "", work, withLevel = false }: Props) {
  const { t } = useTranslation("eventForm");
  const f = (name: string) => fieldOf(`${prefix}${name}`);
  return (
    <>
      {withLevel ? <Choices field={f("level")} type="radio" legend={t("fields.effortLevel")} options={EFFORT_LEVELS.map((l) => ({ value: l, label: t(`fields.effortLevels.${l}`) }))} /> : null}
      <NumberField field={f("hoursPerVendor")} label={t("fields.hoursPerVendor")} />
      <Choices field={f("kindsOfWork")} type="checkbox" legend={t("fields.kindsOfWork")} options={work.map((w) => ({ value: w, label: t(`fields.work.${w}`) }))} />
      <NumberField field={f("compensationNok")} label={t("fields.compensationNok")} />
      <TextArea field={f("compensationReason")} label={t("fields.compensationReason")} hint={t("fields.compensationReasonHint")} rows={3} />
    </>
  );
}
