import { FieldErrors, NumberField, Select } from "~/components/forms";
import { FORM_ROWS, partyField, shareField, SIDES } from "~/domain/cost-benefit-form";
import { BUYER_SECTORS } from "~/domain/organisations";
import { fieldId, fieldsOf, Step, useFormText, type StepProps } from "./fields";

// Step 10: who pays and who benefits (issue 19). Optional; a few rows per side, each a sector
// or a named buyer organisation, and a share per payer when more than one pays.
export function CostBenefitStep({ organisations, ...props }: StepProps & { organisations: { id: string; name: string }[] }) {
  const { t } = useFormText();
  const f = fieldsOf(props);
  const parties = [
    ...BUYER_SECTORS.map((s) => ({
      value: `sector:${s}`,
      label: t("fields.costBenefit.sectorOption", {
        sector: t(`organisations:sectors.${s}`),
      }),
    })),
    ...organisations.map((o) => ({
      value: `organisation:${o.id}`,
      label: o.name,
    })),
  ];
  return (
    <Step id="costBenefit" number={10} title={t("steps.costBenefit")}>
      <p className="text-slate-700">{t("fields.costBenefit.lead")}</p>
      {SIDES.map((side) => {
        const whole = `costBenefit.${side}`;
        return (
          <fieldset key={side} id={fieldId(whole)} className="space-y-3 rounded border border-slate-300 p-4">
            <legend className="px-1 font-semibold">{t(`fields.costBenefit.${side}`)}</legend>
            {side === "costOwners" ? <p className="text-sm text-slate-600">{t("fields.costBenefit.shareHint")}</p> : null}
            <FieldErrors id={`${fieldId(whole)}-error`} errors={props.errors[whole]} />
            {Array.from({ length: FORM_ROWS }, (_, i) => (
              <div key={i} className="grid gap-3 sm:grid-cols-[1fr_10rem]">
                <Select
                  field={f(partyField(side, i))}
                  label={t(`fields.costBenefit.${side}Row`, { number: i + 1 })}
                  options={parties}
                  placeholder={t("notStated")}
                />
                {side === "costOwners" ? (
                  <NumberField
                    field={f(shareField(i))}
                    label={t("fields.costBenefit.sharePercent", {
                      number: i + 1,
                    })}
                  />
                ) : null}
              </div>
            ))}
          </fieldset>
        );
      })}
    </Step>
  );
}
