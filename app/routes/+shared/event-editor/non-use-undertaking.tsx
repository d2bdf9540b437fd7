import { FieldErrors, type FieldState } from "~/components/forms";
import { useFormText } from "./fields";

/**
 * The buyer's non-use undertaking (issue 17), ticked when publishing an event that needs IP terms:
 * the report's words, given by the signed-in person, recorded with name and time. Unticked it
 * is simply not given; the publishing rule names it when the event needs it.
 */
export function NonUseUndertaking({ field }: { field: FieldState }) {
  const { t } = useFormText();
  const bad = Boolean(field.errors?.length);
  const describedBy = [`${field.id}-hint`, bad ? field.errorId : null].filter(Boolean).join(" ");
  return (
    <div className="w-full space-y-2 rounded border border-brand-200 bg-brand-50 p-3">
      <label className="flex items-start gap-2 font-medium">
        <input
          type="checkbox"
          id={field.id}
          name="nonUseUndertaking"
          value="yes"
          defaultChecked={field.value === "yes"}
          aria-describedby={describedBy}
          aria-invalid={bad || undefined}
          className="mt-1 h-4 w-4 shrink-0"
        />
        <span>{t("undertaking.label")}</span>
      </label>
      <p id={`${field.id}-hint`} className="text-sm text-slate-700">
        {t("undertaking.hint")}
      </p>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
