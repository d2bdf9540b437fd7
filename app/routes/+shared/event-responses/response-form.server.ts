import { inputProblems } from "~/domain/event-input";
import { list, text } from "~/domain/form-entries";
import type { Problem } from "~/domain/problems";
import { answerPath, answersFromForm, type QuestionnaireItem } from "~/domain/questionnaire";
import { ResponseInputSchema } from "~/domain/responses";
import type { ResponseAnswerInput, ResponseChange } from "~/models/event-responses.server";

// What the response form (the vendor's page) or a multipart API request (POST
// /api/v1/events/{id}/responses) sends, read the same way for both: the text and the secret
// marks, at most one file with its own mark, documents to take out, and save or submit.

export type ResponseForm = { ok: true; change: ResponseChange } | { ok: false; problems: Problem[] };

const checked = (form: FormData, name: string) => ["on", "true", "1"].includes(text(form, name));

/** The questionnaire's answers from the form (q17's field names), each with its secret mark (`answers.<key>.confidential`, `…confidentialReason`). */
function answersOf(form: FormData, questionnaire: readonly QuestionnaireItem[]): Record<string, ResponseAnswerInput> {
  const answers: Record<string, ResponseAnswerInput> = {};
  for (const [key, answer] of Object.entries(answersFromForm(questionnaire, form))) {
    const confidential = checked(form, `${answerPath(key)}.confidential`);
    answers[key] = { ...answer, confidential, confidentialReason: text(form, `${answerPath(key)}.confidentialReason`) || null };
  }
  return answers;
}

export async function responseFormOf(form: FormData, questionnaire: readonly QuestionnaireItem[] = []): Promise<ResponseForm> {
  const parsed = ResponseInputSchema.safeParse({
    text: text(form, "text"),
    textConfidential: checked(form, "textConfidential"),
    textConfidentialReason: text(form, "textConfidentialReason"),
    confidential: checked(form, "confidential"),
    confidentialReason: text(form, "confidentialReason"),
  });
  if (!parsed.success) return { ok: false, problems: inputProblems(parsed.error) };
  const intent = text(form, "intent");
  if (intent !== "save" && intent !== "submit" && intent !== "") return { ok: false, problems: [{ path: "intent", code: "invalid_choice" }] };
  const file = form.get("file");
  // A form sent without choosing a file carries an empty, nameless part: nothing to add.
  const sent = file instanceof File && (file.size > 0 || file.name !== "");
  const uploads = sent
    ? [{ upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, confidential: checked(form, "documentConfidential"), confidentialReason: text(form, "documentConfidentialReason") || null }]
    : [];
  return {
    ok: true,
    change: {
      input: parsed.data,
      uploads,
      removeDocuments: list(form, "removeDocument"),
      submit: intent === "submit",
      ...(questionnaire.length ? { answers: answersOf(form, questionnaire), saveToProfile: checked(form, "saveToProfile") } : {}),
    },
  };
}
