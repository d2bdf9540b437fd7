import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors, SubmitButton, Field, conformField, ProblemScope, Select, TextArea, validateOnBlur } from "~/components/forms";
import { ContactSchema, FollowUpSchema, NoteSchema } from "~/domain/relationships";

// The private records of a relationship: one form per note, follow-up and contact,
// the same form for adding and (with `id`) editing. Without JavaScript the server
// validates with the same schema and the page shows the errors by the field.

export type FormResult = SubmissionResult<string[]> | undefined;

function Hidden({ intent, organisationId, id, returnTo }: { intent: string; organisationId: string; id?: string; returnTo?: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="organisationId" value={organisationId} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
    </>
  );
}

export function NoteForm({ organisationId, note, lastResult, cancelTo }: { organisationId: string; note?: { id: string; body: string }; lastResult: FormResult; cancelTo?: string }) {
  const { t } = useTranslation("relationships");
  const formId = note ? `edit-note-${note.id}` : "add-note";
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue: { body: note?.body },
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NoteSchema }),
  });
  return (
    <ProblemScope first="forms">
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Hidden intent={note ? "edit-note" : "add-note"} organisationId={organisationId} id={note?.id} />
        <FormErrors errors={form.errors} />
        <TextArea field={conformField(fields.body)} label={t("notes.body")} />
        <div className="flex items-center gap-4">
          <SubmitButton variant={note ? "primary" : "secondary"}>{note ? t("notes.save") : t("notes.add")}</SubmitButton>
          {cancelTo ? <Link to={cancelTo} className="text-brand-700 underline">{t("cancel")}</Link> : null}
        </div>
      </Form>
    </ProblemScope>
  );
}

export function FollowUpForm({
  organisationId,
  followUp,
  owners,
  defaultOwnerId,
  lastResult,
  cancelTo,
}: {
  organisationId: string;
  followUp?: { id: string; title: string; dueOn: string; ownerId: string | null };
  owners: { id: string; name: string }[];
  defaultOwnerId: string;
  lastResult: FormResult;
  cancelTo?: string;
}) {
  const { t } = useTranslation("relationships");
  const formId = followUp ? `edit-follow-up-${followUp.id}` : "add-follow-up";
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue: { title: followUp?.title, dueOn: followUp?.dueOn, ownerId: followUp?.ownerId ?? defaultOwnerId },
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FollowUpSchema }),
  });
  return (
    <ProblemScope first="forms">
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Hidden intent={followUp ? "edit-follow-up" : "add-follow-up"} organisationId={organisationId} id={followUp?.id} />
        <FormErrors errors={form.errors} />
        <Field field={conformField(fields.title)} label={t("followUps.title")} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field field={conformField(fields.dueOn)} label={t("followUps.dueOn")} type="date" />
          <Select field={conformField(fields.ownerId)} label={t("followUps.owner")} options={owners.map((o) => ({ value: o.id, label: o.name }))} />
        </div>
        <p className="text-sm text-slate-600">{t("followUps.reminderHint")}</p>
        <div className="flex items-center gap-4">
          <SubmitButton variant={followUp ? "primary" : "secondary"}>{followUp ? t("followUps.save") : t("followUps.add")}</SubmitButton>
          {cancelTo ? <Link to={cancelTo} className="text-brand-700 underline">{t("cancel")}</Link> : null}
        </div>
      </Form>
    </ProblemScope>
  );
}

export function ContactForm({
  organisationId,
  contact,
  lastResult,
  cancelTo,
}: {
  organisationId: string;
  contact?: { id: string; name: string; role: string | null; email: string | null; phone: string | null };
  lastResult: FormResult;
  cancelTo?: string;
}) {
  const { t } = useTranslation("relationships");
  const formId = contact ? `edit-contact-${contact.id}` : "add-contact";
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue: { name: contact?.name, role: contact?.role ?? undefined, email: contact?.email ?? undefined, phone: contact?.phone ?? undefined },
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ContactSchema }),
  });
  return (
    <ProblemScope first="forms">
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <Hidden intent={contact ? "edit-contact" : "add-contact"} organisationId={organisationId} id={contact?.id} />
        <FormErrors errors={form.errors} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field field={conformField(fields.name)} label={t("contacts.name")} inputProps={{ autoComplete: "off" }} />
          <Field field={conformField(fields.role)} label={t("contacts.role")} inputProps={{ autoComplete: "off" }} />
          <Field field={conformField(fields.email)} label={t("contacts.email")} type="email" inputProps={{ autoComplete: "off" }} />
          <Field field={conformField(fields.phone)} label={t("contacts.phone")} type="tel" inputProps={{ autoComplete: "off" }} />
        </div>
        <div className="flex items-center gap-4">
          <SubmitButton variant={contact ? "primary" : "secondary"}>{contact ? t("contacts.save") : t("contacts.add")}</SubmitButton>
          {cancelTo ? <Link to={cancelTo} className="text-brand-700 underline">{t("cancel")}</Link> : null}
        </div>
      </Form>
    </ProblemScope>
  );
}

/** A one-button form: delete a record, or mark a follow-up done/undone. */
export function RowAction({
  intent,
  organisationId,
  id,
  label,
  ariaLabel,
  danger = false,
  action,
  returnTo,
}: {
  intent: string;
  organisationId: string;
  id: string;
  label: string;
  ariaLabel: string;
  danger?: boolean;
  action?: string;
  returnTo?: string;
}) {
  return (
    <Form method="post" action={action} className="inline">
      <Hidden intent={intent} organisationId={organisationId} id={id} returnTo={returnTo} />
      <button type="submit" aria-label={ariaLabel} className={`rounded px-2 py-1 underline ${danger ? "text-red-800" : "text-brand-700"}`}>
        {label}
      </button>
    </Form>
  );
}
