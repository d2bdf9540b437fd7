import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { ScorecardFigures, useQuarterLabel, WindowSwitch } from "~/components/scorecard-figures";
import { ScorecardHeadline } from "~/components/scorecard-headline";
import { ContractFiguresSection } from "~/components/contract-figures";
import { parseWindow } from "~/domain/scorecard";
import { contractShortness } from "~/domain/contract";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime, formatMonth, formatNok, formatNumber, formatPercent } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { cachedBuyerScorecard } from "~/models/scorecard-cache.server";
import { getScorecardBuyer, SCORECARD_EVENTS_PAGE, scorecardEventsPage } from "~/models/scorecard.server";
import { decodeInstantCursor, encodeInstantCursor } from "~/domain/instant-cursor";
import { ContractFormMixSection } from "~/components/contract-form-mix";
import { ProcuredValueSources } from "~/components/procured-value-sources";
import { missingSummaryCount } from "~/models/consultations.server";
import { getBuyerContractFigures } from "~/models/contract-reads.server";
import { vendorRequestFiguresForBuyer } from "~/models/vendor-requests.server";
import { RequestFiguresSection } from "~/components/request-figures";
import { OwnDeliveryProfile } from "~/components/own-delivery-profile";
import { invariantResponse } from "~/http/responses.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} – Markedsdialog` : "Markedsdialog" },
  { name: "description", content: data?.description ?? "" },
];

// Public (forutsigbarhet): anyone may see how a buyer's declarations turned out. Only buyers have a scorecard.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const buyer = await getScorecardBuyer(db(), params.id ?? "");
  invariantResponse(buyer);
  const search = new URL(request.url).searchParams;
  const months = parseWindow(search.get("window"));
  // A cursor that is not ours starts at the first page (a public, bookmarkable page).
  const cursor = search.get("events");
  const after = cursor === null ? null : decodeInstantCursor(cursor);
  const language = await getLanguage(request);
  const t = fixedT(language, "scorecard");
  const since = new Date();
  since.setUTCMonth(since.getUTCMonth() - months);
  // The figures, the purchases behind "Kjøpt mot erklært verdi" and the contract-form mix come from one cached computation.
  const [{ value: scorecard, computedAt }, eventsPage, contracts, consultationsMissingSummary, requests] = await Promise.all([
    cachedBuyerScorecard(db(), buyer.id, months),
    scorecardEventsPage(db(), buyer.id, months, { after }),
    getBuyerContractFigures(db(), buyer.id),
    missingSummaryCount(db(), buyer.id),
    vendorRequestFiguresForBuyer(db(), buyer.id, { since }),
  ]);
  return json({
    buyer,
    scorecard,
    computedAt,
    events: eventsPage.events,
    eventsTotal: eventsPage.total,
    olderEvents: eventsPage.next ? encodeInstantCursor(eventsPage.next) : null,
    laterPage: after !== null,
    contracts,
    consultationsMissingSummary,
    requests,
    title: t("buyer.title", { name: buyer.name }),
    description: t("buyer.metaDescription", { name: buyer.name }),
  });
}

export default function BuyerScorecardPage() {
  const { buyer, scorecard, computedAt, events, eventsTotal, olderEvents, laterPage, contracts, consultationsMissingSummary, requests, title } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["scorecard", "common", "demand", "eventPage", "organisations"]);
  const { t: tc } = useTranslation("consultations");
  const language = i18n.language as Language;
  const quarterLabel = useQuarterLabel();
  // kontraktsvalg: judged by the guaranteed base period, as the scorecard's figure is; options are shown apart.
  const contractMonthsText = (e: (typeof scorecard.shortContractSources)[number]) => {
    const terms = { baseMonths: e.contractBaseMonths, horizonMonths: e.contractHorizonMonths, depreciationMonths: e.contractDepreciationMonths };
    const { ofHorizon, ofDepreciation } = contractShortness(terms);
    return [
      ofHorizon ? t("figures.contracts.months", { base: e.contractBaseMonths, horizon: e.contractHorizonMonths }) : null,
      ofDepreciation ? t("figures.contracts.monthsDepreciation", { base: e.contractBaseMonths, depreciation: e.contractDepreciationMonths }) : null,
      e.contractOptionMonths ? t("figures.contracts.options", { count: e.contractOptionMonths }) : null,
    ]
      .filter(Boolean)
      .join("; ");
  };
  const shortOnes = scorecard.shortContractSources;
  const eventsPath = (cursor: string | null) => `/buyers/${buyer.slug}?window=${scorecard.window.months}${cursor ? `&events=${cursor}` : ""}#events-heading`;
  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("buyer.lead")}</p>
        {buyer.verificationStatus !== "verified" ? <p className="inline-block rounded bg-amber-50 px-3 py-1 text-amber-900">{t("buyer.unverified")}</p> : null}
        {consultationsMissingSummary > 0 ? (
          <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-900">
            <Link to="/consultations" className="underline">
              {tc("scorecard.missing", { count: consultationsMissingSummary })}
            </Link>
          </p>
        ) : null}
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          <li>
            <Link to={`/organisations/${buyer.slug}`} className="font-medium text-brand-800 underline">
              {t("buyer.organisationLink")}
            </Link>
          </li>
          <li>
            <Link to={`/demand?buyer=${encodeURIComponent(buyer.slug)}`} className="font-medium text-brand-800 underline">
              {t("buyer.demandLink", { name: buyer.name })}
            </Link>
          </li>
        </ul>
        <WindowSwitch months={scorecard.window.months} path={`/buyers/${buyer.slug}`} />
        <p className="text-sm text-slate-700">
          {t("window.current", { first: formatMonth(scorecard.window.firstMonth, language), last: formatMonth(scorecard.window.lastMonth, language) })}{" "}
          {t("window.computedAt", { time: formatDateTime(computedAt, language) })}
        </p>
      </header>
      <OwnDeliveryProfile own={buyer.ownDelivery} language={language} />
      <section aria-labelledby="in-house-title" className="space-y-1">
        <h2 id="in-house-title" className="text-xl font-semibold">
          {t("inHouse.heading")}
        </h2>
        <p>
          {scorecard.inHouse.share === null
            ? t("inHouse.none")
            : t("inHouse.value", { inHouse: scorecard.inHouse.inHouse, ended: scorecard.inHouse.ended, share: formatPercent(scorecard.inHouse.share, language) })}
        </p>
        <p className="text-sm text-slate-600">{t("inHouse.explanation")}</p>
      </section>
      <ScorecardHeadline scorecard={scorecard} trend={scorecard.trend} language={language} />
      <ContractFiguresSection figures={contracts.figures} contracts={contracts.contracts} language={language} callOffsCsvUrl={`/buyers/${buyer.slug}/call-offs.csv`} />
      <ContractFormMixSection mix={scorecard.contractMix} language={language} idPrefix="buyer" />
      <RequestFiguresSection figures={requests} language={language} />
      {scorecard.joint.events > 0 ? (
        <section aria-labelledby="joint-heading" className="space-y-2">
          <h2 id="joint-heading" className="text-xl font-semibold">
            {t("joint.heading")}
          </h2>
          <p className="max-w-3xl text-slate-800" data-testid="joint-figure">
            {t("joint.figure", {
              events: formatNumber(scorecard.joint.events, language),
              weighted: formatNumber(scorecard.joint.weightedEvents, language),
              budget: formatNok(scorecard.joint.budgetMaxNok, language),
            })}
          </p>
          <p className="max-w-3xl text-sm text-slate-700">{t("joint.explanation")}</p>
        </section>
      ) : null}
      <h2 className="text-2xl font-semibold">{t("buyer.detailsHeading")}</h2>
      <ScorecardFigures
        scorecard={scorecard}
        language={language}
        idPrefix="buyer"
        slots={{
          procuredValue: <ProcuredValueSources sources={scorecard.procuredValueSources} language={language} />,
          contracts:
            shortOnes.length > 0 ? (
              <div className="space-y-2">
                <h4 className="font-semibold">{t("figures.contracts.listHeading")}</h4>
                <ul className="list-disc space-y-2 pl-6">
                  {shortOnes.map((e) => (
                    <li key={e.id}>
                      <Link to={`/events/${e.id}`} className="text-brand-800 underline">
                        {e.title}
                      </Link>{" "}
                      ({contractMonthsText(e)}):{" "}
                      <q>{e.contractJustification}</q>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
        }}
      />
      <section aria-labelledby="events-heading" className="space-y-3">
        <h2 id="events-heading" className="text-xl font-semibold">
          {t("events.heading")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("events.explanation", { count: eventsTotal, size: SCORECARD_EVENTS_PAGE })}</p>
        {events.length === 0 ? (
          <p>{t("events.none")}</p>
        ) : (
          <TableScroll label={t("events.caption", { name: buyer.name })}>
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="mb-2 text-left font-medium">{t("events.caption", { name: buyer.name })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="px-2 py-2">{t("events.title")}</th>
                  <th scope="col" className="px-2 py-2">{t("events.kind")}</th>
                  <th scope="col" className="px-2 py-2">{t("events.expectation")}</th>
                  <th scope="col" className="px-2 py-2">{t("events.quarter")}</th>
                  <th scope="col" className="px-2 py-2">{t("events.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} className="border-b border-slate-200">
                    <th scope="row" className="px-2 py-2 font-normal">
                      <Link to={`/events/${e.id}`} className="text-brand-800 underline">
                        {e.title}
                      </Link>
                    </th>
                    <td className="px-2 py-2">{t(`common:kinds.${e.kind}`)}</td>
                    <td className="px-2 py-2">{e.expectationStatus ? t(`demand:expectationStatus.${e.expectationStatus}`) : "–"}</td>
                    <td className="px-2 py-2">{quarterLabel(e.expectedTenderQuarter)}</td>
                    <td className="px-2 py-2">
                      {e.outcome
                        ? `${t(`eventPage:outcome.kinds.${e.outcome}`)}${e.outcomeNotProcuredReason ? ` (${t(`eventPage:outcome.reasons.${e.outcomeNotProcuredReason}`).toLowerCase()})` : ""}`
                        : t("events.noOutcome")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {olderEvents || laterPage ? (
          <nav aria-label={t("events.pages")} className="flex flex-wrap gap-x-5 gap-y-1">
            {laterPage ? (
              <Link to={eventsPath(null)} className="font-medium text-brand-800 underline">
                {t("events.newest")}
              </Link>
            ) : null}
            {olderEvents ? (
              <Link to={eventsPath(olderEvents)} className="font-medium text-brand-800 underline" data-testid="older-events">
                {t("events.older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </article>
  );
}
