import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { formatDateTime, formatFileSize } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { Answer, QuestionnaireItem } from "~/domain/questionnaire";
import type { BuyerResponseView } from "~/models/event-responses.server";
import { answerText, questionText } from "../questionnaire/question-text";
import { responseDocumentUrl, SecretMark } from "./response-parts";

// One vendor's response as a member of the buyer reads it, to an event or an effort request:
// what the reader may not read is said to be hidden, with the vendor's reason.

/** i18next's context for the words that name the team: the event's, or the effort request's. */
export type ResponseContext = "event" | "request";
export const teamContext = (context: ResponseContext) => (context === "request" ? { context: "request" } : {});

export function BuyerResponse({ response, subjectTitle, questionnaire, context }: { response: SerializeFrom<BuyerResponseView>; subjectTitle: string; questionnaire: QuestionnaireItem[]; context: ResponseContext }) {
  const { t, i18n } = useTranslation("responses");
  const { t: tq } = useTranslation("questionnaire");
  const language = i18n.language as Language;
  const words = teamContext(context);
  return (
    <>
      <header className="space-y-2">
        <h1 className="break-words text-3xl font-bold">{t("buyer.responseFrom", { vendor: response.organisation.name })}</h1>
        <p className="text-slate-700">{subjectTitle}</p>
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
          <p className="text-slate-700">{t("buyer.hiddenText", words)}</p>
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
                    {a.value === null ? t("buyer.hiddenAnswer", words) : answerText(tq, language, q, { value: a.value as Answer["value"] })}
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
                  <p>{t("buyer.hiddenDocument", words)}</p>
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
    </>
  );
}
