import { Form } from "@remix-run/react";
import type { EventFormValues } from "~/domain/event-form";
import type { Problem } from "~/domain/problems";
import { fieldId, one, Textarea, useFormText } from "./fields";
import { ContractStep, EffortStep, ExpectationStep, PilotStep, SourcingStep, StandardsStep, TermsStep, WhenStep } from "./steps";
import { WhatStep } from "./what-step";

// The event editor shared by events.new.tsx and events.$eventId_.edit.tsx: this form, its
// steps and fields beside it, and submit.server.ts, which takes its submission to the models.
// Not a route: Remix takes a route from a folder only when it holds route.tsx or index.tsx.

export interface EventFormProps {
  values: EventFormValues;
  errors: Record<string, string[]>;
  problems: Problem[];
  mode: "new" | "draft" | "published";
  canPublish: boolean;
  buyerVerified: boolean;
  standards: { code: string; name: string }[];
  coBuyerOptions: { id: string; name: string }[];
  quarters: string[];
  notice?: string | null;
}

const STEPS = ["what", "when", "effort", "expectation", "contract", "sourcing", "standards", "terms", "pilot"] as const;

function quarterLabel(quarter: string, language: string) {
  const [year, q] = quarter.split("-Q");
  return language === "nb" ? `${q}. kvartal ${year}` : `Q${q} ${year}`;
}

/** The guided event form: one page, numbered steps, usable without JavaScript. */
export function EventForm(props: EventFormProps) {
  const { t, language } = useFormText();
  const { values, errors } = props;
  const f = { values, errors };
  const quarters = [...new Set([...props.quarters, one(values, "expectation.expectedTenderQuarter"), one(values, "pilotPath.quarter")].filter(Boolean))].sort();
  const quarterOptions = quarters.map((q) => ({ value: q, label: quarterLabel(q, language) }));

  return (
    <Form method="post" noValidate className="grid gap-8 lg:grid-cols-[14rem_1fr]">
      <nav aria-label={t("stepsLabel")} className="lg:sticky lg:top-4 lg:self-start">
        <ol className="space-y-1 text-sm">
          {STEPS.map((step, i) => (
            <li key={step}>
              <a href={`#step-${step}`} className="block rounded px-2 py-1 text-brand-700 underline-offset-2 hover:underline">
                {i + 1}. {t(`steps.${step}`)}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="space-y-6">
        {props.notice ? (
          <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">
            {props.notice}
          </div>
        ) : null}
        {!props.buyerVerified && props.mode !== "published" ? (
          <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">{t("notVerified")}</p>
        ) : null}
        {props.problems.length ? (
          <div role="alert" aria-labelledby="problems-title" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
            <h2 id="problems-title" className="font-semibold">
              {props.problems.some((p) => t(`events:principles.${p.code}`, { defaultValue: "" })) ? t("problemsHeading") : t("invalid")}
            </h2>
            <ul className="mt-2 list-disc space-y-2 pl-5">
              {props.problems.map((p) => {
                const principle = t(`events:principles.${p.code}`, { defaultValue: "" });
                return (
                  <li key={`${p.path}-${p.code}`}>
                    <a href={`#${fieldId(p.path.split(".").filter((s) => !/^\d+$/.test(s)).join("."))}`} className="underline">
                      {t([`events:problems.${p.code}`, `forms:${p.code}`, "forms:invalid_value"])}
                    </a>
                    {principle ? (
                      <p className="text-sm">
                        <span className="font-semibold">{t("principle")}</span> {principle}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}

        <WhatStep {...f} coBuyerOptions={props.coBuyerOptions} />
        <WhenStep {...f} />
        <EffortStep {...f} />
        <ExpectationStep {...f} quarterOptions={quarterOptions} />
        <ContractStep {...f} />
        <SourcingStep {...f} />
        <StandardsStep {...f} standards={props.standards} />
        <TermsStep {...f} />
        <PilotStep {...f} quarterOptions={quarterOptions} />

        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {props.mode === "published" ? (
            <>
              <Textarea name="reason" label={t("reason")} hint={t("reasonHint")} rows={3} {...f} />
              <button type="submit" name="intent" value="save" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t("saveAmendment")}
              </button>
            </>
          ) : (
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="intent" value="save" className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100">
                {t("save")}
              </button>
              {props.canPublish ? (
                <button type="submit" name="intent" value="publish" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                  {t("publish")}
                </button>
              ) : null}
            </div>
          )}
        </div>
      </div>
    </Form>
  );
}
