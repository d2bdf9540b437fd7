import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { issuerRules } from "~/auth/oidc.server";
import { db } from "@db/db.server";
import { requireMember, requireMemberForForm } from "~/auth/guards.server";
import { encryptSecret, secretEncryptionKey } from "~/auth/secret-box.server";
import { Choices, Field, FormErrors, Notice, ProblemScope, SubmitButton, TextArea, conformField, validateOnBlur } from "~/components/forms";
import { fieldErrors } from "~/domain/problems";
import {
  IdentityProviderSchema,
  issuerUrlProblem,
  joinRule,
  NEWCOMER_MODES,
  newcomerMode,
  parseSsoDomains,
  RemoveIdentityProviderSchema,
} from "~/domain/single-sign-on";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readFormData } from "~/http/form-data.server";
import { absoluteUrl } from "~/http/public-url.server";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { audit } from "~/models/audit.server";
import { identityProviderSettings, removeIdentityProvider, saveIdentityProvider } from "~/models/identity-providers.server";
import { SSO_CALLBACK_PATH } from "./+shared/sso-attempt.server";

// An organisation's admins register the organisation's OpenID Connect provider (issue 21): the
// issuer, the client id and secret (stored encrypted, never shown again), the e-mail domains it
// vouches for, and whether people it vouches for join by themselves, and as what.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const { organisation } = await requireMember(args, { role: "admin" });
  const t = fixedT(await getLanguage(args.request), "organisations");
  const provider = await identityProviderSettings(db(), organisation.id);
  const key = secretEncryptionKey();
  return json({
    organisation: { id: organisation.id, name: organisation.name },
    provider: provider && {
      issuer: provider.issuer,
      clientId: provider.clientId,
      domains: provider.domains.join("\n"),
      newcomers: newcomerMode(provider.autoJoin, provider.joinRole),
    },
    keyMissing: !key.ok,
    redirectUri: absoluteUrl(SSO_CALLBACK_PATH),
    title: `${t("singleSignOn.title")} – Markedsdialog`,
  });
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readFormData(args.request);
  const { user, organisation } = await requireMemberForForm(args, formData, { role: "admin" });
  const base = { actorUserId: user.id, organisationId: organisation.id, subject: organisation.name, ip: args.context.ip };

  if (formData.get("intent") === "remove") {
    const submission = parseWithZod(formData, { schema: RemoveIdentityProviderSchema });
    if (submission.status !== "success") return json({ result: submission.reply(), saved: null }, { status: 400 });
    const removed = await removeIdentityProvider(db(), organisation.id);
    if (!removed.ok) return json({ result: submission.reply(), saved: null }, { status: FAILURE_STATUS[removed.reason] });
    await audit(db(), { ...base, action: "sso_provider_removed", details: { issuer: removed.value.issuer } });
    return json({ result: submission.reply({ resetForm: true }), saved: "removed" as const });
  }

  const submission = parseWithZod(formData, { schema: IdentityProviderSchema });
  if (submission.status !== "success") return json({ result: submission.reply({ hideFields: ["clientSecret"] }), saved: null }, { status: 400 });
  const value = submission.value;
  const refuse = (errors: Record<string, string[]>, status: number) => json({ result: submission.reply({ fieldErrors: errors, hideFields: ["clientSecret"] }), saved: null }, { status });

  // Without the key in production nothing can be stored encrypted: SSO refuses, the rest of the portal runs.
  const key = secretEncryptionKey();
  if (!key.ok) return refuse({ "": ["sso_key_missing"] }, FAILURE_STATUS.refused);
  const problems: Record<string, string[]> = {};
  const issuerProblem = issuerUrlProblem(value.issuer, issuerRules());
  if (issuerProblem) problems.issuer = [issuerProblem];
  const domains = parseSsoDomains(value.domains);
  if (!domains.ok) problems.domains = [domains.code];
  if (Object.keys(problems).length > 0 || !domains.ok) return refuse(problems, 400);

  const secret = value.clientSecret?.trim() ?? "";
  const outcome = await saveIdentityProvider(db(), organisation.id, user.id, {
    issuer: value.issuer.replace(/\/+$/, "") || value.issuer,
    clientId: value.clientId,
    clientSecretBox: secret ? encryptSecret(secret, key.key) : null,
    domains: domains.domains,
    ...joinRule(value.newcomers),
  });
  if (!outcome.ok) {
    if (outcome.problems.some((p) => p.code === "sso_domain_taken")) await audit(db(), { ...base, action: "sso_domain_refused", details: { domains: domains.domains } });
    return refuse(fieldErrors(outcome), FAILURE_STATUS[outcome.reason]);
  }
  await audit(db(), {
    ...base,
    action: outcome.value.created ? "sso_provider_registered" : "sso_provider_changed",
    details: { issuer: value.issuer, clientId: value.clientId, domains: domains.domains, newcomers: value.newcomers, secretChanged: Boolean(secret) },
  });
  return json({ result: submission.reply({ hideFields: ["clientSecret"] }), saved: "saved" as const });
}

export default function OrganisationSingleSignOn() {
  const { organisation, provider, keyMissing, redirectUri } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("organisations");
  const [form, fields] = useForm({
    id: `single-sign-on-${organisation.id}`,
    lastResult: actionData?.result,
    defaultValue: { issuer: provider?.issuer ?? "", clientId: provider?.clientId ?? "", clientSecret: "", domains: provider?.domains ?? "", newcomers: provider?.newcomers ?? "invite_only" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formData.get("intent") === "remove" ? RemoveIdentityProviderSchema : IdentityProviderSchema }),
    ...validateOnBlur,
  });
  return (
    <ProblemScope first="forms">
      <div className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold">{t("singleSignOn.title")}</h1>
        <p className="text-slate-700">{t("singleSignOn.lead", { organisation: organisation.name })}</p>
        {actionData?.saved ? <Notice>{t(`singleSignOn.${actionData.saved}`)}</Notice> : null}
        {keyMissing ? (
          <p role="alert" className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-900">
            {t("singleSignOn.keyMissing")}
          </p>
        ) : null}
        <section aria-labelledby="sso-redirect" className="rounded border border-slate-200 bg-slate-50 p-4">
          <h2 id="sso-redirect" className="font-semibold">
            {t("singleSignOn.redirectUri")}
          </h2>
          <p className="text-sm text-slate-700">{t("singleSignOn.redirectUriHint")}</p>
          <code className="mt-2 block break-all">{redirectUri}</code>
        </section>
        <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <input type="hidden" name="organisationId" value={organisation.id} />
          <FormErrors errors={form.errors} />
          <Field field={conformField(fields.issuer)} label={t("singleSignOn.issuer")} hint={t("singleSignOn.issuerHint")} type="url" />
          <Field field={conformField(fields.clientId)} label={t("singleSignOn.clientId")} />
          <Field
            field={conformField(fields.clientSecret)}
            label={t("singleSignOn.clientSecret")}
            hint={provider ? t("singleSignOn.clientSecretKept") : t("singleSignOn.clientSecretHint")}
            type="password"
            inputProps={{ autoComplete: "off" }}
          />
          <TextArea field={conformField(fields.domains)} label={t("singleSignOn.domains")} hint={t("singleSignOn.domainsHint")} rows={3} />
          <Choices
            field={conformField(fields.newcomers)}
            legend={t("singleSignOn.newcomers")}
            hint={t("singleSignOn.newcomersHint")}
            type="radio"
            options={NEWCOMER_MODES.map((value) => ({ value, label: t(`singleSignOn.newcomerModes.${value}`) }))}
          />
          <SubmitButton name="intent" value="save">
            {t("singleSignOn.save")}
          </SubmitButton>
        </Form>
        {provider ? (
          <Form method="post" className="space-y-2">
            <input type="hidden" name="organisationId" value={organisation.id} />
            <p className="text-sm text-slate-700">{t("singleSignOn.removeHint")}</p>
            <SubmitButton name="intent" value="remove" variant="danger">
              {t("singleSignOn.remove")}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
    </ProblemScope>
  );
}
