import type { SubmissionResult } from "@conform-to/react";
import { TableScroll } from "~/components/table-scroll";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember, requireMemberForForm } from "~/auth/guards.server";
import { ConfirmAction, FormErrors, SubmitButton, ProblemScope } from "~/components/forms";
import {
  ChangeMemberSchema,
  CommercialContactSchema,
  InviteMemberSchema,
  RemoveMemberSchema,
  RevokeInvitationSchema,
} from "~/domain/organisation-forms";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/models/invitations.server";
import { changeMember, listMembers, removeMember, setCommercialContact } from "~/models/memberships.server";
import { getOrganisation } from "~/models/organisations.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import { invariantResponse } from "~/http/responses.server";
import { fieldErrors } from "~/domain/problems";
import type { Failure } from "~/domain/result";
import { ContactForm, InviteForm, MemberControls, resultFor } from "./member-forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Every member sees who else is a member; admins also manage roles and invitations.
export async function loader(args: LoaderFunctionArgs) {
  const { user, membership, organisation } = await requireMember(args);
  const t = fixedT(await getLanguage(args.request), "organisations");
  const isAdmin = membership.role === "admin";
  const [members, invitations, profile] = await Promise.all([
    listMembers(db(), organisation.id),
    isAdmin ? listPendingInvitations(db(), organisation.id) : Promise.resolve([]),
    getOrganisation(db(), organisation.id),
  ]);
  return json({
    organisation: { ...organisation, commercialContactUserId: profile?.commercialContactUserId ?? null },
    me: user.id,
    isAdmin,
    members,
    invitations,
    title: `${t("members.title")} – ${organisation.name} – Markedsdialog`,
  });
}

type Intent = "change" | "remove" | "leave" | "contact" | "invite" | "revoke";

function reply(form: string, result: SubmissionResult<string[]>, status = 400, notice?: { key: string; values?: Record<string, string> }) {
  return json({ form, result, notice: notice ?? null }, { status });
}

// The models' problem codes in the words of this page (organisations:formErrors).
const MESSAGE_KEYS: Record<string, string> = {
  not_a_member: "notAMember",
  last_admin: "lastAdmin",
  commercial_role_mismatch: "commercialRoleMismatch",
  not_a_buyer: "notABuyer",
  already_member: "alreadyMember",
};

/** A refused change as the form's errors, by field ("" is the form's own); an organisation that is gone is a 404. */
function memberErrors(failure: Failure) {
  invariantResponse(failure.problems.length > 0);
  return fieldErrors(failure.problems.map(({ path, code }) => ({ path, code: MESSAGE_KEYS[code] ?? code })));
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readFormData(args.request);
  const intent = formData.get("intent") as Intent | null;
  // Leaving is open to any member; everything else on this page is for admins.
  const { user, organisation } = await requireMemberForForm(args, formData, intent === "leave" ? {} : { role: "admin" });
  const actor = { userId: user.id, ip: args.context.ip };

  switch (intent) {
    case "change": {
      const submission = parseWithZod(formData, { schema: ChangeMemberSchema });
      const form = `member-${String(formData.get("userId"))}`;
      if (submission.status !== "success") return reply(form, submission.reply());
      const { userId, role, commercialRole } = submission.value;
      const changed = await changeMember(db(), { organisationId: organisation.id, userId, role, commercialRole: commercialRole ?? null }, actor);
      if (!changed.ok) return reply(form, submission.reply({ fieldErrors: memberErrors(changed) }));
      return reply(form, submission.reply(), 200, { key: "members.updated" });
    }
    case "remove":
    case "leave": {
      const submission = parseWithZod(formData, { schema: RemoveMemberSchema });
      const form = intent === "leave" ? "leave" : `remove-${String(formData.get("userId"))}`;
      if (submission.status !== "success") return reply(form, submission.reply());
      if (intent === "leave" && submission.value.userId !== user.id) return reply(form, submission.reply({ formErrors: ["notAMember"] }));
      const removed = await removeMember(db(), { organisationId: organisation.id, userId: submission.value.userId }, actor);
      if (!removed.ok) return reply(form, submission.reply({ fieldErrors: memberErrors(removed) }));
      if (intent === "leave") return redirect("/");
      return reply(form, submission.reply(), 200, { key: "members.updated" });
    }
    case "contact": {
      const submission = parseWithZod(formData, { schema: CommercialContactSchema });
      if (submission.status !== "success") return reply("contact", submission.reply());
      const set = await setCommercialContact(db(), { organisationId: organisation.id, userId: submission.value.userId ?? null }, actor);
      if (!set.ok) return reply("contact", submission.reply({ fieldErrors: memberErrors(set) }));
      return reply("contact", submission.reply(), 200, { key: "members.updated" });
    }
    case "invite": {
      const submission = parseWithZod(formData, { schema: InviteMemberSchema });
      if (submission.status !== "success") return reply("invite", submission.reply());
      const invited = await createInvitation(
        db(),
        {
          organisationId: organisation.id,
          email: submission.value.email,
          role: submission.value.role,
          language: await getLanguage(args.request),
          baseUrl: publicBaseUrl(),
        },
        { ...actor, name: user.name },
      );
      if (!invited.ok) return reply("invite", submission.reply({ fieldErrors: memberErrors(invited) }));
      return reply("invite", submission.reply({ resetForm: true }), 200, { key: "members.invited", values: { email: submission.value.email } });
    }
    case "revoke": {
      const submission = parseWithZod(formData, { schema: RevokeInvitationSchema });
      if (submission.status !== "success") return reply("revoke", submission.reply());
      await revokeInvitation(db(), { organisationId: organisation.id, invitationId: submission.value.invitationId }, actor);
      return reply("revoke", submission.reply(), 200, { key: "members.updated" });
    }
    default:
      throw new Response(null, { status: 400 });
  }
}

export default function Members() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("organisations");
  const { organisation, members, invitations, isAdmin, me } = data;
  const leaveResult = resultFor(actionData, "leave");
  return (
    <ProblemScope first="organisations:formErrors">
      <div className="space-y-10">
        <header>
          <h1 className="text-3xl font-bold">{t("members.title")}</h1>
          <p className="text-lg text-slate-700">{organisation.name}</p>
        </header>
        {actionData?.notice ? (
          <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
            {t(actionData.notice.key, actionData.notice.values ?? {})}
          </p>
        ) : null}

        <section aria-labelledby="members-title">
          <h2 id="members-title" className="sr-only">
            {t("members.title")}
          </h2>
          <TableScroll label={t("members.title")}>
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">{t("members.name")}</th>
                  <th scope="col" className="py-2 pr-4">{t("members.email")}</th>
                  <th scope="col" className="py-2 pr-4">{isAdmin ? t("members.actions") : t("members.role")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.userId} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-4">
                      {m.name} {m.userId === me ? <span className="text-slate-600">{t("members.you")}</span> : null}
                    </td>
                    <td className="py-2 pr-4">{m.email}</td>
                    <td className="py-2 pr-4">
                      {isAdmin ? (
                        <MemberControls member={m} organisation={organisation} actionData={actionData} />
                      ) : (
                        <>
                          {t(`memberRoles.${m.role}`)}
                          {m.commercialRole ? ` · ${t(`commercialRoles.${m.commercialRole}`)}` : ""}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>

        <section aria-labelledby="leave-title" className="space-y-2">
          <h2 id="leave-title" className="text-xl font-semibold">
            {t("members.leave")}
          </h2>
          <Form method="post" className="max-w-prose space-y-2">
            <input type="hidden" name="intent" value="leave" />
            <input type="hidden" name="organisationId" value={organisation.id} />
            <input type="hidden" name="userId" value={me} />
            <FormErrors errors={leaveResult?.error?.[""] ?? undefined} />
            <ConfirmAction id="leave-confirm" consequence={<p>{t("members.leaveHint", { name: organisation.name })}</p>} errors={leaveResult?.error?.confirm} />
            <SubmitButton variant="danger">{t("members.leave")}</SubmitButton>
          </Form>
        </section>

        {isAdmin && organisation.isBuyer ? <ContactForm data={data} actionData={actionData} /> : null}
        {isAdmin ? <InviteForm organisationId={organisation.id} actionData={actionData} /> : null}

        {isAdmin ? (
          <section aria-labelledby="pending-title" className="space-y-3">
            <h2 id="pending-title" className="text-xl font-semibold">
              {t("members.pendingHeading")}
            </h2>
            {invitations.length === 0 ? (
              <p>{t("members.pendingEmpty")}</p>
            ) : (
              <ul className="space-y-2">
                {invitations.map((inv) => (
                  <li key={inv.id} className="flex flex-wrap items-center gap-4">
                    <span>
                      {inv.email} · {t(`memberRoles.${inv.role}`)} · {t("members.expires")} {formatDateTime(inv.expiresAt, i18n.language as Language)}
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="organisationId" value={organisation.id} />
                      <input type="hidden" name="invitationId" value={inv.id} />
                      <button type="submit" aria-label={t("members.revokeFor", { email: inv.email })} className="text-red-800 underline">
                        {t("members.revoke")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
      </div>
    </ProblemScope>
  );
}
