import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember, requireMemberForForm } from "~/auth/guards.server";
import { EndSessionSchema } from "~/auth/schemas";
import { Notice, ProblemScope } from "~/components/forms";
import { SessionList } from "~/components/session-list";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { audit } from "~/models/audit.server";
import { endMemberSession, listMemberSessions } from "~/models/sessions.server";
import { readFormData } from "~/http/form-data.server";
import { notFound } from "~/http/responses.server";

// An organisation's admins see where its members are signed in, and end a sign-in that does not belong.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const { organisation } = await requireMember(args, { role: "admin" });
  const t = fixedT(await getLanguage(args.request), "organisations");
  const members = await listMemberSessions(db(), organisation.id, args.context.auth?.sessionId ?? null);
  return json({ organisation: { id: organisation.id, name: organisation.name }, members, title: `${t("memberSessions.title")} – Markedsdialog` });
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readFormData(args.request);
  const { user, organisation } = await requireMemberForForm(args, formData, { role: "admin" });
  const submission = parseWithZod(formData, { schema: EndSessionSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), ended: null }, { status: 400 });
  // A session of someone outside the organisation gets the same answer as an unknown one.
  const ended = await endMemberSession(db(), organisation.id, submission.value.handle);
  if (!ended) notFound();
  await audit(db(), {
    action: "member_session_ended",
    actorUserId: user.id,
    organisationId: organisation.id,
    subject: ended.name,
    ip: args.context.ip,
    details: { userId: ended.userId },
  });
  return json({ result: submission.reply(), ended: ended.name });
}

export default function OrganisationSessions() {
  const { organisation, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("organisations");
  const { t: tAuth } = useTranslation("auth");
  return (
    <ProblemScope first="forms">
      <div className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold">{t("memberSessions.title")}</h1>
        <p className="text-slate-700">{t("memberSessions.lead", { organisation: organisation.name })}</p>
        <p className="text-sm text-slate-600">{tAuth("sessionList.addressHint")}</p>
        {actionData?.ended ? <Notice>{t("memberSessions.ended", { name: actionData.ended })}</Notice> : null}
        {members.map((member) => (
          <section key={member.userId} aria-labelledby={`member-${member.userId}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
            <h2 id={`member-${member.userId}`} className="text-lg font-semibold">
              {member.name} <span className="text-sm font-normal text-slate-600">{member.email}</span>
            </h2>
            {member.sessions.length > 0 ? <p className="text-sm text-slate-700">{t("memberSessions.memberCount", { count: member.sessions.length })}</p> : null}
            <SessionList sessions={member.sessions} intent="end-member-session" hidden={{ organisationId: organisation.id }} />
          </section>
        ))}
      </div>
    </ProblemScope>
  );
}
