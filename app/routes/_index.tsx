import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { ExpectationSummary } from "~/components/expectation-summary";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime, formatNokRangeMillions, formatNumber } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { listOpenEvents } from "~/models/event-reads.server";
import { getPortalFigures } from "~/models/portal-figures.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Markedsdialog" },
  { name: "description", content: data?.description ?? "" },
];

// Public: anyone may read published events and the figures.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const t = fixedT(language, "home");
  const [figures, events] = await Promise.all([getPortalFigures(db()), listOpenEvents(db(), { limit: 8 })]);
  return json({ figures, events, title: `${t("title")} – Markedsdialog`, description: t("lead") });
}

export default function Home() {
  const { figures, events } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["home", "common"]);
  const language = i18n.language as Language;
  const stats = [
    { label: t("figures.openEvents"), value: formatNumber(figures.openEvents, language) },
    { label: t("figures.buyers"), value: formatNumber(figures.buyers, language) },
    { label: t("figures.vendors"), value: formatNumber(figures.vendors, language) },
    { label: t("figures.declaredBudget"), value: formatNokRangeMillions(null, figures.declaredBudgetMaxNok, language) ?? "–" },
  ];
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="space-y-4">
        <h1 id="home-title" className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          {t("title")}
        </h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("lead")}</p>
        <aside aria-labelledby="rule-title" className="max-w-3xl rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
          <h2 id="rule-title" className="font-semibold text-brand-800">
            {t("ruleHeading")}
          </h2>
          <p className="mt-1 text-slate-800">{t("rule")}</p>
        </aside>
      </section>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="sr-only">
          {t("figures.heading")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {stats.map((s) => (
            <div key={s.label} className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-600">{s.label}</dt>
              <dd className="mt-1 text-2xl font-bold text-slate-900">{s.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="upcoming-title" className="space-y-4">
        <h2 id="upcoming-title" className="text-2xl font-bold">
          {t("upcoming.heading")}
        </h2>
        {events.length === 0 ? (
          <p>{t("upcoming.empty")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {events.map((event) => {
              const deadline = event.registrationDeadline ?? event.responseDeadline;
              return (
                <li key={event.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                  <p className="text-sm font-medium text-brand-700">{t(`common:kinds.${event.kind}`)}</p>
                  <h3 className="mt-1 text-lg font-semibold leading-snug">
                    <Link to={`/events/${event.id}`} className="text-slate-900 underline decoration-brand-600 underline-offset-4 hover:text-brand-800">
                      {event.title}
                    </Link>
                  </h3>
                  <dl className="mt-3 space-y-1 text-sm text-slate-700">
                    <div className="flex gap-2">
                      <dt className="font-medium">{t("upcoming.buyer")}:</dt>
                      <dd>
                        {event.buyerName}
                        {event.region ? ` · ${t(`common:regions.${event.region}`)}` : ""}
                      </dd>
                    </div>
                    {deadline ? (
                      <div className="flex gap-2">
                        <dt className="font-medium">
                          {event.registrationDeadline ? t("upcoming.deadline") : t("upcoming.responseDeadline")}:
                        </dt>
                        <dd>{formatDateTime(deadline, language)}</dd>
                      </div>
                    ) : null}
                    <div className="flex gap-2">
                      <dt className="font-medium">{t("upcoming.effort")}:</dt>
                      <dd>
                        {t(`common:effort.${event.effortLevel}`)}
                        {event.effortHoursPerVendor
                          ? ` · ${t("common:effort.hoursPerVendor", { count: event.effortHoursPerVendor })}`
                          : ""}
                      </dd>
                    </div>
                  </dl>
                  <p className="mt-3 rounded bg-slate-100 px-3 py-2 text-sm">
                    <ExpectationSummary
                      status={event.expectationStatus}
                      budgetMinNok={event.budgetMinNok}
                      budgetMaxNok={event.budgetMaxNok}
                      expectedTenderQuarter={event.expectedTenderQuarter}
                    />
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
