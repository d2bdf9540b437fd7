import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { getUser, requireVerifiedUser } from "~/auth/guards.server";
import { SubmitButton } from "~/components/forms";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { getMembership } from "~/models/memberships.server";
import { acceptInvitation, findInvitation } from "~/models/invitations.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }, { name: "robots", content: "noindex" }];

type PageState = "invalid" | "expired" | "revoked" | "accepted" | "sign_in" | "unverified" | "wrong_account" | "already_member" | "ready";

// Public link: anyone holding it may see which organisation invites whom;
// only the invited, signed-in and confirmed person can accept.
export async function loader(args: LoaderFunctionArgs) {
  const token = args.params.token ?? "";
  const t = fixedT(await getLanguage(args.request), "organisations");
  const invitation = await findInvitation(db(), token);
  if (!invitation) return json({ state: "invalid" as PageState, invitation: null, path: "", title: `${t("invitation.invalidTitle")} – Markedsdialog` }, { status: 404 });
  const title = `${t("invitation.title", { organisation: invitation.organisationName })} – Markedsdialog`;
  const path = new URL(args.request.url).pathname;
  const user = getUser(args);
  let state: PageState;
  if (invitation.state !== "pending") state = invitation.state;
  else if (!user) state = "sign_in";
  else if (user.email.toLowerCase() !== invitation.email) state = "wrong_account";
  else if (!user.emailVerifiedAt) state = "unverified";
  else if (await getMembership(db(), user.id, invitation.organisationId)) state = "already_member";
  else state = "ready";
  const { organisationId: _id, ...shown } = invitation;
  return json({ state, invitation: shown, path, title });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const accepted = await acceptInvitation(db(), args.params.token ?? "", { id: user.id, email: user.email, ip: args.context.ip });
  // The page shows the invitation's state in place of the button, whichever the reason: 400.
  if (!accepted.ok) return json({ problem: accepted.problems[0]!.code }, { status: 400 });
  return redirect("/organisation");
}

export default function InvitationPage() {
  const { state: loaded, invitation, path } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("organisations");
  const state: PageState = actionData?.problem ?? loaded;
  if (!invitation) {
    return (
      <section className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">{t("invitation.invalidTitle")}</h1>
        <p role="alert">{t("invitation.invalid")}</p>
      </section>
    );
  }
  const values = {
    organisation: invitation.organisationName,
    email: invitation.email,
    role: t(`memberRoles.${invitation.role}`).toLowerCase(),
  };
  const redirectTo = encodeURIComponent(path);
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t("invitation.title", values)}</h1>
      {state === "sign_in" || state === "ready" ? (
        <>
          <p className="text-lg">{t("invitation.body", values)}</p>
          <p>{t("invitation.expiresAt", { date: formatDateTime(invitation.expiresAt, i18n.language as Language) })}</p>
        </>
      ) : null}
      {state === "sign_in" ? (
        <>
          <p>{t("invitation.signInPrompt", values)}</p>
          <p className="flex flex-wrap gap-4">
            <Link to={`/login?redirectTo=${redirectTo}`} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("invitation.login")}
            </Link>
            <Link
              to={`/signup?redirectTo=${redirectTo}&email=${encodeURIComponent(invitation.email)}`}
              className="rounded border border-slate-400 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100"
            >
              {t("invitation.signup")}
            </Link>
          </p>
        </>
      ) : state === "ready" ? (
        <Form method="post">
          <SubmitButton>{t("invitation.accept", values)}</SubmitButton>
        </Form>
      ) : state === "unverified" ? (
        <p role="alert">
          {t("invitation.unverified")}{" "}
          <Link to="/verify-email" className="text-brand-700 underline">
            {t("invitation.verifyEmail")}
          </Link>
        </p>
      ) : (
        <p role="alert">{t(`invitation.${state}`, values)}</p>
      )}
    </section>
  );
}
