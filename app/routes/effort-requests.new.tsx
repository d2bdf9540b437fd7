import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { Choices, EffortFields, ExpectationFields, Field, PrinciplesSource, ProblemSummary, Select, SubmitButton, TextArea, recordField, type Values } from "~/components/forms";
import { EFFORT_REQUEST_WORK, effortRequestFormToInput } from "~/domain/effort-requests";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { comingQuarters } from "~/domain/quarters";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { createEffortRequest, effortRequestFormOptions } from "~/models/effort-requests.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

const fieldId = (name: string) => `effort-${name.replace(/\./g, "-")}`;

// Members of a buyer organisation ask vendors for work, through the predictability gate.
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args, { kind: "buyer" });
  const t = fixedT(await getLanguage(args.request), "effort");
  const options = await effortRequestFormOptions(db(), member.organisation.id);
  const eventId = new URL(args.request.url).searchParams.get("eventId") ?? "";
  const values: Values = { eventId: options.events.some((e) => e.id === eventId) ? eventId : "", "expectation.status": "" };
  return json({ title: `${t("new.title")} – Markedsdialog`, options, quarters: comingQuarters(new Date()), values });
}

export async function action(args: ActionFunctionArgs) {
  const member = await requireMember(args, { kind: "buyer" });
  const formData = await readFormData(args.request);
  const baseUrl = publicBaseUrl();
  const result = await createEffortRequest(db(), member, effortRequestFormToInput(formData), { baseUrl });
  if (result.ok) return redirect(`/effort-requests/${result.value.id}?done=sent`);
  const status = result.reason === "refused" ? 422 : 400;
  return json({ values: submittedValues(formData), problems: result.problems, errors: fieldErrors(result.problems) }, { status });
}

export default function NewEffortRequest() {
  const { options, quarters, values: initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("effort");
  const state = { values: result?.values ?? initial, errors: result?.errors ?? {} };
  const fieldOf = (name: string) => recordField(name, state, fieldId);
  const eventsOf = (vendorId: string) => options.events.filter((e) => e.vendorIds.includes(vendorId)).map((e) => e.title);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("new.title")}</h1>
        <p className="text-slate-700">{t("new.lead")}</p>
      </div>
      <ProblemSummary problems={result?.problems ?? []} heading={t("new.problemsHeading")} idOf={fieldId} />
      <Form method="post" noValidate className="space-y-8">
        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-xl font-semibold">{t("new.what")}</legend>
          <Field field={fieldOf("title")} label={t("new.titleLabel")} />
          <TextArea field={fieldOf("description")} label={t("new.description")} />
          <EffortFields fieldOf={fieldOf} work={EFFORT_REQUEST_WORK} />
          <Field field={fieldOf("deadline")} type="datetime-local" label={t("new.deadline")} />
        </fieldset>
        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-xl font-semibold">{t("new.to")}</legend>
          <Select field={fieldOf("eventId")} label={t("new.eventId")} hint={t("new.eventHint")} placeholder={t("new.noEvent")} options={options.events.map((e) => ({ value: e.id, label: e.title }))} />
          <Choices
            field={fieldOf("recipients")}
            legend={t("new.recipients")}
            type="checkbox"
            options={options.vendors.map((v) => {
              const events = eventsOf(v.id);
              return { value: v.id, label: events.length ? `${v.name} (${t("new.registeredOn", { events: events.join(", ") })})` : v.name };
            })}
          />
        </fieldset>
        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-xl font-semibold">{t("new.expectation")}</legend>
          <ExpectationFields fieldOf={fieldOf} quarters={quarters} inherit={{ label: t("new.fromEvent"), hint: t("new.expectationHint") }} />
        </fieldset>
        <p className="text-sm text-slate-700">{t("new.countedPublicly")}</p>
        <PrinciplesSource />
        <SubmitButton>{t("new.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
