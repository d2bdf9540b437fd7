import type { Answer, QuestionnaireItem } from "~/domain/questionnaire";
import { formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// A question's words in the reader's language: a bank question's from the `questionnaire`
// namespace, an own question's as the buyer wrote them. The response pages use the same.

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Question = Pick<QuestionnaireItem, "bankKey" | "text">;

export const questionText = (t: Translate, q: Question): string => (q.bankKey ? t(`questionnaire:bank.${q.bankKey}.question`) : (q.text ?? ""));

/** A bank question's hint, or null. */
export const questionHint = (t: Translate, q: Question): string | null => (q.bankKey ? t(`questionnaire:bank.${q.bankKey}.hint`, { defaultValue: "" }) || null : null);

/** An option's words: a bank option by its key, an own option as written. */
export const optionText = (t: Translate, q: Question, option: string): string => (q.bankKey ? t(`questionnaire:bank.${q.bankKey}.options.${option}`) : option);

/**
 * An answer in words, for a table, a comparison or a CSV cell: "Ja"/"Nei", the chosen options'
 * words, the number in the reader's format, the text; a document as `documentName` (or "Dokument").
 * The comment follows in parentheses. "–" for no answer.
 */
export function answerText(t: Translate, language: Language, q: Pick<QuestionnaireItem, "bankKey" | "text" | "answerType">, answer: Answer | null | undefined, documentName?: string): string {
  if (!answer) return "–";
  const { value } = answer;
  let words: string;
  if (q.answerType === "document") words = documentName ?? t("questionnaire:answerTypes.document");
  else if (typeof value === "boolean") words = t(value ? "questionnaire:answer.yes" : "questionnaire:answer.no");
  else if (Array.isArray(value)) words = value.map((o) => optionText(t, q, o)).join(", ");
  else if (typeof value === "number") words = formatNumber(value, language);
  else words = value;
  return answer.comment ? `${words} (${answer.comment})` : words;
}
