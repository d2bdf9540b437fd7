import { CONTRACT_FORMS } from "~/domain/contract";
import { DATA_RESIDENCIES, EFFORT_LEVELS, EXPECTATION_STATUSES, STANDARD_LEVELS } from "~/domain/events";
import { PILOT_PLANS } from "~/domain/pilot";
import { EFFORT_WORK } from "~/domain/predictability";
import { adviseSourcing, CONTRACT_RISKS, OUTSIDE_NEEDS, type ContractRisk, type OutsideNeed } from "~/domain/sourcing";
import { Choices, ErrorText, fieldId, Input, one, Select, Step, Textarea, useFormText, type StepProps } from "./fields";

// Steps 2 to 9 of the event form; step 1 is in what-step.tsx.

type QuarterOptions = { quarterOptions: { value: string; label: string }[] };

export function WhenStep({ values, errors }: StepProps) {
  const { t } = useFormText();
  const f = { values, errors };
  return (
    <Step id="when" number={2} title={t("steps.when")}>
      <div className="grid gap-4 md:grid-cols-2">
        <Input name="registrationDeadline" type="datetime-local" label={t("fields.registrationDeadline")} hint={t("fields.timeHint")} {...f} />
        <Input name="responseDeadline" type="datetime-local" label={t("fields.responseDeadline")} hint={t("fields.timeHint")} {...f} />
        <Input name="startsAt" type="datetime-local" label={t("fields.startsAt")} hint={t("fields.timeHint")} {...f} />
        <Input name="endsAt" type="datetime-local" label={t("fields.endsAt")} hint={t("fields.timeHint")} {...f} />
      </div>
      <Input name="location" label={t("fields.location")} {...f} />
      <Input name="onlineUrl" type="url" label={t("fields.onlineUrl")} {...f} />
      <Input name="capacity" inputMode="numeric" label={t("fields.capacity")} {...f} />
      <Input name="attendeeLimitPerVendor" inputMode="numeric" label={t("fields.attendeeLimitPerVendor")} hint={t("fields.attendeeLimitPerVendorHint")} {...f} />
    </Step>
  );
}

export function EffortStep({ values, errors }: StepProps) {
  const { t, opts } = useFormText();
  const f = { values, errors };
  return (
    <Step id="effort" number={3} title={t("steps.effort")}>
      <Choices name="effort.level" type="radio" label={t("fields.effortLevel")} options={opts(EFFORT_LEVELS, "fields.effortLevels")} {...f} />
      <Input name="effort.hoursPerVendor" inputMode="numeric" label={t("fields.hoursPerVendor")} {...f} />
      <Choices name="effort.kindsOfWork" type="checkbox" label={t("fields.kindsOfWork")} options={opts(EFFORT_WORK, "fields.work")} {...f} />
      <Input name="effort.compensationNok" inputMode="numeric" label={t("fields.compensationNok")} {...f} />
      <Textarea name="effort.compensationReason" label={t("fields.compensationReason")} hint={t("fields.compensationReasonHint")} {...f} />
    </Step>
  );
}

export function ExpectationStep({ values, errors, quarterOptions }: StepProps & QuarterOptions) {
  const { t, opts } = useFormText();
  const f = { values, errors };
  return (
    <Step id="expectation" number={4} title={t("steps.expectation")}>
      <div id={fieldId("expectation")}>
        <ErrorText name="expectation" errors={errors} />
      </div>
      <Choices name="expectation.status" type="radio" label={t("fields.expectationStatus")} options={opts(EXPECTATION_STATUSES, "fields.expectationStatuses")} {...f} />
      <div className="grid gap-4 md:grid-cols-2">
        <Input name="expectation.budgetMinNok" inputMode="numeric" label={t("fields.budgetMinNok")} {...f} />
        <Input name="expectation.budgetMaxNok" inputMode="numeric" label={t("fields.budgetMaxNok")} {...f} />
      </div>
      <Input name="expectation.fundingSource" label={t("fields.fundingSource")} hint={t("fields.fundingSourceHint")} {...f} />
      <div className="grid gap-4 md:grid-cols-3">
        <Input name="expectation.expectedValueNok" inputMode="numeric" label={t("fields.expectedValueNok")} {...f} />
        <Input name="expectation.quantity" inputMode="numeric" label={t("fields.quantity")} {...f} />
        <Input name="expectation.unit" label={t("fields.unit")} hint={t("fields.unitHint")} {...f} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Select name="expectation.expectedTenderQuarter" label={t("fields.expectedTenderQuarter")} options={quarterOptions} empty={t("notStated")} {...f} />
        <Input name="expectation.expectedContractStart" type="date" label={t("fields.expectedContractStart")} {...f} />
      </div>
    </Step>
  );
}

export function ContractStep({ values, errors }: StepProps) {
  const { t, opts } = useFormText();
  const f = { values, errors };
  return (
    <Step id="contract" number={5} title={t("steps.contract")}>
      <Select name="contract.form" label={t("fields.contractForm")} options={opts(CONTRACT_FORMS, "fields.contractForms")} empty={t("notStated")} {...f} />
      <div className="grid gap-4 md:grid-cols-3">
        <Input name="contract.baseMonths" inputMode="numeric" label={t("fields.baseMonths")} {...f} />
        <Input name="contract.optionMonths" inputMode="numeric" label={t("fields.optionMonths")} {...f} />
        <Input name="contract.horizonMonths" inputMode="numeric" label={t("fields.horizonMonths")} {...f} />
      </div>
      <Textarea name="contract.justification" label={t("fields.justification")} hint={t("fields.justificationHint")} {...f} />
    </Step>
  );
}

export function SourcingStep({ values, errors }: StepProps) {
  const { t, opts } = useFormText();
  const f = { values, errors };
  const risk = one(values, "sourcing.risk") as ContractRisk | "";
  const need = one(values, "sourcing.need") as OutsideNeed | "";
  const advice = risk && need ? adviseSourcing({ risk, need }).advice : null;
  return (
    <Step id="sourcing" number={6} title={t("steps.sourcing")}>
      <Choices name="sourcing.risk" type="radio" label={t("fields.risk")} options={opts(CONTRACT_RISKS, "fields.risks")} {...f} />
      <Choices name="sourcing.need" type="radio" label={t("fields.need")} options={opts(OUTSIDE_NEEDS, "fields.needs")} {...f} />
      {advice ? (
        <p className="rounded bg-brand-50 p-3">
          <span className="font-semibold">{t("fields.advice")}:</span> {t(`fields.advices.${advice}`)}
        </p>
      ) : null}
      <Textarea name="sourcing.reason" label={t("fields.sourcingReason")} hint={t("fields.sourcingReasonHint")} {...f} />
    </Step>
  );
}

export function StandardsStep({ values, errors, standards }: StepProps & { standards: { code: string; name: string }[] }) {
  const { t } = useFormText();
  return (
    <Step id="standards" number={7} title={t("steps.standards")}>
      <p id={fieldId("standards")} className="text-sm text-slate-600">
        {t("fields.standardsHint")}
      </p>
      <ErrorText name="standards" errors={errors} />
      <table className="w-full text-left text-sm">
        <tbody>
          {standards.map((s) => (
            <tr key={s.code} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-2 font-medium">
                {s.name}
              </th>
              <td className="py-2 pr-2">
                <select
                  name={`standards.${s.code}.level`}
                  aria-label={t("fields.standardLevel", { name: s.name })}
                  defaultValue={one(values, `standards.${s.code}.level`)}
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
              <td className="py-2">
                <input
                  type="date"
                  id={fieldId(`standards.${s.code}.from`)}
                  name={`standards.${s.code}.from`}
                  aria-label={t("fields.standardFrom", { name: s.name })}
                  defaultValue={one(values, `standards.${s.code}.from`)}
                  className="rounded border border-slate-400 px-2 py-1"
                />
                <ErrorText name={`standards.${s.code}.from`} errors={errors} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Step>
  );
}

export function TermsStep({ values, errors }: StepProps) {
  const { t, opts } = useFormText();
  const f = { values, errors };
  return (
    <Step id="terms" number={8} title={t("steps.terms")}>
      <Textarea name="ipTerms" label={t("fields.ipTerms")} hint={t("fields.ipTermsHint")} {...f} />
      <div className="grid gap-4 md:grid-cols-2">
        <Select name="dataProtection.healthData" label={t("fields.healthData")} options={[{ value: "yes", label: t("yes") }, { value: "no", label: t("no") }]} empty={t("notStated")} {...f} />
        <Select name="dataProtection.dataResidency" label={t("fields.dataResidency")} options={opts(DATA_RESIDENCIES, "fields.residencies")} empty={t("notStated")} {...f} />
        <Select name="dataProtection.cloudAllowed" label={t("fields.cloudAllowed")} options={[{ value: "yes", label: t("yes") }, { value: "no", label: t("no") }]} empty={t("notStated")} {...f} />
        <Select name="dataProtection.dpiaNeeded" label={t("fields.dpiaNeeded")} options={[{ value: "yes", label: t("yes") }, { value: "no", label: t("no") }]} empty={t("notStated")} {...f} />
      </div>
    </Step>
  );
}

export function PilotStep({ values, errors, quarterOptions }: StepProps & QuarterOptions) {
  const { t, opts } = useFormText();
  const f = { values, errors };
  return (
    <Step id="pilot" number={9} title={t("steps.pilot")}>
      <Choices name="pilotPath.plan" type="radio" label={t("fields.pilotPlan")} options={opts(PILOT_PLANS, "fields.pilotPlans")} {...f} />
      <div className="grid gap-4 md:grid-cols-2">
        <Select name="pilotPath.quarter" label={t("fields.pilotQuarter")} options={quarterOptions} empty={t("notStated")} {...f} />
        <Input name="pilotPath.budgetNok" inputMode="numeric" label={t("fields.pilotBudgetNok")} {...f} />
      </div>
    </Step>
  );
}
