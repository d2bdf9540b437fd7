import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireMember, requireMemberForForm } from "~/auth/guards.server";
import { FormErrors, ProblemScope } from "~/components/forms";
import { fieldErrors } from "~/domain/problems";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { createContract } from "~/models/contracts.server";
import { getBuyerEventTitle } from "~/models/contract-reads.server";
import { listVendorChoices } from "~/models/organisations.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { notFoundUnless } from "~/http/responses.server";
import { formNames, parseContract } from "./contract-input";
import { ContractFields } from "./contract-fields";

// A buyer records a contract: the one its procured event led to (?eventId=…), or an agreement
// from before the portal. Members of buyer organisations only.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args, { kind: "buyer" });
  const eventId = new URL(args.request.url).searchParams.get("eventId");
  const event = eventId ? notFoundUnless(await getBuyerEventTitle(db(), member.organisation.id, eventId)) : null;
  const t = fixedT(await getLanguage(args.request), "contracts");
  return json({ title: t("new.title"), organisationId: member.organisation.id, event, vendors: await listVendorChoices(db()) });
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readFormData(args.request);
  const member = await requireMemberForForm(args, formData, { kind: "buyer" });
  const submission = parseContract(formData);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createContract(db(), { userId: member.user.id, organisationId: member.organisation.id }, submission.value);
  if (!result.ok) {
    if (result.reason === "forbidden") forbidden(args.request);
    return json(submission.reply({ fieldErrors: formNames(fieldErrors(result)) }), { status: FAILURE_STATUS[result.reason] });
  }
  return redirect(`/contracts/${result.value.contractId}?saved=created`);
}

export default function NewContract() {
  const { title, organisationId, event, vendors } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("contracts");
  const [form] = useForm({
    id: "new-contract",
    lastResult,
    defaultValue: { eventId: event?.id ?? "" },
    onValidate: ({ formData }) => parseContract(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <ProblemScope first="forms">
      <div className="max-w-3xl space-y-6">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{title}</h1>
          <p className="text-slate-700">{t("new.lead")}</p>
          {event ? <p className="font-medium">{t("new.forEvent", { title: event.title })}</p> : null}
        </div>
        <Form method="post" {...getFormProps(form)} className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="organisationId" value={organisationId} />
          <ContractFields form={form} vendors={vendors} withTitleHint={event !== null} />
        </Form>
      </div>
    </ProblemScope>
  );
}
