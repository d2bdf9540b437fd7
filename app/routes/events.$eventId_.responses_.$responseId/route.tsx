import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { notFound } from "~/http/responses.server";
import { formatDateTime, formatFileSize } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { buyerResponse } from "~/models/event-responses.server";
import { getQuestionnaire } from "~/models/questionnaires.server";
import type { Answer } from "~/domain/questionnaire";
import { answerText, questionText } from "../+shared/questionnaire/question-text";
import { responseDocumentUrl, SecretMark } from "../+shared/event-responses/response-parts";

// One vendor's response as a member of the buyer reads it (issue 17): the event's team reads
// every part (each business secret read is logged and shown to the vendor); another member
// reads what is not secret, and a wholly secret response is refused (403, logged).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.response.organisation.name} – ${data.event.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const result = await buyerResponse(db(), user, args.params.eventId ?? "", args.params.responseId ?? "");
  if (!result.ok) return result.reason === "forbidden" ? forbidden(args.request) : notFound();
  return json({ ...result.value, questionnaire: await getQuestionnaire(db(), result.value.event.id) });
}

export default function BuyerResponsePage() {
  const { event, response, questionnaire } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("responses");
  const { t: tq } = useTranslation("questionnaire");
  const language = i18n.language as Language;
  return (
    <article className="max-w-3xl space-y-6">
      <p>
        <Link to={`/events/${event.id}/responses`} className="text-brand-700 underline hover:text-brand-800">
          {t("buyer.backToList")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="break-words text-3xl font-bold">{t("buyer.responseFrom", { vendor: response.organisation.name })}</h1>
        <p className="text-slate-700">{event.title}</p>
        <p>{t("versionSubmitted", { version: response.version, date: formatDateTime(response.submittedAt, language) })}</p>
        {response.earlier.length ? (
          <p className="text-sm text-slate-700">{t("buyer.earlier", { versions: response.earlier.map((e) => `${e.version} (${formatDateTime(e.submittedAt, language)})`).join(", ") })}</p>
        ) : null}
        {response.confidentialReason ? <SecretMark reason={response.confidentialReason} /> : null}
      </header>
      <section aria-labelledby="response-text" className="space-y-2">
        <h2 id="response-text" className="text-xl font-semibold">
          {t("buyer.textHeading")}
        </h2>
        {response.textConfidentialReason ? <SecretMark reason={response.textConfidentialReason} /> : null}
        {response.text === null ? (
          <p className="text-slate-700">{t("buyer.hiddenText")}</p>
        ) : response.text ? (
          <p className="whitespace-pre-wrap break-words" data-testid="response-text">
            {response.text}
          </p>
        ) : (
          <p className="text-slate-700">{t("noText")}</p>
        )}
      </section>
      {response.answers.length ? (
        <section aria-labelledby="response-answers" className="space-y-2">
          <h2 id="response-answers" className="text-xl font-semibold">
            {t("buyer.answersHeading")}
          </h2>
          <dl className="space-y-3">
            {response.answers.map((a) => {
              const q = questionnaire.find((item) => item.key === a.key);
              if (!q) return null;
              return (
                <div key={a.key} className="break-words">
                  <dt className="font-medium">{questionText(tq, q)}</dt>
                  <dd>
                    {/* The comment follows on its own line below, so it is not repeated in the words. */}
                    {a.value === null ? t("buyer.hiddenAnswer") : answerText(tq, language, q, { value: a.value as Answer["value"] })}
                    {a.comment ? <span className="block text-sm text-slate-700">{a.comment}</span> : null}
                    {a.confidentialReason ? <SecretMark reason={a.confidentialReason} /> : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="response-documents" className="space-y-2">
        <h2 id="response-documents" className="text-xl font-semibold">
          {t("documents")}
        </h2>
        {response.documents.length === 0 ? (
          <p className="text-slate-700">{t("noDocuments")}</p>
        ) : (
          <ul className="space-y-3">
            {response.documents.map((d) => (
              <li key={d.id} className="space-y-1">
                {d.name === null ? (
                  <p>{t("buyer.hiddenDocument")}</p>
                ) : (
                  <a href={responseDocumentUrl(response.id, d.id)} className="break-words text-brand-700 underline hover:text-brand-800" download>
                    {t("download", { name: d.name, size: formatFileSize(d.sizeBytes, language) })}
                  </a>
                )}
                {d.confidentialReason ? <SecretMark reason={d.confidentialReason} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
