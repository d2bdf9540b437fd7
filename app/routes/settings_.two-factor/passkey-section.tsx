import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData, useFetcher } from "@remix-run/react";
import { startRegistration } from "@simplewebauthn/browser";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Field, FormErrors, SubmitButton, conformField } from "~/components/forms";
import { RemovePasskeySchema, StartPasskeyRegistrationSchema } from "~/domain/passkeys";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { useCeremony, useWebAuthnAvailable } from "~/routes/+shared/passkey-support";
import { PasswordField } from "./two-factor-sections";

const sectionClass = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";

interface PasskeyRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
}

interface Ceremony {
  challengeId: string;
  options: Parameters<typeof startRegistration>[0]["optionsJSON"];
  name: string;
}
interface PasskeyReply {
  intent: string | null;
  result: unknown;
  passkeyCeremony: Ceremony | null;
}

/**
 * The person's passkeys: each with its name and when it was made and last used, a form to
 * remove it (no script needed), and a form to add one. Adding needs the browser's WebAuthn
 * (JavaScript): the password goes first, then the browser makes the key, then the server
 * checks the browser's answer.
 */
export function PasskeySection({ passkeys, required }: { passkeys: PasskeyRow[]; required: boolean }) {
  const { t, i18n } = useTranslation("auth");
  const language = i18n.language as Language;
  const available = useWebAuthnAvailable();
  const options = useFetcher<PasskeyReply>();
  const register = useFetcher<PasskeyReply>();
  const page = useActionData<PasskeyReply>();
  const [browserError, setBrowserError] = useState<string | null>(null);
  const [addForm, add] = useForm({
    id: "add-passkey",
    lastResult: (register.data?.result ?? options.data?.result ?? undefined) as SubmissionResult<string[]> | undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StartPasskeyRegistrationSchema }),
  });
  const removeResult = page?.intent === "passkey-remove" ? (page.result as SubmissionResult<string[]>) : undefined;

  // The password was right: ask the browser for a passkey, then send its answer back.
  const ceremony = options.data?.passkeyCeremony ?? null;
  useCeremony(
    ceremony?.challengeId,
    () => startRegistration({ optionsJSON: ceremony!.options as Ceremony["options"] }),
    (response) => register.submit({ intent: "passkey-register", challengeId: ceremony!.challengeId, response: JSON.stringify(response), name: ceremony!.name }, { method: "post" }),
    () => setBrowserError(t("passkeys.browserRefused")),
  );

  // A stored passkey answers with a reset form (no status), a refused one with its errors.
  const added = register.data?.intent === "passkey-register" && !(register.data.result as { error?: unknown } | null)?.error;
  const busy = options.state !== "idle" || register.state !== "idle";

  return (
    <section aria-labelledby="passkeys-title" className={sectionClass}>
      <h2 id="passkeys-title" className="text-xl font-semibold">
        {t("passkeys.title")}
      </h2>
      <p>{t("passkeys.lead")}</p>
      {passkeys.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200" aria-label={t("passkeys.listLabel")}>
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="space-y-2 p-3">
              <p className="font-semibold">{passkey.name}</p>
              <p className="text-sm text-slate-700">
                {t("passkeys.created", { when: formatDateTime(passkey.createdAt, language) })}
                {" · "}
                {passkey.lastUsedAt ? t("passkeys.lastUsed", { when: formatDateTime(passkey.lastUsedAt, language) }) : t("passkeys.neverUsed")}
                {passkey.backedUp ? ` · ${t("passkeys.synced")}` : null}
              </p>
              {required && passkeys.length === 1 ? (
                <p className="text-sm">{t("passkeys.lastRequired")}</p>
              ) : (
                <details>
                  <summary className="cursor-pointer font-medium text-red-700 underline">{t("passkeys.removeNamed", { name: passkey.name })}</summary>
                  <RemovePasskeyForm passkeyId={passkey.id} lastResult={removeResult?.initialValue?.passkeyId === passkey.id ? removeResult : undefined} />
                </details>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{t("passkeys.none")}</p>
      )}
      {added ? (
        <p role="status" className="rounded border-l-4 border-emerald-700 bg-emerald-50 p-3 font-medium">
          {t("passkeys.added")}
        </p>
      ) : null}
      <h3 className="text-lg font-semibold">{t("passkeys.addTitle")}</h3>
      {available === "yes" ? (
        <options.Form method="post" {...getFormProps(addForm)} onSubmit={() => setBrowserError(null)} className="space-y-4">
          <input type="hidden" name="intent" value="passkey-options" />
          <FormErrors errors={browserError ? [browserError] : addForm.errors} />
          <Field field={conformField(add.name)} label={t("passkeys.name")} hint={t("passkeys.nameHint")} inputProps={{ autoComplete: "off" }} />
          <PasswordField field={add.currentPassword} />
          <FormErrors errors={(register.data?.result as { error?: Record<string, string[]> } | undefined)?.error?.response} />
          <SubmitButton>{busy ? t("passkeys.adding") : t("passkeys.add")}</SubmitButton>
        </options.Form>
      ) : (
        <p className="text-slate-700">{available === "no" ? t("passkeys.unsupported") : t("passkeys.needsScript")}</p>
      )}
    </section>
  );
}

/** Removing one passkey: its own form (and field ids), asking for the password. */
function RemovePasskeyForm({ passkeyId, lastResult }: { passkeyId: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: `remove-passkey-${passkeyId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RemovePasskeySchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
      <input type="hidden" name="intent" value="passkey-remove" />
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <FormErrors errors={[...(form.errors ?? []), ...(fields.passkeyId.errors ?? [])]} />
      <PasswordField field={fields.currentPassword} />
      <SubmitButton variant="danger">{t("passkeys.remove")}</SubmitButton>
    </Form>
  );
}
