import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/i18n/use-translation";
import { Field, FieldErrors, conformField, validateOnBlur } from "~/components/forms";
import { ASSESSMENTS, CONCERN_CATEGORIES, INTERACTION_CHANNELS } from "~/domain/conduct";
import { InteractionSchema } from "~/domain/conduct-forms";
import type { Language } from "~/i18n/resources";
import type { InteractionDefaults } from "./correction.server";

// The interaction form's fields, in two parts: the encounter (with whom, when, how, who
// took part, at which event) and the account of it (what happened, which clauses, the assessment).

const inputClass = "mt-1 block w-full rounded border border-slate-400 px-3 py-2";
const fieldsetClass = "space-y-1 rounded border border-slate-300 p-3";

export function useInteractionForm(lastResult: SubmissionResult<string[]> | undefined, defaults: InteractionDefaults) {
  return useForm({
    id: "interaction",
    lastResult,
    defaultValue: defaults,
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InteractionSchema }),
  });
}

type Fields = ReturnType<typeof useInteractionForm>[1];

export function EncounterFields({
  fields,
  correcting,
  defaults,
  organisation,
  counterparts,
  members,
  events,
}: {
  fields: Fields;
  correcting: { id: string; counterpartName: string } | null;
  defaults: InteractionDefaults;
  organisation: { name: string };
  counterparts: { id: string; name: string }[];
  members: { id: string; name: string }[];
  events: { id: string; title: string; buyerName: string }[];
}) {
  const { t } = useTranslation("conduct");
  return (
    <>
      {correcting ? (
        <>
          <input type="hidden" name="supersedesId" value={correcting.id} />
          <input type="hidden" name="counterpartId" value={defaults.counterpartId} />
          <p>
            <strong>{t("form.counterpart")}:</strong> {correcting.counterpartName}
          </p>
        </>
      ) : (
        <div>
          <label htmlFor={fields.counterpartId.id} className="block font-medium">
            {t("form.counterpart")}
          </label>
          <select {...getSelectProps(fields.counterpartId)} key={fields.counterpartId.key} className={inputClass}>
            <option value="">{t("form.chooseCounterpart")}</option>
            {counterparts.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.counterpartId.errorId} errors={fields.counterpartId.errors} />
        </div>
      )}

      <div>
        <label htmlFor={fields.occurredAt.id} className="block font-medium">
          {t("form.occurredAt")}
        </label>
        <input {...getInputProps(fields.occurredAt, { type: "datetime-local" })} key={fields.occurredAt.key} className={inputClass} />
        <FieldErrors id={fields.occurredAt.errorId} errors={fields.occurredAt.errors} />
      </div>

      <fieldset className={fieldsetClass} aria-describedby={fields.channel.errors ? fields.channel.errorId : undefined}>
        <legend className="px-1 font-medium">{t("form.channel")}</legend>
        {getCollectionProps(fields.channel, { type: "radio", options: [...INTERACTION_CHANNELS] }).map(({ key, ...props }) => (
          <label key={key} className="flex items-center gap-2">
            <input {...props} key={key} /> {t(`channels.${props.value as (typeof INTERACTION_CHANNELS)[number]}`)}
          </label>
        ))}
        <FieldErrors id={fields.channel.errorId} errors={fields.channel.errors} />
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className="px-1 font-medium">{t("form.ownParticipants", { organisation: organisation.name })}</legend>
        {getCollectionProps(fields.ownParticipants, { type: "checkbox", options: members.map((m) => m.id) }).map(({ key, ...props }) => (
          <label key={key} className="flex items-center gap-2">
            <input {...props} key={key} /> {members.find((m) => m.id === props.value)?.name}
          </label>
        ))}
        <FieldErrors id={fields.ownParticipants.errorId} errors={fields.ownParticipants.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.ownOthers.id} className="block font-medium">
          {t("form.ownOthers")}
        </label>
        <textarea {...getTextareaProps(fields.ownOthers)} key={fields.ownOthers.key} rows={2} className={inputClass} />
        <FieldErrors id={fields.ownOthers.errorId} errors={fields.ownOthers.errors} />
      </div>
      <div>
        <label htmlFor={fields.counterpartNames.id} className="block font-medium">
          {t("form.counterpartParticipants")}
        </label>
        <textarea {...getTextareaProps(fields.counterpartNames)} key={fields.counterpartNames.key} rows={2} className={inputClass} />
        <FieldErrors id={fields.counterpartNames.errorId} errors={fields.counterpartNames.errors} />
      </div>

      <div>
        <label htmlFor={fields.eventId.id} className="block font-medium">
          {t("form.event")}
        </label>
        <select {...getSelectProps(fields.eventId)} key={fields.eventId.key} className={inputClass}>
          <option value="">{t("form.noEvent")}</option>
          {events.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title} ({e.buyerName})
            </option>
          ))}
        </select>
        <FieldErrors id={fields.eventId.errorId} errors={fields.eventId.errors} />
      </div>
    </>
  );
}

export function AccountFields({
  fields,
  version,
}: {
  fields: Fields;
  version: { number: number; clauses: { number: number; titleNb: string; titleEn: string }[] } | null;
}) {
  const { t, i18n } = useTranslation("conduct");
  const language = i18n.language as Language;
  return (
    <>
      <Field field={conformField(fields.subject)} label={t("form.subject")} />
      <div>
        <label htmlFor={fields.summary.id} className="block font-medium">
          {t("form.summary")}
        </label>
        <textarea {...getTextareaProps(fields.summary)} key={fields.summary.key} rows={5} className={inputClass} />
        <FieldErrors id={fields.summary.errorId} errors={fields.summary.errors} />
      </div>

      {version ? (
        <fieldset className={fieldsetClass}>
          <legend className="px-1 font-medium">{t("form.clauses", { number: version.number })}</legend>
          {getCollectionProps(fields.clauses, { type: "checkbox", options: version.clauses.map((c) => String(c.number)) }).map(({ key, ...props }) => {
            const clause = version.clauses.find((c) => String(c.number) === props.value)!;
            return (
              <label key={key} className="flex items-center gap-2">
                <input {...props} key={key} /> {clause.number}. {language === "en" ? clause.titleEn : clause.titleNb}
              </label>
            );
          })}
          <FieldErrors id={fields.clauses.errorId} errors={fields.clauses.errors} />
        </fieldset>
      ) : null}

      <fieldset className={fieldsetClass}>
        <legend className="px-1 font-medium">{t("form.assessment")}</legend>
        {getCollectionProps(fields.assessment, { type: "radio", options: [...ASSESSMENTS] }).map(({ key, ...props }) => (
          <label key={key} className="flex items-center gap-2">
            <input {...props} key={key} /> {t(`assessments.${props.value as (typeof ASSESSMENTS)[number]}`)}
          </label>
        ))}
        <FieldErrors id={fields.assessment.errorId} errors={fields.assessment.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.concernCategory.id} className="block font-medium">
          {t("form.category")}
        </label>
        <select {...getSelectProps(fields.concernCategory)} key={fields.concernCategory.key} className={inputClass}>
          <option value="">{t("form.chooseCategory")}</option>
          {CONCERN_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>
        <FieldErrors id={fields.concernCategory.errorId} errors={fields.concernCategory.errors} />
      </div>
      <div>
        <label htmlFor={fields.concernDescription.id} className="block font-medium">
          {t("form.concernDescription")}
        </label>
        <p id={`${fields.concernDescription.id}-hint`} className="text-sm text-slate-600">
          {t("form.concernHint")}
        </p>
        <textarea
          {...getTextareaProps(fields.concernDescription, { ariaDescribedBy: `${fields.concernDescription.id}-hint` })}
          key={fields.concernDescription.key}
          rows={4}
          className={inputClass}
        />
        <FieldErrors id={fields.concernDescription.errorId} errors={fields.concernDescription.errors} />
      </div>
    </>
  );
}
