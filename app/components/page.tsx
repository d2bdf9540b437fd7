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
