import { list, text, type Entries } from "~/domain/form-entries";
import type { Problem } from "~/domain/problems";
import { QUESTION_BANK } from "~/domain/question-bank";
import type { QuestionnaireItem } from "~/domain/questionnaire";
import type { PlannedQuestion } from "~/models/questionnaires.server";

// The questionnaire form, read into the plan saveQuestionnaire takes. One form holds the
// whole questionnaire, so it works without JavaScript and a published event's change is one
// amendment with one reason:
// - `position.<id>` (a number) and `required.<id>` (checked) for each question on it now,
//   `remove.<id>` (checked) to take one off;
// - `add` (checkboxes, bank keys): bank questions to add, at the end, required;
// - `own.text`, `own.answerType`, `own.options` (one a line), `own.multiple`, `own.required`:
//   one question of the buyer's own, added last when its text or options are filled in;
// - `reason`: why a published questionnaire changed.

export interface QuestionnairePlan {
  plan: PlannedQuestion[];
  reason: string;
  /** Where the own question sits in the plan (to put its problems by its fields), or null. */
  ownIndex: number | null;
}

/** The plan the form asks for, or the problems with its own fields (by form field name). */
export function planFromForm(current: readonly QuestionnaireItem[], form: Entries): { ok: true; value: QuestionnairePlan } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const kept: { id: string; required: boolean; position: number; index: number }[] = [];
  current.forEach((item, index) => {
    if (form.get(`remove.${item.id}`) !== null) return;
    const raw = text(form, `position.${item.id}`);
    const position = raw === "" ? item.position : Number(raw);
    if (!Number.isInteger(position) || position < 0 || position > 999) problems.push({ path: `position.${item.id}`, code: "must_be_whole_number" });
    kept.push({ id: item.id, required: form.get(`required.${item.id}`) !== null, position, index });
  });
  // In the numbers' order; equal numbers keep the order the questions had.
  kept.sort((a, b) => a.position - b.position || a.index - b.index);
  const plan: PlannedQuestion[] = kept.map(({ id, required }) => ({ id, required }));
  const known = new Set(QUESTION_BANK.map((q) => q.key));
  for (const bankKey of list(form, "add")) {
    if (!known.has(bankKey)) problems.push({ path: "add", code: "invalid_choice" });
    else plan.push({ bankKey, required: true });
  }
  const ownText = text(form, "own.text");
  const options = text(form, "own.options")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  let ownIndex: number | null = null;
  if (ownText !== "" || options.length > 0) {
    ownIndex = plan.length;
    plan.push({ own: { text: ownText, answerType: text(form, "own.answerType"), options, multiple: form.get("own.multiple") !== null, required: form.get("own.required") !== null } });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { plan, reason: text(form, "reason"), ownIndex } };
}

/** A model problem (`questions.<i>…`) at the form field it concerns. */
export function formPath(path: string, plan: QuestionnairePlan): string {
  const match = /^questions\.(\d+)\.(.+)$/.exec(path);
  if (!match) return path === "questions" ? "form" : path;
  const [, index, rest] = match;
  if (Number(index) === plan.ownIndex && rest!.startsWith("own.")) return rest!;
  return rest === "bankKey" ? "add" : "form";
}
