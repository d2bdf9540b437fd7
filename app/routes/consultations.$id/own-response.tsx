import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FieldErrors, SubmitButton, TextArea, recordField, type Values } from "~/components/forms";
import { REFUSAL_NOTICE_DAYS, type ResponseStatus, type WithholdDecision } from "~/domain/consultations";

// The responder's own response: the form while the consultation is open, then what was sent
// and what became of each request to withhold.

export type ActionResult = { intent: string; values: Values; errors: Record<string, string[]> } | undefined;

export interface OwnResponseView {
  status: ResponseStatus;
  awaitsConfirmation: boolean;
  mayWithdraw: boolean;
  parts: { position: number; text: string; withholdRequested: boolean; withholdReason: string | null; withholdDecision: WithholdDecision | null }[];
}

export 
function OwnResponse({ questions, own, open, result }: { questions: string[]; own: OwnResponseView | null; open: boolean; result: ActionResult }) {
  const { t } = useTranslation("consultations");
  const fromResult = result && (result.intent === "save" || result.intent === "submit");
  const values: Values = fromResult ? result.values : Object.fromEntries((own?.parts ?? []).flatMap((p) => [[`answers[${p.position}].text`, p.text], [`answers[${p.position}].withhold`, p.withholdRequested ? "on" : undefined], [`answers[${p.position}].withholdReason`, p.withholdReason ?? ""]]));
  const errors = fromResult ? result.errors : {};
  const fieldOf = (name: string) => recordField(name, { values, errors }, (n) => `response-${n.replace(/[[\].]/g, "-")}`);
  const editable = open && own?.status !== "withdrawn";
  return (
    <section aria-labelledby="own-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="own-title" className="text-xl font-semibold">
        {t("page.yourResponse")}
        {own ? ` (${t(`page.status.${own.status}`)})` : ""}
      </h2>
      <p className="text-slate-700">{t("page.yourResponseLead")}</p>
      {own?.awaitsConfirmation ? (
        <div className="space-y-2 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <p>{t("page.awaitsConfirmation", { count: REFUSAL_NOTICE_DAYS })}</p>
          <Form method="post">
            <SubmitButton name="intent" value="confirm">
              {t("page.confirm")}
            </SubmitButton>
          </Form>
        </div>
      ) : null}
      {editable ? (
        <Form method="post" noValidate className="space-y-6">
          <FieldErrors id="response-answers-error" errors={errors.answers} />
          {questions.map((q, i) => {
            const withhold = fieldOf(`answers[${i}].withhold`);
            return (
              <fieldset key={i} className="space-y-2 border-t border-slate-200 pt-4">
                <legend className="font-semibold">{t("page.answerFor", { question: q })}</legend>
                <TextArea field={fieldOf(`answers[${i}].text`)} label={t("page.answerFor", { question: q })} rows={5} />
                <label className="flex items-start gap-2">
                  <input type="checkbox" name={withhold.name} value="on" defaultChecked={withhold.value === "on"} className="mt-1 h-4 w-4" />
                  <span>{t("page.withhold")}</span>
                </label>
                <TextArea field={fieldOf(`answers[${i}].withholdReason`)} label={t("page.withholdReason")} rows={2} />
              </fieldset>
            );
          })}
          <div className="flex flex-wrap gap-3">
            <SubmitButton name="intent" value="save" variant="secondary">
              {t("page.saveDraft")}
            </SubmitButton>
            <SubmitButton name="intent" value="submit">
              {t("page.submit")}
            </SubmitButton>
          </div>
        </Form>
      ) : own ? (
        <dl className="space-y-2">
          {own.parts.map((p) => (
            <div key={p.position}>
              <dt className="font-medium">{questions[p.position]}</dt>
              <dd className="whitespace-pre-line">{p.text || t("page.noAnswer")}</dd>
              {p.withholdRequested ? (
                <dd className="text-sm text-slate-700">
                  {p.withholdDecision === "accepted" ? t("page.withholdAccepted") : p.withholdDecision === "refused" ? t("page.withholdRefused") : t("page.withholdPending")}
                </dd>
              ) : null}
            </div>
          ))}
        </dl>
      ) : (
        <p>{t("page.closedNoResponse")}</p>
      )}
      {own?.mayWithdraw ? (
        <Form method="post" className="space-y-2">
          <p className="text-sm text-slate-700">{t("page.withdrawLead")}</p>
          <SubmitButton name="intent" value="withdraw" variant="danger">
            {t("page.withdraw")}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
