import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { fieldErrors } from "~/domain/problems";
import { requireVerifiedUser } from "~/auth/guards.server";
import { Choices, FormErrors, Select, SubmitButton, TextArea, Field, conformField, ProblemScope, validateOnBlur } from "~/components/forms";
import { CreateOrganisationSchema, FOREIGN_VENDOR_COUNTRIES, ORGANISATION_KINDS, REGISTRATIONS } from "~/domain/organisation-forms";
import { BUYER_SECTORS, VENDOR_SIZES } from "~/domain/organisations";
import { REGIONS } from "~/domain/regions";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { createOrganisation, listStandards } from "~/models/organisations.server";
import { readFormData } from "~/http/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Anyone with a confirmed e-mail address may register an organisation.
export async function loader(args: LoaderFunctionArgs) {
  requireVerifiedUser(args);
  const t = fixedT(await getLanguage(args.request), "organisations");
  return json({ standards: await listStandards(db()), title: `${t("create.title")} – Markedsdialog` });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const submission = parseWithZod(await readFormData(args.request), { schema: CreateOrganisationSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const created = await createOrganisation(db(), submission.value, { userId: user.id, ip: args.context.ip });
  if (!created.ok) return json(submission.reply({ fieldErrors: fieldErrors(created) }), { status: 400 });
  return redirect("/organisation");
}

export default function NewOrganisation() {
  const { standards } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation(["organisations", "common"]);
  const [form, fields] = useForm({
    id: "create-organisation",
    lastResult,
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateOrganisationSchema }),
  });
  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <ProblemScope first="organisations:formErrors">
      <section aria-labelledby="create-title" className="max-w-2xl space-y-6">
        <h1 id="create-title" className="text-3xl font-bold">
          {t("create.title")}
        </h1>
        <p className="text-lg text-slate-700">{t("create.lead")}</p>
        <Form method="post" {...getFormProps(form)} className="space-y-6">
          <FormErrors errors={form.errors} />
          <Field field={conformField(fields.name)} label={t("fields.name")} autoComplete="organization" />
          <Choices
            field={conformField(fields.kinds)}
            legend={t("fields.kinds")}
            hint={t("fields.kindsHint")}
            type="checkbox"
            options={options(ORGANISATION_KINDS, "kinds")}
          />
          <Choices
            field={conformField(fields.registration)}
            legend={t("fields.registration")}
            type="radio"
            options={REGISTRATIONS.map((r) => ({
              value: r,
              label: t(r === "norwegian" ? "fields.registrationNorwegian" : "fields.registrationForeign"),
            }))}
          />
          <Field field={conformField(fields.orgNumber)} label={t("fields.orgNumber")} hint={t("fields.orgNumberHint")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Select
              field={conformField(fields.country)}
              label={t("fields.country")}
              placeholder={t("fields.chooseCountry")}
              options={options(FOREIGN_VENDOR_COUNTRIES, "countries")}
            />
            <Field field={conformField(fields.foreignRegistryId)} label={t("fields.foreignRegistryId")} />
          </div>
          <Field field={conformField(fields.slug)} label={t("fields.slug")} hint={t("fields.slugHint")} />

          <fieldset className="space-y-4 rounded border border-slate-300 p-4">
            <legend className="px-1 text-lg font-semibold">{t("fields.buyerProfile")}</legend>
            <Select field={conformField(fields.buyerSector)} label={t("fields.buyerSector")} placeholder={t("fields.choose")} options={options(BUYER_SECTORS, "sectors")} />
            <Select
              field={conformField(fields.region)}
              label={t("fields.region")}
              placeholder={t("fields.choose")}
              options={REGIONS.map((r) => ({ value: r, label: t(`common:regions.${r}`) }))}
            />
          </fieldset>

          <fieldset className="space-y-4 rounded border border-slate-300 p-4">
            <legend className="px-1 text-lg font-semibold">{t("fields.vendorProfile")}</legend>
            <Select field={conformField(fields.vendorSize)} label={t("fields.vendorSize")} placeholder={t("fields.choose")} options={options(VENDOR_SIZES, "sizes")} />
            <TextArea field={conformField(fields.cpvAreas)} label={t("fields.cpvAreas")} hint={t("fields.cpvAreasHint")} rows={2} />
            <Choices
              field={conformField(fields.standards)}
              legend={t("fields.standards")}
              type="checkbox"
              options={standards.map((s) => ({ value: s.id, label: s.name }))}
            />
          </fieldset>

          <Field field={conformField(fields.website)} label={t("fields.website")} type="url" autoComplete="url" />
          <TextArea field={conformField(fields.description)} label={t("fields.description")} />
          <SubmitButton>{t("create.submit")}</SubmitButton>
        </Form>
      </section>
    </ProblemScope>
  );
}
