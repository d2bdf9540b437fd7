import type { SerializeFrom } from "@remix-run/node";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { parseQuarter } from "~/domain/events";
import { formatDate, formatDateTime, formatNok } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { EventDetail } from "~/models/event-reads.server";

// The event page's presentation pieces, shared by its sections.

/** The event as the page receives it from the loader (dates as strings). */
export type EventView = SerializeFrom<EventDetail>;

export function Time({ value, language, dateOnly = false }: { value: string; language: Language; dateOnly?: boolean }) {
  return <time dateTime={value}>{dateOnly ? formatDate(value, language) : formatDateTime(value, language)}</time>;
}

/** A definition list of the facts that are given; nothing when none is. */
export function Facts({ items, stacked = false }: { items: [string, ReactNode][]; stacked?: boolean }) {
  const given = items.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (given.length === 0) return null;
  // Beside the main text (the aside), terms sit above their values; in the main column, in a fixed column.
  return (
    <dl className={stacked ? "space-y-3" : "grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[16rem_1fr]"}>
      {given.map(([term, value]) => (
        <div key={term} className={stacked ? "" : "contents"}>
          <dt className={stacked ? "text-sm font-medium text-slate-700" : "font-medium text-slate-700"}>{term}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function useFormatters() {
  const { t, i18n } = useTranslation(["eventPage", "common", "events", "forms", "participation"]);
  const language = i18n.language as Language;
  const quarter = (value: string | null) => {
    const q = value ? parseQuarter(value) : null;
    return q ? t("expectation.quarter", { quarter: q.quarter, year: q.year }) : value;
  };
  const yesNo = (value: boolean | null) => (value === null ? null : value ? t("yes") : t("no"));
  const months = (count: number | null) => (count === null ? null : t("contract.months", { count }));
  const nok = (amount: number | null) => (amount === null ? null : formatNok(amount, language));
  return { t, language, quarter, yesNo, months, nok };
}
