import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// Form pieces for Conform fields. Error messages are keys under
// `organisations:formErrors`, shown beside the field they belong to.

export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation("organisations");
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((key) => t(`formErrors.${key}`, { defaultValue: key })).join(" ")}
    </p>
  );
}

const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 focus:outline-none focus:ring-2 focus:ring-brand-600";

function describedBy(field: FieldMetadata<unknown>, hint?: string) {
  const ids = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm text-slate-600">
      {children}
    </p>
  );
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  type?: "text" | "email" | "url";
  autoComplete?: string;
}) {
  const { key, ...props } = getInputProps(field, { type, ariaDescribedBy: describedBy(field, hint) });
  return (
    <div>
      <label htmlFor={field.id} className="block font-medium">
        {label}
      </label>
      {hint ? <Hint id={`${field.id}-hint`}>{hint}</Hint> : null}
      <input key={key} {...props} autoComplete={autoComplete} className={inputClass} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({ field, label, hint, rows = 4 }: { field: FieldMetadata<string | undefined>; label: string; hint?: string; rows?: number }) {
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: describedBy(field, hint) });
  return (
    <div>
      <label htmlFor={field.id} className="block font-medium">
        {label}
      </label>
      {hint ? <Hint id={`${field.id}-hint`}>{hint}</Hint> : null}
      <textarea key={key} {...props} rows={rows} className={inputClass} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  options,
  placeholder,
  hint,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  hint?: string;
}) {
  const { key, ...props } = getSelectProps(field, { ariaDescribedBy: describedBy(field, hint) });
  return (
    <div>
      <label htmlFor={field.id} className="block font-medium">
        {label}
      </label>
      {hint ? <Hint id={`${field.id}-hint`}>{hint}</Hint> : null}
      <select key={key} {...props} className={inputClass}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A group of checkboxes or radios with one legend and one error. */
export function ChoiceGroup({
  field,
  legend,
  hint,
  type,
  options,
}: {
  field: FieldMetadata<unknown>;
  legend: string;
  hint?: string;
  type: "checkbox" | "radio";
  options: { value: string; label: string }[];
}) {
  const initial = field.initialValue;
  const chosen = new Set(Array.isArray(initial) ? initial.map(String) : typeof initial === "string" ? [initial] : []);
  return (
    <fieldset aria-describedby={describedBy(field, hint)} aria-invalid={field.errors?.length ? true : undefined}>
      <legend className="font-medium">{legend}</legend>
      {hint ? <Hint id={`${field.id}-hint`}>{hint}</Hint> : null}
      <div className="mt-2 space-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input
              type={type}
              name={field.name}
              value={o.value}
              defaultChecked={chosen.has(o.value)}
              form={field.formId}
              className="h-4 w-4"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export function FormErrorSummary({ errors }: { errors: string[] | undefined }) {
  const { t } = useTranslation("organisations");
  if (!errors?.length) return null;
  return (
    <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-medium text-red-800">
      {errors.map((key) => t(`formErrors.${key}`, { defaultValue: key })).join(" ")}
    </p>
  );
}

export function SubmitButton({ children, name, value, variant = "primary" }: { children: ReactNode; name?: string; value?: string; variant?: "primary" | "secondary" | "danger" }) {
  const style =
    variant === "primary"
      ? "bg-brand-700 text-white hover:bg-brand-800"
      : variant === "danger"
        ? "border border-red-700 bg-white text-red-800 hover:bg-red-50"
        : "border border-slate-400 bg-white text-slate-800 hover:bg-slate-100";
  return (
    <button type="submit" name={name} value={value} className={`rounded px-4 py-2 font-semibold ${style}`}>
      {children}
    </button>
  );
}
