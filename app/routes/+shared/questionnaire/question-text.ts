import type { QuestionnaireItem } from "~/domain/questionnaire";

// A question's words in the reader's language: a bank question's from the `questionnaire`
// namespace, an own question's as the buyer wrote them. The response pages use the same.

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Question = Pick<QuestionnaireItem, "bankKey" | "text">;

export const questionText = (t: Translate, q: Question): string => (q.bankKey ? t(`questionnaire:bank.${q.bankKey}.question`) : (q.text ?? ""));

/** A bank question's hint, or null. */
export const questionHint = (t: Translate, q: Question): string | null => (q.bankKey ? t(`questionnaire:bank.${q.bankKey}.hint`, { defaultValue: "" }) || null : null);

/** An option's words: a bank option by its key, an own option as written. */
export const optionText = (t: Translate, q: Question, option: string): string => (q.bankKey ? t(`questionnaire:bank.${q.bankKey}.options.${option}`) : option);
