import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import type { QuestionnaireItem } from "~/domain/questionnaire";
import { optionText, questionHint, questionText } from "./question-text";

// An event's questionnaire read-only, in order: the event page shows vendors what they will
// be asked before they respond, and the buyer's page shows what vendors see.

export function QuestionList({ questions }: { questions: SerializeFrom<QuestionnaireItem>[] }) {
  const { t } = useTranslation("questionnaire");
  if (questions.length === 0) return <p className="text-slate-700">{t("list.empty")}</p>;
  return (
    <ol className="list-decimal space-y-3 pl-6" data-testid="questionnaire">
      {questions.map((q) => {
        const hint = questionHint(t, q);
        return (
          <li key={q.id} className="break-words">
            <span className="font-medium">{questionText(t, q)}</span>
            <span className="block text-sm text-slate-700">
              {t(`answerTypes.${q.answerType}`)}
              {q.answerType === "choice" ? ` (${t(q.multiple ? "list.several" : "list.one")})` : ""} · {t(q.required ? "list.required" : "list.optional")}
            </span>
            {hint ? <span className="block text-sm text-slate-600">{hint}</span> : null}
            {q.answerType === "choice" ? <span className="block text-sm text-slate-700">{q.options.map((o) => optionText(t, q, o)).join(" · ")}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
