import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { PilotOutcomeChart } from "~/components/pilot-outcome-chart";
import { PILOT_DECISIONS } from "~/domain/pilot-exit";
import { chartCounts, parsePilotRegisterFilter, parseRegisterPage, pilotRegisterSearch, REGISTER_OUTCOMES, REGISTER_PAGE_SIZE, registerPageSearch, type PilotRegisterFilter } from "~/domain/pilot-register";
import { REGIONS } from "~/domain/regions";
import { fixedT } from "~/i18n/i18n";
import { formatDate, formatNok } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { pilotBuyers, pilotRegisterCounts, pilotRegisterPage, type PilotRegisterRow } from "~/models/pilot-register.server";

// The pilot register (issue 16): public. Every pilot, R&D and innovation partnership with its
// criteria, purchase path and how it ended, filtered by CPV, region, buyer, result and decision.
// The chart counts the filtered pilots that have ended; the list goes a page at a time, by
// links that carry the filter and where the page starts (no JavaScript needed).

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Markedsdialog" },
  { name: "description", content: data?.description ?? "" },
  // Feed readers find the register's feed, with the page's filter, from the page itself.
  ...(data ? [{ tagName: "link", rel: "alternate", type: "application/atom+xml", title: data.title, href: data.atomHref }] : []),
];

export async function loader({ request }: LoaderFunctionArgs) {
  const t = fixedT(await getLanguage(request), "pilots");
  const params = new URL(request.url).searchParams;
  const filter = parsePilotRegisterFilter(params);
  const page = parseRegisterPage(params, { size: REGISTER_PAGE_SIZE });
  const now = new Date();
  const [{ pilots, next }, all, buyers] = await Promise.all([pilotRegisterPage(db(), filter, page, { now }), pilotRegisterCounts(db(), filter, { now }), pilotBuyers(db())]);
  const search = pilotRegisterSearch(filter);
  return json({
    filter,
    pilots,
    total: Object.values(all).reduce((sum, n) => sum + n, 0),
    nextHref: next ? `/pilots${registerPageSearch(filter, next)}` : null,
    firstHref: page.after ? `/pilots${search}` : null,
    buyers,
    counts: chartCounts(all),
    csvHref: `/pilots.csv${search}`,
    atomHref: `/pilots.atom${search}`,
    apiHref: `/api/v1/pilots${search}`,
    title: `${t("register.title")} – Markedsdialog`,
    description: t("register.metaDescription"),
  });
}

const selectClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-2";

function FilterSelect({ name, label, value, options }: { name: keyof PilotRegisterFilter; label: string; value: string | null; options: { value: string; label: string }[] }) {
  const { t } = useTranslation("pilots");
  return (
    <label className="block text-sm font-medium" htmlFor={`pilot-filter-${name}`}>
      {label}
      <select id={`pilot-filter-${name}`} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{t("register.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function PilotRegister() {
  const { filter, pilots, total, nextHref, firstHref, buyers, counts, csvHref, atomHref, apiHref } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("pilots");
  const { t: tc } = useTranslation("common");
  const language = i18n.language as Language;
  const location = useLocation();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("register.title")}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("register.intro")}</p>
      </header>
      <Form key={location.search} method="get" action="/pilots" aria-labelledby="pilot-filter-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="pilot-filter-title" className="font-semibold">
          {t("register.filters")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <label className="block text-sm font-medium" htmlFor="pilot-filter-cpv">
            {t("register.cpv")}
            <input id="pilot-filter-cpv" name="cpv" defaultValue={filter.cpv ?? ""} inputMode="numeric" className={selectClass} />
          </label>
          <FilterSelect name="region" label={t("register.region")} value={filter.region} options={REGIONS.map((r) => ({ value: r, label: tc(`regions.${r}`) }))} />
          <FilterSelect name="buyer" label={t("register.buyer")} value={filter.buyer} options={buyers.map((b) => ({ value: b.slug, label: b.name }))} />
          <FilterSelect name="outcome" label={t("register.outcome")} value={filter.outcome} options={REGISTER_OUTCOMES.map((o) => ({ value: o, label: t(`register.outcomes.${o}`) }))} />
          <FilterSelect name="decision" label={t("register.decision")} value={filter.decision} options={PILOT_DECISIONS.map((d) => ({ value: d, label: t(`decisions.${d}`) }))} />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("register.apply")}
        </button>
      </Form>
      <p className="flex flex-wrap gap-4 text-sm">
        <a href={csvHref} className="font-medium text-brand-800 underline" download>
          {t("register.csvLink")}
        </a>
        <a href={atomHref} className="font-medium text-brand-800 underline">
          {t("register.atomLink")}
        </a>
        <a href={apiHref} className="font-medium text-brand-800 underline">
          {t("register.apiLink")}
        </a>
      </p>
      <PilotOutcomeChart counts={counts} language={language} />
      <section aria-labelledby="pilot-list-title" className="space-y-4">
        <h2 id="pilot-list-title" className="text-2xl font-bold">
          <span role="status">{t("register.count", { count: total })}</span>
        </h2>
        {pilots.length < total ? <p className="text-sm text-slate-700">{t("register.shown", { shown: pilots.length, count: total })}</p> : null}
        {pilots.length === 0 ? <p>{t("register.none")}</p> : <ol className="space-y-4">{pilots.map((p) => <PilotEntry key={p.id} pilot={p} language={language} />)}</ol>}
        {nextHref || firstHref ? (
          <nav aria-label={t("register.pagination")} className="flex flex-wrap gap-4">
            {firstHref ? (
              <Link to={firstHref} className="rounded border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100">
                {t("register.first")}
              </Link>
            ) : null}
            {nextHref ? (
              <Link to={nextHref} rel="next" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t("register.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

const OUTCOME_STYLE: Record<PilotRegisterRow["outcome"], string> = {
  running: "bg-slate-100 text-slate-800",
  awaiting: "bg-slate-100 text-slate-800",
  missing: "bg-red-100 text-red-900",
  bought: "bg-emerald-100 text-emerald-900",
  met_not_bought: "bg-amber-100 text-amber-900",
  not_met_not_bought: "bg-slate-200 text-slate-900",
  open: "bg-sky-100 text-sky-900",
};

function PilotEntry({ pilot: p, language }: { pilot: PilotRegisterRow; language: Language }) {
  const { t } = useTranslation("pilots");
  const { t: tc } = useTranslation("common");
  const met = p.exit ? p.exit.results.filter((r) => r.result === "met").length : null;
  return (
    <li className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">
          <Link to={`/events/${p.id}`} className="text-brand-800 underline">
            {p.title}
          </Link>
        </h3>
        <span className="flex flex-wrap gap-2">
          {p.noPurchaseBudgetAfterPilot ? (
            <span data-testid="no-purchase-budget" className="rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">
              {t("register.noPurchaseBudget")}
            </span>
          ) : null}
          <span className={`rounded px-2 py-0.5 text-sm font-medium ${OUTCOME_STYLE[p.outcome]}`}>{t(`register.outcomes.${p.outcome}`)}</span>
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {tc(`kinds.${p.kind}`)} · <Link to={`/buyers/${p.buyer.slug}`} className="underline">{p.buyer.name}</Link>
        {p.region ? ` · ${tc(`regions.${p.region}`)}` : ""}
        {p.endedAt ? ` · ${t(new Date(p.endedAt) <= new Date() ? "endedOn" : "endsOn", { date: formatDate(p.endedAt, language) })}` : ""}
      </p>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">{t("register.criteria")}</dt>
        <dd>
          <ul className="list-disc pl-5">
            {p.criteria.map((c, i) => (
              <li key={i}>
                {c.measure}: {c.threshold}
                {p.exit?.results[i] ? <span className="font-medium"> – {t(`results.${p.exit.results[i]!.result}`)}</span> : null}
              </li>
            ))}
          </ul>
          {met !== null ? <span className="text-slate-700">{t("register.criteriaMet", { met, count: p.criteria.length })}</span> : null}
        </dd>
        <dt className="font-medium">{t("register.path")}</dt>
        <dd>
          {p.plan ? t(`register.paths.${p.plan}`) : "–"}
          {p.plan === "purchase_option" && p.optionMaxPriceNok !== null ? ` (${formatNok(p.optionMaxPriceNok, language)})` : ""}
          {p.budget ? `, ${t(`register.budget.${p.budget}`)}` : ""}
        </dd>
        {p.funding.length > 0 ? (
          <>
            <dt className="font-medium">{t("register.funding")}</dt>
            <dd>
              {p.funding
                .map((f) => {
                  const name = f.source === "other" && f.otherText ? f.otherText : t(`register.fundingSources.${f.source}`);
                  return f.amountNok === null ? name : `${name} (${formatNok(f.amountNok, language)})`;
                })
                .join(", ")}
            </dd>
          </>
        ) : null}
        <dt className="font-medium">{t("register.vendorInvestment")}</dt>
        <dd data-testid="vendor-investment">
          {[p.vendorInvestment.hours === null ? null : t("investment.hoursValue", { count: p.vendorInvestment.hours }), p.vendorInvestment.nok === null ? null : formatNok(p.vendorInvestment.nok, language)]
            .filter(Boolean)
            .join(", ") || "–"}
          {p.investmentCorrections.count > 0 ? <span className="block text-sm text-slate-700">{t("investment.summary", { count: p.investmentCorrections.count })}</span> : null}
        </dd>
        {p.duplicateOf.length > 0 ? (
          <>
            <dt className="font-medium">{t("register.duplicateOf")}</dt>
            <dd data-testid="duplicate-pilots">
              {p.duplicateOf.map((d, i) => (
                <span key={d.id}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/events/${d.id}`} className="underline">
                    {d.title}
                  </Link>{" "}
                  ({d.buyer.name})
                </span>
              ))}
              <span className="block">
                <span className="font-medium">{t("register.duplicateReason")}: </span>
                {p.duplicateReason ?? "–"}
              </span>
            </dd>
          </>
        ) : null}
        {p.exit ? (
          <>
            <dt className="font-medium">{t("register.decision")}</dt>
            <dd>
              {t(`decisions.${p.exit.decision}`)}
              {p.exit.stopReason ? ` – ${t(`reasons.${p.exit.stopReason}`)}` : ""}
              {p.exit.followOn ? (
                <>
                  {" – "}
                  <Link to={p.exit.followOn.href} className="underline">
                    {p.exit.followOn.title}
                  </Link>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {p.outcome !== "running" ? (
        <p className="text-sm">
          <Link to={`/events/${p.id}/pilot-exit`} className="font-medium text-brand-800 underline">
            {t("register.details")}
          </Link>
        </p>
      ) : null}
    </li>
  );
}
