import { getCollectionProps, getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { fieldErrors } from "~/domain/problems";
import { FAILURE_STATUS } from "~/http/failure-status";
import { forbidden, requireVerifiedUser, type GuardArgs } from "~/auth/guards.server";
import { FieldErrors, Notice, SubmitButton, ProblemScope } from "~/components/forms";
import { RESPONSES } from "~/domain/conduct";
import { ResponseSchema } from "~/domain/conduct-forms";
import { entryChainState } from "~/domain/hash-chain";
import { formatDateTime } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { verifyOrganisationChain } from "~/models/interaction-chain.server";
import { getInteractionForViewer } from "~/models/interaction-reads.server";
import { respondToInteraction } from "~/models/interactions.server";
import { absoluteUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { invariantResponse } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

/** The two parties and operators see an entry; for anyone else it does not exist. */
async function viewEntry(args: GuardArgs & { params: { id?: string } }) {
  const user = requireVerifiedUser(args);
  const view = await getInteractionForViewer(db(), args.params.id ?? "", { userId: user.id, isOperator: user.isOperator });
  invariantResponse(view);
  return { user, view };
}

export async function loader(args: LoaderFunctionArgs) {
  const { view } = await viewEntry(args);
  const t = fixedT(await getLanguage(args.request), "conduct");
  // Checked, not only shown: the hash is the proof, and people read what it proves (issue 14).
  const chain = entryChainState(await verifyOrganisationChain(db(), view.entry.organisationId), view.entry.id);
  return json({ title: `${t("entry.title", { subject: view.entry.subject })} – Markedsdialog`, ...view, chain });
}

export async function action(args: ActionFunctionArgs) {
  const { user, view } = await viewEntry(args);
  // Only the counterpart answers; the logging side and operators know the entry exists.
  if (!view.canRespond) forbidden(args.request);
  const submission = parseWithZod(await readFormData(args.request), { schema: ResponseSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await respondToInteraction(
    db(),
    { entryId: view.entry.id, organisationId: view.entry.counterpartId, userId: user.id, response: submission.value.response, account: submission.value.account ?? null },
    { entryUrl: (id) => absoluteUrl(`/interactions/${id}`) },
  );
  if (!result.ok) return json(submission.reply({ fieldErrors: fieldErrors(result) }), { status: FAILURE_STATUS[result.reason] });
  return redirect(`/interactions/${view.entry.id}?answered=1`);
}

export default function InteractionEntry() {
  const { entry, responses, clauses, canRespond, answered, canSupersede, chain } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("conduct");
  const language = i18n.language as Language;
  const [form, fields] = useForm({
    id: "response",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResponseSchema }),
  });
  const own = entry.participants.filter((p) => p.side === "own");
  const other = entry.participants.filter((p) => p.side === "counterpart");

  return (
    <ProblemScope first="forms">
      <div className="mx-auto max-w-5xl space-y-6">
        <p>
          <Link to="/interactions" className="text-brand-700 underline">
            {t("log.title")}
          </Link>
        </p>
        {searchParams.get("logged") ? <Notice>{t("entry.logged")}</Notice> : null}
        {searchParams.get("answered") ? <Notice>{t("entry.answered")}</Notice> : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <article aria-labelledby="entry-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <header className="space-y-1">
              <h1 id="entry-title" className="text-2xl font-bold">
                {t("entry.title", { subject: entry.subject })}
              </h1>
              <p>{t("entry.between", { organisation: entry.organisationName, counterpart: entry.counterpartName })}</p>
              <p className="text-sm text-slate-600">
                {t("entry.loggedBy", { name: entry.loggedByName, organisation: entry.organisationName, date: formatDateTime(entry.recordedAt, language) })}
              </p>
            </header>
            {entry.quietPeriodContact ? (
              <div role="note" className="rounded border border-amber-400 bg-amber-50 p-3">
                <p className="font-semibold">{t("entry.quietPeriod", { event: entry.eventTitle ?? "" })}</p>
                <p>{t("entry.quietPeriodAsk", { buyer: entry.eventBuyerId === entry.organisationId ? entry.organisationName : entry.counterpartName })}</p>
              </div>
            ) : null}
            {entry.supersededById ? (
              <div role="note" className="rounded border border-amber-400 bg-amber-50 p-3">
                {t("entry.supersededBy")}{" "}
                <Link to={`/interactions/${entry.supersededById}`} className="font-semibold underline">
                  {t("entry.showCorrection")}
                </Link>
              </div>
            ) : null}
            {entry.supersedesId ? (
              <p>
                {t("entry.supersedes")}{" "}
                <Link to={`/interactions/${entry.supersedesId}`} className="text-brand-700 underline">
                  {t("entry.showOriginal")}
                </Link>
              </p>
            ) : null}
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
              <dt className="font-medium">{t("entry.occurredAt")}</dt>
              <dd>{formatDateTime(entry.occurredAt, language)}</dd>
              <dt className="font-medium">{t("entry.channel")}</dt>
              <dd>{t(`channels.${entry.channel}`)}</dd>
              <dt className="font-medium">{t("entry.participants")}</dt>
              <dd>
                {entry.organisationName}: {own.map((p) => p.name).join(", ") || "–"}
                <br />
                {entry.counterpartName}: {other.map((p) => p.name).join(", ") || "–"}
              </dd>
              {entry.eventTitle ? (
                <>
                  <dt className="font-medium">{t("entry.event")}</dt>
                  <dd>{entry.eventTitle}</dd>
                </>
              ) : null}
              <dt className="font-medium">{t("entry.assessment")}</dt>
              <dd>
                {entry.assessment === "concern" && entry.concernCategory
                  ? t("entry.concern", { category: t(`categories.${entry.concernCategory}`) })
                  : t(`assessments.${entry.assessment}`)}
              </dd>
            </dl>
            <section aria-labelledby="summary-title">
              <h2 id="summary-title" className="font-semibold">
                {t("entry.summary")}
              </h2>
              <p className="whitespace-pre-line">{entry.summary}</p>
              {entry.concernDescription ? <p className="mt-2 whitespace-pre-line rounded bg-red-50 p-2">{entry.concernDescription}</p> : null}
            </section>
            {clauses.length ? (
              <section aria-labelledby="clauses-title">
                <h2 id="clauses-title" className="font-semibold">
                  {t("entry.clauses")}
                </h2>
                <ul className="list-disc pl-6">
                  {clauses.map((c) => (
                    <li key={c.number}>
                      <Link to={`/conduct/versions/${entry.conductVersion}#clause-${c.number}`} className="text-brand-700 underline">
                        {c.number}. {language === "en" ? c.titleEn : c.titleNb}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <div className="space-y-1 text-sm">
              <p className={chain === "verified" ? "text-green-800" : "font-semibold text-red-800"}>
                {t(`entry.chain.${chain}`)}
                {chain === "verified" ? null : (
                  <>
                    {" "}
                    <Link to="/interactions" className="underline">
                      {t("log.title")}
                    </Link>
                  </>
                )}
              </p>
              <details className="text-xs text-slate-600">
                <summary className="cursor-pointer">{t("entry.hash", { seq: entry.chainSeq })}</summary>
                <code className="break-all">{entry.hash}</code>
              </details>
            </div>
            {canSupersede ? (
              <Link to={`/interactions/new?supersedes=${entry.id}`} className="inline-block rounded border border-slate-400 px-4 py-2 font-semibold">
                {t("entry.correct")}
              </Link>
            ) : null}
          </article>

          <aside aria-labelledby="answers-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h2 id="answers-title" className="text-xl font-semibold">
              {t("entry.answers")} ({entry.counterpartName})
            </h2>
            {responses.length === 0 ? <p>{t("entry.noAnswers")}</p> : null}
            <ul className="space-y-3">
              {responses.map((r) => (
                <li key={r.id} className={`rounded border p-3 ${r.response === "dispute" ? "border-red-300 bg-red-50" : "border-emerald-300 bg-emerald-50"} ${r.counts ? "" : "opacity-75"}`}>
                  <p className="font-semibold">
                    {t("entry.answeredBy", { response: t(`responses.${r.response}`), name: r.respondedByName, date: formatDateTime(r.recordedAt, language) })}
                  </p>
                  {r.account ? <p className="whitespace-pre-line">{r.account}</p> : null}
                  {r.counts ? null : <p className="mt-1 text-sm font-medium text-slate-700">{t("entry.notCounted")}</p>}
                </li>
              ))}
            </ul>
            {canRespond && answered ? <p className="text-sm text-slate-700">{t("entry.answerFinal")}</p> : null}
            {canRespond && !answered ? (
              <Form method="post" {...getFormProps(form)} className="space-y-3">
                <h3 className="font-semibold">{t("entry.respondHeading")}</h3>
                <fieldset className="space-y-1 rounded border border-slate-300 p-3">
                  <legend className="px-1 font-medium">{t("entry.respond")}</legend>
                  {getCollectionProps(fields.response, { type: "radio", options: [...RESPONSES] }).map(({ key, ...props }) => (
                    <label key={key} className="flex items-center gap-2">
                      <input {...props} key={key} /> {t(`entry.respondOptions.${props.value as (typeof RESPONSES)[number]}`)}
                    </label>
                  ))}
                  <FieldErrors id={fields.response.errorId} errors={fields.response.errors} />
                </fieldset>
                <div>
                  <label htmlFor={fields.account.id} className="block font-medium">
                    {t("entry.account")}
                  </label>
                  <p id={`${fields.account.id}-hint`} className="text-sm text-slate-600">
                    {t("entry.accountHint")}
                  </p>
                  <textarea
                    {...getTextareaProps(fields.account, { ariaDescribedBy: `${fields.account.id}-hint` })}
                    key={fields.account.key}
                    rows={4}
                    className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
                  />
                  <FieldErrors id={fields.account.errorId} errors={fields.account.errors} />
                </div>
                <SubmitButton>{t("entry.submitResponse")}</SubmitButton>
              </Form>
            ) : null}
          </aside>
        </div>
      </div>
    </ProblemScope>
  );
}
