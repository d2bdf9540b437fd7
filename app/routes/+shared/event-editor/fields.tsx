import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { EventFormValues } from "~/domain/event-form";

// The event form's building blocks: fields named by their form names, errors in the events namespace.

export const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

export const inputClass = (invalid: boolean) =>
  `mt-1 block w-full rounded border px-3 py-2 text-slate-900 shadow-sm ${invalid ? "border-red-700" : "border-slate-400"}`;

export function one(values: EventFormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

export function many(values: EventFormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

export function ErrorText({ name, errors }: { name: string; errors: Record<string, string[]> }) {
  const { t } = useTranslation(["events", "forms"]);
  const codes = errors[name];
  if (!codes?.length) return null;
  return (
    <div id={`${fieldId(name)}-error`} className="mt-1 text-sm font-medium text-red-700">
      {codes.map((code) => (
        <p key={code}>{t([`events:problems.${code}`, `forms:${code}`, "forms:invalid_value"])}</p>
      ))}
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  values: EventFormValues;
  errors: Record<string, string[]>;
}

export function describedBy(name: string, hint: string | undefined, errors: Record<string, string[]>) {
  const ids = [hint ? `${fieldId(name)}-hint` : null, errors[name]?.length ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Labelled({ name, label, hint, errors, children }: Omit<FieldProps, "values"> & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={fieldId(name)} className="block font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId(name)}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorText name={name} errors={errors} />
    </div>
  );
}

export function Input({ type = "text", inputMode, ...props }: FieldProps & { type?: string; inputMode?: "numeric" }) {
  const invalid = Boolean(props.errors[props.name]?.length);
  return (
    <Labelled {...props}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={type}
        inputMode={inputMode}
        defaultValue={one(props.values, props.name)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(props.name, props.hint, props.errors)}
        className={inputClass(invalid)}
      />
    </Labelled>
  );
}

export function Textarea(props: FieldProps & { rows?: number }) {
  const invalid = Boolean(props.errors[props.name]?.length);
  return (
    <Labelled {...props}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={one(props.values, props.name)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(props.name, props.hint, props.errors)}
        className={inputClass(invalid)}
      />
    </Labelled>
  );
}

export function Select(props: FieldProps & { options: { value: string; label: string }[]; empty?: string }) {
  const invalid = Boolean(props.errors[props.name]?.length);
  return (
    <Labelled {...props}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        defaultValue={one(props.values, props.name)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(props.name, props.hint, props.errors)}
        className={inputClass(invalid)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export function Choices(props: FieldProps & { type: "radio" | "checkbox"; options: { value: string; label: string }[] }) {
  const chosen = many(props.values, props.name);
  const invalid = Boolean(props.errors[props.name]?.length);
  return (
    <fieldset id={fieldId(props.name)} aria-describedby={describedBy(props.name, props.hint, props.errors)}>
      <legend className="font-medium text-slate-800">{props.label}</legend>
      {props.hint ? (
        <p id={`${fieldId(props.name)}-hint`} className="text-sm text-slate-600">
          {props.hint}
        </p>
      ) : null}
      <div className={`mt-1 space-y-1 ${invalid ? "rounded border-l-4 border-red-700 pl-2" : ""}`}>
        {props.options.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input type={props.type} name={props.name} value={o.value} defaultChecked={chosen.includes(o.value)} className="mt-1" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText name={props.name} errors={props.errors} />
    </fieldset>
  );
}

export function Step({ id, number, title, children }: { id: string; number: number; title: string; children: ReactNode }) {
  return (
    <section id={`step-${id}`} aria-labelledby={`step-${id}-title`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={`step-${id}-title`} className="text-xl font-semibold">
        <span className="mr-2 inline-flex h-7 w-7 items-center justify-center rounded-full bg-brand-700 text-sm text-white" aria-hidden="true">
          {number}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The values and errors every field reads. */
export type StepProps = Pick<FieldProps, "values" | "errors">;

/** The translator for the form, and a list of choices labelled from one key prefix. */
export function useFormText() {
  const { t, i18n } = useTranslation(["eventForm", "common", "events"]);
  const language: "nb" | "en" = i18n.language === "en" ? "en" : "nb";
  const opts = <T extends string>(list: readonly T[], prefix: string) => list.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return { t, language, opts };
}
