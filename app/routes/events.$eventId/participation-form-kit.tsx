import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// The participation forms' building blocks: errors in the participation namespace.

export const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 focus:outline-none focus:ring-2 focus:ring-brand-600";

export function Problems({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation(["participation", "forms"]);
  if (!errors?.length) return null;
  return (
    <div id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((code) => (
        <p key={code}>{t([`participation:problems.${code}`, `forms:${code}`, "forms:invalid_value"])}</p>
      ))}
    </div>
  );
}

export function FormProblems({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <div role="alert">
      <Problems id={id} errors={errors} />
    </div>
  ) : null;
}

export function Submit({ children, variant = "primary" }: { children: ReactNode; variant?: "primary" | "secondary" }) {
  const style = variant === "primary" ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100";
  return (
    <button type="submit" className={`rounded px-4 py-2 font-semibold ${style}`}>
      {children}
    </button>
  );
}
