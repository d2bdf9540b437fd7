import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember, requireMemberForForm } from "~/auth/guards.server";
import { Choices, FormErrors, Notice, ProblemScope, SubmitButton, conformField } from "~/components/forms";
import { SECOND_FACTOR_POLICIES, SecondFactorPolicySchema } from "~/domain/two-factor";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { audit } from "~/models/audit.server";
import { organisationSecondFactorPolicy, setSecondFactorPolicy } from "~/models/two-factor.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";

// An organisation's admins decide who must sign in with a second factor: nobody, admins, or everyone.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const { organisation } = await requireMember(args, { role: "admin" });
  const t = fixedT(await getLanguage(args.request), "organisations");
  const { policy, withoutFactor } = await organisationSecondFactorPolicy(db(), organisation.id);
  return json({ organisation: { id: organisation.id, name: organisation.name }, policy, withoutFactor, title: `${t("security.title")} – Markedsdialog` });
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readFormData(args.request);
  const { user, organisation } = await requireMemberForForm(args, formData, { role: "admin" });
  const submission = parseWithZod(formData, { schema: SecondFactorPolicySchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  const outcome = await setSecondFactorPolicy(db(), organisation.id, submission.value.policy);
  if (!outcome.ok) return json({ result: submission.reply(), saved: false }, { status: FAILURE_STATUS[outcome.reason] });
  if (outcome.value.changed) {
    await audit(db(), {
      action: "second_factor_policy_changed",
      actorUserId: user.id,
      organisationId: organisation.id,
      subject: organisation.name,
      ip: args.context.ip,
      details: { from: outcome.value.previous, to: submission.value.policy },
    });
  }
  return json({ result: submission.reply(), saved: true });
}

export default function OrganisationSecurity() {
  const { organisation, policy, withoutFactor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("organisations");
  const [form, fields] = useForm({
    id: `second-factor-policy-${organisation.id}`,
    lastResult: actionData?.result,
    defaultValue: { policy },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SecondFactorPolicySchema }),
  });
  return (
    <ProblemScope first="forms">
      <div className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold">{t("security.title")}</h1>
        <p className="text-slate-700">{t("security.lead", { organisation: organisation.name })}</p>
        {actionData?.saved ? <Notice>{t("security.saved")}</Notice> : null}
        <p>{t("security.withoutFactor", { admins: withoutFactor.admins, members: withoutFactor.members })}</p>
        <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <input type="hidden" name="organisationId" value={organisation.id} />
          <FormErrors errors={form.errors} />
          <Choices
            field={conformField(fields.policy)}
            legend={t("security.policy")}
            hint={t("security.policyHint")}
            type="radio"
            options={SECOND_FACTOR_POLICIES.map((value) => ({ value, label: t(`security.policies.${value}`) }))}
          />
          <SubmitButton>{t("security.save")}</SubmitButton>
        </Form>
      </div>
    </ProblemScope>
  );
}
