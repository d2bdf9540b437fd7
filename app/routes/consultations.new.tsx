import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { Choices, Field, NumberField, ProblemScope, ProblemSummary, Select, SubmitButton, TextArea, recordField, type Values } from "~/components/forms";
import { CONSULTATION_SUBJECTS, consultationFormToInput } from "~/domain/consultations";
import { EFFORT_LEVELS } from "~/domain/events";
import { submittedValues } from "~/domain/form-entries";
import { BUYER_SECTORS, VENDOR_SIZES } from "~/domain/organisations";
import { fieldErrors } from "~/domain/problems";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readFormData } from "~/http/form-data.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { createConsultation } from "~/models/consultations.server";
import { requireOrganiser } from "./consultations+shared/viewer.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

const fieldId = (name: string) => `consultation-${name.replace(/\./g, "-")}`;

// Members of a buyer organisation, and operators (for the code of conduct), open a consultation.
export async function loader(args: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(args);
  const t = fixedT(await getLanguage(args.request), "consultations");
  const version = new URL(args.request.url).searchParams.get("conductVersion") ?? "";
  const forConduct = organiser.isOperator && /^\d{1,6}$/.test(version);
  const values: Values = { subject: forConduct ? "conduct_version" : "", conductVersion: forConduct ? version : "", effortLevel: "light" };
  return json({ title: `${t("new.title")} – Markedsdialog`, isOperator: organiser.isOperator, values });
}

export async function action(args: ActionFunctionArgs) {
  const organiser = await requireOrganiser(args);
  const form = await readFormData(args.request);
  const result = await createConsultation(db(), organiser, consultationFormToInput(form), { baseUrl: publicBaseUrl() });
  if (result.ok) return redirect(`/consultations/${result.value.id}?done=created`);
  return json({ values: submittedValues(form), problems: result.problems, errors: fieldErrors(result.problems) }, { status: FAILURE_STATUS[result.reason] });
}

export default function NewConsultation() {
  const { isOperator, values: initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["consultations", "organisations"]);
  const state = { values: result?.values ?? initial, errors: result?.errors ?? {} };
  const fieldOf = (name: string) => recordField(name, state, fieldId);
  return (
    <ProblemScope first="consultations:errors">
      <div className="max-w-3xl space-y-6">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{t("new.title")}</h1>
          <p className="text-slate-700">{t("new.lead")}</p>
        </div>
        <ProblemSummary problems={result?.problems ?? []} heading={t("new.problemsHeading")} idOf={fieldId} />
        <Form method="post" noValidate className="space-y-8">
          <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
            <legend className="px-1 text-xl font-semibold">{t("new.about")}</legend>
            <Field field={fieldOf("caseNumber")} label={t("new.caseNumber")} />
            <Field field={fieldOf("title")} label={t("new.titleLabel")} />
            <TextArea field={fieldOf("summary")} label={t("new.summary")} rows={5} />
            <Select
              field={fieldOf("subject")}
              label={t("new.subject")}
              placeholder={t("new.choose")}
              options={CONSULTATION_SUBJECTS.filter((s) => isOperator || s !== "conduct_version").map((s) => ({ value: s, label: t(`subjects.${s}`) }))}
            />
            {isOperator ? <NumberField field={fieldOf("conductVersion")} label={t("new.conductVersion")} hint={t("new.conductVersionHint")} /> : null}
            <TextArea field={fieldOf("questions")} label={t("new.questions")} hint={t("new.questionsHint")} rows={5} />
            <TextArea field={fieldOf("documentLinks")} label={t("new.documentLinks")} hint={t("new.documentLinksHint")} rows={3} />
          </fieldset>
          <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
            <legend className="px-1 text-xl font-semibold">{t("new.effort")}</legend>
            <Field field={fieldOf("deadline")} type="datetime-local" label={t("new.deadline")} />
            <Choices field={fieldOf("effortLevel")} legend={t("new.effortLevel")} type="radio" options={EFFORT_LEVELS.map((l) => ({ value: l, label: t(`effortLevels.${l}`) }))} />
            <NumberField field={fieldOf("hoursPerResponder")} label={t("new.hoursPerResponder")} hint={t("new.hoursHint")} />
          </fieldset>
          <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
            <legend className="px-1 text-xl font-semibold">{t("new.targets")}</legend>
            <Choices field={fieldOf("targetSectors")} legend={t("new.targetSectors")} type="checkbox" options={BUYER_SECTORS.map((s) => ({ value: s, label: t(`organisations:sectors.${s}`) }))} />
            <Choices field={fieldOf("targetVendorSizes")} legend={t("new.targetVendorSizes")} type="checkbox" options={VENDOR_SIZES.map((s) => ({ value: s, label: t(`organisations:sizes.${s}`) }))} />
            <TextArea field={fieldOf("invited")} label={t("new.invited")} hint={t("new.invitedHint")} rows={3} />
          </fieldset>
          <SubmitButton>{t("new.submit")}</SubmitButton>
        </Form>
      </div>
    </ProblemScope>
  );
}
