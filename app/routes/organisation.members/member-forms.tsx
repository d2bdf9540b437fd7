import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ConfirmDisclosure, FormErrors, Select, SubmitButton, Field, conformField, validateOnBlur } from "~/components/forms";
import { commercialRoleFits } from "~/domain/memberships";
import { ChangeMemberSchema, CommercialContactSchema, InviteMemberSchema } from "~/domain/organisation-forms";
import { COMMERCIAL_ROLES, MEMBER_ROLES } from "~/domain/organisations";
import type { listMembers } from "~/models/memberships.server";

// The members page's forms: a member's role and removal, the commercial contact, and invitations.

/** The action's answer to a form: its result, and a notice after some saved changes. */
type MembersReply = { form: string; result: SubmissionResult<string[]>; notice: { key: string; values?: Record<string, string> } | null };
export type ActionData = SerializeFrom<MembersReply> | undefined;
type Member = SerializeFrom<Awaited<ReturnType<typeof listMembers>>[number]>;

export function resultFor(actionData: ActionData, form: string) {
  return actionData?.form === form ? (actionData.result as SubmissionResult<string[]>) : undefined;
}

export function MemberControls({
  member,
  organisation,
  actionData,
}: {
  member: Member;
  organisation: { id: string; isBuyer: boolean; isVendor: boolean };
  actionData: ActionData;
}) {
  const { t } = useTranslation("organisations");
  const formId = `member-${member.userId}`;
  const [form, fields] = useForm({
    id: formId,
    lastResult: resultFor(actionData, formId),
    defaultValue: { userId: member.userId, role: member.role, commercialRole: member.commercialRole ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangeMemberSchema }),
  });
  const removeResult = resultFor(actionData, `remove-${member.userId}`);
  const commercialRoles = COMMERCIAL_ROLES.filter((r) => commercialRoleFits(r, organisation));
  return (
    <div className="flex flex-wrap items-start gap-3">
      <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="change" />
        <input type="hidden" name="organisationId" value={organisation.id} />
        <input type="hidden" name="userId" value={member.userId} />
        <FormErrors errors={form.errors} />
        <Select field={conformField(fields.role)} label={t("members.role")} options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRoles.${r}`) }))} />
        <Select
          field={conformField(fields.commercialRole)}
          label={t("members.commercialRole")}
          placeholder={t("commercialRoles.none")}
          options={commercialRoles.map((r) => ({ value: r, label: t(`commercialRoles.${r}`) }))}
        />
        <button type="submit" aria-label={t("members.saveFor", { name: member.name })} className="rounded border border-slate-400 px-3 py-2 font-semibold">
          {t("members.save")}
        </button>
      </Form>
      <ConfirmDisclosure
        id={`remove-${member.userId}-confirm`}
        summary={t("members.removeFor", { name: member.name })}
        consequence={<p>{t("members.removeConsequence", { name: member.name })}</p>}
        submit={t("members.remove")}
        errors={removeResult?.error?.confirm ?? removeResult?.error?.[""]}
      >
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="organisationId" value={organisation.id} />
        <input type="hidden" name="userId" value={member.userId} />
      </ConfirmDisclosure>
    </div>
  );
}

export function ContactForm({ data, actionData }: { data: { organisation: { id: string; commercialContactUserId: string | null }; members: Member[] }; actionData: ActionData }) {
  const { t } = useTranslation("organisations");
  const [form, fields] = useForm({
    id: "contact",
    lastResult: resultFor(actionData, "contact"),
    defaultValue: { userId: data.organisation.commercialContactUserId ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommercialContactSchema }),
  });
  return (
    <section aria-labelledby="contact-title" className="max-w-xl space-y-3">
      <h2 id="contact-title" className="text-xl font-semibold">
        {t("members.contactHeading")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="contact" />
        <input type="hidden" name="organisationId" value={data.organisation.id} />
        <Select
          field={conformField(fields.userId)}
          label={t("members.contact")}
          hint={t("members.contactHint")}
          placeholder={t("members.contactNone")}
          options={data.members.map((m) => ({ value: m.userId, label: m.name }))}
        />
        <SubmitButton variant="secondary">{t("members.contactSave")}</SubmitButton>
      </Form>
    </section>
  );
}

export function InviteForm({ organisationId, actionData }: { organisationId: string; actionData: ActionData }) {
  const { t } = useTranslation("organisations");
  const [form, fields] = useForm({
    id: "invite",
    lastResult: resultFor(actionData, "invite"),
    defaultValue: { role: "member" },
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteMemberSchema }),
  });
  return (
    <section aria-labelledby="invite-title" className="max-w-xl space-y-3">
      <h2 id="invite-title" className="text-xl font-semibold">
        {t("members.inviteHeading")}
      </h2>
      <p>{t("members.inviteHint")}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="invite" />
        <input type="hidden" name="organisationId" value={organisationId} />
        <Field field={conformField(fields.email)} label={t("members.email_")} type="email" autoComplete="off" />
        <Select field={conformField(fields.role)} label={t("members.role")} options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRoles.${r}`) }))} />
        <SubmitButton>{t("members.invite")}</SubmitButton>
      </Form>
    </section>
  );
}
