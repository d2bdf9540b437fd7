import { getCollectionProps, getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { FieldErrors, FormErrors, SubmitButton, Field, conformField, ProblemScope } from "~/components/forms";
import { ASSESSMENTS, CONCERN_CATEGORIES, INTERACTION_CHANNELS } from "~/domain/conduct";
import { InteractionSchema, namesFromLines } from "~/domain/conduct-forms";
import { toZonedLocal } from "~/domain/zoned-time";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { getCurrentVersion } from "~/models/conduct.server";
import { getInteractionForViewer, listCounterpartChoices, listEventChoices, listOwnMembers } from "~/models/interaction-reads.server";
import { logInteraction, type InteractionParticipant } from "~/models/interactions.server";
import { absoluteUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { notFound } from "~/http/responses.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { fieldErrors } from "~/domain/problems";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

/** The entry a correction replaces: only the organisation that logged it, and only once. */
async function entryToCorrect(id: string | null, member: Awaited<ReturnType<typeof requireMember>>) {
  if (!id) return null;
  const view = await getInteractionForViewer(db(), id, { userId: member.user.id, isOperator: false });
  if (!view || !view.canSupersede || view.entry.organisationId !== member.organisation.id) notFound();
  return view.entry;
}

interface InteractionDefaults {
  counterpartId?: string;
  occurredAt?: string;
  channel?: string;
  ownParticipants?: string[];
  ownOthers?: string;
  counterpartNames?: string;
  eventId?: string;
  subject?: string;
  summary?: string;
  clauses?: string[];
  assessment?: string;
  concernCategory?: string;
  concernDescription?: string;
  supersedesId?: string;
}

export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const t = fixedT(await getLanguage(args.request), "conduct");
  const old = await entryToCorrect(new URL(args.request.url).searchParams.get("supersedes"), member);
  const [counterparts, events, members, version] = await Promise.all([
    listCounterpartChoices(db(), member.organisation.id),
    listEventChoices(db(), member.organisation.id),
    listOwnMembers(db(), member.organisation.id),
    getCurrentVersion(db()),
  ]);
  const defaults: InteractionDefaults = old
    ? {
        counterpartId: old.counterpartId,
        occurredAt: toZonedLocal(new Date(old.occurredAt)),
        channel: old.channel,
        ownParticipants: old.participants.filter((p) => p.side === "own" && p.userId).map((p) => p.userId!),
        ownOthers: old.participants.filter((p) => p.side === "own" && !p.userId).map((p) => p.name).join("\n"),
        counterpartNames: old.participants.filter((p) => p.side === "counterpart").map((p) => p.name).join("\n"),
        eventId: old.eventId ?? "",
        subject: old.subject,
        summary: old.summary,
        clauses: old.clauses.map(String),
        assessment: old.assessment,
        concernCategory: old.concernCategory ?? "",
        concernDescription: old.concernDescription ?? "",
        supersedesId: old.id,
      }
    : { ownParticipants: [member.user.id], assessment: "in_line" };
  return json({
    title: `${old ? t("form.correctionTitle") : t("form.title")} – Markedsdialog`,
    organisation: member.organisation,
    correcting: old ? { id: old.id, counterpartName: old.counterpartName } : null,
    counterparts,
    events,
    members,
    version: version ? { number: version.number, clauses: version.clauses } : null,
    defaults,
  });
}

export async function action(args: ActionFunctionArgs) {
  const member = await requireMember(args);
  const formData = await readFormData(args.request);
  const submission = parseWithZod(formData, { schema: InteractionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const v = submission.value;
  const members = await listOwnMembers(db(), member.organisation.id);
  const participants: InteractionParticipant[] = [
    ...(v.ownParticipants ?? []).map((id) => ({ side: "own" as const, userId: id, name: members.find((m) => m.id === id)?.name ?? "" })),
    ...namesFromLines(v.ownOthers).map((name) => ({ side: "own" as const, userId: null, name })),
    ...namesFromLines(v.counterpartNames).map((name) => ({ side: "counterpart" as const, userId: null, name })),
  ];
  const result = await logInteraction(
    db(),
    {
      organisationId: member.organisation.id,
      counterpartId: v.counterpartId,
      loggedBy: member.user.id,
      occurredAt: v.occurredAt,
      channel: v.channel,
      participants,
      eventId: v.eventId ?? null,
      subject: v.subject,
      summary: v.summary,
      clauses: v.clauses ?? [],
      assessment: v.assessment,
      concernCategory: v.concernCategory ?? null,
      concernDescription: v.concernDescription ?? null,
      supersedesId: v.supersedesId ?? null,
    },
    { entryUrl: (id) => absoluteUrl(`/interactions/${id}`) },
  );
  if (!result.ok) return json(submission.reply({ fieldErrors: fieldErrors(result) }), { status: FAILURE_STATUS[result.reason] });
  return redirect(`/interactions/${result.value.id}?logged=1`);
}

const inputClass = "mt-1 block w-full rounded border border-slate-400 px-3 py-2";
const fieldsetClass = "space-y-1 rounded border border-slate-300 p-3";

export default function NewInteraction() {
  const { organisation, correcting, counterparts, events, members, version, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("conduct");
  const { t: tf, i18n } = useTranslation("forms");
  const language = i18n.language as Language;
  const [form, fields] = useForm({
    id: "interaction",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InteractionSchema }),
  });

  return (
    <ProblemScope first="forms">
      <div className="mx-auto max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold">{correcting ? t("form.correctionTitle") : t("form.title")}</h1>
        {correcting ? <p className="text-slate-700">{t("form.correctionLead")}</p> : null}
        <Form method="post" {...getFormProps(form)} className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {form.errors?.length || (lastResult && lastResult.status === "error") ? <FormErrors errors={[tf("errorSummary")]} /> : null}
          {correcting ? (
            <>
              <input type="hidden" name="supersedesId" value={correcting.id} />
              <input type="hidden" name="counterpartId" value={defaults.counterpartId} />
              <p>
                <strong>{t("form.counterpart")}:</strong> {correcting.counterpartName}
              </p>
            </>
          ) : (
            <div>
              <label htmlFor={fields.counterpartId.id} className="block font-medium">
                {t("form.counterpart")}
              </label>
              <select {...getSelectProps(fields.counterpartId)} key={fields.counterpartId.key} className={inputClass}>
                <option value="">{t("form.chooseCounterpart")}</option>
                {counterparts.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              <FieldErrors id={fields.counterpartId.errorId} errors={fields.counterpartId.errors} />
            </div>
          )}

          <div>
            <label htmlFor={fields.occurredAt.id} className="block font-medium">
              {t("form.occurredAt")}
            </label>
            <input {...getInputProps(fields.occurredAt, { type: "datetime-local" })} key={fields.occurredAt.key} className={inputClass} />
            <FieldErrors id={fields.occurredAt.errorId} errors={fields.occurredAt.errors} />
          </div>

          <fieldset className={fieldsetClass} aria-describedby={fields.channel.errors ? fields.channel.errorId : undefined}>
            <legend className="px-1 font-medium">{t("form.channel")}</legend>
            {getCollectionProps(fields.channel, { type: "radio", options: [...INTERACTION_CHANNELS] }).map(({ key, ...props }) => (
              <label key={key} className="flex items-center gap-2">
                <input {...props} key={key} /> {t(`channels.${props.value as (typeof INTERACTION_CHANNELS)[number]}`)}
              </label>
            ))}
            <FieldErrors id={fields.channel.errorId} errors={fields.channel.errors} />
          </fieldset>

          <fieldset className={fieldsetClass}>
            <legend className="px-1 font-medium">{t("form.ownParticipants", { organisation: organisation.name })}</legend>
            {getCollectionProps(fields.ownParticipants, { type: "checkbox", options: members.map((m) => m.id) }).map(({ key, ...props }) => (
              <label key={key} className="flex items-center gap-2">
                <input {...props} key={key} /> {members.find((m) => m.id === props.value)?.name}
              </label>
            ))}
            <FieldErrors id={fields.ownParticipants.errorId} errors={fields.ownParticipants.errors} />
          </fieldset>
          <div>
            <label htmlFor={fields.ownOthers.id} className="block font-medium">
              {t("form.ownOthers")}
            </label>
            <textarea {...getTextareaProps(fields.ownOthers)} key={fields.ownOthers.key} rows={2} className={inputClass} />
            <FieldErrors id={fields.ownOthers.errorId} errors={fields.ownOthers.errors} />
          </div>
          <div>
            <label htmlFor={fields.counterpartNames.id} className="block font-medium">
              {t("form.counterpartParticipants")}
            </label>
            <textarea {...getTextareaProps(fields.counterpartNames)} key={fields.counterpartNames.key} rows={2} className={inputClass} />
            <FieldErrors id={fields.counterpartNames.errorId} errors={fields.counterpartNames.errors} />
          </div>

          <div>
            <label htmlFor={fields.eventId.id} className="block font-medium">
              {t("form.event")}
            </label>
            <select {...getSelectProps(fields.eventId)} key={fields.eventId.key} className={inputClass}>
              <option value="">{t("form.noEvent")}</option>
              {events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title} ({e.buyerName})
                </option>
              ))}
            </select>
            <FieldErrors id={fields.eventId.errorId} errors={fields.eventId.errors} />
          </div>

          <Field field={conformField(fields.subject)} label={t("form.subject")} />
          <div>
            <label htmlFor={fields.summary.id} className="block font-medium">
              {t("form.summary")}
            </label>
            <textarea {...getTextareaProps(fields.summary)} key={fields.summary.key} rows={5} className={inputClass} />
            <FieldErrors id={fields.summary.errorId} errors={fields.summary.errors} />
          </div>

          {version ? (
            <fieldset className={fieldsetClass}>
              <legend className="px-1 font-medium">{t("form.clauses", { number: version.number })}</legend>
              {getCollectionProps(fields.clauses, { type: "checkbox", options: version.clauses.map((c) => String(c.number)) }).map(({ key, ...props }) => {
                const clause = version.clauses.find((c) => String(c.number) === props.value)!;
                return (
                  <label key={key} className="flex items-center gap-2">
                    <input {...props} key={key} /> {clause.number}. {language === "en" ? clause.titleEn : clause.titleNb}
                  </label>
                );
              })}
              <FieldErrors id={fields.clauses.errorId} errors={fields.clauses.errors} />
            </fieldset>
          ) : null}

          <fieldset className={fieldsetClass}>
            <legend className="px-1 font-medium">{t("form.assessment")}</legend>
            {getCollectionProps(fields.assessment, { type: "radio", options: [...ASSESSMENTS] }).map(({ key, ...props }) => (
              <label key={key} className="flex items-center gap-2">
                <input {...props} key={key} /> {t(`assessments.${props.value as (typeof ASSESSMENTS)[number]}`)}
              </label>
            ))}
            <FieldErrors id={fields.assessment.errorId} errors={fields.assessment.errors} />
          </fieldset>
          <div>
            <label htmlFor={fields.concernCategory.id} className="block font-medium">
              {t("form.category")}
            </label>
            <select {...getSelectProps(fields.concernCategory)} key={fields.concernCategory.key} className={inputClass}>
              <option value="">{t("form.chooseCategory")}</option>
              {CONCERN_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
            <FieldErrors id={fields.concernCategory.errorId} errors={fields.concernCategory.errors} />
          </div>
          <div>
            <label htmlFor={fields.concernDescription.id} className="block font-medium">
              {t("form.concernDescription")}
            </label>
            <p id={`${fields.concernDescription.id}-hint`} className="text-sm text-slate-600">
              {t("form.concernHint")}
            </p>
            <textarea
              {...getTextareaProps(fields.concernDescription, { ariaDescribedBy: `${fields.concernDescription.id}-hint` })}
              key={fields.concernDescription.key}
              rows={4}
              className={inputClass}
            />
            <FieldErrors id={fields.concernDescription.errorId} errors={fields.concernDescription.errors} />
          </div>
          <FieldErrors id={fields.supersedesId.errorId} errors={fields.supersedesId.errors} />
          <SubmitButton>{correcting ? t("form.submitCorrection") : t("form.submit")}</SubmitButton>
        </Form>
      </div>
    </ProblemScope>
  );
}
