import { Form } from "@remix-run/react";
import type { EventFormValues } from "~/domain/event-form";
import type { Problem } from "~/domain/problems";
import { Notice, PrinciplesSource, ProblemSummary, SubmitButton, TextArea, type EarlierPilotLink } from "~/components/forms";
import { fieldId, fieldsOf, one, useFormText } from "./fields";
import { NonUseUndertaking } from "./non-use-undertaking";
import { ScopeStep } from "./scope-step";
import { ContractStep, EffortStep, ExpectationStep, PilotStep, SourcingStep, StandardsStep, TermsStep, WhenStep } from "./steps";
import { WhatStep } from "./what-step";
import { CostBenefitStep } from "./cost-benefit-step";
import { costBenefitFieldName } from "~/domain/cost-benefit-form";
import { PublishChecklist, type ChecklistData } from "./publish-checklist";

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
  /** The buyer's own-delivery CPV codes (issue 19): the sourcing step says when the event meets them. */
  ownDeliveryCpv?: string[];
  coBuyerOptions: { id: string; name: string }[];
  /** Buyer organisations a cost or benefit owner may be (the step also offers whole sectors). */
  costBenefitOptions: { id: string; name: string }[];
  quarters: string[];
  /** Earlier pilots on the same need that met their criteria and were not bought (issue 16); the pilot step asks why a new one is needed. */
  similarPilots?: readonly EarlierPilotLink[];
  notice?: string | null;
  /** What the live checklist needs beside the form's fields (publish-checklist.tsx); absent: no checklist. */
  checklist?: ChecklistData | null;
}

const STEPS = ["what", "when", "effort", "expectation", "contract", "sourcing", "standards", "scope", "terms", "pilot", "costBenefit"] as const;

/** The element a problem links to: list indexes in its path ("coBuyers.0") name no element of their own. */
const problemFieldId = (path: string) =>
  path.startsWith("pilotPath.acceptanceCriteria.") || path.startsWith("pilotPath.funding.") || path.startsWith("scope.integrations.")
    ? fieldId(path)
    : fieldId(costBenefitFieldName(path) ?? path.split(".").filter((s) => !/^\d+$/.test(s)).join("."));

/** The guided event form: one page, numbered steps, usable without JavaScript. */
export function EventForm(props: EventFormProps) {
  const { t } = useFormText();
  const { values, errors } = props;
  const f = { values, errors };
  const hasPrinciple = props.problems.some((p) => t(`events:principles.${p.code}`, { defaultValue: "" }));

  return (
    <Form method="post" noValidate className="grid grid-cols-1 gap-8 lg:grid-cols-[14rem_1fr] xl:grid-cols-[14rem_1fr_20rem]">
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
        {props.notice ? <Notice>{props.notice}</Notice> : null}
        {!props.buyerVerified && props.mode !== "published" ? (
          <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">{t("notVerified")}</p>
        ) : null}
        <ProblemSummary problems={props.problems} heading={hasPrinciple ? t("problemsHeading") : t("invalid")} idOf={problemFieldId} />

        <WhatStep {...f} coBuyerOptions={props.coBuyerOptions} />
        <WhenStep {...f} />
        <EffortStep {...f} />
        <ExpectationStep {...f} quarters={props.quarters} />
        <ContractStep {...f} />
        <SourcingStep {...f} ownDeliveryCpv={props.ownDeliveryCpv ?? []} />
        <StandardsStep {...f} standards={props.standards} />
        <ScopeStep {...f} standards={props.standards} />
        <TermsStep {...f} />
        <PilotStep {...f} quarters={props.quarters} similarPilots={props.similarPilots ?? []} />
        <CostBenefitStep {...f} organisations={props.costBenefitOptions} />

        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {props.mode === "published" ? (
            <>
              <TextArea field={fieldsOf(f)("reason")} label={t("reason")} hint={t("reasonHint")} rows={3} />
              {one(values, "nonUseUndertakingGiven") === "yes" ? (
                <input type="hidden" name="nonUseUndertakingGiven" value="yes" />
              ) : (
                <NonUseUndertaking field={fieldsOf(f)("nonUseUndertaking")} />
              )}
              <SubmitButton name="intent" value="save">
                {t("saveAmendment")}
              </SubmitButton>
            </>
          ) : (
            <div className="flex flex-wrap gap-3">
              {props.canPublish ? <NonUseUndertaking field={fieldsOf(f)("nonUseUndertaking")} /> : null}
              {props.canPublish ? <p className="w-full text-sm text-slate-700">{t("countedPublicly")}</p> : null}
              {props.canPublish ? <PrinciplesSource className="w-full text-sm text-slate-700" /> : null}
              <SubmitButton name="intent" value="save" variant="secondary">
                {t("save")}
              </SubmitButton>
              {props.canPublish ? (
                <SubmitButton name="intent" value="publish">
                  {t("publish")}
                </SubmitButton>
              ) : null}
            </div>
          )}
        </div>
      </div>
      {props.checklist && props.canPublish && props.mode !== "published" ? (
        <div className="min-w-0 lg:col-start-2 xl:sticky xl:top-4 xl:col-start-3 xl:row-start-1 xl:self-start">
          <PublishChecklist context={props.checklist} idOf={problemFieldId} />
        </div>
      ) : null}
    </Form>
  );
}
