import type { ReactNode } from "react";

/** A narrow, centred page for forms (log in, sign up, …). */
export function FormPage({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold">{title}</h1>
      {lead ? <p className="text-slate-700">{lead}</p> : null}
      <div className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
    </div>
  );
}

/** A page's title, its lead and, at the right, the one action the page invites. */
export function PageHeader({ title, lead, action }: { title: string; lead?: ReactNode; action?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{title}</h1>
        {lead ? <p className="max-w-3xl text-lg text-slate-700">{lead}</p> : null}
      </div>
      {action}
    </header>
  );
}

/** The primary action beside a page's title: a link styled as the page's main button. */
export const primaryLinkClass = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";
