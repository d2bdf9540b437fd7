import type { ReactNode } from "react";

// One submit button. `danger` is outlined: a destructive action offered beside others
// (reject, leave, sign out everywhere, remove), never the loudest thing on the page.
const STYLES = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
  danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
} as const;

export function SubmitButton({ children, name, value, variant = "primary" }: { children: ReactNode; name?: string; value?: string; variant?: keyof typeof STYLES }) {
  return (
    <button type="submit" name={name} value={value} className={`rounded px-4 py-2 font-semibold ${STYLES[variant]}`}>
      {children}
    </button>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">
      {children}
    </div>
  );
}
