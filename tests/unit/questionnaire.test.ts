import { describe, expect, it } from "vitest";
import { ANSWER_TYPES, QUESTION_BANK, bankQuestion } from "~/domain/question-bank";
import {
  answerFormValues,
  answerFromForm,
  answerProblems,
  answerSetProblems,
  answersFromForm,
  bankSpecOf,
  ownQuestionProblems,
  prefillAnswers,
  profileAnswersOf,
  questionnaireAmendment,
  type QuestionSpec,
  type QuestionnaireItem,
} from "~/domain/questionnaire";
import { resources } from "~/i18n/resources";

const spec = (key: string, required = true): QuestionSpec => bankSpecOf(key, required)!;
const item = (key: string, position: number, over: Partial<QuestionnaireItem> = {}): QuestionnaireItem => ({
  ...(bankSpecOf(key, true) ?? { key, answerType: "text", options: [], multiple: false, required: true }),
  id: `00000000-0000-4000-8000-00000000000${position}`,
  position,
  bankKey: bankQuestion(key) ? key : null,
  text: bankQuestion(key) ? null : key,
  ...over,
});
const form = (entries: [string, string][]) => new URLSearchParams(entries);

describe("the question bank", () => {
  it("has unique keys, known answer types, and options only for choices", () => {
    expect(new Set(QUESTION_BANK.map((q) => q.key)).size).toBe(QUESTION_BANK.length);
    for (const q of QUESTION_BANK) {
      expect(ANSWER_TYPES).toContain(q.answerType);
      expect(q.options.length > 0).toBe(q.answerType === "choice");
      expect(q.key).toMatch(/^[a-z][a-z0-9_]{1,62}$/);
    }
  });

  it("words every question and option in bokmål and English", () => {
    for (const language of ["nb", "en"] as const) {
      const bank = resources[language].questionnaire.bank as Record<string, { question: string; options?: Record<string, string> }>;
      for (const q of QUESTION_BANK) {
        expect(bank[q.key]?.question, `${language} ${q.key}`).toBeTruthy();
        for (const option of q.options) expect(bank[q.key]?.options?.[option], `${language} ${q.key}.${option}`).toBeTruthy();
      }
      expect(Object.keys(bank).sort()).toEqual(QUESTION_BANK.map((q) => q.key).sort());
    }
  });
});

describe("checking one answer against its question", () => {
  it("takes a yes/no as a boolean", () => {
    expect(answerProblems(spec("helseid"), { value: true })).toEqual([]);
    expect(answerProblems(spec("helseid"), { value: "yes" })).toEqual([{ path: "answers.helseid", code: "invalid_value" }]);
  });

  it("takes a choice among the question's options, one unless it takes several", () => {
    expect(answerProblems(spec("hosting_country"), { value: ["norway"] })).toEqual([]);
    expect(answerProblems(spec("hosting_country"), { value: ["norway", "eu_eea"] })).toEqual([{ path: "answers.hosting_country", code: "too_many_choices" }]);
    expect(answerProblems(spec("hosting_country"), { value: ["mars"] })).toEqual([{ path: "answers.hosting_country", code: "invalid_choice" }]);
    expect(answerProblems(spec("fhir_versions"), { value: ["r4", "r5"] })).toEqual([]);
    expect(answerProblems(spec("fhir_versions"), { value: ["r4", "r4"] })).toEqual([{ path: "answers.fhir_versions", code: "invalid_choice" }]);
    expect(answerProblems(spec("fhir_versions"), { value: [] })).toEqual([{ path: "answers.fhir_versions", code: "required" }]);
    expect(answerProblems(spec("fhir_versions"), { value: "r4" })).toEqual([{ path: "answers.fhir_versions", code: "invalid_value" }]);
  });

  it("takes visible text up to the limit, a finite number, and a stored file's id for a document", () => {
    expect(answerProblems(spec("references"), { value: "Bergvik kommune, 2025" })).toEqual([]);
    expect(answerProblems(spec("references"), { value: " \u200b " })).toEqual([{ path: "answers.references", code: "required" }]);
    expect(answerProblems(spec("references"), { value: "x".repeat(5001) })).toEqual([{ path: "answers.references", code: "too_long" }]);
    expect(answerProblems(spec("reference_count"), { value: 12 })).toEqual([]);
    expect(answerProblems(spec("reference_count"), { value: Number.NaN })).toEqual([{ path: "answers.reference_count", code: "must_be_number" }]);
    expect(answerProblems(spec("reference_count"), { value: 1e13 })).toEqual([{ path: "answers.reference_count", code: "too_large" }]);
    expect(answerProblems(spec("data_processing_agreement_template"), { value: "9b1f0a52-7c0e-4c55-9d59-0d7b7a1f0c11" })).toEqual([]);
    expect(answerProblems(spec("data_processing_agreement_template"), { value: "../etc/passwd" })).toEqual([{ path: "answers.data_processing_agreement_template", code: "invalid_value" }]);
  });

  it("asks for a required answer only when the answers are submitted, and checks the comment", () => {
    expect(answerProblems(spec("helseid"), undefined)).toEqual([{ path: "answers.helseid", code: "required" }]);
    expect(answerProblems(spec("helseid"), undefined, { requireAnswer: false })).toEqual([]);
    expect(answerProblems(spec("helseid", false), null)).toEqual([]);
    expect(answerProblems(spec("helseid"), { value: true, comment: "x".repeat(2001) })).toEqual([{ path: "answers.helseid.comment", code: "too_long" }]);
    expect(answerProblems(spec("helseid"), "yes")).toEqual([{ path: "answers.helseid", code: "invalid_value" }]);
  });
});

describe("checking an answer set against a questionnaire", () => {
  const questions = [spec("helseid"), spec("references", false)];

  it("names each missing required answer and each answer to a question not asked", () => {
    expect(answerSetProblems(questions, { helseid: { value: false } })).toEqual([]);
    expect(answerSetProblems(questions, { references: { value: "A" }, smuggled: { value: true } })).toEqual([
      { path: "answers.helseid", code: "required" },
      { path: "answers.smuggled", code: "unknown_question" },
    ]);
    expect(answerSetProblems(questions, {}, { requireAnswers: false })).toEqual([]);
  });
});

describe("reading answers from a form", () => {
  it("turns the fields into the answers' JSON shapes, leaving out empty ones", () => {
    const questions = [spec("helseid"), spec("fhir_versions"), spec("reference_count"), spec("references"), spec("idporten")];
    const answers = answersFromForm(
      questions,
      form([
        ["answers.helseid", "yes"],
        ["answers.helseid.comment", " Fra versjon 4 "],
        ["answers.fhir_versions", "r4"],
        ["answers.fhir_versions", "r5"],
        ["answers.reference_count", "1 234,5"],
        ["answers.references", "  "],
      ]),
    );
    expect(answers).toEqual({
      helseid: { value: true, comment: "Fra versjon 4" },
      fhir_versions: { value: ["r4", "r5"], comment: null },
      reference_count: { value: 1234.5, comment: null },
    });
  });

  it("shows stored answers in the fields they are read back from", () => {
    const questions = [spec("helseid"), spec("fhir_versions"), spec("reference_count"), spec("references")];
    const answers = { helseid: { value: false, comment: "Planlagt" }, fhir_versions: { value: ["r4"] }, reference_count: { value: 12.5 }, references: { value: "Bergvik" } };
    const values = answerFormValues(questions, answers);
    expect(values).toEqual({ "answers.helseid": "no", "answers.helseid.comment": "Planlagt", "answers.fhir_versions": ["r4"], "answers.reference_count": "12,5", "answers.references": "Bergvik" });
    const entries = Object.entries(values).flatMap(([name, v]): [string, string][] => (Array.isArray(v) ? v.map((x): [string, string] => [name, x]) : [[name, v]]));
    expect(answersFromForm(questions, form(entries))).toEqual({
      helseid: { value: false, comment: "Planlagt" },
      fhir_versions: { value: ["r4"], comment: null },
      reference_count: { value: 12.5, comment: null },
      references: { value: "Bergvik", comment: null },
    });
  });

  it("keeps a number that does not read as one, and a comment without an answer, for the check to name", () => {
    const count = answerFromForm(spec("reference_count"), form([["answers.reference_count", "tolv"]]));
    expect(answerProblems(spec("reference_count"), count)).toEqual([{ path: "answers.reference_count", code: "must_be_number" }]);
    const bare = answerFromForm(spec("helseid"), form([["answers.helseid.comment", "Kommer"]]));
    expect(answerProblems(spec("helseid"), bare)).toEqual([{ path: "answers.helseid", code: "required" }]);
  });
});

describe("the buyer's own questions", () => {
  const own = { text: "Hvordan håndterer dere avvik?", answerType: "text", options: [], multiple: false, required: true };

  it("needs visible text and a known answer type", () => {
    expect(ownQuestionProblems(own)).toEqual([]);
    expect(ownQuestionProblems({ ...own, text: "\u200b", answerType: "essay" })).toEqual([
      { path: "own.text", code: "required" },
      { path: "own.answerType", code: "invalid_choice" },
    ]);
  });

  it("gives a choice 2–20 distinct options and other types none", () => {
    expect(ownQuestionProblems({ ...own, answerType: "choice", options: ["Ja"] })).toEqual([{ path: "own.options", code: "too_few_options" }]);
    expect(ownQuestionProblems({ ...own, answerType: "choice", options: ["Ja", "ja"] })).toEqual([{ path: "own.options", code: "duplicate_option" }]);
    expect(ownQuestionProblems({ ...own, answerType: "choice", options: ["Ja", "Nei", "Kanskje"] })).toEqual([]);
    expect(ownQuestionProblems({ ...own, options: ["Ja", "Nei"] })).toEqual([{ path: "own.options", code: "options_only_for_choice" }]);
  });
});

describe("amending a published questionnaire", () => {
  it("records the questions added and removed, and the list when only order or 'required' changed", () => {
    const before = [item("helseid", 1), item("references", 2)];
    expect(questionnaireAmendment(before, before)).toEqual([]);
    expect(questionnaireAmendment(before, [item("helseid", 1), item("Hvordan håndterer dere avvik?", 2)])).toEqual([
      { field: "questionnaire.added", before: null, after: [{ text: "Hvordan håndterer dere avvik?", required: true }] },
      { field: "questionnaire.removed", before: [{ bankKey: "references", required: true }], after: null },
    ]);
    expect(questionnaireAmendment(before, [item("references", 1), item("helseid", 2, { required: false })])).toEqual([
      {
        field: "questionnaire.questions",
        before: [
          { bankKey: "helseid", required: true },
          { bankKey: "references", required: true },
        ],
        after: [
          { bankKey: "references", required: true },
          { bankKey: "helseid", required: false },
        ],
      },
    ]);
  });
});

describe("answer once: prefill and save back", () => {
  const questionnaire = [item("helseid", 1), item("hosting_country", 2), item("Egen", 3)];

  it("prefills bank questions from the profile, leaving out answers that no longer fit and own questions", () => {
    const profile = { helseid: { value: true, comment: "Siden 2023" }, hosting_country: { value: ["atlantis"] }, idporten: { value: true } };
    expect(prefillAnswers(questionnaire, profile)).toEqual({ helseid: { value: true, comment: "Siden 2023" } });
  });

  it("saves back only valid answers to bank questions, and only those chosen", () => {
    const answers = { helseid: { value: false }, hosting_country: { value: ["norway"] }, [questionnaire[2]!.key]: { value: "Eget svar" } };
    expect(profileAnswersOf(questionnaire, answers)).toEqual({ helseid: { value: false }, hosting_country: { value: ["norway"] } });
    expect(profileAnswersOf(questionnaire, answers, ["hosting_country"])).toEqual({ hosting_country: { value: ["norway"] } });
    expect(profileAnswersOf(questionnaire, { helseid: { value: "maybe" } })).toEqual({});
  });
});
