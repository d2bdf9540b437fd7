import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireMember } from "~/auth/guards.server";
import { Choices, Field, FormErrors, ProblemScope, Select, SubmitButton, TextArea, recordField, type Values } from "~/components/forms";
import { answerFormToInput, assignFormToInput, referFormToInput } from "~/domain/vendor-requests";
import { submittedValues, text } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { formatDate, formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { answerVendorRequest, assignVendorRequest, declineVendorRequest, getVendorRequest, referVendorRequest } from "~/models/vendor-requests.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { notFound } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.request.subject} – Markedsdialog` : "Markedsdialog" }];

// Private to the two parties: the vendor that sent it and the buyer that holds it (404 to anyone else).
async function viewFor(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const view = await getVendorRequest(db(), args.params.id ?? "", member.organisation.id);
  if (!view) notFound();
  return { member, view };
}

export async function loader(args: LoaderFunctionArgs) {
  const { view } = await viewFor(args);
  return json(view);
}

const INTENTS = ["assign", "answer", "refer", "decline"] as const;

export async function action(args: ActionFunctionArgs) {
  const { member, view } = await viewFor(args);
  // The vendor reads its request; only the buyer holding it acts on it.
  if (view.viewer !== "buyer") forbidden(args.request);
  const id = view.request.id;
  const form = await readFormData(args.request);
  const intent = text(form, "intent");
  const options = { baseUrl: publicBaseUrl() };
  const result =
    intent === "assign"
      ? await assignVendorRequest(db(), member, id, assignFormToInput(form), options)
      : intent === "answer"
        ? await answerVendorRequest(db(), member, id, answerFormToInput(form), options)
        : intent === "refer"
          ? await referVendorRequest(db(), member, id, referFormToInput(form), options)
          : intent === "decline"
            ? await declineVendorRequest(db(), member, id, text(form, "reason"), options)
            : { ok: false as const, reason: "invalid" as const, problems: [{ path: "", code: "invalid_value" }] };
  // A referral to another organisation hands the request over: this organisation no longer sees it.
  if (result.ok) return redirect(intent === "refer" && text(form, "to") === "organisation" ? "/requests" : `/requests/${id}?done=saved`);
  return json({ intent: (INTENTS as readonly string[]).includes(intent) ? intent : "", values: submittedValues(form), errors: fieldErrors(result.problems) }, { status: FAILURE_STATUS[result.reason] });
}

export default function RequestPage() {
  const { request: r, viewer, steps, members, buyers, openEvent, clause, noContact } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation("requests");
  const language = i18n.language as Language;
  const done = params.get("done");
  const errors = result?.errors ?? {};
  const fieldOf = (intent: string, name: string, initial: Values = {}) =>
    recordField(name, { values: result?.intent === intent ? (result.values as Values) : initial, errors: result?.intent === intent ? errors : {} }, (n) => `${intent}-${n}`);
  const open = r.status === "open" && viewer === "buyer";
  const memberOptions = members.map((m) => ({ value: m.id, label: m.name }));
  return (
    <ProblemScope first="requests:problems">
      <div className="max-w-3xl space-y-8">
        <header className="space-y-2">
          <p className="text-slate-700">{t("page.from", { vendor: r.vendorName, buyer: r.buyerName })}</p>
          <h1 className="break-words text-3xl font-bold">{r.subject}</h1>
          {done === "sent" || done === "sentToAdmins" || done === "saved" ? (
            <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
              {done === "saved" ? t("page.done") : t(`page.${done}`, { buyer: r.buyerName })}
            </p>
          ) : null}
          {viewer === "vendor" && noContact && r.status === "open" && done !== "sentToAdmins" ? <p className="text-slate-700">{t("page.noContactNote", { buyer: r.buyerName })}</p> : null}
          <FormErrors errors={errors[""]} />
        </header>
        <p className="whitespace-pre-line break-words">{r.body}</p>

        <section aria-labelledby="facts-title" className="space-y-2">
          <h2 id="facts-title" className="text-xl font-semibold">
            {t("page.facts")}
          </h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
            <Fact label={t("page.type")}>{t(`types.${r.type}`)}</Fact>
            <Fact label={t("page.topic")}>{r.topic ? t(`topics.${r.topic}`) : null}</Fact>
            <Fact label={t("page.status")}>{t(`statuses.${r.status}`)}</Fact>
            <Fact label={t("page.owner")}>{r.ownerName ?? t("page.noOwner")}</Fact>
            <Fact label={t("page.decisionMakerRole")}>{r.decisionMakerRole}</Fact>
            <Fact label={t("page.decisionMandate")}>{r.decisionMandate}</Fact>
            <Fact label={t("page.dueOn")}>{r.dueOn ? formatDate(r.dueOn, language) : null}</Fact>
            <Fact label={t("page.event")}>
              {r.eventId ? (
                <Link to={`/events/${r.eventId}`} className="text-brand-700 underline">
                  {r.eventTitle}
                </Link>
              ) : null}
            </Fact>
            <Fact label={t("page.contract")}>
              {r.contractId ? (
                <Link to={`/contracts/${r.contractId}`} className="text-brand-700 underline">
                  {r.contractTitle}
                </Link>
              ) : null}
            </Fact>
            <Fact label={t("page.answer")}>{r.answer ? <span className="whitespace-pre-line">{r.answer}</span> : null}</Fact>
            <Fact label={t("page.declineReason")}>{r.declineReason}</Fact>
          </dl>
        </section>

        {open ? (
          <>
            <section aria-labelledby="assign-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="assign-title" className="text-xl font-semibold">
                {t("page.assignHeading")}
              </h2>
              <Form method="post" className="space-y-3" noValidate>
                <input type="hidden" name="intent" value="assign" />
                <Select field={fieldOf("assign", "ownerId", { ownerId: r.ownerId ?? "" })} label={t("page.ownerId")} placeholder={t("page.chooseMember")} options={memberOptions} />
                <Field field={fieldOf("assign", "decisionMakerRole", { decisionMakerRole: r.decisionMakerRole ?? "" })} label={t("page.decisionMakerRoleLabel")} />
                <TextArea field={fieldOf("assign", "decisionMandate", { decisionMandate: r.decisionMandate ?? "" })} label={t("page.decisionMandateLabel")} hint={t("page.decisionMandateHint")} rows={2} />
                <Field field={fieldOf("assign", "dueOn", { dueOn: r.dueOn ?? "" })} type="date" label={t("page.dueOnLabel")} />
                <SubmitButton>{t("page.assign")}</SubmitButton>
              </Form>
            </section>

            <section aria-labelledby="answer-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="answer-title" className="text-xl font-semibold">
                {t("page.answerHeading")}
              </h2>
              <Form method="post" className="space-y-3" noValidate>
                <input type="hidden" name="intent" value="answer" />
                {openEvent ? (
                  <div className="space-y-2 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
                    <h3 className="font-semibold">{t("page.equalTreatmentHeading")}</h3>
                    <p>{t("page.equalTreatmentLead", { event: r.eventTitle })}</p>
                    {clause ? (
                      <blockquote className="border-l-2 border-slate-400 pl-3 text-slate-800">
                        <p className="font-medium">{t("page.clause", { number: clause.number, title: language === "en" ? clause.titleEn : clause.titleNb })}</p>
                        <p className="whitespace-pre-line">{language === "en" ? clause.textEn : clause.textNb}</p>
                      </blockquote>
                    ) : null}
                    <Choices field={fieldOf("answer", "shareOnEvent", { shareOnEvent: "on" })} legend={t("page.shareOnEvent")} type="checkbox" options={[{ value: "on", label: t("page.shareOnEvent") }]} />
                    <TextArea field={fieldOf("answer", "publishedQuestion", { publishedQuestion: r.subject })} label={t("page.publishedQuestion")} rows={2} />
                  </div>
                ) : null}
                <TextArea field={fieldOf("answer", "answer")} label={t("page.answerLabel")} rows={6} />
                <SubmitButton>{t("page.answerSubmit")}</SubmitButton>
              </Form>
            </section>

            <section aria-labelledby="refer-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="refer-title" className="text-xl font-semibold">
                {t("page.referHeading")}
              </h2>
              <p className="text-slate-700">{t("page.referLead")}</p>
              <Form method="post" className="space-y-3" noValidate>
                <input type="hidden" name="intent" value="refer" />
                <Choices
                  field={fieldOf("refer", "to", { to: "person" })}
                  legend={t("page.referTo")}
                  type="radio"
                  options={[
                    { value: "person", label: t("page.toPerson") },
                    { value: "organisation", label: t("page.toOrganisation") },
                  ]}
                />
                <Select field={fieldOf("refer", "userId")} label={t("page.userId")} placeholder={t("page.chooseMember")} options={memberOptions} />
                <Select field={fieldOf("refer", "organisationId")} label={t("page.organisationId")} placeholder={t("page.chooseOrganisation")} options={buyers.map((b) => ({ value: b.id, label: b.name }))} />
                <TextArea field={fieldOf("refer", "reason")} label={t("page.referReason")} rows={2} />
                <SubmitButton>{t("page.refer")}</SubmitButton>
              </Form>
            </section>

            <section aria-labelledby="decline-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="decline-title" className="text-xl font-semibold">
                {t("page.declineHeading")}
              </h2>
              <Form method="post" className="space-y-3" noValidate>
                <input type="hidden" name="intent" value="decline" />
                <TextArea field={fieldOf("decline", "reason")} label={t("page.declineReasonLabel")} rows={3} />
                <SubmitButton variant="danger">{t("page.decline")}</SubmitButton>
              </Form>
            </section>
          </>
        ) : null}

        <section aria-labelledby="history-title" className="space-y-2">
          <h2 id="history-title" className="text-xl font-semibold">
            {t("page.history")}
          </h2>
          <ol className="space-y-2">
            {steps.map((s) => (
              <li key={s.id} className="break-words">
                <time dateTime={String(s.at)}>{formatDateTime(s.at, language)}</time> –{" "}
                {t(`steps.${s.kind}`, { by: s.byName ?? "–", organisation: s.organisationName ?? "–", toOrganisation: s.toOrganisationName ?? "–", toPerson: s.toUserName ?? "–" })}
                {s.reason ? (
                  <span className="block text-slate-700">
                    {t("page.reason")}: {s.reason}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </ProblemScope>
  );
}

/** One row of the facts; nothing when there is nothing to say. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
