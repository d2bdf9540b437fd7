import { useTranslation } from "~/i18n/use-translation";
import { Choices, FieldErrors, NumberField, TextArea, recordField, type Errors, type Values } from "~/components/forms";
import { answerPath, type QuestionnaireItem } from "~/domain/questionnaire";
import { optionText, questionHint, questionText } from "./question-text";

// One question's answer fields, the way every form asks them (the answer profile; a response's
// form can use the same): yes/no as radios, a choice as radios or checkboxes, text, a number;
// and an optional comment folded away. Field names are `answerFromForm`'s (app/domain/questionnaire.ts).
// A document is not asked here: its file comes with the response (`documentSlot` shows what is stored).

type Question = Pick<QuestionnaireItem, "key" | "bankKey" | "text" | "answerType" | "options" | "multiple" | "required">;

const idOf = (name: string) => `answer-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/** `clearable`: radios get a "not answered" choice, so a stored answer can be taken back (the answer profile). */
export function AnswerField({ question, state, documentSlot, clearable = false }: { question: Question; state: { values: Values; errors: Errors }; documentSlot?: React.ReactNode; clearable?: boolean }) {
  const { t } = useTranslation("questionnaire");
  const name = answerPath(question.key);
  const field = recordField(name, state, idOf);
  const label = questionText(t, question);
  const hint = questionHint(t, question) ?? undefined;
  const comment = recordField(`${name}.comment`, state, idOf);
  const none = clearable ? [{ value: "", label: t("answer.none") }] : [];
  const input = (() => {
    switch (question.answerType) {
      case "yes_no":
        return <Choices field={field} legend={label} hint={hint} type="radio" options={[{ value: "yes", label: t("answer.yes") }, { value: "no", label: t("answer.no") }, ...none]} />;
      case "choice":
        return <Choices field={field} legend={label} hint={hint} type={question.multiple ? "checkbox" : "radio"} options={[...question.options.map((o) => ({ value: o, label: optionText(t, question, o) })), ...(question.multiple ? [] : none)]} />;
      case "number":
        return <NumberField field={field} label={label} hint={hint} inputProps={{ inputMode: "decimal" }} />;
      case "text":
        return <TextArea field={field} label={label} hint={hint} rows={3} />;
      case "document":
        return (
          <div>
            <p className="font-medium text-slate-800">{label}</p>
            {documentSlot}
            <FieldErrors id={field.errorId} errors={field.errors} />
          </div>
        );
    }
  })();
  return (
    <div className="space-y-2 break-words" data-question={question.key}>
      {input}
      {question.answerType === "document" ? null : (
        <details open={Boolean(comment.value) || Boolean(comment.errors?.length)}>
          <summary className="cursor-pointer text-sm text-brand-700 underline">{t("answer.comment")}</summary>
          <TextArea field={comment} label={t("answer.commentLabel")} rows={2} />
        </details>
      )}
    </div>
  );
}
