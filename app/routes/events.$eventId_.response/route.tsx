import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "@db/db.server";
import { forbidden, requireMemberFor } from "~/auth/guards.server";
import { Notice, ProblemScope } from "~/components/forms";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { FAILURE_STATUS } from "~/http/failure-status";
import { limitInWords } from "~/http/body-limit.server";
import { readUploadForm } from "~/http/multipart.server";
import { notFound, notFoundUnless } from "~/http/responses.server";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { saveResponse, vendorResponsePage } from "~/models/event-responses.server";
import { getAnswerProfile, getQuestionnaire } from "~/models/questionnaires.server";
import { answerFormValues, prefillAnswers } from "~/domain/questionnaire";
import { responseFormOf } from "../+shared/event-responses/response-form.server";
import { ReadLog } from "./read-log";
import { ResponseEditor } from "./response-editor";
import { SubmittedVersions } from "./submitted-versions";

// The vendor's response to an RFI or RFP (issue 17): a draft to save, a submission before the
// deadline, amendments until then (each a kept version), parts marked as business secrets,
// and who at the buyer opened them. For the members of the vendor organisation acting
// (`?organisationId=` or the active one).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} – Markedsdialog` : "Markedsdialog" }];

async function vendorOf(args: LoaderFunctionArgs | ActionFunctionArgs, organisationId: unknown) {
  return requireMemberFor(args, organisationId, { kind: "vendor" });
}

export async function loader(args: LoaderFunctionArgs) {
  const params = new URL(args.request.url).searchParams;
  const member = await vendorOf(args, params.get("organisationId"));
  const page = notFoundUnless(await vendorResponsePage(db(), member.organisation.id, args.params.eventId ?? ""));
  const questionnaire = await getQuestionnaire(db(), page.event.id);
  // Answer once: the profile's answers to bank questions first, what the vendor already wrote over them.
  const basis = page.response?.draft ?? page.response?.submitted[0] ?? null;
  const written = Object.fromEntries((basis?.answers ?? []).map((a) => [a.key, { value: a.value, comment: a.comment }]));
  const answers = { ...prefillAnswers(questionnaire, await getAnswerProfile(db(), member.organisation.id)), ...written };
  const secretAnswers = Object.fromEntries((basis?.answers ?? []).filter((a) => a.confidentialReason !== null).map((a) => [a.key, a.confidentialReason]));
  return json({
    ...page,
    questionnaire,
    answerValues: answerFormValues(questionnaire, answers),
    secretAnswers,
    organisation: { id: member.organisation.id, name: member.organisation.name },
    maxFile: limitInWords(MAX_FILE_BYTES),
    notice: params.get("submitted") ? ("submitted" as const) : params.get("saved") ? ("saved" as const) : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const read = await readUploadForm(args.request, MAX_FILE_BYTES);
  if (!read.ok) {
    await vendorOf(args, null);
    return json({ values: {}, errors: { file: [read.reason] } }, { status: 413 });
  }
  const form = read.form;
  const member = await vendorOf(args, form.get("organisationId"));
  const values = submittedValues(form);
  const parsed = await responseFormOf(form, await getQuestionnaire(db(), args.params.eventId ?? ""));
  if (!parsed.ok) return json({ values, errors: fieldErrors(parsed.problems) }, { status: 400 });
  const eventId = args.params.eventId ?? "";
  const result = await saveResponse(db(), member.user, member.organisation.id, eventId, parsed.change);
  if (result.ok) {
    const notice = result.value.status === "submitted" ? "submitted" : "saved";
    return redirect(`/events/${eventId}/response?organisationId=${member.organisation.id}&${notice}=${result.value.version}`);
  }
  if (result.reason === "not_found") notFound();
  if (result.reason === "forbidden" && result.problems.length === 0) forbidden(args.request);
  const tooLarge = result.problems.some((p) => p.code === "file_too_large");
  // A refusal of the whole response (the deadline, registration) is said above the form, by its own code.
  const errors = fieldErrors(result.problems.map((p) => (p.path === "" ? { ...p, path: "form" } : p)));
  return json({ values, errors }, { status: tooLarge ? 413 : FAILURE_STATUS[result.reason] });
}

export default function ResponsePage() {
  const { event, organisation, refusal, response, maxFile, notice, questionnaire, answerValues, secretAnswers } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, i18n } = useTranslation("responses");
  const language = i18n.language as Language;
  const nextVersion = (response?.submitted[0]?.version ?? 0) + (response?.draft ? 0 : 1);
  return (
    <ProblemScope first="responses:problems">
      <div className="max-w-3xl space-y-8">
        <p>
          <Link to={`/events/${event.id}`} className="text-brand-700 underline hover:text-brand-800">
            {t("backToEvent")}
          </Link>
        </p>
        <header className="space-y-2">
          <h1 className="break-words text-3xl font-bold">{t("vendor.title", { title: event.title })}</h1>
          <p className="text-slate-700">{organisation.name}</p>
          <p>{event.responseDeadline ? t("deadline", { date: formatDateTime(event.responseDeadline, language) }) : t("noDeadline")}</p>
          <p className="text-slate-700">{t("vendor.lead")}</p>
        </header>
        {notice && !reply ? <Notice>{notice === "submitted" ? t("vendor.submitted", { version: response?.submitted[0]?.version ?? 1 }) : t("vendor.saved")}</Notice> : null}
        {refusal ? (
          <p role="status" className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950" data-testid="response-refusal">
            {t(`problems.${refusal}`)}
          </p>
        ) : (
          <ResponseEditor
            organisationId={organisation.id}
            responseId={response?.id ?? null}
            draft={response?.draft ?? null}
            basis={response?.draft ?? response?.submitted[0] ?? null}
            heading={response?.submitted.length ? t("vendor.amendForm", { version: nextVersion }) : t("vendor.form")}
            maxFile={maxFile}
            reply={reply}
            questionnaire={questionnaire}
            answerValues={answerValues}
            secretAnswers={secretAnswers}
          />
        )}
        <SubmittedVersions responseId={response?.id ?? null} versions={response?.submitted ?? []} />
        {response ? <ReadLog reads={response.reads} /> : null}
      </div>
    </ProblemScope>
  );
}
