import { Link } from "@remix-run/react";
import { ExpectationSummary } from "~/components/expectation-summary";
import { useFormatters, type EventView } from "./presentation";

/** Kind, status, title, buyers, the notices after a change, and the expectation in one line. */
export function EventHeader({ event, saved, done }: { event: EventView; saved: string | null; done: string | null }) {
  const { t } = useFormatters();
  return (
    <header className="space-y-4">
      <p className="flex flex-wrap items-center gap-3 text-sm font-medium">
        <span className="text-brand-700">{t(`common:kinds.${event.kind}`)}</span>
        <span
          className={`rounded px-2 py-0.5 ${event.status === "published" ? "bg-green-50 text-green-900" : event.status === "draft" ? "bg-amber-50 text-amber-900" : "bg-slate-200 text-slate-800"}`}
        >
          {t(`status.${event.status}`)}
        </span>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{event.title}</h1>
      <p className="text-lg text-slate-700">
        <Link to={`/organisations/${event.buyer.slug}`} className="font-semibold text-brand-700 underline hover:text-brand-800">
          {event.buyer.name}
        </Link>
        {event.coBuyerOrganisations.map((o) => (
          <span key={o.id}>
            {", "}
            <Link to={`/organisations/${o.slug}`} className="text-brand-700 underline hover:text-brand-800">
              {o.name}
            </Link>
          </span>
        ))}
      </p>
      {event.status === "draft" ? (
        <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-900">{t("draftNotice")}</p>
      ) : null}
      {saved ? (
        <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
          {t(`saved.${saved}`)}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
          {t(`participation:saved.${done}`)}
        </p>
      ) : null}
      <div className="rounded-lg border-l-4 border-brand-600 bg-white p-4 shadow-sm">
        <p className="text-xl">
          <ExpectationSummary
            status={event.expectation?.status ?? null}
            budgetMinNok={event.expectation?.budgetMinNok ?? null}
            budgetMaxNok={event.expectation?.budgetMaxNok ?? null}
            expectedTenderQuarter={event.expectation?.expectedTenderQuarter ?? null}
          />
        </p>
        {event.expectation?.status === "none" ? <p className="mt-1 text-slate-700">{t("expectation.noneExplained")}</p> : null}
        {event.expectation === null ? <p className="mt-1 text-slate-700">{t("expectation.notDeclaredExplained")}</p> : null}
        <p className="mt-2 text-slate-800">
          <span className="font-semibold">{t("effort.heading")}:</span> {t(`common:effort.${event.effort.level}`)}
          {event.effort.hoursPerVendor !== null ? `, ${t("common:effort.hoursPerVendor", { count: event.effort.hoursPerVendor })}` : ""}
        </p>
      </div>
    </header>
  );
}
