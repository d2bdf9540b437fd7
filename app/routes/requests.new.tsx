import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { Field, ProblemScope, ProblemSummary, Select, SubmitButton, TextArea, recordField, type Values } from "~/components/forms";
import { CLARIFICATION_TOPICS, VENDOR_REQUEST_TYPES, vendorRequestFormToInput } from "~/domain/vendor-requests";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { createVendorRequest, vendorRequestFormOptions } from "~/models/vendor-requests.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

const fieldId = (name: string) => `request-${name}`;

// A vendor member writes to a buyer organisation's commercial contact point.
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args, { kind: "vendor" });
  const t = fixedT(await getLanguage(args.request), "requests");
  const options = await vendorRequestFormOptions(db(), member.organisation.id);
  const buyerId = new URL(args.request.url).searchParams.get("buyerId") ?? "";
  const values: Values = { buyerId: options.buyers.some((b) => b.id === buyerId) ? buyerId : "" };
  return json({ title: `${t("new.title")} – Markedsdialog`, options, values });
}

export async function action(args: ActionFunctionArgs) {
  const member = await requireMember(args, { kind: "vendor" });
  const form = await readFormData(args.request);
  const result = await createVendorRequest(db(), member, vendorRequestFormToInput(form), { baseUrl: publicBaseUrl() });
  if (result.ok) return redirect(`/requests/${result.value.id}?done=${result.value.toAdmins ? "sentToAdmins" : "sent"}`);
  return json({ values: submittedValues(form), problems: result.problems, errors: fieldErrors(result.problems) }, { status: FAILURE_STATUS[result.reason] });
}

export default function NewRequest() {
  const { options, values: initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("requests");
  const state = { values: result?.values ?? initial, errors: result?.errors ?? {} };
  const fieldOf = (name: string) => recordField(name, state, fieldId);
  const buyerName = new Map(options.buyers.map((b) => [b.id, b.name]));
  return (
    <ProblemScope first="requests:problems">
      <div className="max-w-3xl space-y-6">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{t("new.title")}</h1>
          <p className="text-slate-700">{t("new.lead")}</p>
        </div>
        <ProblemSummary problems={result?.problems ?? []} heading={t("new.problemsHeading")} idOf={fieldId} />
        <Form method="post" noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <Select
            field={fieldOf("buyerId")}
            label={t("new.buyerId")}
            placeholder={t("new.choose")}
            options={options.buyers.map((b) => ({ value: b.id, label: b.hasContact ? b.name : t("new.noContact", { name: b.name }) }))}
          />
          <Select field={fieldOf("type")} label={t("new.type")} placeholder={t("new.choose")} options={VENDOR_REQUEST_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))} />
          <Select field={fieldOf("topic")} label={t("new.topic")} hint={t("new.topicHint")} placeholder={t("new.noTopic")} options={CLARIFICATION_TOPICS.map((v) => ({ value: v, label: t(`topics.${v}`) }))} />
          <Field field={fieldOf("subject")} label={t("new.subject")} />
          <TextArea field={fieldOf("body")} label={t("new.body")} rows={8} />
          <Select
            field={fieldOf("eventId")}
            label={t("new.eventId")}
            hint={t("new.linkHint")}
            placeholder={t("new.none")}
            options={options.events.map((e) => ({ value: e.id, label: `${buyerName.get(e.buyerId) ?? ""}: ${e.title}` }))}
          />
          <Select
            field={fieldOf("contractId")}
            label={t("new.contractId")}
            placeholder={t("new.none")}
            options={options.contracts.map((c) => ({ value: c.id, label: `${buyerName.get(c.buyerId) ?? ""}: ${c.title}` }))}
          />
          <SubmitButton>{t("new.submit")}</SubmitButton>
        </Form>
      </div>
    </ProblemScope>
  );
}
