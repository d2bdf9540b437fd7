import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireMember, requireMemberForForm } from "~/auth/guards.server";
import { controlProps, FieldFrame, Notice, ProblemScope, recordField, SubmitButton, type Values } from "~/components/forms";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { BANK_TOPICS, QUESTION_BANK } from "~/domain/question-bank";
import { answerFormValues, bankSpec } from "~/domain/questionnaire";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { limitInWords } from "~/http/body-limit.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readFormData } from "~/http/form-data.server";
import { readUploadForm } from "~/http/multipart.server";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { getAnswerProfile, listAnswerProfile, saveToAnswerProfile } from "~/models/questionnaires.server";
import { AnswerField } from "../+shared/questionnaire/answer-field";
import { profileChangesFromForm, profileUploadsFromForm } from "./profile-form";

// A vendor organisation's answer profile (issue 17, "answer once"): its answers to the question
// bank, kept once and filled into every response to an RFI or RFP that asks the same. Every
// member of the vendor organisation may keep it; nobody outside the organisation sees it.
// A document answer is uploaded here through the file store (ADR 0032): the form is a
// multipart post (a plain one, without a file, is read too).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

const SPECS = QUESTION_BANK.map((q) => ({ ...bankSpec(q, false), bankKey: q.key, text: null }));
const fileField = (key: string) => `answers.${key}.file`;

export async function loader(args: LoaderFunctionArgs) {
  const { organisation } = await requireMember(args, { kind: "vendor" });
  const t = fixedT(await getLanguage(args.request), "questionnaire");
  const entries = await listAnswerProfile(db(), organisation.id);
  return json({
    organisation: { id: organisation.id, name: organisation.name },
    entries,
    values: answerFormValues(SPECS, Object.fromEntries(entries.map((e) => [e.bankKey, e.answer]))),
    saved: new URL(args.request.url).searchParams.get("saved") === "1",
    maxFile: limitInWords(MAX_FILE_BYTES),
    title: `${t("profile.title")} – Markedsdialog`,
  });
}

export async function action(args: ActionFunctionArgs) {
  const multipart = /^multipart\/form-data/i.test(args.request.headers.get("Content-Type") ?? "");
  const read = multipart ? await readUploadForm(args.request, MAX_FILE_BYTES) : { ok: true as const, form: await readFormData(args.request) };
  if (!read.ok) {
    await requireMember(args, { kind: "vendor" });
    // Over the limit: 413, said by the document questions' file fields.
    const documents = QUESTION_BANK.filter((q) => q.answerType === "document");
    return json({ values: {}, errors: Object.fromEntries(documents.map((q) => [fileField(q.key), [read.reason]])) }, { status: 413 });
  }
  const form = read.form;
  const { user, organisation } = await requireMemberForForm(args, form, { kind: "vendor" });
  const values = submittedValues(form);
  const parsed = profileChangesFromForm(await getAnswerProfile(db(), organisation.id), form);
  if (!parsed.ok) return json({ values, errors: fieldErrors(parsed.problems) }, { status: 400 });
  const result = await saveToAnswerProfile(db(), user, organisation.id, parsed.changes, { uploads: await profileUploadsFromForm(form) });
  if (result.ok) return redirect("/organisation/answer-profile?saved=1");
  if (result.reason === "forbidden") forbidden(args.request);
  const tooLarge = result.problems.some((p) => p.code === "file_too_large");
  return json({ values, errors: fieldErrors(result.problems) }, { status: tooLarge ? 413 : FAILURE_STATUS[result.reason] });
}

export default function AnswerProfilePage() {
  const { organisation, entries, values, saved, maxFile } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, i18n } = useTranslation("questionnaire");
  const language = i18n.language as Language;
  const state = { values: (reply?.values ?? values) as Values, errors: reply?.errors ?? {} };
  const byKey = new Map(entries.map((e) => [e.bankKey, e]));
  return (
    <ProblemScope first="questionnaire:problems">
      <div className="max-w-3xl space-y-6">
        <header className="space-y-2">
          <p>
            <Link to="/organisation" className="text-brand-700 underline">
              {organisation.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold">{t("profile.title")}</h1>
          <p className="text-slate-700">{t("profile.lead")}</p>
          <p className="text-sm text-slate-600">{t("profile.answered", { count: entries.length, total: QUESTION_BANK.length })}</p>
        </header>
        {saved && !reply ? <Notice>{t("profile.saved")}</Notice> : null}
        <Form method="post" encType="multipart/form-data" className="space-y-6">
          {BANK_TOPICS.map((topic) => (
            <fieldset key={topic} className="space-y-5 rounded border border-slate-300 bg-white p-4">
              <legend className="px-1 text-lg font-semibold">{t(`topics.${topic}`)}</legend>
              {SPECS.filter((q) => QUESTION_BANK.find((b) => b.key === q.key)?.topic === topic).map((q) => {
                const entry = byKey.get(q.key);
                return (
                  <div key={q.key} className="space-y-1">
                    <AnswerField
                      question={q}
                      state={state}
                      clearable
                      documentSlot={<DocumentUpload bankKey={q.key} fileName={entry?.fileName ?? null} state={state} maxFile={maxFile} />}
                    />
                    {entry ? (
                      <p className="text-xs text-slate-600">
                        {t("profile.lastSaved", { date: formatDateTime(entry.updatedAt, language), name: entry.updatedBy ?? "–" })}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          ))}
          <SubmitButton>{t("profile.submit")}</SubmitButton>
        </Form>
      </div>
    </ProblemScope>
  );
}

/** A document question's file: the one stored (with a box to remove it) and a file input to upload one, or a new one in its place. */
function DocumentUpload({ bankKey, fileName, state, maxFile }: { bankKey: string; fileName: string | null; state: { values: Values; errors: Record<string, string[]> }; maxFile: string }) {
  const { t } = useTranslation("questionnaire");
  const field = recordField(fileField(bankKey), state, (name) => `answer-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`);
  return (
    <div className="mt-1 space-y-2">
      {fileName ? (
        <label className="flex items-start gap-2">
          <span className="break-words">{t("profile.storedFile", { name: fileName })}</span>
          <input type="checkbox" name={`answers.${bankKey}.remove`} className="mt-1 h-4 w-4" aria-label={t("profile.removeFile", { name: fileName })} />
        </label>
      ) : null}
      <FieldFrame field={field} label={t(fileName ? "profile.replaceFile" : "profile.uploadFile")} hint={t("profile.fileHint", { max: maxFile })}>
        <input type="file" accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.csv,.txt" {...controlProps(field, true)} />
      </FieldFrame>
    </div>
  );
}
