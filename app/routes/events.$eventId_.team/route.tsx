import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { Choices, FormErrors, Notice, ProblemScope, SubmitButton, recordField } from "~/components/forms";
import { list, text } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { notFound } from "~/http/responses.server";
import { eventTeamPage, setEventTeam } from "~/models/event-responses.server";

// The event's team (issue 17, ADR 0036): the buyer's admin names the members who read the parts
// of responses vendors marked as business secrets (none named: the admins), and whether only
// registered vendors may respond. The buyer organisation's admins only.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const result = await eventTeamPage(db(), user, args.params.eventId ?? "");
  if (!result.ok) return result.reason === "forbidden" ? forbidden(args.request) : notFound();
  return json({ ...result.value, saved: new URL(args.request.url).searchParams.get("saved") === "1" });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const form = await readFormData(args.request);
  const eventId = args.params.eventId ?? "";
  const requireRegistration = text(form, "requireRegistration");
  if (!["", "on"].includes(requireRegistration)) return json({ errors: { requireRegistration: ["invalid_value"] } }, { status: 400 });
  const result = await setEventTeam(db(), user, eventId, { members: list(form, "members"), requireRegistration: requireRegistration === "on" });
  if (result.ok) return redirect(`/events/${eventId}/team?saved=1`);
  if (result.reason === "not_found") notFound();
  if (result.reason === "forbidden") forbidden(args.request);
  return json({ errors: fieldErrors(result.problems) }, { status: FAILURE_STATUS[result.reason] });
}

export default function TeamPage() {
  const { event, named, members, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("responses");
  const field = recordField("members", { values: { members: members.filter((m) => m.inTeam).map((m) => m.id) }, errors: reply?.errors ?? {} }, (n) => `team-${n}`);
  return (
    <ProblemScope first="responses:problems">
      <div className="max-w-3xl space-y-6">
        <p>
          <Link to={`/events/${event.id}/responses`} className="text-brand-700 underline hover:text-brand-800">
            {t("buyer.backToList")}
          </Link>
        </p>
        <h1 className="break-words text-3xl font-bold">{t("team.title", { title: event.title })}</h1>
        <p className="text-slate-700">{t("team.lead")}</p>
        {saved && !reply ? <Notice>{t("team.saved")}</Notice> : null}
        {named ? null : <p className="rounded border border-slate-300 bg-slate-50 p-3">{t("team.defaultTeam")}</p>}
        <Form method="post" className="space-y-4 rounded border border-slate-300 bg-white p-4">
          <FormErrors errors={reply?.errors.requireRegistration} />
          <Choices field={field} legend={t("team.members")} type="checkbox" options={members.map((m) => ({ value: m.id, label: `${m.name} (${t(`team.role.${m.role}`)})` }))} />
          <label className="flex items-start gap-2">
            <input type="checkbox" name="requireRegistration" value="on" defaultChecked={event.responsesRequireRegistration} className="mt-1 h-4 w-4" />
            <span>{t("team.requireRegistration")}</span>
          </label>
          <SubmitButton>{t("team.save")}</SubmitButton>
        </Form>
      </div>
    </ProblemScope>
  );
}
