import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CONFIRM_FIELD } from "~/domain/confirmation";

/**
 * The confirmation step of an irreversible action: what will happen, in words, and a
 * checkbox the server requires (isConfirmed in app/domain/confirmation.ts). Put it in the
 * action's form, before its submit button. Works without JavaScript.
 */
export function ConfirmAction({ id, consequence, label }: { id: string; consequence: ReactNode; label?: string }) {
  const { t } = useTranslation("forms");
  return (
    <div className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <div id={`${id}-consequence`}>{consequence}</div>
      <label className="flex items-start gap-2 font-medium">
        <input type="checkbox" id={id} name={CONFIRM_FIELD} value="yes" required aria-describedby={`${id}-consequence`} className="mt-1 h-4 w-4" />
        <span>{label ?? t("confirmLabel")}</span>
      </label>
    </div>
  );
}
