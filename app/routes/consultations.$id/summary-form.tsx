import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { SubmitButton, TextArea, recordField } from "~/components/forms";
import type { ActionResult } from "./own-response";

// "Slik brukte vi innspillene": the organiser's form after the deadline.
export function SummaryForm({ current, result }: { current: string | null; result: ActionResult }) {
  const { t } = useTranslation("consultations");
  const fromResult = result?.intent === "summary";
  const field = recordField("summary", { values: fromResult ? result.values : { summary: current ?? "" }, errors: fromResult ? result.errors : {} }, (n) => `usage-${n}`);
  return (
    <section aria-labelledby="usage-form-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="usage-form-title" className="text-xl font-semibold">
        {t("page.usageSummary")}
      </h2>
      <Form method="post" noValidate className="space-y-3">
        <TextArea field={field} label={t("page.usageSummaryLead")} rows={6} />
        <SubmitButton name="intent" value="summary">
          {t("page.publishSummary")}
        </SubmitButton>
      </Form>
    </section>
  );
}
