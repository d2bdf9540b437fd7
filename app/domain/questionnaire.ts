import type { AmendmentChange } from "./amendments";
import type { Entries } from "./form-entries";
import { isUuid } from "./ids";
import { normaliseText } from "./input-text";
import { isBlank, type Problem } from "./problems";
import { ANSWER_TYPES, bankQuestion, type AnswerType, type BankQuestion } from "./question-bank";

// A questionnaire on an event (issue 17): the questions vendors answer in their response,
// picked from the question bank (./question-bank.ts) or written by the buyer, in order.
// This module holds the rules every side shares: what an answer to a question may be, the
// whole answer set against the questionnaire, the buyer's own questions, what an amendment
// of a published questionnaire records, and the prefill from a vendor's answer profile.

/** Event kinds that carry a questionnaire: the written requests. */
export const QUESTIONNAIRE_KINDS = ["rfi", "rfp"] as const;
export const carriesQuestionnaire = (kind: string): boolean => (QUESTIONNAIRE_KINDS as readonly string[]).includes(kind);

export const QUESTION_TEXT_MAX = 500;
export const OPTION_TEXT_MAX = 200;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 20;
export const QUESTIONNAIRE_MAX = 60;
export const TEXT_ANSWER_MAX = 5000;
export const COMMENT_MAX = 2000;
export const NUMBER_ANSWER_MAX = 1e12;

/**
 * One question as a vendor answers it, whichever its source. `key` is the bank key for a bank
 * question and the item's id (a UUID) for the buyer's own; answers are stored under it, so
 * answers to bank questions compare across vendors and events.
 */
export interface QuestionSpec {
  key: string;
  answerType: AnswerType;
  /** Bank question: option keys; own question: the buyer's option texts (the stored values). */
  options: readonly string[];
  multiple: boolean;
  required: boolean;
}

/** A question of an event's questionnaire: a bank question (`bankKey`) or the buyer's own (`text`). */
export interface QuestionnaireItem extends QuestionSpec {
  id: string;
  position: number;
  bankKey: string | null;
  /** The buyer's own wording; null for a bank question (its words are `questionnaire:bank.<key>.question`). */
  text: string | null;
}

/**
 * An answer, stored as JSON. `value` by the question's type:
 * yes_no → boolean; choice → string[] (exactly one unless `multiple`); text → string;
 * number → number; document → the stored file's id (a UUID, app/models/stored-files.server.ts).
 * `comment`: the vendor's optional note beside any answer ("yes, from version 4.2").
 */
export interface Answer {
  value: boolean | number | string | string[];
  comment?: string | null;
}

/** Answers by question key. */
export type Answers = Record<string, Answer>;

export const answerPath = (key: string) => `answers.${key}`;

/**
 * The problems with one answer to one question, at `answers.<key>` (the comment's at
 * `answers.<key>.comment`). An absent answer (null/undefined) is a problem only when
 * `requireAnswer` and the question is required (a draft may leave questions open).
 * Codes: required, invalid_value, invalid_choice, too_many_choices, too_long, must_be_number, too_large.
 */
export function answerProblems(question: QuestionSpec, answer: unknown, { requireAnswer = true }: { requireAnswer?: boolean } = {}): Problem[] {
  const path = answerPath(question.key);
  if (answer === null || answer === undefined) return requireAnswer && question.required ? [{ path, code: "required" }] : [];
  if (typeof answer !== "object" || Array.isArray(answer) || !("value" in answer)) return [{ path, code: "invalid_value" }];
  const { value, comment } = answer as { value: unknown; comment?: unknown };
  const problems: Problem[] = [];
  const code = valueProblem(question, value);
  if (code) problems.push({ path, code });
  if (comment !== undefined && comment !== null) {
    if (typeof comment !== "string") problems.push({ path: `${path}.comment`, code: "invalid_value" });
    else if (comment.length > COMMENT_MAX) problems.push({ path: `${path}.comment`, code: "too_long" });
  }
  return problems;
}

function valueProblem(question: QuestionSpec, value: unknown): string | null {
  if (value === "") return "required";
  switch (question.answerType) {
    case "yes_no":
      return typeof value === "boolean" ? null : "invalid_value";
    case "text":
      if (typeof value !== "string") return "invalid_value";
      if (isBlank(value)) return "required";
      return value.length > TEXT_ANSWER_MAX ? "too_long" : null;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return "must_be_number";
      return Math.abs(value) > NUMBER_ANSWER_MAX ? "too_large" : null;
    case "document":
      return typeof value === "string" && isUuid(value) ? null : "invalid_value";
    case "choice": {
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) return "invalid_value";
      if (value.length === 0) return "required";
      if (new Set(value).size !== value.length || value.some((v) => !question.options.includes(v as string))) return "invalid_choice";
      return !question.multiple && value.length > 1 ? "too_many_choices" : null;
    }
  }
}

/**
 * The problems with a whole answer set against a questionnaire: each question's answer, and
 * any answer to a question the questionnaire does not have (`unknown_question` at its path).
 * `requireAnswers`: a submitted response must answer every required question; a draft need not.
 */
export function answerSetProblems(questions: readonly QuestionSpec[], answers: Readonly<Record<string, unknown>>, { requireAnswers = true }: { requireAnswers?: boolean } = {}): Problem[] {
  const keys = new Set(questions.map((question) => question.key));
  const problems = questions.flatMap((question) => answerProblems(question, answers[question.key], { requireAnswer: requireAnswers }));
  for (const key of Object.keys(answers)) if (!keys.has(key)) problems.push({ path: answerPath(key), code: "unknown_question" });
  return problems;
}

/**
 * An answer from a posted form, or null when the field was left empty. Fields:
 * `answers.<key>` ("yes"/"no"; the option(s); the text; the number, "1 234,5" or "1234.5";
 * the file id) and `answers.<key>.comment`. The result still goes through `answerProblems`:
 * this only turns strings into the answer's JSON shape (a number that does not read as one
 * stays a string, so the check reports `must_be_number`).
 */
export function answerFromForm(question: QuestionSpec, form: Entries): Answer | null {
  const name = answerPath(question.key);
  const read = (v: FormDataEntryValue | null) => (typeof v === "string" ? normaliseText(v).trim() : "");
  const single = read(form.get(name));
  const commentText = read(form.get(`${name}.comment`));
  const comment = commentText === "" ? null : commentText;
  let value: Answer["value"] | null;
  switch (question.answerType) {
    case "yes_no":
      value = single === "yes" ? true : single === "no" ? false : single === "" ? null : single;
      break;
    case "choice": {
      const chosen = form.getAll(name).map(read).filter(Boolean);
      value = chosen.length ? chosen : null;
      break;
    }
    case "number":
      value = single === "" ? null : parseNumber(single);
      break;
    default:
      value = single === "" ? null : single;
  }
  // A comment without an answer is kept with an empty value, so the check names the missing answer.
  if (value === null) return comment === null ? null : { value: "", comment };
  return { value, comment };
}

/** "1 234,5", "1234.5", "-3" → a number; anything else stays the text it was. */
function parseNumber(text: string): number | string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : text;
}

/**
 * The form fields that show `answers` (the other way from `answersFromForm`): what a response
 * or profile form opens with, e.g. `answerFormValues(questions, prefillAnswers(questionnaire, profile))`.
 * A number is written with a decimal comma, as the form reads it back.
 */
export function answerFormValues(questions: readonly QuestionSpec[], answers: Readonly<Record<string, Answer | undefined>>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const question of questions) {
    const answer = answers[question.key];
    if (!answer) continue;
    const name = answerPath(question.key);
    const { value } = answer;
    if (typeof value === "boolean") values[name] = value ? "yes" : "no";
    else if (Array.isArray(value)) values[name] = [...value];
    else if (typeof value === "number") values[name] = String(value).replace(".", ",");
    else values[name] = value;
    if (answer.comment) values[`${name}.comment`] = answer.comment;
  }
  return values;
}

/** A form's answers to each question of the questionnaire (empty fields left out). */
export function answersFromForm(questions: readonly QuestionSpec[], form: Entries): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    const answer = answerFromForm(question, form);
    if (answer) answers[question.key] = answer;
  }
  return answers;
}

// ---- the buyer's questionnaire -------------------------------------------------------------

/** The buyer's own question, as the form or the API gives it. */
export interface OwnQuestionInput {
  text: string;
  answerType: string;
  options: readonly string[];
  multiple: boolean;
  required: boolean;
}

/**
 * The problems with an own question, at `<prefix>.text`, `.answerType`, `.options`: visible
 * text up to 500 characters, a known answer type, and for a choice 2–20 distinct options of up
 * to 200 characters (other types take none).
 */
export function ownQuestionProblems(input: OwnQuestionInput, prefix = "own"): Problem[] {
  const problems: Problem[] = [];
  if (isBlank(input.text)) problems.push({ path: `${prefix}.text`, code: "required" });
  else if (input.text.length > QUESTION_TEXT_MAX) problems.push({ path: `${prefix}.text`, code: "too_long" });
  if (!(ANSWER_TYPES as readonly string[]).includes(input.answerType)) problems.push({ path: `${prefix}.answerType`, code: input.answerType ? "invalid_choice" : "required" });
  const options = `${prefix}.options`;
  if (input.answerType === "choice") {
    if (input.options.length < OPTIONS_MIN) problems.push({ path: options, code: "too_few_options" });
    else if (input.options.length > OPTIONS_MAX) problems.push({ path: options, code: "too_many_options" });
    else if (input.options.some((o) => isBlank(o))) problems.push({ path: options, code: "required" });
    else if (input.options.some((o) => o.length > OPTION_TEXT_MAX)) problems.push({ path: options, code: "too_long" });
    else if (new Set(input.options.map((o) => o.toLocaleLowerCase("nb"))).size !== input.options.length) problems.push({ path: options, code: "duplicate_option" });
  } else if (input.options.length > 0 && (ANSWER_TYPES as readonly string[]).includes(input.answerType)) {
    problems.push({ path: options, code: "options_only_for_choice" });
  }
  return problems;
}

/** The spec a bank question is answered by, with the buyer's "required". */
export function bankSpec(question: BankQuestion, required: boolean): QuestionSpec {
  return { key: question.key, answerType: question.answerType, options: question.options, multiple: question.multiple, required };
}

/** The spec of a bank key, or undefined for a key the bank does not have. */
export function bankSpecOf(key: string, required = false): QuestionSpec | undefined {
  const question = bankQuestion(key);
  return question && bankSpec(question, required);
}

/** A question as an amendment names it: a bank key, or the buyer's words. */
export type QuestionLabel = { bankKey: string; required: boolean } | { text: string; required: boolean };
const labelOf = (item: Pick<QuestionnaireItem, "bankKey" | "text" | "required">): QuestionLabel =>
  item.bankKey ? { bankKey: item.bankKey, required: item.required } : { text: item.text ?? "", required: item.required };

/**
 * What changing a published questionnaire amends (forutsigbarhet: vendors who began answering
 * hear that the questions moved): the questions added, removed, and the list in its new order
 * when only the order or "required" changed. Empty when nothing a vendor sees changed.
 */
export function questionnaireAmendment(before: readonly QuestionnaireItem[], after: readonly QuestionnaireItem[]): AmendmentChange[] {
  const keysBefore = new Set(before.map((i) => i.key));
  const keysAfter = new Set(after.map((i) => i.key));
  const added = after.filter((i) => !keysBefore.has(i.key)).map(labelOf);
  const removed = before.filter((i) => !keysAfter.has(i.key)).map(labelOf);
  const changes: AmendmentChange[] = [];
  if (added.length) changes.push({ field: "questionnaire.added", before: null, after: added });
  if (removed.length) changes.push({ field: "questionnaire.removed", before: removed, after: null });
  const kept = (items: readonly QuestionnaireItem[], other: Set<string>) => items.filter((i) => other.has(i.key)).map(labelOf);
  const keptBefore = kept(before, keysAfter);
  const keptAfter = kept(after, keysBefore);
  if (JSON.stringify(keptBefore) !== JSON.stringify(keptAfter)) changes.push({ field: "questionnaire.questions", before: keptBefore, after: keptAfter });
  return changes;
}

// ---- answer once ---------------------------------------------------------------------------

/** A vendor organisation's stored answers to bank questions, by bank key. */
export type AnswerProfile = Readonly<Record<string, Answer>>;

/**
 * The answers a vendor's response form opens with: for each bank question of the
 * questionnaire, the organisation's stored answer from its answer profile, when that answer is
 * still valid for the question (a profile answer that no longer fits, e.g. an option the bank
 * dropped, is left out rather than prefilled wrong). The buyer's own questions are never
 * prefilled: their keys are the items' ids, not bank keys.
 *
 * Pure: call it with `getQuestionnaire(db, eventId)` and `getAnswerProfile(db, organisationId)`
 * (app/models/questionnaires.server.ts). Answers the vendor already has in a draft should win:
 * spread them over the result (`{ ...prefillAnswers(q, profile), ...draft.answers }`).
 */
export function prefillAnswers(questionnaire: readonly QuestionnaireItem[], profile: AnswerProfile): Answers {
  const answers: Answers = {};
  for (const item of questionnaire) {
    if (!item.bankKey) continue;
    const stored = profile[item.bankKey];
    if (stored && answerProblems(item, stored, { requireAnswer: false }).length === 0) answers[item.key] = stored;
  }
  return answers;
}

/**
 * The answers among `answers` that may be saved to the answer profile: those to bank questions
 * of the questionnaire, by bank key, that pass the check. `keys` limits it to the questions the
 * vendor chose to save back (all bank questions when omitted).
 */
export function profileAnswersOf(questionnaire: readonly QuestionnaireItem[], answers: Readonly<Record<string, unknown>>, keys?: readonly string[]): Answers {
  const chosen: Answers = {};
  for (const item of questionnaire) {
    if (!item.bankKey || (keys && !keys.includes(item.bankKey))) continue;
    const answer = answers[item.key];
    if (answer !== undefined && answer !== null && answerProblems(item, answer).length === 0) chosen[item.bankKey] = answer as Answer;
  }
  return chosen;
}
