import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/resources";
import type { ResponseVersionView } from "~/models/event-responses.server";
import { DocumentLine, SecretMark, versionLine } from "./response-parts";

// Every version the vendor submitted, newest first, as it was submitted.

export function SubmittedVersions({ responseId, versions }: { responseId: string | null; versions: SerializeFrom<ResponseVersionView>[] }) {
  const { t, i18n } = useTranslation("responses");
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="submitted-versions" className="space-y-3">
      <h2 id="submitted-versions" className="text-xl font-semibold">
        {t("vendor.submittedVersions")}
      </h2>
      {versions.length === 0 || !responseId ? (
        <p className="text-slate-700">{t("vendor.noneSubmitted")}</p>
      ) : (
        <ol className="space-y-4">
          {versions.map((v) => (
            <li key={v.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="submitted-version">
              <h3 className="font-semibold">{versionLine(t, v, language)}</h3>
              {v.confidentialReason ? <SecretMark reason={v.confidentialReason} /> : null}
              {v.text ? <p className="whitespace-pre-wrap break-words">{v.text}</p> : <p className="text-slate-700">{t("noText")}</p>}
              {v.textConfidentialReason ? <SecretMark reason={v.textConfidentialReason} /> : null}
              {v.documents.length ? (
                <ul className="space-y-2">
                  {v.documents.map((d) => (
                    <li key={d.id}>
                      <DocumentLine responseId={responseId} document={d} language={language} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
