import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { FieldErrors, FormErrors, SubmitButton, ProblemScope } from "~/components/forms";
import { InteractionSchema, namesFromLines } from "~/domain/conduct-forms";
import { fieldErrors } from "~/domain/problems";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { getCurrentVersion } from "~/models/conduct.server";
import { listCounterpartChoices, listEventChoices, listOwnMembers } from "~/models/interaction-reads.server";
import { logInteraction, type InteractionParticipant } from "~/models/interactions.server";
import { absoluteUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { correctionDefaults, entryToCorrect, type InteractionDefaults } from "./correction.server";
import { AccountFields, EncounterFields, useInteractionForm } from "./interaction-fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

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
  const defaults: InteractionDefaults = old ? correctionDefaults(old) : { ownParticipants: [member.user.id], assessment: "in_line" };
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

export default function NewInteraction() {
  const { organisation, correcting, counterparts, events, members, version, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("conduct");
  const { t: tf } = useTranslation("forms");
  const [form, fields] = useInteractionForm(lastResult, defaults);

  return (
    <ProblemScope first="forms">
      <div className="mx-auto max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold">{correcting ? t("form.correctionTitle") : t("form.title")}</h1>
        {correcting ? <p className="text-slate-700">{t("form.correctionLead")}</p> : null}
        <Form method="post" {...getFormProps(form)} className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {form.errors?.length || (lastResult && lastResult.status === "error") ? <FormErrors errors={[tf("errorSummary")]} /> : null}
          <EncounterFields fields={fields} correcting={correcting} defaults={defaults} organisation={organisation} counterparts={counterparts} members={members} events={events} />
          <AccountFields fields={fields} version={version} />
          <FieldErrors id={fields.supersedesId.errorId} errors={fields.supersedesId.errors} />
          <SubmitButton>{correcting ? t("form.submitCorrection") : t("form.submit")}</SubmitButton>
        </Form>
      </div>
    </ProblemScope>
  );
}
