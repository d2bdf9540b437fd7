import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CONFIRM_FIELD } from "~/domain/confirmation";
import { SubmitButton } from "./buttons";
import { FieldErrors } from "./errors";

/**
 * The confirmation step of an irreversible action: what will happen, in words, and a
 * checkbox the server requires (app/domain/confirmation.ts). Put it in the action's form,
 * before its submit button. Works without JavaScript.
 */
export function ConfirmAction({ id, consequence, label, errors }: { id: string; consequence: ReactNode; label?: string; errors?: string[] | null }) {
  const { t } = useTranslation("forms");
  const describedBy = errors?.length ? `${id}-consequence ${id}-error` : `${id}-consequence`;
  return (
    <div className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <div id={`${id}-consequence`}>{consequence}</div>
      <label className="flex items-start gap-2 font-medium">
        <input type="checkbox" id={id} name={CONFIRM_FIELD} value="yes" required aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined} className="mt-1 h-4 w-4" />
        <span>{label ?? t("confirmLabel")}</span>
      </label>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/**
 * An irreversible action offered beside others (remove a member, renew a feed address,
 * reject an organisation): a disclosure whose summary names the action, opening its own
 * form with the consequence, the confirmation box and the final button. `children` are the
 * form's hidden fields and any inputs the action takes. Opens by itself when the server
 * refused the last attempt (`errors`).
 */
export function ConfirmDisclosure({
  id,
  summary,
  consequence,
  submit,
  errors,
  label,
  variant = "danger",
  children,
}: {
  id: string;
  summary: ReactNode;
  consequence: ReactNode;
  submit: ReactNode;
  errors?: string[] | null;
  /** The box's words when "this cannot be undone" is not the point (verifying). */
  label?: string;
  /** `primary` for a final step that is not destructive (verifying an organisation). */
  variant?: "danger" | "primary";
  children: ReactNode;
}) {
  return (
    <details open={errors?.length ? true : undefined} className="group">
      <summary className={`cursor-pointer rounded px-1 py-2 font-semibold underline ${variant === "danger" ? "text-red-800" : "text-brand-800"}`}>{summary}</summary>
      <Form method="post" className="mt-2 max-w-prose space-y-2">
        {children}
        <ConfirmAction id={id} consequence={consequence} errors={errors} label={label} />
        <SubmitButton variant={variant}>{submit}</SubmitButton>
      </Form>
    </details>
  );
}
