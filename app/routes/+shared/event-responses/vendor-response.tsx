import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { Notice } from "~/components/forms";
import type { QuestionnaireItem } from "~/domain/questionnaire";
import type { OwnResponse } from "~/models/event-responses.server";
import type { ResponseContext } from "./buyer-response";
import { ReadLog } from "./read-log";
import { ResponseEditor, type EditorReply } from "./response-editor";
import { SubmittedVersions } from "./submitted-versions";

// The vendor's side of a response, to an event or an effort request, below the page's header:
// what just happened, the form (or why there is none now), every submitted version, and who at
// the buyer read its secrets.

export function VendorResponse({
  organisationId,
  refusal,
  response,
  notice,
  reply,
  maxFile,
  context,
  questionnaire = [],
  answerValues = {},
  secretAnswers = {},
  profileDocuments = [],
}: {
  organisationId: string;
  refusal: string | null;
  response: SerializeFrom<OwnResponse> | null;
  notice: "submitted" | "saved" | null;
  reply: EditorReply;
  maxFile: string;
  context: ResponseContext;
  questionnaire?: QuestionnaireItem[];
  answerValues?: Record<string, string | string[]>;
  secretAnswers?: Record<string, string | null>;
  /** The answer profile's documents, offered for document questions. */
  profileDocuments?: { fileId: string; name: string }[];
}) {
  const { t } = useTranslation("responses");
  const nextVersion = (response?.submitted[0]?.version ?? 0) + (response?.draft ? 0 : 1);
  return (
    <>
      {notice && !reply ? <Notice>{notice === "submitted" ? t("vendor.submitted", { version: response?.submitted[0]?.version ?? 1 }) : t("vendor.saved")}</Notice> : null}
      {refusal ? (
        <p role="status" className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950" data-testid="response-refusal">
          {t(`problems.${refusal}`)}
        </p>
      ) : (
        <ResponseEditor
          organisationId={organisationId}
          responseId={response?.id ?? null}
          draft={response?.draft ?? null}
          basis={response?.draft ?? response?.submitted[0] ?? null}
          heading={response?.submitted.length ? t("vendor.amendForm", { version: nextVersion }) : t("vendor.form")}
          maxFile={maxFile}
          reply={reply}
          questionnaire={questionnaire}
          answerValues={answerValues}
          secretAnswers={secretAnswers}
          profileDocuments={profileDocuments}
          context={context}
        />
      )}
      <SubmittedVersions responseId={response?.id ?? null} versions={response?.submitted ?? []} />
      {response ? <ReadLog reads={response.reads} /> : null}
    </>
  );
}
