import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CRITERION_PARTS, MAX_ACCEPTANCE_CRITERIA, PILOT_PLANS } from "~/domain/pilot";
import { FUNDING_SOURCES, MAX_FUNDING_SOURCES } from "~/domain/pilot-funding";
import { FieldErrors } from "./errors";
import type { FieldState } from "./field-state";
import { Choices, Field, NumberField, QuarterField, Select, TextArea } from "./fields";

// næringsutvikling (issue 16): how a pilot, an R&D partnership or an innovation partnership is
// judged (acceptance criteria) and what follows success (the purchase path), fields
// `pilotPath.*`, labels from eventForm:fields.pilot. Without JavaScript the list offers one
// empty criterion more than is filled in; saving the draft offers the next.

interface Props {
  fieldOf: (name: string) => FieldState;
  /** Criteria already on the form (filled rows). */
  filled: number;
  /** The quarters offered for the procurement and the option window. */
  quarters: readonly string[];
}

/** Rows to show: every filled one and one empty, at least two, at most MAX_ACCEPTANCE_CRITERIA. */
export const criterionRows = (filled: number) => Math.min(MAX_ACCEPTANCE_CRITERIA, Math.max(2, filled + 1));

export function AcceptanceCriteriaFields({ fieldOf, filled }: Omit<Props, "quarters">) {
  const { t } = useTranslation("eventForm");
  const whole = fieldOf("pilotPath.acceptanceCriteria");
  return (
    <div id={whole.id} className="space-y-3">
      <h3 className="font-semibold">{t("fields.pilot.criteriaHeading")}</h3>
      <p className="text-sm text-slate-600">{t("fields.pilot.criteriaHint")}</p>
      <FieldErrors id={whole.errorId} errors={whole.errors} />
      {Array.from({ length: criterionRows(filled) }, (_, i) => (
        <fieldset key={i} className="space-y-2 rounded border border-slate-200 p-3">
          <legend className="px-1 font-medium">{t("fields.pilot.criterion", { number: i + 1 })}</legend>
          <div className="grid gap-3 md:grid-cols-2">
            {CRITERION_PARTS.map((part) => (
              <Field key={part} field={fieldOf(`pilotPath.acceptanceCriteria.${i}.${part}`)} label={t(`fields.pilot.parts.${part}`)} hint={i === 0 ? t(`fields.pilot.partHints.${part}`) : undefined} />
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

export function PurchasePathFields({ fieldOf, quarters }: Omit<Props, "filled">) {
  const { t } = useTranslation("eventForm");
  const yesNo = [
    { value: "yes", label: t("yes") },
    { value: "no", label: t("no") },
  ];
  return (
    <div className="space-y-4">
      <Choices
        field={fieldOf("pilotPath.plan")}
        type="radio"
        legend={t("fields.pilotPlan")}
        hint={t("fields.pilot.planHint")}
        options={PILOT_PLANS.map((plan) => ({ value: plan, label: t(`fields.pilotPlans.${plan}`) }))}
      />
      <fieldset className="space-y-3 rounded border border-slate-200 p-3">
        <legend className="px-1 font-medium">{t("fields.pilot.procurementHeading")}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <QuarterField field={fieldOf("pilotPath.quarter")} label={t("fields.pilotQuarter")} quarters={quarters} placeholder={t("notStated")} />
          <NumberField field={fieldOf("pilotPath.budgetNok")} label={t("fields.pilotBudgetNok")} />
        </div>
      </fieldset>
      <fieldset className="space-y-3 rounded border border-slate-200 p-3">
        <legend className="px-1 font-medium">{t("fields.pilot.optionHeading")}</legend>
        <NumberField field={fieldOf("pilotPath.optionMaxPriceNok")} label={t("fields.pilot.optionMaxPriceNok")} />
        <div className="grid gap-4 md:grid-cols-2">
          <QuarterField field={fieldOf("pilotPath.optionWindowFrom")} label={t("fields.pilot.optionWindowFrom")} quarters={quarters} placeholder={t("notStated")} />
          <QuarterField field={fieldOf("pilotPath.optionWindowTo")} label={t("fields.pilot.optionWindowTo")} quarters={quarters} placeholder={t("notStated")} />
        </div>
      </fieldset>
      <fieldset className="space-y-3 rounded border border-slate-200 p-3">
        <legend className="px-1 font-medium">{t("fields.pilot.commitmentHeading")}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <Select field={fieldOf("pilotPath.budgetEarmarked")} label={t("fields.pilot.budgetEarmarked")} options={yesNo} placeholder={t("notStated")} />
          <Field field={fieldOf("pilotPath.budgetSource")} label={t("fields.pilot.budgetSource")} />
          <Field field={fieldOf("pilotPath.deciderRole")} label={t("fields.pilot.deciderRole")} hint={t("fields.pilot.deciderHint")} />
          <Field field={fieldOf("pilotPath.deciderOrganisation")} label={t("fields.pilot.deciderOrganisation")} />
        </div>
      </fieldset>
    </div>
  );
}

/** How the pilot itself is paid for: a fixed MAX_FUNDING_SOURCES rows (source, amount, what "other" is), so it works without JavaScript. */
export function FundingFields({ fieldOf }: Pick<Props, "fieldOf">) {
  const { t } = useTranslation("eventForm");
  const whole = fieldOf("pilotPath.funding");
  const sources = FUNDING_SOURCES.map((source) => ({ value: source, label: t(`fields.pilot.fundingSources.${source}`) }));
  return (
    <div id={whole.id} className="space-y-3">
      <h3 className="font-semibold">{t("fields.pilot.fundingHeading")}</h3>
      <p className="text-sm text-slate-600">{t("fields.pilot.fundingHint")}</p>
      <FieldErrors id={whole.errorId} errors={whole.errors} />
      {Array.from({ length: MAX_FUNDING_SOURCES }, (_, i) => (
        <fieldset key={i} className="rounded border border-slate-200 p-3">
          <legend className="px-1 font-medium">{t("fields.pilot.fundingRow", { number: i + 1 })}</legend>
          <div className="grid gap-3 md:grid-cols-3">
            <Select field={fieldOf(`pilotPath.funding.${i}.source`)} label={t("fields.pilot.fundingSource")} options={sources} placeholder={t("notStated")} />
            <NumberField field={fieldOf(`pilotPath.funding.${i}.amountNok`)} label={t("fields.pilot.fundingAmountNok")} />
            <Field field={fieldOf(`pilotPath.funding.${i}.otherText`)} label={t("fields.pilot.fundingOtherText")} />
          </div>
        </fieldset>
      ))}
    </div>
  );
}

/** What each vendor is expected to invest (app/domain/pilot-investment.ts): hours and/or NOK, one of them required to publish. */
export function VendorInvestmentFields({ fieldOf }: Pick<Props, "fieldOf">) {
  const { t } = useTranslation("eventForm");
  return (
    <fieldset className="space-y-3 rounded border border-slate-200 p-3">
      <legend className="px-1 font-medium">{t("fields.pilot.investmentHeading")}</legend>
      <p className="text-sm text-slate-600">{t("fields.pilot.investmentHint")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <NumberField field={fieldOf("pilotPath.vendorInvestmentHours")} label={t("fields.pilot.investmentHours")} />
        <NumberField field={fieldOf("pilotPath.vendorInvestmentNok")} label={t("fields.pilot.investmentNok")} />
      </div>
    </fieldset>
  );
}

/** An earlier pilot on the same need, as the form names it. */
export interface EarlierPilotLink {
  id: string;
  title: string;
  buyer: { name: string; slug: string };
  sharedTerms: string[];
}

/**
 * "Pilotsyken" (issue 16): earlier pilots on the same need that met their criteria and were not
 * bought, and the question why a new pilot is needed. Shown only when there are such pilots (or
 * the answer was refused); the answer is not a block, but publishing needs one.
 */
export function DuplicatePilotFields({ fieldOf, similar }: Pick<Props, "fieldOf"> & { similar: readonly EarlierPilotLink[] }) {
  const { t } = useTranslation("eventForm");
  const reason = fieldOf("pilotPath.duplicateReason");
  if (similar.length === 0 && !reason.errors?.length) return null;
  return (
    <section aria-labelledby="duplicate-pilots-heading" className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4" data-testid="duplicate-pilots">
      <h3 id="duplicate-pilots-heading" className="font-semibold text-amber-950">
        {t("fields.pilot.duplicateHeading")}
      </h3>
      <p className="text-sm text-amber-950">{t("fields.pilot.duplicateLead")}</p>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {similar.map((p) => (
          <li key={p.id}>
            <Link to={`/events/${p.id}`} className="font-medium text-brand-800 underline">
              {p.title}
            </Link>{" "}
            ({p.buyer.name}){p.sharedTerms.length > 0 ? <span className="block text-slate-700">{t("fields.pilot.duplicateTerms", { terms: p.sharedTerms.join(", ") })}</span> : null}
          </li>
        ))}
      </ul>
      <TextArea field={reason} label={t("fields.pilot.duplicateReason")} hint={t("fields.pilot.duplicateReasonHint")} rows={3} />
    </section>
  );
}
