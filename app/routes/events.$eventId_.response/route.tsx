import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { ProblemScope } from "~/components/forms";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { limitInWords } from "~/http/body-limit.server";
import { notFoundUnless } from "~/http/responses.server";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { vendorResponsePage } from "~/models/event-responses.server";
import { answerProfileDocuments, getAnswerProfile, getQuestionnaire } from "~/models/questionnaires.server";
import { answerFormValues, prefillAnswers } from "~/domain/questionnaire";
import { responseAction, responseVendorOf } from "../+shared/event-responses/response-action.server";
import { VendorResponse } from "../+shared/event-responses/vendor-response";

// The vendor's response to an RFI or RFP (issue 17): a draft to save, a submission before the
// deadline, amendments until then (each a kept version), parts marked as business secrets,
// and who at the buyer opened them. For the members of the vendor organisation acting
// (`?organisationId=` or the active one).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const params = new URL(args.request.url).searchParams;
  const member = await responseVendorOf(args, params.get("organisationId"));
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
    // The profile's documents are offered for document questions (answer once), beside the response's own.
    profileDocuments: questionnaire.some((q) => q.answerType === "document") ? await answerProfileDocuments(db(), member.organisation.id) : [],
    organisation: { id: member.organisation.id, name: member.organisation.name },
    maxFile: limitInWords(MAX_FILE_BYTES),
    notice: params.get("submitted") ? ("submitted" as const) : params.get("saved") ? ("saved" as const) : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const eventId = args.params.eventId ?? "";
  return responseAction(args, { kind: "event", id: eventId }, `/events/${eventId}/response`, await getQuestionnaire(db(), eventId));
}

export default function ResponsePage() {
  const { event, organisation, refusal, response, maxFile, notice, questionnaire, answerValues, secretAnswers, profileDocuments } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, i18n } = useTranslation("responses");
  const language = i18n.language as Language;
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
        <VendorResponse
          organisationId={organisation.id}
          refusal={refusal}
          response={response}
          notice={notice}
          reply={reply}
          maxFile={maxFile}
          context="event"
          questionnaire={questionnaire}
          answerValues={answerValues}
          secretAnswers={secretAnswers}
          profileDocuments={profileDocuments}
        />
      </div>
    </ProblemScope>
  );
}
