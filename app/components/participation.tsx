import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AnswerSchema, DeclineSchema, QuestionSchema, RegistrationSchema } from "~/domain/participation-input";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// The event page's participation part: the count and the vendor's registration (aside),
// questions and answers, and the buyer's participant list (main column).

type Status = "registered" | "waitlisted" | "withdrawn" | "declined";

export interface ParticipationView {
  counts: { registered: number; waitlisted: number };
  capacity: number | null;
  attendeeLimit: number | null;
  published: boolean;
  open: boolean;
  signedIn: boolean;
  vendor: {
    organisation: { id: string; name: string };
    registration: { status: Status; note: string | null; shareAttendees: boolean; declineReason: string | null; attendeeIds: string[]; waitlistPosition: number | null } | null;
    takesPart: boolean;
    members: { id: string; name: string }[];
    questions: { id: string; text: string; askedAt: string; answered: boolean }[];
    others: { organisationName: string; attendees: string[] }[] | null;
  } | null;
  buyer: {
    participants: { registrationId: string; organisationName: string; status: Status; note: string | null; shareAttendees: boolean; declineReason: string | null; attendees: string[] }[];
    unanswered: { id: string; organisationName: string; text: string; askedAt: string }[];
  } | null;
  answers: { id: string; question: string; answer: string; answeredAt: string }[];
}

export type ParticipationReply = { form: string; result: unknown; questionId: string | null } | undefined;

const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 focus:outline-none focus:ring-2 focus:ring-brand-600";

function Problems({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation(["participation", "forms"]);
  if (!errors?.length) return null;
  return (
    <div id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((code) => (
        <p key={code}>{t([`participation:problems.${code}`, `forms:${code}`, "forms:invalid_value"])}</p>
      ))}
    </div>
  );
}

function FormProblems({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <div role="alert">
      <Problems id={id} errors={errors} />
    </div>
  ) : null;
}

function Submit({ children, variant = "primary" }: { children: ReactNode; variant?: "primary" | "secondary" }) {
  const style = variant === "primary" ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100";
  return (
    <button type="submit" className={`rounded px-4 py-2 font-semibold ${style}`}>
      {children}
    </button>
  );
}

function lastResult(reply: ParticipationReply, form: string, questionId: string | null = null) {
  return reply?.form === form && (questionId === null || reply.questionId === questionId) ? (reply.result as SubmissionResult<string[]>) : undefined;
}

// --- Aside: the count and the vendor's registration ---------------------------------------

export function RegistrationPanel({ view, reply, eventId }: { view: ParticipationView; reply: ParticipationReply; eventId: string }) {
  const { t } = useTranslation(["participation"]);
  const { counts, capacity } = view;
  const left = capacity === null ? null : Math.max(capacity - counts.registered, 0);
  return (
    <section id="participation" aria-labelledby="participation-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="participation-title" className="text-xl font-semibold">
        {t("counts.heading")}
      </h2>
      <ul className="space-y-1">
        <li>{t("counts.registered", { count: counts.registered })}</li>
        {counts.waitlisted > 0 ? <li>{t("counts.waitlisted", { count: counts.waitlisted })}</li> : null}
        {left !== null ? <li>{left > 0 ? t("counts.placesLeft", { count: left }) : t("counts.full")}</li> : null}
        {view.attendeeLimit !== null ? <li>{t("counts.attendeeLimit", { count: view.attendeeLimit })}</li> : null}
      </ul>
      {view.published ? <VendorPart view={view} reply={reply} eventId={eventId} /> : null}
    </section>
  );
}

function VendorPart({ view, reply, eventId }: { view: ParticipationView; reply: ParticipationReply; eventId: string }) {
  const { t } = useTranslation(["participation"]);
  if (view.buyer) return null;
  if (!view.signedIn) {
    return (
      <p>
        {t("register.signIn")}{" "}
        <Link to={`/login?redirectTo=${encodeURIComponent(`/events/${eventId}`)}`} className="font-semibold text-brand-700 underline">
          {t("register.signInLink")}
        </Link>
      </p>
    );
  }
  const vendor = view.vendor;
  if (!vendor) return <p className="text-slate-700">{t("register.notVendor")}</p>;
  const registration = vendor.registration;
  return (
    <div className="space-y-4">
      {registration ? (
        <p role="status" className="rounded bg-brand-50 p-2">
          {t("register.current", { organisationName: vendor.organisation.name, status: t(`status.${registration.status}`) })}
          {registration.waitlistPosition !== null ? ` ${t("register.waitlistPosition", { position: registration.waitlistPosition })}` : ""}
        </p>
      ) : null}
      {registration?.status === "declined" && registration.declineReason ? <p className="text-slate-700">{t("register.declined", { reason: registration.declineReason })}</p> : null}
      {view.open ? (
        <>
          <RegisterForm vendor={vendor} reply={reply} />
          {vendor.takesPart ? <WithdrawForm organisationId={vendor.organisation.id} reply={reply} /> : null}
          {registration?.status !== "declined" ? <DeclineForm organisationId={vendor.organisation.id} reply={reply} /> : null}
        </>
      ) : (
        <p className="text-slate-700">{t("register.closed")}</p>
      )}
      {vendor.others ? <OtherParticipants others={vendor.others} /> : null}
    </div>
  );
}

function RegisterForm({ vendor, reply }: { vendor: NonNullable<ParticipationView["vendor"]>; reply: ParticipationReply }) {
  const { t } = useTranslation(["participation"]);
  const registration = vendor.takesPart ? vendor.registration : null;
  const [form, fields] = useForm({
    id: "participation-register",
    lastResult: lastResult(reply, "register"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegistrationSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const attendeesError = fields.attendees.errors?.length ? fields.attendees.errorId : undefined;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-labelledby="register-title">
      <h3 id="register-title" className="font-semibold">
        {registration ? t("register.changeHeading") : t("register.heading", { organisationName: vendor.organisation.name })}
      </h3>
      <FormProblems id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="register" />
      <input type="hidden" name="organisationId" value={vendor.organisation.id} />
      <fieldset aria-describedby={["attendees-hint", attendeesError].filter(Boolean).join(" ")}>
        <legend className="font-medium">{t("register.attendees")}</legend>
        <p id="attendees-hint" className="text-sm text-slate-600">
          {t("register.attendeesHint")}
        </p>
        <div className="mt-1 space-y-1">
          {vendor.members.map((m) => (
            <label key={m.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="attendees"
                value={m.id}
                defaultChecked={registration ? registration.attendeeIds.includes(m.id) : vendor.members.length === 1}
                className="h-4 w-4"
              />
              {m.name}
            </label>
          ))}
        </div>
        <Problems id={fields.attendees.errorId} errors={fields.attendees.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.note.id} className="block font-medium">
          {t("register.note")}
        </label>
        <textarea {...getTextareaProps(fields.note)} key={fields.note.key} defaultValue={registration?.note ?? ""} rows={3} className={inputClass} />
        <Problems id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="shareAttendees" defaultChecked={registration?.shareAttendees ?? false} className="mt-1 h-4 w-4" />
        <span>{t("register.share")}</span>
      </label>
      <Submit>{registration ? t("register.update") : t("register.submit")}</Submit>
    </Form>
  );
}

function WithdrawForm({ organisationId, reply }: { organisationId: string; reply: ParticipationReply }) {
  const { t } = useTranslation(["participation"]);
  const errors = lastResult(reply, "withdraw")?.error?.[""] ?? undefined;
  return (
    <Form method="post" className="space-y-2 border-t border-slate-200 pt-3">
      <FormProblems id="withdraw-errors" errors={errors} />
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="organisationId" value={organisationId} />
      <p className="text-sm text-slate-700">{t("register.withdrawHint")}</p>
      <Submit variant="secondary">{t("register.withdraw")}</Submit>
    </Form>
  );
}

function DeclineForm({ organisationId, reply }: { organisationId: string; reply: ParticipationReply }) {
  const { t } = useTranslation(["participation"]);
  const result = lastResult(reply, "decline");
  const [form, fields] = useForm({
    id: "participation-decline",
    lastResult: result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclineSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <details className="border-t border-slate-200 pt-3" open={result !== undefined}>
      <summary className="cursor-pointer font-medium text-brand-700">{t("register.decline.summary")}</summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 space-y-2">
        <FormProblems id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="decline" />
        <input type="hidden" name="organisationId" value={organisationId} />
        <div>
          <label htmlFor={fields.reason.id} className="block font-medium">
            {t("register.decline.reason")}
          </label>
          <p id={`${fields.reason.id}-hint`} className="text-sm text-slate-600">
            {t("register.decline.reasonHint")}
          </p>
          <textarea {...getTextareaProps(fields.reason, { ariaDescribedBy: `${fields.reason.id}-hint` })} key={fields.reason.key} rows={3} className={inputClass} />
          <Problems id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <Submit variant="secondary">{t("register.decline.submit")}</Submit>
      </Form>
    </details>
  );
}

function OtherParticipants({ others }: { others: { organisationName: string; attendees: string[] }[] }) {
  const { t } = useTranslation(["participation"]);
  return (
    <div className="border-t border-slate-200 pt-3">
      <h3 className="font-semibold">{t("others.heading")}</h3>
      <p className="text-sm text-slate-700">{t("others.lead")}</p>
      {others.length === 0 ? (
        <p className="text-slate-700">{t("others.none")}</p>
      ) : (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {others.map((o) => (
            <li key={o.organisationName}>
              {o.organisationName}
              {o.attendees.length ? `: ${o.attendees.join(", ")}` : ""}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// --- Main column: questions and answers, the buyer's participant list ---------------------

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
          <FormProblems id={form.errorId} errors={form.errors} />
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
            <Problems id={fields.question.errorId} errors={fields.question.errors} />
          </div>
          <Submit>{t("questions.ask.submit")}</Submit>
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
      <FormProblems id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="questionId" value={question.id} />
      <div>
        <label htmlFor={fields.question.id} className="block font-medium">
          {t("questions.unanswered.publishedQuestion")}
        </label>
        <textarea {...getTextareaProps(fields.question)} key={fields.question.key} rows={3} className={inputClass} />
        <Problems id={fields.question.errorId} errors={fields.question.errors} />
      </div>
      <div>
        <label htmlFor={fields.answer.id} className="block font-medium">
          {t("questions.unanswered.answer")}
        </label>
        <textarea {...getTextareaProps(fields.answer)} key={fields.answer.key} rows={4} className={inputClass} />
        <Problems id={fields.answer.errorId} errors={fields.answer.errors} />
      </div>
      <Submit>{t("questions.unanswered.submit")}</Submit>
    </Form>
  );
}

export function ParticipantsSection({ view, eventId, reply }: { view: ParticipationView; eventId: string; reply: ParticipationReply }) {
  const { t } = useTranslation(["participation"]);
  const participants = view.buyer?.participants ?? [];
  const errors = lastResult(reply, "remove")?.error?.[""] ?? undefined;
  return (
    <section aria-labelledby="participants-title" className="space-y-3">
      <h2 id="participants-title" className="text-xl font-semibold">
        {t("participants.heading")}
      </h2>
      <p className="text-slate-700">{t("participants.lead")}</p>
      <FormProblems id="remove-errors" errors={errors} />
      {participants.length === 0 ? (
        <p className="text-slate-700">{t("participants.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("participants.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="py-1 pr-4 font-medium">{t("participants.organisation")}</th>
                <th scope="col" className="py-1 pr-4 font-medium">{t("participants.status")}</th>
                <th scope="col" className="py-1 pr-4 font-medium">{t("participants.attendees")}</th>
                <th scope="col" className="py-1 pr-4 font-medium">{t("participants.note")}</th>
                {view.published ? <th scope="col" className="py-1 font-medium">{t("participants.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.registrationId} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-1 pr-4 font-medium">
                    {p.organisationName}
                    {p.shareAttendees ? <span className="block text-xs font-normal text-slate-700">{t("participants.shared")}</span> : null}
                  </th>
                  <td className="py-1 pr-4">{t(`status.${p.status}`)}</td>
                  <td className="py-1 pr-4">{p.attendees.join(", ")}</td>
                  <td className="py-1 pr-4 whitespace-pre-line">{p.declineReason ?? p.note ?? ""}</td>
                  {view.published ? (
                    <td className="py-1">
                      {p.status === "registered" || p.status === "waitlisted" ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="registrationId" value={p.registrationId} />
                          <button type="submit" className="text-brand-700 underline hover:text-brand-800">
                            {t("participants.remove")}
                            <span className="sr-only"> ({p.organisationName})</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/events/${eventId}/participants.csv`} className="font-semibold text-brand-700 underline" download>
          {t("participants.csv")}
        </a>
      </p>
    </section>
  );
}
