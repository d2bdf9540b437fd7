import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "~/domain/problems";

// Fields for the effort forms. Codes are turned into words here: our own first, then
// the predictability gate's (events namespace, shared with the event form), then forms.

export type Values = Record<string, string | string[]>;
export type Errors = Record<string, string[]>;

export const fieldId = (name: string) => `effort-${name.replace(/\./g, "-")}`;
const inputClass = (invalid: boolean) => `mt-1 block w-full rounded border px-3 py-2 text-slate-900 ${invalid ? "border-red-700" : "border-slate-400"}`;

export function useProblemText() {
  const { t } = useTranslation(["effort", "events", "forms"]);
  return (code: string) => t([`effort:errors.${code}`, `events:problems.${code}`, `forms:${code}`, "forms:invalid_value"]);
}

export function ErrorText({ name, errors }: { name: string; errors: Errors }) {
  const text = useProblemText();
  const codes = errors[name];
  if (!codes?.length) return null;
  return (
    <div id={`${fieldId(name)}-error`} className="mt-1 text-sm font-medium text-red-700">
      {codes.map((code) => (
        <p key={code}>{text(code)}</p>
      ))}
    </div>
  );
}

export function Field({ name, label, hint, values, errors, type = "text", rows }: { name: string; label: string; hint?: string; values: Values; errors: Errors; type?: string; rows?: number }) {
  const invalid = Boolean(errors[name]?.length);
  const describedBy = [hint ? `${fieldId(name)}-hint` : null, invalid ? `${fieldId(name)}-error` : null].filter(Boolean).join(" ") || undefined;
  const value = values[name];
  const common = { id: fieldId(name), name, defaultValue: Array.isArray(value) ? value[0] : value, "aria-invalid": invalid || undefined, "aria-describedby": describedBy, className: inputClass(invalid) };
  return (
    <div>
      <label htmlFor={fieldId(name)} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId(name)}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {rows ? <textarea rows={rows} {...common} /> : <input type={type} {...common} />}
      <ErrorText name={name} errors={errors} />
    </div>
  );
}

export function Choices({ name, legend, hint, type, options, values, errors }: { name: string; legend: string; hint?: string; type: "checkbox" | "radio"; options: { value: string; label: ReactNode }[]; values: Values; errors: Errors }) {
  const v = values[name];
  const chosen = new Set(Array.isArray(v) ? v : v ? [v] : []);
  const invalid = Boolean(errors[name]?.length);
  const describedBy = [hint ? `${fieldId(name)}-hint` : null, invalid ? `${fieldId(name)}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={fieldId(name)} aria-describedby={describedBy}>
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={`${fieldId(name)}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 space-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input type={type} name={name} value={o.value} defaultChecked={chosen.has(o.value)} className="h-4 w-4" />
            {o.label}
          </label>
        ))}
      </div>
      <ErrorText name={name} errors={errors} />
    </fieldset>
  );
}

/** The problems that stop a request, each with the principle behind it when there is one. */
export function ProblemSummary({ problems, heading }: { problems: Problem[]; heading: string }) {
  const { t } = useTranslation(["effort", "events"]);
  const text = useProblemText();
  if (!problems.length) return null;
  return (
    <div role="alert" aria-labelledby="effort-problems-title" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
      <h2 id="effort-problems-title" className="font-semibold">
        {heading}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((p, i) => {
          const principle = t(`events:principles.${p.code}`, { defaultValue: "" });
          return (
            <li key={`${p.path}-${p.code}-${i}`}>
              {p.path ? <a href={`#${fieldId(p.path)}`} className="underline">{text(p.code)}</a> : text(p.code)}
              {principle ? (
                <span className="block text-sm">
                  <span className="font-semibold">{t("effort:new.principle")}</span> {principle}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function errorsByField(problems: Problem[]): Errors {
  const errors: Errors = {};
  for (const p of problems) (errors[p.path || "form"] ??= []).push(p.code);
  return errors;
}

export function formValues(form: FormData): Values {
  const values: Values = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 || key === "kindsOfWork" || key === "recipients" ? all : (all[0] ?? "");
  }
  return values;
}
