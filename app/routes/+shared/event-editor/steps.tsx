import { AcceptanceCriteriaFields, Choices, DuplicatePilotFields, EffortFields, ExpectationFields, Field, FieldErrors, FundingFields, type EarlierPilotLink, NumberField, PurchasePathFields, Select, TextArea, VendorInvestmentFields } from "~/components/forms";
import { CONTRACT_FORMS } from "~/domain/contract";
import { STANDARD_LEVELS } from "~/domain/events";
import { FOREGROUND_OWNERS, INPUT_USES } from "~/domain/ip-terms";
import { CRITERION_PARTS, MAX_ACCEPTANCE_CRITERIA } from "~/domain/pilot";
import { EFFORT_WORK } from "~/domain/predictability";
import { overlappingOwnDelivery } from "~/domain/own-delivery";
import { adviseSourcing, CONTRACT_RISKS, OUTSIDE_NEEDS, sourcingBasis, type ContractRisk, type OutsideNeed } from "~/domain/sourcing";
import { SourcingBasis } from "~/components/sourcing-basis";
import { fieldId, fieldsOf, many, one, Step, useFormText, type StepProps } from "./fields";
import { DataProtectionFields } from "./scope-step";

// Steps 2 to 10 of the event form; step 1 is in what-step.tsx, step 8 in scope-step.tsx.

type Quarters = { quarters: readonly string[] };

export function WhenStep(props: StepProps) {
  const { t } = useFormText();
  const f = fieldsOf(props);
  return (
    <Step id="when" number={2} title={t("steps.when")}>
      <div className="grid gap-4 md:grid-cols-2">
        <Field field={f("registrationDeadline")} type="datetime-local" label={t("fields.registrationDeadline")} hint={t("fields.timeHint")} />
        <Field field={f("responseDeadline")} type="datetime-local" label={t("fields.responseDeadline")} hint={t("fields.timeHint")} />
        <Field field={f("startsAt")} type="datetime-local" label={t("fields.startsAt")} hint={t("fields.timeHint")} />
        <Field field={f("endsAt")} type="datetime-local" label={t("fields.endsAt")} hint={t("fields.timeHint")} />
      </div>
      <Field field={f("location")} label={t("fields.location")} />
      <Field field={f("onlineUrl")} type="url" label={t("fields.onlineUrl")} />
      <NumberField field={f("capacity")} label={t("fields.capacity")} />
      <NumberField field={f("attendeeLimitPerVendor")} label={t("fields.attendeeLimitPerVendor")} hint={t("fields.attendeeLimitPerVendorHint")} />
    </Step>
  );
}

export function EffortStep(props: StepProps) {
  const { t } = useFormText();
  return (
    <Step id="effort" number={3} title={t("steps.effort")}>
      <EffortFields fieldOf={fieldsOf(props)} prefix="effort." work={EFFORT_WORK} withLevel />
    </Step>
  );
}

export function ExpectationStep({ quarters, ...props }: StepProps & Quarters) {
  const { t } = useFormText();
  return (
    <Step id="expectation" number={4} title={t("steps.expectation")}>
      <ExpectationFields fieldOf={fieldsOf(props)} quarters={quarters} />
    </Step>
  );
}

export function ContractStep(props: StepProps) {
  const { t, opts } = useFormText();
  const f = fieldsOf(props);
  return (
    <Step id="contract" number={5} title={t("steps.contract")}>
      {/* kontraktsvalg: shortness is judged by the guaranteed base period; options are the buyer's to exercise. */}
      <p className="text-sm text-slate-600">{t("fields.contractChoiceHint")}</p>
      <Select field={f("contract.form")} label={t("fields.contractForm")} options={opts(CONTRACT_FORMS, "fields.contractForms")} placeholder={t("notStated")} />
      <div className="grid gap-4 md:grid-cols-2">
        <NumberField field={f("contract.baseMonths")} label={t("fields.baseMonths")} hint={t("fields.baseMonthsHint")} />
        <NumberField field={f("contract.optionMonths")} label={t("fields.optionMonths")} hint={t("fields.optionMonthsHint")} />
        <NumberField field={f("contract.horizonMonths")} label={t("fields.horizonMonths")} />
        <NumberField field={f("contract.depreciationMonths")} label={t("fields.depreciationMonths")} hint={t("fields.depreciationMonthsHint")} />
      </div>
      <TextArea field={f("contract.justification")} label={t("fields.justification")} hint={t("fields.justificationHint")} />
    </Step>
  );
}

export function SourcingStep({ ownDeliveryCpv, ...props }: StepProps & { ownDeliveryCpv: string[] }) {
  const { t, opts } = useFormText();
  const f = fieldsOf(props);
  const risk = one(props.values, "sourcing.risk") as ContractRisk | "";
  const need = one(props.values, "sourcing.need") as OutsideNeed | "";
  const known = CONTRACT_RISKS.includes(risk as ContractRisk) && OUTSIDE_NEEDS.includes(need as OutsideNeed);
  const answer = known ? { risk: risk as ContractRisk, need: need as OutsideNeed } : null;
  const advice = answer ? adviseSourcing(answer).advice : null;
  const overlap = overlappingOwnDelivery(many(props.values, "cpv"), ownDeliveryCpv);
  return (
    <Step id="sourcing" number={6} title={t("steps.sourcing")}>
      {overlap.length > 0 ? (
        <p className="rounded border-l-4 border-amber-500 bg-amber-50 p-3">{t("fields.ownDeliveryNotice", { codes: overlap.join(", ") })}</p>
      ) : null}
      <Choices field={f("sourcing.risk")} type="radio" legend={t("fields.risk")} options={opts(CONTRACT_RISKS, "fields.risks")} />
      <Choices field={f("sourcing.need")} type="radio" legend={t("fields.need")} options={opts(OUTSIDE_NEEDS, "fields.needs")} />
      {advice ? (
        <p className="rounded bg-brand-50 p-3">
          <span className="font-semibold">{t("fields.advice")}:</span> {t(`fields.advices.${advice}`)}
        </p>
      ) : null}
      {answer ? <SourcingBasis citations={sourcingBasis(answer)} id="sourcing-form-basis" /> : null}
      <TextArea field={f("sourcing.reason")} label={t("fields.sourcingReason")} hint={t("fields.sourcingReasonHint")} />
      <TextArea field={f("sourcing.inHouseCostBasis")} label={t("fields.inHouseCostBasis")} hint={t("fields.inHouseCostBasisHint")} />
    </Step>
  );
}

export function StandardsStep({ standards, ...props }: StepProps & { standards: { code: string; name: string }[] }) {
  const { t } = useFormText();
  const f = fieldsOf(props);
  const all = f("standards");
  return (
    <Step id="standards" number={7} title={t("steps.standards")}>
      <p id={fieldId("standards")} className="text-sm text-slate-600">
        {t("fields.standardsHint")}
      </p>
      <FieldErrors id={all.errorId} errors={all.errors} />
      {/* On a phone each standard's row stacks: its name, then level and date side by side. */}
      <table className="w-full text-left text-sm">
        <tbody>
          {standards.map((s) => {
            const from = f(`standards.${s.code}.from`);
            return (
              <tr key={s.code} className="block border-b border-slate-200 py-2 align-top sm:table-row sm:py-0">
                <th scope="row" className="block pb-1 font-medium sm:table-cell sm:py-2 sm:pr-2">
                  {s.name}
                </th>
                <td className="inline-block pr-2 align-top sm:table-cell sm:py-2">
                  <select
                    name={`standards.${s.code}.level`}
                    aria-label={t("fields.standardLevel", { name: s.name })}
                    defaultValue={one(props.values, `standards.${s.code}.level`)}
                    className="rounded border border-slate-400 px-2 py-1"
                  >
                    <option value="">–</option>
                    {STANDARD_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`fields.standardLevels.${level}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="inline-block align-top sm:table-cell sm:py-2">
                  <input
                    type="date"
                    id={from.id}
                    name={from.name}
                    aria-label={t("fields.standardFrom", { name: s.name })}
                    aria-invalid={from.errors?.length ? true : undefined}
                    aria-describedby={from.errors?.length ? from.errorId : undefined}
                    defaultValue={one(props.values, from.name)}
                    className="rounded border border-slate-400 px-2 py-1 aria-[invalid=true]:border-red-700"
                  />
                  <FieldErrors id={from.errorId} errors={from.errors} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Step>
  );
}

export function TermsStep(props: StepProps) {
  const { t, opts, yesNo } = useFormText();
  const f = fieldsOf(props);
  return (
    <Step id="terms" number={9} title={t("steps.terms")}>
      <fieldset className="space-y-4" aria-describedby="ip-terms-hint">
        <legend className="text-lg font-semibold">{t("fields.ip.heading")}</legend>
        <p id="ip-terms-hint" className="text-sm text-slate-600">
          {t("fields.ip.hint")}
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <Select field={f("intellectualProperty.backgroundStaysWithVendor")} label={t("fields.ip.backgroundStaysWithVendor")} options={yesNo} placeholder={t("notStated")} />
          <Select
            field={f("intellectualProperty.existingProductsNotTransferred")}
            label={t("fields.ip.existingProductsNotTransferred")}
            options={yesNo}
            placeholder={t("notStated")}
          />
          <Select field={f("intellectualProperty.foregroundOwner")} label={t("fields.ip.foregroundOwner")} options={opts(FOREGROUND_OWNERS, "fields.ip.owners")} placeholder={t("notStated")} />
          <Select field={f("intellectualProperty.inputUse")} label={t("fields.ip.inputUse")} options={opts(INPUT_USES, "fields.ip.uses")} placeholder={t("notStated")} />
        </div>
        <TextArea field={f("intellectualProperty.licenceScope")} label={t("fields.ip.licenceScope")} hint={t("fields.ip.licenceScopeHint")} rows={3} />
        <TextArea field={f("ipTerms")} label={t("fields.ipTerms")} hint={t("fields.ipTermsHint")} />
      </fieldset>
      <DataProtectionFields {...props} />
    </Step>
  );
}

/** The criteria rows that hold anything: the form shows them and one more. */
function filledCriteria(values: StepProps["values"]): number {
  let filled = 0;
  for (let i = 0; i < MAX_ACCEPTANCE_CRITERIA; i++) {
    if (CRITERION_PARTS.some((part) => one(values, `pilotPath.acceptanceCriteria.${i}.${part}`) !== "")) filled = i + 1;
  }
  return filled;
}

export function PilotStep({ quarters, similarPilots = [], ...props }: StepProps & Quarters & { similarPilots?: readonly EarlierPilotLink[] }) {
  const { t } = useFormText();
  const f = fieldsOf(props);
  return (
    <Step id="pilot" number={10} title={t("steps.pilot")}>
      <AcceptanceCriteriaFields fieldOf={f} filled={filledCriteria(props.values)} />
      <PurchasePathFields fieldOf={f} quarters={quarters} />
      <FundingFields fieldOf={f} />
      <VendorInvestmentFields fieldOf={f} />
      <DuplicatePilotFields fieldOf={f} similar={similarPilots} />
    </Step>
  );
}
