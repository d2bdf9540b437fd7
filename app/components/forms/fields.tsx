import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { compareQuarters, isQuarter } from "~/domain/quarters";
import { formatQuarter } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { describedBy, first, all, invalid, type FieldState } from "./field-state";
import { FieldErrors } from "./errors";

// The field components. Each takes a FieldState (see conformField / recordField), so a
// Conform form and a values/errors form render the same markup.

/** A control's look; an invalid one (aria-invalid) gets a red border. */
export const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-[invalid=true]:border-red-700 focus:outline-none focus:ring-2 focus:ring-brand-600";

interface Labelled {
  field: FieldState;
  label: string;
  hint?: ReactNode;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm text-slate-600">
      {children}
    </p>
  );
}

/** Label, hint, the control, and the field's errors beneath it. */
export function FieldFrame({ field, label, hint, children }: Labelled & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={field.id} className="block font-medium text-slate-800">
        {label}
      </label>
      {hint ? <Hint id={`${field.id}-hint`}>{hint}</Hint> : null}
      {children}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** The attributes every control of a field shares. */
export function controlProps(field: FieldState, hasHint: boolean) {
  return {
    id: field.id,
    name: field.name,
    form: field.formId,
    "aria-invalid": invalid(field) || undefined,
    "aria-describedby": describedBy(field, hasHint),
    className: inputClass,
  };
}

export type InputType = "text" | "email" | "url" | "number" | "date" | "datetime-local" | "password" | "tel";

export function Field({ type = "text", autoComplete, inputProps, ...props }: Labelled & { type?: InputType; autoComplete?: string; inputProps?: InputHTMLAttributes<HTMLInputElement> }) {
  const { field, hint } = props;
  const { required, minLength, maxLength, min, max, step, pattern } = field.constraint ?? {};
  return (
    <FieldFrame {...props}>
      <input
        key={field.key}
        type={type}
        autoComplete={autoComplete}
        defaultValue={first(field.value)}
        {...{ required, minLength, maxLength, min, max, step, pattern }}
        {...controlProps(field, Boolean(hint))}
        {...inputProps}
      />
    </FieldFrame>
  );
}

/**
 * A whole number (kroner, hours, months). A text input with a numeric keyboard, not
 * type="number": "4 000 000" is typed as people write it, and the parser takes the spaces out.
 */
export function NumberField({ inputProps, ...props }: Labelled & { inputProps?: InputHTMLAttributes<HTMLInputElement> }) {
  return <Field {...props} inputProps={{ inputMode: "numeric", autoComplete: "off", ...inputProps }} />;
}

/**
 * A calendar quarter chosen from a list ("2. kvartal 2027"), posting "YYYY-Qn". `quarters` is
 * what the loader offers (comingQuarters); a quarter already on the form is kept among them.
 */
export function QuarterField({ quarters, placeholder, ...props }: Labelled & { quarters: readonly string[]; placeholder: string }) {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === "en" ? "en" : "nb";
  const current = first(props.field.value);
  const offered = [...new Set([...quarters, ...(isQuarter(current) ? [current] : [])])].sort(compareQuarters);
  return <Select {...props} placeholder={placeholder} options={offered.map((q) => ({ value: q, label: formatQuarter(q, language) }))} />;
}

export function TextArea({ rows = 4, ...props }: Labelled & { rows?: number }) {
  const { field, hint } = props;
  const { required, minLength, maxLength } = field.constraint ?? {};
  return (
    <FieldFrame {...props}>
      <textarea key={field.key} rows={rows} defaultValue={first(field.value)} {...{ required, minLength, maxLength }} {...controlProps(field, Boolean(hint))} />
    </FieldFrame>
  );
}

/** A list to choose from; `multiple` (with `size` rows shown) for several. */
export function Select({ options, placeholder, multiple, size, ...props }: Labelled & { options: { value: string; label: string }[]; placeholder?: string; multiple?: boolean; size?: number }) {
  const { field, hint } = props;
  return (
    <FieldFrame {...props}>
      <select key={field.key} multiple={multiple} size={size} defaultValue={multiple ? all(field.value) : first(field.value)} required={field.constraint?.required} {...controlProps(field, Boolean(hint))}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A fieldset of checkboxes or radios with one legend and one error list. */
export function Choices({ field, legend, hint, type, options }: { field: FieldState; legend: string; hint?: ReactNode; type: "checkbox" | "radio"; options: { value: string; label: ReactNode }[] }) {
  const chosen = new Set(all(field.value));
  const bad = invalid(field);
  return (
    <fieldset id={field.id} aria-describedby={describedBy(field, Boolean(hint))} aria-invalid={bad || undefined}>
      <legend className="font-medium text-slate-800">{legend}</legend>
      {hint ? <Hint id={`${field.id}-hint`}>{hint}</Hint> : null}
      <div key={field.key} className={`mt-2 space-y-1 ${bad ? "rounded border-l-4 border-red-700 pl-2" : ""}`}>
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input type={type} name={field.name} value={o.value} defaultChecked={chosen.has(o.value)} form={field.formId} className="mt-1 h-4 w-4" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
