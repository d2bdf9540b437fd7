import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { FormErrors, Notice, ProblemScope, SubmitButton } from "~/components/forms";
import { safeHref } from "~/components/markdown";
import { mayOrganise, responseFormToInput } from "~/domain/consultations";
import { submittedValues, text } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readFormData } from "~/http/form-data.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { notFound } from "~/http/responses.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { confirmPublication, consultationResponses, decideWithholding, getConsultation, publishUsageSummary, saveResponse, withdrawResponse } from "~/models/consultations.server";
import { consultationViewer, requireOrganiserOf } from "../consultations+shared/viewer.server";
import { OwnResponse } from "./own-response";
import { SummaryForm } from "./summary-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} – Markedsdialog` : "Markedsdialog" }];

// Everyone reads a consultation. Responses: each seen only by its author until the deadline,
// then published without the parts the organiser agreed to withhold.
export async function loader(args: LoaderFunctionArgs) {
  const found = await getConsultation(db(), args.params.id ?? "");
  if (!found) notFound();
  const viewer = await consultationViewer(args);
  const organisationId = viewer.membership?.organisation.id ?? null;
  const isOrganiser = mayOrganise(found.consultation, viewer.actor);
  const responses = await consultationResponses(db(), found.consultation, { organisationId: isOrganiser ? null : organisationId, actor: viewer.actor });
  return json({
    ...found,
    responses,
    isOrganiser,
    signedIn: viewer.user !== null,
    responder: organisationId !== null && !isOrganiser ? { organisationName: viewer.membership!.organisation.name } : null,
  });
}

const ORGANISER_INTENTS = ["accept", "refuse", "summary"];

export async function action(args: ActionFunctionArgs) {
  const found = await getConsultation(db(), args.params.id ?? "");
  if (!found) notFound();
  const { consultation } = found;
  const form = await readFormData(args.request);
  const intent = text(form, "intent");
  let result;
  let done: string;
  if (ORGANISER_INTENTS.includes(intent)) {
    const actor = await requireOrganiserOf(args, consultation.organiserId);
    if (intent === "summary") {
      result = await publishUsageSummary(db(), actor, consultation.id, text(form, "summary"));
      done = "summarySaved";
    } else {
      const position = Number(text(form, "position"));
      result = await decideWithholding(db(), actor, consultation.id, { responseId: text(form, "responseId"), position, decision: intent === "accept" ? "accepted" : "refused" }, { baseUrl: publicBaseUrl() });
      done = "decided";
    }
  } else {
    const member = await requireMember(args);
    if (intent === "save" || intent === "submit") {
      result = await saveResponse(db(), member, consultation.id, responseFormToInput(form, consultation.questions.length));
      done = intent === "submit" ? "submitted" : "saved";
    } else if (intent === "withdraw") {
      result = await withdrawResponse(db(), member, consultation.id);
      done = "withdrawn";
    } else if (intent === "confirm") {
      result = await confirmPublication(db(), member, consultation.id);
      done = "confirmed";
    } else {
      return json({ intent, values: {}, errors: { "": ["invalid_value"] } }, { status: 400 });
    }
  }
  if (result.ok) return redirect(`/consultations/${consultation.id}?done=${done}`);
  return json({ intent, values: submittedValues(form), errors: fieldErrors(result.problems.length ? result.problems : [{ path: "", code: "invalid_value" }]) }, { status: FAILURE_STATUS[result.reason] });
}

const DONE = ["created", "saved", "submitted", "withdrawn", "confirmed", "decided", "summarySaved"];

export default function ConsultationPage() {
  const { consultation, invited, state, open, responses, isOrganiser, signedIn, responder } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation(["consultations", "organisations"]);
  const language = i18n.language as Language;
  const done = params.get("done");
  const organiser = consultation.organiserName ?? t("operators");
  const question = (position: number) => consultation.questions[position] ?? "";
  return (
    <ProblemScope first="consultations:errors">
      <div className="max-w-3xl space-y-8">
        <header className="space-y-2">
          <p className="text-slate-700">
            {t("page.from", { organiser })} · {t("page.caseNumber", { caseNumber: consultation.caseNumber })}
          </p>
          <h1 className="text-3xl font-bold">{consultation.title}</h1>
          <p>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-900">{t(`states.${state}`)}</span>
          </p>
          {done && DONE.includes(done) ? <Notice>{t(`page.${done}`)}</Notice> : null}
          {state === "missing_summary" ? (
            <p role="note" className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-900">
              {t("page.missingSummary")}
            </p>
          ) : null}
          <FormErrors errors={result?.errors[""]} />
        </header>
        <p className="whitespace-pre-line">{consultation.summary}</p>

        <section aria-labelledby="facts-title" className="space-y-2">
          <h2 id="facts-title" className="text-xl font-semibold">
            {t("page.facts")}
          </h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
            <Fact label={t("page.subject")}>{t(`subjects.${consultation.subject}`)}</Fact>
            {consultation.conductVersion !== null ? (
              <Fact label={t("page.conductVersion")}>
                <Link to={`/conduct/versions/${consultation.conductVersion}`} className="text-brand-700 underline">
                  {t("page.conductVersionLink", { number: consultation.conductVersion })}
                </Link>
              </Fact>
            ) : null}
            <Fact label={t("page.deadline")}>{formatDateTime(consultation.deadline, language)}</Fact>
            <Fact label={t("page.effort")}>
              {t(`effortLevels.${consultation.effortLevel}`)}
              {consultation.hoursPerResponder !== null ? ` (${t("page.hours", { count: consultation.hoursPerResponder })})` : ""}
            </Fact>
            {consultation.targetSectors.length ? <Fact label={t("page.sectors")}>{consultation.targetSectors.map((s) => t(`organisations:sectors.${s}`)).join(", ")}</Fact> : null}
            {consultation.targetVendorSizes.length ? <Fact label={t("page.sizes")}>{consultation.targetVendorSizes.map((s) => t(`organisations:sizes.${s}`)).join(", ")}</Fact> : null}
            {invited.length ? <Fact label={t("page.invited")}>{invited.map((o) => o.name).join(", ")}</Fact> : null}
          </dl>
          {consultation.documentLinks.length ? (
            <>
              <h3 className="font-semibold">{t("page.documents")}</h3>
              <ul className="list-disc pl-5">
                {consultation.documentLinks.map((href) => {
                  const safe = safeHref(href);
                  return <li key={href}>{safe ? <a href={safe} className="break-all text-brand-700 underline">{href}</a> : href}</li>;
                })}
              </ul>
            </>
          ) : null}
        </section>

        <section aria-labelledby="questions-title" className="space-y-2">
          <h2 id="questions-title" className="text-xl font-semibold">
            {t("page.questions")}
          </h2>
          <ol className="list-decimal space-y-1 pl-5">
            {consultation.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </section>

        {consultation.usageSummary ? (
          <section aria-labelledby="usage-title" className="space-y-2 rounded-lg border border-blue-200 bg-blue-50 p-4">
            <h2 id="usage-title" className="text-xl font-semibold">
              {t("page.usageSummary")}
            </h2>
            <p className="text-sm text-slate-700">{t("page.usageSummaryPublished", { date: formatDate(consultation.usageSummaryAt!, language) })}</p>
            <p className="whitespace-pre-line">{consultation.usageSummary}</p>
          </section>
        ) : null}

        {isOrganiser && !open ? <SummaryForm current={consultation.usageSummary} result={result} /> : null}

        {responder ? <OwnResponse questions={consultation.questions} own={responses.own} open={open} result={result} /> : null}
        {!signedIn && open ? (
          <p>
            <Link to={`/login?redirectTo=/consultations/${consultation.id}`} className="text-brand-700 underline">
              {t("page.signInToRespond")}
            </Link>
          </p>
        ) : null}
        {signedIn && !responder && !isOrganiser && open ? (
          <p>
            <Link to="/organisations/new" className="text-brand-700 underline">
              {t("page.registerToRespond")}
            </Link>
          </p>
        ) : null}
        {isOrganiser && consultation.organiserId !== null ? <p className="text-slate-700">{t("page.organiserCannotRespond")}</p> : null}

        {isOrganiser && responses.withholdRequests.length ? (
          <section aria-labelledby="withhold-title" className="space-y-3">
            <h2 id="withhold-title" className="text-xl font-semibold">
              {t("page.withholdRequests")}
            </h2>
            <p className="text-slate-700">{t("page.withholdRequestsLead")}</p>
            <ul className="space-y-3">
              {responses.withholdRequests.map((r) => (
                <li key={`${r.responseId}-${r.position}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
                  <p className="font-medium">{t("page.requestFrom", { organisation: r.organisationName, question: question(r.position) })}</p>
                  <blockquote className="whitespace-pre-line border-l-4 border-slate-300 pl-3">{r.text}</blockquote>
                  <p>
                    <strong>{t("page.reason")}:</strong> {r.reason}
                  </p>
                  {r.decision ? (
                    <p className="font-medium">{r.decision === "accepted" ? t("page.decisionAccepted") : t("page.decisionRefused")}</p>
                  ) : (
                    <Form method="post" className="flex flex-wrap gap-3">
                      <input type="hidden" name="responseId" value={r.responseId} />
                      <input type="hidden" name="position" value={r.position} />
                      <SubmitButton name="intent" value="accept">
                        {t("page.accept")}
                      </SubmitButton>
                      <SubmitButton name="intent" value="refuse" variant="secondary">
                        {t("page.refuse")}
                      </SubmitButton>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="responses-title" className="space-y-3">
          <h2 id="responses-title" className="text-xl font-semibold">
            {t("page.responses")}
          </h2>
          {open ? (
            <p className="text-slate-700">{t("page.responsesHidden")}</p>
          ) : responses.published.length === 0 ? (
            <p className="text-slate-700">{t("page.noResponses")}</p>
          ) : (
            <ul className="space-y-4">
              {responses.published.map((r) => (
                <li key={r.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="text-lg font-semibold">
                    <Link to={`/organisations/${r.organisationSlug}`} className="text-brand-700 underline">
                      {r.organisationName}
                    </Link>
                  </h3>
                  {r.submittedAt ? <p className="text-sm text-slate-700">{t("page.submittedAt", { date: formatDateTime(r.submittedAt, language) })}</p> : null}
                  <dl className="space-y-2">
                    {r.parts.filter((p) => p.text !== "").map((p) => (
                      <div key={p.position}>
                        <dt className="font-medium">{question(p.position)}</dt>
                        <dd className="whitespace-pre-line">{p.text}</dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </ProblemScope>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
