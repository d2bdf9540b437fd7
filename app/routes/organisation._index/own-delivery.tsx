import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Choices, conformField, Field, FormErrors, SubmitButton, TextArea, validateOnBlur } from "~/components/forms";
import { OWN_DELIVERY_ACTIVITIES, OwnDeliverySchema, type OwnDelivery } from "~/domain/own-delivery";

// Own delivery on the buyer's profile (issue 19): where the organisation, or its named in-house
// provider or state enterprise, delivers itself. Shown on its public buyer page and on events in those areas.
export function OwnDeliveryForm({
  organisationId,
  defaults,
  lastResult,
  saved,
}: {
  organisationId: string;
  defaults: OwnDelivery;
  lastResult?: SubmissionResult<string[]>;
  saved: boolean;
}) {
  const { t } = useTranslation("organisations");
  const [form, fields] = useForm({
    id: `own-delivery-${organisationId}`,
    lastResult,
    defaultValue: {
      ownDeliveryCpv: defaults.cpv.join(", "),
      ownDeliveryActivities: defaults.activities,
      ownDeliveryProvider: defaults.provider ?? "",
      ownDeliveryStandards: defaults.standards ?? "",
    },
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OwnDeliverySchema }),
  });
  return (
    <section aria-labelledby="own-delivery-title" className="space-y-3">
      <h2 id="own-delivery-title" className="text-xl font-semibold">
        {t("ownDelivery.title")}
      </h2>
      <p className="text-slate-700">{t("ownDelivery.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-4 rounded border border-slate-300 p-4">
        <input type="hidden" name="intent" value="own-delivery" />
        <input type="hidden" name="organisationId" value={organisationId} />
        {saved ? (
          <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
            {t("ownDelivery.saved")}
          </p>
        ) : null}
        <FormErrors errors={form.errors} />
        <TextArea field={conformField(fields.ownDeliveryCpv)} label={t("ownDelivery.cpv")} hint={t("ownDelivery.cpvHint")} rows={2} />
        <Choices
          field={conformField(fields.ownDeliveryActivities)}
          legend={t("ownDelivery.activities")}
          type="checkbox"
          options={OWN_DELIVERY_ACTIVITIES.map((a) => ({ value: a, label: t(`ownDelivery.activity.${a}`) }))}
        />
        <Field field={conformField(fields.ownDeliveryProvider)} label={t("ownDelivery.provider")} hint={t("ownDelivery.providerHint")} />
        <TextArea field={conformField(fields.ownDeliveryStandards)} label={t("ownDelivery.standards")} hint={t("ownDelivery.standardsHint")} rows={2} />
        <SubmitButton>{t("ownDelivery.save")}</SubmitButton>
      </Form>
    </section>
  );
}
