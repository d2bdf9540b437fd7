import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { DemandFilterForm, IgnoredParameters } from "~/components/demand-filter-form";
import { ExpectationSummary } from "~/components/expectation-summary";
import { ConsultationResult } from "~/components/consultation-result";
import { SaveWatchForm } from "~/components/save-watch-form";
import { cpvEntry } from "~/domain/cpv";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime, formatNok, formatNumber, formatPercent } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { demandFilterOptions, demandHref, listDemand, readDemandFilter, type DemandTotal } from "~/models/demand.server";
import { redirectWithoutEmptyParameters } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Markedsdialog" },
  { name: "description", content: data?.description ?? "" },
  ...(data ? [{ tagName: "link", rel: "alternate", type: "application/atom+xml", title: data.atomTitle, href: data.atomHref }] : []),
];

// Public: published events and open consultations only, for anyone.
export async function loader({ request }: LoaderFunctionArgs) {
  // A GET form sends every empty field: the page has one URL per filter, without them.
  redirectWithoutEmptyParameters(request);
  const language = await getLanguage(request);
  const t = fixedT(language, "demand");
  const { filter, ignored } = readDemandFilter(new URL(request.url).searchParams);
  // Events and the open consultations the filter matches (issue 18), as one list.
  const [page, options] = await Promise.all([listDemand(db(), filter, { total: true }), demandFilterOptions(db())]);
  return json({
    filter,
    ignored,
    options,
    items: page.items,
    total: page.total,
    nextHref: page.next ? demandHref("/demand", filter, { cursor: page.next, limit: true }) : null,
    firstHref: filter.cursor ? demandHref("/demand", filter, { limit: true }) : null,
    pipelineHref: demandHref("/demand/pipeline", filter),
    csvHref: demandHref("/demand.csv", filter),
    apiHref: demandHref("/api/v1/demand", filter, { limit: true }),
    atomHref: demandHref("/demand.atom", filter),
    atomTitle: fixedT(language, "watches")("publicFeeds"),
    title: `${t("title")} – Markedsdialog`,
    description: t("lead"),
  });
}

export default function DemandPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("demand");
  const location = useLocation();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("lead")}</p>
      </div>
      <SaveWatchForm />
      {/* Keyed by the query so the fields show the URL's filter after client-side navigation too. */}
      <DemandFilterForm key={location.search} action="/demand" filter={data.filter} options={data.options} withSort>
        <IgnoredParameters ignored={data.ignored} />
        <nav aria-label={t("links.heading")} className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
          <Link to={data.pipelineHref} className="font-medium text-brand-800 underline">
            {t("links.pipeline")}
          </Link>
          <a href={data.csvHref} className="font-medium text-brand-800 underline" download>
            {t("links.csv")}
          </a>
          <a href={data.apiHref} className="font-medium text-brand-800 underline">
            {t("links.api")}
          </a>
          <Link to="/standards" className="font-medium text-brand-800 underline">
            {t("links.standards")}
          </Link>
        </nav>
        <section aria-labelledby="demand-results-title" className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="demand-results-title" className="text-2xl font-bold">
              {t("results.heading")}
            </h2>
            <p role="status" className="text-slate-700">
              <ResultTotal total={data.total} />
            </p>
          </div>
          {data.items.length === 0 ? (
            <p>{t("results.empty")}</p>
          ) : (
            <ol className="space-y-4">
              {data.items.map((item) => (item.kind === "consultation" ? <ConsultationResult key={item.id} item={item} /> : <DemandResult key={item.id} item={item} />))}
            </ol>
          )}
          {data.nextHref || data.firstHref ? (
            <nav aria-label={t("results.pagination")} className="flex flex-wrap gap-4">
              {data.firstHref ? (
                <Link to={data.firstHref} className="rounded border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100">
                  {t("results.first")}
                </Link>
              ) : null}
              {data.nextHref ? (
                <Link to={data.nextHref} rel="next" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                  {t("results.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      </DemandFilterForm>
    </div>
  );
}

/** "23 treff", or "Mer enn 1 000 treff" past the count's cap: every page of the filter, not this one. */
function ResultTotal({ total }: { total: DemandTotal | null }) {
  const { t, i18n } = useTranslation("demand");
  if (!total) return null;
  const n = formatNumber(total.count, i18n.language as Language);
  return <>{total.more ? t("results.totalMore", { n }) : t("results.total", { count: total.count, n })}</>;
}

type Listed = SerializeFrom<typeof loader>["items"][number];
type SerializedItem = Exclude<Listed, { kind: "consultation" }>;

/** A co-buyer's share as /demand lists it: "40 %", "2 000 000 kr" or a quantity. */
function shareLabel(kind: string, value: number, language: Language): string {
  if (kind === "percent") return formatPercent(value / 100, language);
  return kind === "budget_nok" ? formatNok(value, language) : formatNumber(value, language);
}

function DemandResult({ item }: { item: SerializedItem }) {
  const { t, i18n } = useTranslation(["demand", "common"]);
  const language = i18n.language as Language;
  const deadline = item.registrationDeadline ?? item.responseDeadline;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <p className="text-sm font-medium text-brand-700">{t(`common:kinds.${item.kind}`)}</p>
      <h3 className="mt-1 text-lg font-semibold leading-snug">
        <Link to={`/events/${item.id}`} className="text-slate-900 underline decoration-brand-600 underline-offset-2 hover:text-brand-800">
          {item.title}
        </Link>
      </h3>
      <p className="mt-3 rounded bg-slate-100 px-3 py-2">
        {item.coBuyers.length ? <span className="font-medium">{t("results.combinedFrame")}: </span> : null}
        <ExpectationSummary
          status={item.expectationStatus}
          budgetMinNok={item.budgetMinNok}
          budgetMaxNok={item.budgetMaxNok}
          expectedTenderQuarter={item.expectedTenderQuarter}
        />
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
        <div className="flex gap-2">
          <dt className="font-medium">{t("results.buyer")}:</dt>
          <dd>
            {item.buyerName}
            {item.coBuyers.map((c) => `, ${c.name}${c.shareKind && c.shareValue !== null ? ` (${shareLabel(c.shareKind, c.shareValue, language)})` : ""}`).join("")}
            {item.region ? ` · ${t(`common:regions.${item.region}`)}` : ""}
          </dd>
        </div>
        {deadline ? (
          <div className="flex gap-2">
            <dt className="font-medium">{item.registrationDeadline ? t("results.deadline") : t("results.responseDeadline")}:</dt>
            <dd>{formatDateTime(deadline, language)}</dd>
          </div>
        ) : null}
        <div className="flex gap-2">
          <dt className="font-medium">{t("results.effort")}:</dt>
          <dd>
            {t(`common:effort.${item.effortLevel}`)}
            {item.effortHoursPerVendor ? ` · ${t("common:effort.hoursPerVendor", { count: item.effortHoursPerVendor })}` : ""}
          </dd>
        </div>
        {item.standards.length > 0 ? (
          <div className="flex gap-2">
            <dt className="font-medium">{t("results.standards")}:</dt>
            <dd>{item.standards.map((s) => s.name).join(", ")}</dd>
          </div>
        ) : null}
        {item.cpvCodes.length > 0 ? (
          <div className="flex gap-2 sm:col-span-2">
            <dt className="font-medium">{t("results.cpv")}:</dt>
            <dd>{item.cpvCodes.map((code) => `${code} ${cpvEntry(code)?.[language] ?? ""}`.trim()).join("; ")}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
