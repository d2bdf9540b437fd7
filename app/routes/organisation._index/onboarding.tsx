import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { conformField, FormErrors, Notice, SubmitButton, TextArea } from "~/components/forms";
import { VERIFICATION_DAYS, type OnboardingStep, type StepState } from "~/domain/onboarding";
import { RequestReviewSchema } from "~/domain/organisation-forms";

// The organisation page's first steps: what is done, what waits on whom, and for a rejected
// buyer the operators' reason and the way to ask again.

const MARK: Record<StepState, { symbol: string; className: string }> = {
  done: { symbol: "✓", className: "bg-emerald-100 text-emerald-900" },
  todo: { symbol: "•", className: "bg-slate-100 text-slate-800" },
  waiting: { symbol: "…", className: "bg-amber-100 text-amber-900" },
  blocked: { symbol: "–", className: "bg-slate-100 text-slate-600" },
  refused: { symbol: "!", className: "bg-red-100 text-red-900" },
};

export function OnboardingChecklist({ steps, canEdit }: { steps: OnboardingStep[]; canEdit: boolean }) {
  const { t } = useTranslation("organisations");
  const done = steps.filter((s) => s.state === "done").length;
  return (
    <section aria-labelledby="onboarding-title" className="space-y-3 rounded-lg border border-brand-200 bg-white p-4 shadow-sm">
      <h2 id="onboarding-title" className="text-xl font-semibold">
        {t("onboarding.title")}
      </h2>
      <p className="text-slate-700">{t("onboarding.progress", { done, total: steps.length })}</p>
      <ol className="space-y-3">
        {steps.map((step) => (
          <li key={step.key} className="flex gap-3">
            <span aria-hidden="true" className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${MARK[step.state].className}`}>
              {MARK[step.state].symbol}
            </span>
            <div>
              <p className="font-semibold">
                {t(`onboarding.steps.${step.key}.title`)} <span className="font-normal text-slate-700">({t(`onboarding.states.${step.state}`)})</span>
              </p>
              {step.state !== "done" ? <p className="text-sm text-slate-700">{t(`onboarding.steps.${step.key}.${step.state}`, { days: VERIFICATION_DAYS })}</p> : null}
              {step.href && step.state === "todo" && (canEdit || step.key === "followDemand" || step.key === "firstEvent") ? (
                <Link to={step.href} className="text-sm font-medium text-brand-800 underline">
                  {t(`onboarding.steps.${step.key}.action`)}
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ReviewRequest({ organisationId, reason, lastResult, requested }: { organisationId: string; reason: string | null; lastResult?: SubmissionResult<string[]>; requested: boolean }) {
  const { t } = useTranslation("organisations");
  const [form, fields] = useForm({
    id: "request-review",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestReviewSchema }),
  });
  if (requested) return <Notice>{t("review.requested")}</Notice>;
  return (
    <section aria-labelledby="review-title" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4">
      <h2 id="review-title" className="text-xl font-semibold text-red-900">
        {t("review.title")}
      </h2>
      {reason ? (
        <p>
          <span className="font-semibold">{t("review.reason")}</span> {reason}
        </p>
      ) : null}
      <p>{t("review.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="request-review" />
        <input type="hidden" name="organisationId" value={organisationId} />
        <FormErrors errors={form.errors} />
        <TextArea field={conformField(fields.changes)} label={t("review.changes")} rows={3} />
        <SubmitButton>{t("review.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
