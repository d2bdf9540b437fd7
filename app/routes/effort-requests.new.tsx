import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { Choices, ErrorText, Field, fieldId, formValues, ProblemSummary, errorsByField, type Values } from "~/components/effort-fields";
import { EFFORT_REQUEST_WORK, effortRequestFormToInput } from "~/domain/effort-requests";
import { EXPECTATION_STATUSES } from "~/domain/events";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { createEffortRequest, effortRequestFormOptions } from "~/models/effort-requests.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Members of a buyer organisation ask vendors for work, through the predictability gate.
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args, { kind: "buyer" });
  const t = fixedT(await getLanguage(args.request), "effort");
  const options = await effortRequestFormOptions(db(), member.organisation.id);
  const eventId = new URL(args.request.url).searchParams.get("eventId") ?? "";
  const values: Values = { eventId: options.events.some((e) => e.id === eventId) ? eventId : "", kindsOfWork: [], recipients: [] };
  return json({ title: `${t("new.title")} – Markedsdialog`, options, values });
}

export async function action(args: ActionFunctionArgs) {
  const member = await requireMember(args, { kind: "buyer" });
  const formData = await readFormData(args.request);
  const baseUrl = publicBaseUrl();
  const result = await createEffortRequest(db(), member, effortRequestFormToInput(formData), { baseUrl });
  if (result.ok) return redirect(`/effort-requests/${result.value.id}?done=sent`);
  const status = result.reason === "refused" ? 422 : 400;
  return json({ values: formValues(formData), problems: result.problems, errors: errorsByField(result.problems) }, { status });
}

export default function NewEffortRequest() {
  const { options, values: initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["effort", "events"]);
  const values = result?.values ?? initial;
  const errors = result?.errors ?? {};
  const eventsOf = (vendorId: string) => options.events.filter((e) => e.vendorIds.includes(vendorId)).map((e) => e.title);
  const statusInvalid = Boolean(errors["expectation.status"]?.length);
  const status = typeof values["expectation.status"] === "string" ? values["expectation.status"] : "";
  const eventValue = typeof values.eventId === "string" ? values.eventId : "";
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("new.title")}</h1>
        <p className="text-slate-700">{t("new.lead")}</p>
      </div>
      <ProblemSummary problems={result?.problems ?? []} heading={t("new.problemsHeading")} />
      <Form method="post" noValidate className="space-y-8">
        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-xl font-semibold">{t("new.what")}</legend>
          <Field name="title" label={t("new.titleLabel")} values={values} errors={errors} />
          <Field name="description" label={t("new.description")} values={values} errors={errors} rows={4} />
          <Choices name="kindsOfWork" legend={t("new.kindsOfWork")} type="checkbox" values={values} errors={errors} options={EFFORT_REQUEST_WORK.map((w) => ({ value: w, label: t(`work.${w}`) }))} />
          <Field name="hoursPerVendor" label={t("new.hoursPerVendor")} values={values} errors={errors} />
          <Field name="deadline" type="datetime-local" label={t("new.deadline")} values={values} errors={errors} />
          <Field name="compensationNok" label={t("new.compensationNok")} values={values} errors={errors} />
          <Field name="compensationReason" label={t("new.compensationReason")} values={values} errors={errors} rows={3} />
        </fieldset>
        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-xl font-semibold">{t("new.to")}</legend>
          <div>
            <label htmlFor={fieldId("eventId")} className="block font-medium">
              {t("new.eventId")}
            </label>
            <p id={`${fieldId("eventId")}-hint`} className="text-sm text-slate-600">
              {t("new.eventHint")}
            </p>
            <select id={fieldId("eventId")} name="eventId" defaultValue={eventValue} aria-describedby={`${fieldId("eventId")}-hint`} className="mt-1 block w-full rounded border border-slate-400 px-3 py-2">
              <option value="">{t("new.noEvent")}</option>
              {options.events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
            <ErrorText name="eventId" errors={errors} />
          </div>
          <Choices
            name="recipients"
            legend={t("new.recipients")}
            type="checkbox"
            values={values}
            errors={errors}
            options={options.vendors.map((v) => {
              const events = eventsOf(v.id);
              return { value: v.id, label: events.length ? `${v.name} (${t("new.registeredOn", { events: events.join(", ") })})` : v.name };
            })}
          />
        </fieldset>
        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-xl font-semibold">{t("new.expectation")}</legend>
          <div>
            <label htmlFor={fieldId("expectation.status")} className="block font-medium">
              {t("new.expectationStatus")}
            </label>
            <p id={`${fieldId("expectation.status")}-hint`} className="text-sm text-slate-600">
              {t("new.expectationHint")}
            </p>
            <select
              id={fieldId("expectation.status")}
              name="expectation.status"
              defaultValue={status}
              aria-invalid={statusInvalid || undefined}
              aria-describedby={[`${fieldId("expectation.status")}-hint`, statusInvalid ? `${fieldId("expectation.status")}-error` : ""].join(" ").trim()}
              className={`mt-1 block w-full rounded border px-3 py-2 ${statusInvalid ? "border-red-700" : "border-slate-400"}`}
            >
              <option value="">{t("new.fromEvent")}</option>
              {EXPECTATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`page.expectationStatus.${s}`)}
                </option>
              ))}
            </select>
            <ErrorText name="expectation.status" errors={errors} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {(["budgetMinNok", "budgetMaxNok", "fundingSource", "expectedValueNok", "quantity", "unit", "expectedTenderQuarter", "expectedContractStart"] as const).map((f) => (
              <Field key={f} name={`expectation.${f}`} label={t(`new.${f}`)} values={values} errors={errors} />
            ))}
          </div>
        </fieldset>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("new.submit")}
        </button>
      </Form>
    </div>
  );
}
