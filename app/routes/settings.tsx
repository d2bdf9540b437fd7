import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { TableScroll } from "~/components/table-scroll";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { fieldErrors } from "~/domain/problems";
import { requireUser } from "~/auth/guards.server";
import { ChangePasswordSchema, CreateTokenSchema, EndSessionSchema, ProfileSchema, RevokeTokenSchema, SetPasswordSchema } from "~/auth/schemas";
import { endAllSessions } from "~/auth/session.server";
import { FieldErrors, FormErrors, Notice, SubmitButton, Field, conformField, ProblemScope, validateOnBlur } from "~/components/forms";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime } from "~/i18n/format";
import { getLanguage, languageCookie } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { changePassword, setFirstPassword, updateProfile } from "~/models/accounts.server";
import { providersForPerson } from "~/models/identity-providers.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { ReauthenticateSection } from "./settings_.two-factor/two-factor-sections";
import { listPasskeys } from "~/models/passkeys.server";
import { endOwnSession, listOwnSessions } from "~/models/sessions.server";
import { SessionList } from "~/components/session-list";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-tokens.server";
import { audit } from "~/models/audit.server";
import { hasPassword, hasSecondFactor, sessionReauthenticated } from "~/models/two-factor.server";
import { readFormData } from "~/http/form-data.server";
import { notFound } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const t = fixedT(await getLanguage(args.request), "auth");
  const currentSessionId = args.context.auth?.sessionId ?? null;
  const [sessions, tokens, secondFactor, password] = await Promise.all([
    listOwnSessions(db(), user.id, currentSessionId),
    listApiTokens(db(), user.id),
    hasSecondFactor(db(), user.id),
    hasPassword(db(), user.id),
  ]);
  // Without a password, a first one is set after a fresh sign-in at a linked provider (issue 21).
  // Or after confirming with one of their passkeys.
  const [reauthenticated, providers, passkeys] = password
    ? [false, [], []]
    : await Promise.all([sessionReauthenticated(db(), sessionOf(args)), providersForPerson(db(), user.id), listPasskeys(db(), user.id)]);
  return json({
    title: `${t("settings.title")} – Markedsdialog`,
    user: { name: user.name, email: user.email, language: user.language },
    sessions,
    tokens,
    secondFactor,
    hasPassword: password,
    reauthenticated,
    hasPasskey: passkeys.length > 0,
    reauthenticateWith: providers.filter((p) => p.linkedAt !== null).map((p) => ({ id: p.id, organisationName: p.organisationName })),
  });
}

/** The browser session the request came with; an API token has none, so it cannot stand in for a re-authentication. */
const sessionOf = (args: LoaderFunctionArgs) => (args.context.auth?.via === "session" ? args.context.auth.sessionId : null);

type Intent = "profile" | "password" | "set-password" | "logout-everywhere" | "end-session" | "create-token" | "revoke-token";

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const { request, context } = args;
  const formData = await readFormData(request);
  const intent = formData.get("intent") as Intent | null;

  switch (intent) {
    case "profile": {
      const submission = parseWithZod(formData, { schema: ProfileSchema });
      if (submission.status !== "success") return json({ intent, result: submission.reply(), token: null }, { status: 400 });
      await updateProfile(db(), user.id, { name: submission.value.name, language: submission.value.language });
      // The interface follows the account's language from now on.
      return json(
        { intent, result: submission.reply(), token: null },
        { headers: { "Set-Cookie": await languageCookie.serialize(submission.value.language) } },
      );
    }
    case "password": {
      const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
      if (submission.status !== "success") {
        return json({ intent, result: submission.reply({ hideFields: ["currentPassword", "password", "confirm"] }), token: null }, { status: 400 });
      }
      const outcome = await changePassword(db(), user.id, context.auth?.sessionId ?? null, submission.value.currentPassword, submission.value.password);
      if (!outcome.ok) {
        return json(
          { intent, result: submission.reply({ fieldErrors: fieldErrors(outcome), hideFields: ["currentPassword", "password", "confirm"] }), token: null },
          { status: 400 },
        );
      }
      await audit(db(), { action: "password_changed", actorUserId: user.id, ip: context.ip });
      throw redirect("/settings?passwordChanged=1");
    }
    case "set-password": {
      const submission = parseWithZod(formData, { schema: SetPasswordSchema });
      const hidden = { hideFields: ["password", "confirm"] };
      if (submission.status !== "success") return json({ intent, result: submission.reply(hidden), token: null }, { status: 400 });
      const outcome = await setFirstPassword(db(), { userId: user.id, keepSessionId: sessionOf(args) }, submission.value.password);
      if (!outcome.ok) return json({ intent, result: submission.reply({ ...hidden, fieldErrors: fieldErrors(outcome) }), token: null }, { status: FAILURE_STATUS[outcome.reason] });
      await audit(db(), { action: "password_set", actorUserId: user.id, ip: context.ip });
      throw redirect("/settings?passwordSet=1");
    }
    case "logout-everywhere": {
      await audit(db(), { action: "logout_everywhere", actorUserId: user.id, ip: context.ip });
      throw redirect("/", { headers: { "Set-Cookie": await endAllSessions(user.id) } });
    }
    case "end-session": {
      const submission = parseWithZod(formData, { schema: EndSessionSchema });
      if (submission.status !== "success") return json({ intent, result: submission.reply(), token: null }, { status: 400 });
      // Another person's session, or one already ended, gets the same answer as an unknown one.
      if (!(await endOwnSession(db(), user.id, submission.value.handle))) notFound();
      await audit(db(), { action: "session_ended", actorUserId: user.id, ip: context.ip, details: { by: "self" } });
      return json({ intent, result: submission.reply(), token: null });
    }
    case "create-token": {
      const submission = parseWithZod(formData, { schema: CreateTokenSchema });
      if (submission.status !== "success") return json({ intent, result: submission.reply(), token: null }, { status: 400 });
      const created = await createApiToken(db(), user.id, submission.value.tokenName);
      await audit(db(), { action: "token_created", actorUserId: user.id, subject: submission.value.tokenName, ip: context.ip });
      return json({ intent, result: submission.reply({ resetForm: true }), token: created.token });
    }
    case "revoke-token": {
      const submission = parseWithZod(formData, { schema: RevokeTokenSchema });
      if (submission.status !== "success") return json({ intent, result: submission.reply(), token: null }, { status: 400 });
      // Someone else's token id gets the same answer as an unknown one.
      if (!(await revokeApiToken(db(), user.id, submission.value.tokenId))) notFound();
      await audit(db(), { action: "token_revoked", actorUserId: user.id, subject: submission.value.tokenId, ip: context.ip });
      return json({ intent, result: submission.reply(), token: null });
    }
    default:
      return json({ intent: null, result: null, token: null }, { status: 400 });
  }
}

const sectionClass = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";

export default function Settings() {
  const { user, sessions, tokens, secondFactor, hasPassword, reauthenticated, hasPasskey, reauthenticateWith } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("auth");
  const language = i18n.language as Language;
  const resultFor = (intent: Intent) => (data?.intent === intent ? (data.result ?? undefined) : undefined);

  const [profileForm, profile] = useForm({
    id: "profile",
    lastResult: resultFor("profile"),
    defaultValue: { name: user.name, language: user.language },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  });
  const [passwordForm, password] = useForm({
    id: "password",
    lastResult: resultFor("password"),
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  const [setPasswordForm, newPassword] = useForm({
    id: "set-password",
    lastResult: resultFor("set-password"),
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
  });
  const [tokenForm, token] = useForm({
    id: "create-token",
    lastResult: resultFor("create-token"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTokenSchema }),
  });

  return (
    <ProblemScope first="forms">
      <div className="mx-auto max-w-3xl space-y-8">
        <h1 className="text-3xl font-bold">{t("settings.title")}</h1>
        {searchParams.get("passwordChanged") ? <Notice>{t("settings.passwordChanged")}</Notice> : null}
        {searchParams.get("passwordSet") ? <Notice>{t("settings.passwordSet")}</Notice> : null}

        <section aria-labelledby="profile-title" className={sectionClass}>
          <h2 id="profile-title" className="text-xl font-semibold">
            {t("settings.profile")}
          </h2>
          <p className="text-slate-700">{user.email}</p>
          {data?.intent === "profile" && data.result?.status === "success" ? <Notice>{t("settings.profileSaved")}</Notice> : null}
          <Form method="post" {...getFormProps(profileForm)} className="space-y-4">
            <input type="hidden" name="intent" value="profile" />
            <Field field={conformField(profile.name)} label={t("fields.name")} inputProps={{ autoComplete: "name" }} />
            <div>
              <label htmlFor={profile.language.id} className="block font-medium text-slate-800">
                {t("fields.language")}
              </label>
              <select {...getSelectProps(profile.language)} key={profile.language.key} className="mt-1 block rounded border border-slate-400 px-3 py-2">
                <option value="nb">Norsk bokmål</option>
                <option value="en">English</option>
              </select>
              <FieldErrors id={profile.language.errorId} errors={profile.language.errors} />
            </div>
            <SubmitButton>{t("settings.saveProfile")}</SubmitButton>
          </Form>
        </section>

        {hasPassword ? null : (
          <section aria-labelledby="set-password-title" className={sectionClass}>
            <h2 id="set-password-title" className="text-xl font-semibold">
              {t("settings.setPassword")}
            </h2>
            <p>{t("settings.setPasswordLead")}</p>
            {reauthenticated ? null : (
              <p>
                {t("settings.setPasswordConfirmFirst")}{" "}
                <Link to="/forgot-password" className="text-brand-700 underline">
                  {t("settings.setPasswordByEmail")}
                </Link>
              </p>
            )}
            <Form method="post" {...getFormProps(setPasswordForm)} className="space-y-4">
              <input type="hidden" name="intent" value="set-password" />
              <FormErrors errors={setPasswordForm.errors} />
              <NewPasswordFields password={newPassword.password} confirm={newPassword.confirm} />
              <SubmitButton>{t("settings.setPassword")}</SubmitButton>
            </Form>
          </section>
        )}
        {hasPassword || reauthenticated || (reauthenticateWith.length === 0 && !hasPasskey) ? null : (
          <ReauthenticateSection providers={reauthenticateWith} hasPassword={false} passkey={hasPasskey} />
        )}

        {hasPassword ? (
          <section aria-labelledby="password-title" className={sectionClass}>
            <h2 id="password-title" className="text-xl font-semibold">
              {t("settings.changePassword")}
            </h2>
            <Form method="post" {...getFormProps(passwordForm)} className="space-y-4">
              <input type="hidden" name="intent" value="password" />
              <FormErrors errors={passwordForm.errors} />
              <Field field={conformField(password.currentPassword)} label={t("fields.currentPassword")} type="password" inputProps={{ autoComplete: "current-password" }} />
              <NewPasswordFields password={password.password} confirm={password.confirm} />
              <SubmitButton>{t("settings.changePassword")}</SubmitButton>
            </Form>
          </section>
        ) : null}

        <section aria-labelledby="two-factor-title" className={sectionClass}>
          <h2 id="two-factor-title" className="text-xl font-semibold">
            {t("twoFactor.title")}
          </h2>
          <p>
            {t("twoFactor.settingsLead")} <strong>{secondFactor ? t("twoFactor.settingsOn") : t("twoFactor.settingsOff")}</strong>
          </p>
          <Link to="/settings/two-factor" className="inline-block font-semibold text-brand-700 underline">
            {t("twoFactor.manage")}
          </Link>{" "}
          <Link to="/settings/single-sign-on" className="block font-semibold text-brand-700 underline">
            {t("ssoLinks.manage")}
          </Link>
        </section>

        <section aria-labelledby="sessions-title" className={sectionClass}>
          <h2 id="sessions-title" className="text-xl font-semibold">
            {t("settings.sessions")}
          </h2>
          <p>{t("settings.sessionsLead", { count: sessions.length })}</p>
          <p className="text-sm text-slate-600">{t("sessionList.addressHint")}</p>
          {data?.intent === "end-session" && data.result?.status === "success" ? <Notice>{t("sessionList.ended")}</Notice> : null}
          <SessionList sessions={sessions} intent="end-session" />
          <Form method="post">
            <input type="hidden" name="intent" value="logout-everywhere" />
            <SubmitButton variant="danger">{t("settings.logoutEverywhere")}</SubmitButton>
          </Form>
        </section>

        <section aria-labelledby="tokens-title" className={sectionClass}>
          <h2 id="tokens-title" className="text-xl font-semibold">
            {t("settings.tokens")}
          </h2>
          <p className="text-slate-700">{t("settings.tokensLead")}</p>
          {data?.intent === "create-token" && data.token ? (
            <div role="status" className="rounded border border-amber-400 bg-amber-50 p-3">
              <p className="font-medium">{t("settings.tokenCreated")}</p>
              <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-sm">{data.token}</code>
            </div>
          ) : null}
          {data?.intent === "revoke-token" && data.result?.status === "success" ? <Notice>{t("settings.tokenRevoked")}</Notice> : null}
          {tokens.length === 0 ? (
            <p>{t("settings.noTokens")}</p>
          ) : (
            <TableScroll label={t("settings.tokens")}>
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2">{t("settings.tokenName")}</th>
                    <th scope="col">{t("settings.tokenPrefix")}</th>
                    <th scope="col">{t("settings.created")}</th>
                    <th scope="col">{t("settings.lastUsed")}</th>
                    <th scope="col"><span className="sr-only">{t("settings.revoke")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((tok) => (
                    <tr key={tok.id} className="border-b border-slate-200">
                      <td className="py-2">{tok.name}</td>
                      <td><code>{tok.prefix}…</code></td>
                      <td>{formatDateTime(tok.createdAt, language)}</td>
                      <td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, language) : t("settings.never")}</td>
                      <td>
                        {tok.revokedAt ? (
                          t("settings.revoked")
                        ) : (
                          <Form method="post">
                            <input type="hidden" name="intent" value="revoke-token" />
                            <input type="hidden" name="tokenId" value={tok.id} />
                            <button type="submit" className="text-red-700 underline" aria-label={`${t("settings.revoke")}: ${tok.name}`}>
                              {t("settings.revoke")}
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Form method="post" {...getFormProps(tokenForm)} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="create-token" />
            <div className="min-w-64 flex-1">
              <Field field={conformField(token.tokenName)} label={t("settings.tokenName")} />
            </div>
            <SubmitButton variant="secondary">{t("settings.createToken")}</SubmitButton>
          </Form>
        </section>
      </div>
    </ProblemScope>
  );
}

/** The new password and its repetition, for both setting a first one and changing one. */
function NewPasswordFields({ password, confirm }: { password: Parameters<typeof conformField>[0]; confirm: Parameters<typeof conformField>[0] }) {
  const { t } = useTranslation("auth");
  return (
    <>
      <Field field={conformField(password)} label={t("fields.newPassword")} type="password" hint={t("fields.passwordHint")} inputProps={{ autoComplete: "new-password" }} />
      <Field field={conformField(confirm)} label={t("fields.confirmPassword")} type="password" inputProps={{ autoComplete: "new-password" }} />
    </>
  );
}
