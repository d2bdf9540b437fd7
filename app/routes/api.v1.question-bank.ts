import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { ANSWER_TYPES, BANK_TOPICS, QUESTION_BANK } from "~/domain/question-bank";
import { resources, LANGUAGES } from "~/i18n/resources";

// GET /api/v1/question-bank — public: the common RFI questions (issue 17, "answer once") with
// their stable keys, answer types and options, worded in bokmål and English. Answers in
// responses and answer profiles are stored under these keys (docs/api.md).

type Words = { question: string; hint?: string; options?: Record<string, string> };
const words = (key: string) => Object.fromEntries(LANGUAGES.map((l) => [l, (resources[l].questionnaire.bank as Record<string, Words>)[key]]));
const both = (pick: (language: (typeof LANGUAGES)[number]) => string | undefined) => Object.fromEntries(LANGUAGES.map((l) => [l, pick(l) ?? null]));

export async function loader(_args: LoaderFunctionArgs) {
  const items = QUESTION_BANK.map((q) => {
    const w = words(q.key);
    return {
      key: q.key,
      topic: q.topic,
      answerType: q.answerType,
      multiple: q.multiple,
      question: both((l) => w[l]?.question),
      hint: w.nb?.hint ? both((l) => w[l]?.hint) : null,
      options: q.options.map((key) => ({ key, text: both((l) => w[l]?.options?.[key]) })),
    };
  });
  return json(
    {
      answerTypes: ANSWER_TYPES,
      topics: BANK_TOPICS.map((key) => ({ key, text: both((l) => resources[l].questionnaire.topics[key]) })),
      items,
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}
