import { useTranslation } from "~/i18n/use-translation";

export function PrivateBadge({ name }: { name: string }) {
  const { t } = useTranslation("relationships");
  return <span className="ml-1 rounded bg-slate-100 px-2 py-0.5 align-middle text-xs font-medium text-slate-700">{t("page.private", { organisation: name })}</span>;
}

export function StateBadge({ state }: { state: "done" | "overdue" | "due_today" | "upcoming" }) {
  const { t } = useTranslation("relationships");
  const style = { overdue: "bg-red-100 text-red-900", due_today: "bg-amber-100 text-amber-900", upcoming: "bg-slate-100 text-slate-800", done: "bg-emerald-100 text-emerald-900" }[state];
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${style}`}>{t(`followUps.states.${state}`)}</span>;
}
