import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { AnswerSchema, QuestionSchema } from "~/domain/participation-input";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { FieldErrors, FormErrors, SubmitButton, inputClass } from "~/components/forms";
import { lastResult, type ParticipationReply, type ParticipationView } from "./participation-view";

// Questions and answers: the published answers, the buyer's unanswered questions, the vendor's own.

export function QuestionsSection({ view, reply, language }: { view: ParticipationView; reply: ParticipationReply; language: Language }) {
  const { t } = useTranslation(["participation"]);
  return (
    <section aria-labelledby="questions-title" className="space-y-4">
      <h2 id="questions-title" className="text-xl font-semibold">
        {t("questions.heading")}
      </h2>
      <p className="max-w-prose text-slate-700">{t("questions.lead")}</p>
      {view.answers.length === 0 ? (
        <p className="text-slate-700">{t("questions.empty")}</p>
      ) : (
        <ol className="space-y-4">
          {view.answers.map((a) => (
            <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">
                <span className="sr-only">{t("questions.question")}: </span>
                {a.question}
              </h3>
              <p className="mt-2 whitespace-pre-line">
                <span className="font-medium">{t("questions.answer")}:</span> {a.answer}
              </p>
              <p className="mt-1 text-sm text-slate-700">
                <time dateTime={a.answeredAt}>{t("questions.answeredAt", { date: formatDateTime(a.answeredAt, language) })}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {view.buyer ? <UnansweredQuestions questions={view.buyer.unanswered} reply={reply} language={language} /> : null}
      {/* Keyed on the count: after a question is sent the form starts empty. */}
      {view.vendor && view.published ? <AskQuestion key={view.vendor.questions.length} view={view} reply={reply} language={language} /> : null}
    </section>
  );
}

function AskQuestion({ view, reply, language }: { view: ParticipationView; reply: ParticipationReply; language: Language }) {
  const { t } = useTranslation(["participation"]);
  const vendor = view.vendor!;
  const [form, fields] = useForm({
    id: "participation-ask",
    lastResult: lastResult(reply, "ask"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: QuestionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="space-y-4 rounded-lg border border-brand-200 bg-white p-4">
      {vendor.questions.length ? (
        <div>
          <h3 className="font-semibold">{t("questions.own.heading")}</h3>
          <ul className="mt-1 space-y-2">
            {vendor.questions.map((q) => (
              <li key={q.id}>
                <p className="whitespace-pre-line">{q.text}</p>
                <p className="text-sm text-slate-700">
                  <time dateTime={q.askedAt}>{formatDateTime(q.askedAt, language)}</time> · {q.answered ? t("questions.own.answered") : t("questions.own.pending")}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {vendor.takesPart ? (
        <Form method="post" {...getFormProps(form)} className="space-y-2" aria-labelledby="ask-title">
          <h3 id="ask-title" className="font-semibold">
            {t("questions.ask.heading")}
          </h3>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="ask" />
          <input type="hidden" name="organisationId" value={vendor.organisation.id} />
          <div>
            <label htmlFor={fields.question.id} className="block font-medium">
              {t("questions.ask.label")}
            </label>
            <p id={`${fields.question.id}-hint`} className="text-sm text-slate-600">
              {t("questions.ask.hint")}
            </p>
            <textarea {...getTextareaProps(fields.question, { ariaDescribedBy: `${fields.question.id}-hint` })} key={fields.question.key} rows={4} className={inputClass} />
            <FieldErrors id={fields.question.errorId} errors={fields.question.errors} />
          </div>
          <SubmitButton>{t("questions.ask.submit")}</SubmitButton>
        </Form>
      ) : (
        <p className="text-slate-700">{t("questions.ask.onlyRegistered")}</p>
      )}
    </div>
  );
}

function UnansweredQuestions({ questions, reply, language }: { questions: NonNullable<ParticipationView["buyer"]>["unanswered"]; reply: ParticipationReply; language: Language }) {
  const { t } = useTranslation(["participation"]);
  return (
    <div className="space-y-3 rounded-lg border border-brand-200 bg-white p-4">
      <h3 className="font-semibold">{t("questions.unanswered.heading")}</h3>
      <p className="text-sm text-slate-700">{t("questions.unanswered.lead")}</p>
      {questions.length === 0 ? (
        <p className="text-slate-700">{t("questions.unanswered.none")}</p>
      ) : (
        <ol className="space-y-6">
          {questions.map((q) => (
            <li key={q.id}>
              <AnswerForm question={q} reply={reply} language={language} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AnswerForm({ question, reply, language }: { question: NonNullable<ParticipationView["buyer"]>["unanswered"][number]; reply: ParticipationReply; language: Language }) {
  const { t } = useTranslation(["participation"]);
  const [form, fields] = useForm({
    id: `participation-answer-${question.id}`,
    lastResult: lastResult(reply, "answer", question.id),
    defaultValue: { question: question.text },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AnswerSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2 border-t border-slate-200 pt-3" aria-label={t("questions.unanswered.askedBy", { organisationName: question.organisationName, date: formatDateTime(question.askedAt, language) })}>
      <p className="text-sm text-slate-700">{t("questions.unanswered.askedBy", { organisationName: question.organisationName, date: formatDateTime(question.askedAt, language) })}</p>
      <blockquote className="whitespace-pre-line border-l-4 border-slate-300 pl-3">{question.text}</blockquote>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="questionId" value={question.id} />
      <div>
        <label htmlFor={fields.question.id} className="block font-medium">
          {t("questions.unanswered.publishedQuestion")}
        </label>
        <textarea {...getTextareaProps(fields.question)} key={fields.question.key} rows={3} className={inputClass} />
        <FieldErrors id={fields.question.errorId} errors={fields.question.errors} />
      </div>
      <div>
        <label htmlFor={fields.answer.id} className="block font-medium">
          {t("questions.unanswered.answer")}
        </label>
        <textarea {...getTextareaProps(fields.answer)} key={fields.answer.key} rows={4} className={inputClass} />
        <FieldErrors id={fields.answer.errorId} errors={fields.answer.errors} />
      </div>
      <SubmitButton>{t("questions.unanswered.submit")}</SubmitButton>
    </Form>
  );
}
