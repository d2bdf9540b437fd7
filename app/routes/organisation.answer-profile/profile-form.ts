import type { Entries } from "~/domain/form-entries";
import type { Upload } from "~/models/stored-files.server";
import type { Problem } from "~/domain/problems";
import { QUESTION_BANK } from "~/domain/question-bank";
import { answerFromForm, answerProblems, bankSpec, type Answer, type AnswerProfile } from "~/domain/questionnaire";

// The answer profile form read into the changes saveToAnswerProfile takes: every bank question's
// fields (`answers.<key>`, `answers.<key>.comment`); an emptied answer that was stored is
// removed. A document answer is a file: uploaded here (`answers.<key>.file`, which replaces a
// stored one) or saved back from a response, and removed with `answers.<key>.remove`.

export function profileChangesFromForm(stored: AnswerProfile, form: Entries): { ok: true; changes: Record<string, Answer | null> } | { ok: false; problems: Problem[] } {
  const changes: Record<string, Answer | null> = {};
  const problems: Problem[] = [];
  for (const question of QUESTION_BANK) {
    const spec = bankSpec(question, false);
    if (question.answerType === "document") {
      if (stored[question.key] && form.get(`answers.${question.key}.remove`) !== null) changes[question.key] = null;
      continue;
    }
    const answer = answerFromForm(spec, form);
    if (answer === null) {
      if (stored[question.key]) changes[question.key] = null;
      continue;
    }
    const found = answerProblems(spec, answer);
    if (found.length) problems.push(...found);
    else changes[question.key] = answer;
  }
  return problems.length ? { ok: false, problems } : { ok: true, changes };
}

/** The documents sent for document questions (`answers.<key>.file`), by bank key; a file input left empty sends nothing. */
export async function profileUploadsFromForm(form: Entries): Promise<Record<string, Upload>> {
  const uploads: Record<string, Upload> = {};
  for (const question of QUESTION_BANK) {
    if (question.answerType !== "document") continue;
    const file = form.get(`answers.${question.key}.file`);
    if (file instanceof File && (file.size > 0 || file.name !== "")) uploads[question.key] = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  return uploads;
}
