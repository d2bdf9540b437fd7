import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useLocation } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { PasskeySignIn } from "../+shared/passkey-sign-in";
import { Field, FormErrors, SubmitButton, conformField, validateOnBlur } from "~/components/forms";
import { ConfirmEnrolmentSchema, DisableSecondFactorSchema, formatRecoveryCode, RegenerateRecoveryCodesSchema } from "~/domain/two-factor";

const sectionClass = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";
type Result = SubmissionResult<string[]> | undefined;

/** Whether this session was re-authenticated at the person's provider a moment ago: the password fields step aside. */
export const ReauthenticatedContext = createContext(false);

/** The password that confirms a change; not asked while the session is freshly re-authenticated (unless the server said otherwise). */
export function PasswordField({ field }: { field: Parameters<typeof conformField>[0] }) {
  const { t } = useTranslation("auth");
  const reauthenticated = useContext(ReauthenticatedContext);
  if (reauthenticated && !field.errors?.length) return null;
  return <Field field={conformField(field)} label={t("fields.currentPassword")} type="password" inputProps={{ autoComplete: "current-password" }} />;
}

/** Not enrolled: start, then scan the QR code (or type the key) and confirm with a code and the password. */
export function EnrolmentSection({ picture, startResult, confirmResult }: { picture: { svg: string; key: string } | null; startResult: Result; confirmResult: Result }) {
  const { t } = useTranslation("auth");
  const [startForm] = useForm({ id: "start-two-factor", lastResult: startResult });
  const [confirmForm, fields] = useForm({
    id: "confirm-two-factor",
    lastResult: confirmResult,
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmEnrolmentSchema }),
  });
  return (
    <section aria-labelledby="enrol-title" className={sectionClass}>
      <h2 id="enrol-title" className="text-xl font-semibold">
        {t("twoFactor.enrolTitle")}
      </h2>
      <p>{t("twoFactor.enrolLead")}</p>
      {picture ? (
        <>
          <ol className="list-decimal space-y-2 pl-6">
            <li>{t("twoFactor.stepScan")}</li>
            <li>{t("twoFactor.stepConfirm")}</li>
          </ol>
          <figure className="space-y-2">
            {/* Drawn on the server by uqr from our own otpauth: URI; no text of the user's reaches the markup. */}
            <div role="img" aria-label={t("twoFactor.qrLabel")} className="w-56 max-w-full [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: picture.svg }} />
            <figcaption className="text-sm">
              {t("twoFactor.manualKey")} <code className="block break-all rounded bg-slate-100 p-2 font-mono text-base" data-testid="totp-key">{picture.key}</code>
            </figcaption>
          </figure>
          <Form method="post" {...getFormProps(confirmForm)} className="space-y-4">
            <input type="hidden" name="intent" value="confirm" />
            <FormErrors errors={confirmForm.errors} />
            <Field field={conformField(fields.code)} label={t("twoFactor.codeFromApp")} inputProps={{ autoComplete: "one-time-code", inputMode: "numeric", spellCheck: false }} />
            <PasswordField field={fields.currentPassword} />
            <SubmitButton>{t("twoFactor.confirm")}</SubmitButton>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <SubmitButton variant="secondary">{t("twoFactor.newKey")}</SubmitButton>
          </Form>
        </>
      ) : (
        <Form method="post" {...getFormProps(startForm)} className="space-y-4">
          <input type="hidden" name="intent" value="start" />
          <FormErrors errors={startForm.errors} />
          <SubmitButton>{t("twoFactor.start")}</SubmitButton>
        </Form>
      )}
    </section>
  );
}

/** Enrolled: how many recovery codes are left, new codes, turning it off (unless required). */
export function EnrolledSection({ required, recoveryCodesLeft, disableResult, regenerateResult }: { required: boolean; recoveryCodesLeft: number; disableResult: Result; regenerateResult: Result }) {
  const { t } = useTranslation("auth");
  const [regenerateForm, regenerate] = useForm({
    id: "regenerate-codes",
    lastResult: regenerateResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegenerateRecoveryCodesSchema }),
  });
  const [disableForm, disable] = useForm({
    id: "disable-two-factor",
    lastResult: disableResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DisableSecondFactorSchema }),
  });
  return (
    <>
      <section aria-labelledby="status-title" className={sectionClass}>
        <h2 id="status-title" className="text-xl font-semibold">
          {t("twoFactor.onTitle")}
        </h2>
        <p>{t("twoFactor.onLead")}</p>
        <p>{t("twoFactor.codesLeft", { count: recoveryCodesLeft })}</p>
        <Form method="post" {...getFormProps(regenerateForm)} className="space-y-4">
          <input type="hidden" name="intent" value="regenerate" />
          <FormErrors errors={regenerateForm.errors} />
          <PasswordField field={regenerate.currentPassword} />
          <SubmitButton variant="secondary">{t("twoFactor.regenerate")}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="disable-title" className={sectionClass}>
        <h2 id="disable-title" className="text-xl font-semibold">
          {t("twoFactor.disableTitle")}
        </h2>
        {required ? (
          <p>{t("twoFactor.requiredCannotDisable")}</p>
        ) : (
          <Form method="post" {...getFormProps(disableForm)} className="space-y-4">
            <input type="hidden" name="intent" value="disable" />
            <p>{t("twoFactor.disableLead")}</p>
            <FormErrors errors={disableForm.errors} />
            <PasswordField field={disable.currentPassword} />
            <SubmitButton variant="danger">{t("twoFactor.disable")}</SubmitButton>
          </Form>
        )}
      </section>
    </>
  );
}

/** The ten recovery codes, this once. */
export function RecoveryCodes({ codes, fresh, children }: { codes: string[]; fresh: boolean; children?: ReactNode }) {
  const { t } = useTranslation("auth");
  return (
    <section role="status" aria-labelledby="codes-title" className="space-y-3 rounded border border-amber-400 bg-amber-50 p-4">
      <h2 id="codes-title" className="text-xl font-semibold">
        {fresh ? t("twoFactor.enabled") : t("twoFactor.newCodes")}
      </h2>
      <p>{t("twoFactor.codesLead")}</p>
      <ul className="grid grid-cols-2 gap-2 font-mono" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{formatRecoveryCode(code)}</li>
        ))}
      </ul>
      {children}
    </section>
  );
}

/**
 * Confirming it is them by signing in again at their organisation's provider, or (`passkey`, for
 * a person without a password) with one of their passkeys: the password fields below then step
 * aside for a few minutes. The provider is a plain form to /settings/single-sign-on, which sends
 * the browser to the provider and back here; the passkey is the browser's ceremony (a script).
 */
export function ReauthenticateSection({
  providers,
  hasPassword,
  passkey = false,
}: {
  providers: { id: string; organisationName: string }[];
  hasPassword: boolean;
  passkey?: boolean;
}) {
  const { t } = useTranslation("auth");
  const location = useLocation();
  const lead = hasPassword
    ? "reauthenticate.leadWithPassword"
    : passkey
      ? providers.length > 0
        ? "reauthenticate.leadPasskeyOrProvider"
        : "reauthenticate.leadPasskey"
      : "reauthenticate.lead";
  return (
    <section aria-labelledby="reauthenticate-title" className={sectionClass}>
      <h2 id="reauthenticate-title" className="text-xl font-semibold">
        {t("reauthenticate.title")}
      </h2>
      <p>{t(lead)}</p>
      {passkey ? <PasskeySignIn action="/settings/passkey-reauthentication" redirectTo={location.pathname + location.search} label={t("reauthenticate.passkeyButton")} /> : null}
      {providers.map((provider) => (
        <Form key={provider.id} method="post" action="/settings/single-sign-on">
          <input type="hidden" name="intent" value="reauthenticate" />
          <input type="hidden" name="providerId" value={provider.id} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <SubmitButton>{t("reauthenticate.button", { organisation: provider.organisationName })}</SubmitButton>
        </Form>
      ))}
    </section>
  );
}
