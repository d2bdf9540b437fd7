import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FieldErrors, FormErrors, NumberField, Select, SubmitButton, TextArea, recordField, type Errors, type Values } from "~/components/forms";
import { ANSWER_TYPES, BANK_TOPICS, QUESTION_BANK } from "~/domain/question-bank";
import { OPTION_TEXT_MAX, QUESTION_TEXT_MAX, type QuestionnaireItem } from "~/domain/questionnaire";
import { questionText } from "../+shared/questionnaire/question-text";

// The one form that sets the questionnaire (plan-form.ts reads it): the questions on it now
// with their order, "required" and "remove"; bank questions to add, by topic; one own question;
// and, on a published event, the reason vendors read in the change log.

type Reply = { values: Values; errors: Errors } | undefined;

function Checkbox({ name, label, checked, idPrefix }: { name: string; label: string; checked: boolean; idPrefix: string }) {
  const id = `${idPrefix}-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  return (
    <label htmlFor={id} className="flex items-start gap-2">
      <input id={id} type="checkbox" name={name} defaultChecked={checked} className="mt-1 h-4 w-4" />
      <span>{label}</span>
    </label>
  );
}

export function QuestionnaireEditor({ questions, published, reply }: { questions: SerializeFrom<QuestionnaireItem>[]; published: boolean; reply: Reply }) {
  const { t } = useTranslation("questionnaire");
  const state = { values: reply?.values ?? {}, errors: reply?.errors ?? {} };
  const field = (name: string) => recordField(name, state, (n) => `questionnaire-${n.replace(/[^a-zA-Z0-9_-]/g, "-")}`);
  // After a refusal the boxes show what was sent; before, what is stored.
  const sent = reply !== undefined;
  const checked = (name: string, stored: boolean) => (sent ? state.values[name] !== undefined : stored);
  const included = new Set(questions.map((q) => q.bankKey).filter(Boolean));
  const added = new Set(Array.isArray(state.values.add) ? state.values.add : state.values.add ? [state.values.add] : []);
  return (
    <Form method="post" className="space-y-8 rounded border border-slate-300 bg-white p-4">
      <h2 className="text-xl font-semibold">{t("page.form")}</h2>
      <FormErrors errors={state.errors.form} />

      {questions.length ? (
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">{t("page.current")}</legend>
          <p className="text-sm text-slate-600">{t("page.currentHint")}</p>
          <ol className="space-y-4">
            {questions.map((q) => (
              <li key={q.id} className="rounded border border-slate-200 p-3">
                {/* The question names the group, so "Order" and "Remove" say which question they are for. */}
                <fieldset className="space-y-2">
                  <legend className="break-words font-medium">{questionText(t, q)}</legend>
                  <div className="max-w-[8rem]">
                    <NumberField field={{ ...field(`position.${q.id}`), value: state.values[`position.${q.id}`] ?? String(q.position) }} label={t("page.position")} />
                  </div>
                  <Checkbox idPrefix="questionnaire" name={`required.${q.id}`} label={t("page.required")} checked={checked(`required.${q.id}`, q.required)} />
                  <Checkbox idPrefix="questionnaire" name={`remove.${q.id}`} label={t("page.remove")} checked={checked(`remove.${q.id}`, false)} />
                </fieldset>
              </li>
            ))}
          </ol>
        </fieldset>
      ) : null}

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("page.addFromBank")}</legend>
        <p className="text-sm text-slate-600">{t("page.addFromBankHint")}</p>
        <FieldErrors id="questionnaire-add-error" errors={state.errors.add} />
        {BANK_TOPICS.map((topic) => {
          const offered = QUESTION_BANK.filter((q) => q.topic === topic && !included.has(q.key));
          if (offered.length === 0) return null;
          return (
            <details key={topic} className="rounded border border-slate-200 p-3" open={offered.some((q) => added.has(q.key))}>
              <summary className="cursor-pointer font-medium">
                {t(`topics.${topic}`)} ({offered.length})
              </summary>
              <div className="mt-2 space-y-2">
                {offered.map((q) => (
                  <label key={q.key} className="flex items-start gap-2">
                    <input type="checkbox" name="add" value={q.key} defaultChecked={added.has(q.key)} className="mt-1 h-4 w-4 shrink-0" />
                    <span className="break-words">
                      {t(`bank.${q.key}.question`)} <span className="text-sm text-slate-600">({t(`answerTypes.${q.answerType}`)})</span>
                    </span>
                  </label>
                ))}
              </div>
            </details>
          );
        })}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("page.own")}</legend>
        <p className="text-sm text-slate-600">{t("page.ownHint")}</p>
        <TextArea field={field("own.text")} label={t("page.ownText")} hint={t("page.ownTextHint", { max: QUESTION_TEXT_MAX })} rows={2} />
        <Select field={field("own.answerType")} label={t("page.ownType")} placeholder={t("page.chooseType")} options={ANSWER_TYPES.map((type) => ({ value: type, label: t(`answerTypes.${type}`) }))} />
        <TextArea field={field("own.options")} label={t("page.ownOptions")} hint={t("page.ownOptionsHint", { max: OPTION_TEXT_MAX })} rows={3} />
        <Checkbox idPrefix="questionnaire" name="own.multiple" label={t("page.ownMultiple")} checked={checked("own.multiple", false)} />
        <Checkbox idPrefix="questionnaire" name="own.required" label={t("page.required")} checked={checked("own.required", true)} />
      </fieldset>

      {published ? <TextArea field={field("reason")} label={t("page.reason")} hint={t("page.reasonHint")} rows={3} /> : null}
      <SubmitButton>{t("page.submit")}</SubmitButton>
    </Form>
  );
}
