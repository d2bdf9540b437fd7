import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { needsPilotTerms, purchaseBudgetStatus } from "~/domain/pilot";
import { noPurchaseBudgetAfterPilot } from "~/domain/pilot-funding";
import type { FigureSpread, VendorInvestment } from "~/domain/pilot-investment";
import type { InvestmentFigures } from "~/models/pilot-investment.server";
import { Facts, Section, Time, useFormatters, type EventView } from "./presentation";
import { TableScroll } from "~/components/table-scroll";
import { StandardMarks } from "~/components/standard-marks";
import type { NationalStatus, StandardOrigin } from "~/domain/standard-readiness";

// What a solution must meet: standards, scope and integration, data protection, and the path from pilot to purchase.

export function StandardsSection({
  event,
  names,
  marks,
}: {
  event: EventView;
  names: Record<string, string>;
  marks: Record<string, { origin: StandardOrigin; nationalStatus: NationalStatus }>;
}) {
  const { t, language } = useFormatters();
  if (event.standards.length === 0) return null;
  return (
    <Section id="standards" title={t("standards.heading")}>
      <TableScroll label={t("standards.heading")}>
        <table className="w-full text-left">
          <thead>
            <tr className="border-b border-slate-300 text-sm text-slate-700">
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("standards.standard")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("standards.level")}
              </th>
              <th scope="col" className="py-2 font-medium">
                {t("standards.from")}
              </th>
            </tr>
          </thead>
          <tbody>
            {event.standards.map((s) => (
              <tr key={s.code} className="border-b border-slate-200">
                <td className="py-2 pr-4">
                  <span className="block">{names[s.code] ?? s.code}</span>
                  {marks[s.code] ? <StandardMarks origin={marks[s.code]!.origin} nationalStatus={marks[s.code]!.nationalStatus} /> : null}
                </td>
                <td className="py-2 pr-4">{t(`standards.levels.${s.level}`)}</td>
                <td className="py-2">{s.from ? <Time value={s.from} language={language} dateOnly /> : t("notGiven")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

export function DataProtectionSection({ event }: { event: EventView }) {
  const { t, yesNo } = useFormatters();
  const d = event.dataProtection;
  const owner = [d.privacyOwnerRole, d.privacyOwnerOrganisation].filter(Boolean).join(", ");
  // The new shape says what the older answers said (migration 0047); an older answer it cannot say stays shown.
  const items: [string, string | null][] = [
    [t("dataProtection.dataCategories"), d.dataCategories.map((c) => t(`dataProtection.categories.${c}`)).join(", ")],
    [t("dataProtection.healthData"), d.dataCategories.length === 0 ? yesNo(d.healthData) : null],
    [t("dataProtection.hostingConstraint"), d.hostingConstraint ? t(`dataProtection.hosting.${d.hostingConstraint}`) : null],
    [t("dataProtection.dataResidency"), d.hostingConstraint === null && d.dataResidency ? t(`dataProtection.residencies.${d.dataResidency}`) : null],
    [t("dataProtection.cloudAllowed"), yesNo(d.cloudAllowed)],
    [t("dataProtection.dpiaStatus"), d.dpiaStatus ? t(`dataProtection.dpia.${d.dpiaStatus}`) : null],
    [t("dataProtection.dpiaNeeded"), d.dpiaStatus === null ? yesNo(d.dpiaNeeded) : null],
    [t("dataProtection.dataController"), d.dataController],
    [t("dataProtection.privacyOwner"), owner],
  ];
  if (items.every(([, value]) => value === null || value === "")) return null;
  return (
    <Section id="data-protection" title={t("dataProtection.heading")}>
      <Facts items={items} />
    </Section>
  );
}

/** forutsigbarhet (issue 19): what the purchase covers, what it integrates with, and who owns the service. */
export function ScopeSection({ event, names }: { event: EventView; names: Record<string, string> }) {
  const { t, nok } = useFormatters();
  const s = event.scope;
  const budget =
    s.integrationBudgetIncluded === null
      ? null
      : s.integrationBudgetIncluded
        ? s.integrationBudgetNok === null
          ? t("scope.integrationBudgetIncludedNoAmount")
          : t("scope.integrationBudgetIncluded", { amount: nok(s.integrationBudgetNok) })
        : t("scope.integrationBudgetOutside");
  const identity = s.identityAccess.map((i) => (i === "other" && s.identityAccessOther ? s.identityAccessOther : t(`scope.identityOptions.${i}`))).join(", ");
  const docs = s.interfaceDocs ? (
    <>
      {t(`scope.interfaceDocsOptions.${s.interfaceDocs}`)}
      {s.interfaceDocsUrl ? (
        <>
          {" – "}
          <a href={s.interfaceDocsUrl} rel="noopener noreferrer" className="text-brand-700 underline">
            {t("scope.interfaceDocsLink")}
          </a>
        </>
      ) : null}
    </>
  ) : null;
  const facts: [string, ReactNode][] = [
    [t("scope.items"), s.items.map((i) => t(`scope.itemNames.${i}`)).join(", ")],
    [t("scope.interfaceDocs"), docs],
    [t("scope.identityAccess"), identity],
    [t("scope.integrationBudget"), budget],
    [t("scope.serviceOwnerRole"), s.serviceOwnerRole],
    [t("scope.tcoHorizonYears"), s.tcoHorizonYears === null ? null : t("scope.years", { count: s.tcoHorizonYears })],
    [t("scope.adaptationNeeds"), s.adaptationNeeds],
  ];
  if (facts.every(([, value]) => value === null || value === "") && s.integrations.length === 0) return null;
  return (
    <Section id="scope" title={t("scope.heading")}>
      <Facts items={facts} />
      {s.integrations.length > 0 ? (
        <TableScroll label={t("scope.integrations")}>
          <table className="w-full text-left">
            <caption className="py-2 text-left font-medium text-slate-700">{t("scope.integrations")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-sm text-slate-700">
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("scope.system")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("scope.standard")}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.integrations.map((row, i) => (
                <tr key={i} className="border-b border-slate-200">
                  <td className="py-2 pr-4">{row.system}</td>
                  <td className="py-2">{row.standard ? (names[row.standard] ?? row.standard) : t("notGiven")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Section>
  );
}

/** næringsutvikling: how the pilot is judged and what follows success, said plainly to vendors. */
export function PilotPathSection({ event, investment = null }: { event: EventView; investment?: InvestmentFigures | null }) {
  const { t, quarter, nok } = useFormatters();
  const investmentText = useInvestmentText();
  const p = event.pilotPath;
  if (p.plan === null && p.acceptanceCriteria.length === 0 && !needsPilotTerms(event.kind, event.contract.form)) return null;
  const budget = purchaseBudgetStatus(p);
  const window = p.optionWindowFrom && p.optionWindowTo ? t("pilotPath.window", { from: quarter(p.optionWindowFrom), to: quarter(p.optionWindowTo) }) : null;
  const decider = [p.deciderRole, p.deciderOrganisation].filter(Boolean).join(", ");
  const funding = p.funding ?? [];
  // næringsutvikling: outside money for the pilot and none set aside for the purchase after it is said publicly.
  const unbudgeted = noPurchaseBudgetAfterPilot({ funding, budgetEarmarked: p.budgetEarmarked });
  return (
    <Section id="pilot-path" title={t("pilotPath.heading")}>
      {unbudgeted ? (
        <p data-testid="no-purchase-budget" className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
          <span className="font-medium">{t("pilotPath.noPurchaseBudget")}</span>
          <span className="block text-sm">{t("pilotPath.noPurchaseBudgetExplained")}</span>
        </p>
      ) : null}
      <DuplicatePilots event={event} />
      <h3 className="font-semibold">{t("pilotPath.criteria")}</h3>
      {p.acceptanceCriteria.length === 0 ? (
        <p className="text-slate-700">{t("notGiven")}</p>
      ) : (
        <ol className="list-decimal space-y-2 pl-6">
          {p.acceptanceCriteria.map((c, i) => (
            <li key={i}>
              <span className="font-medium">{c.measure}</span>: {c.threshold}
              <span className="block text-sm text-slate-700">{t("pilotPath.judged", { method: c.method, judgedBy: c.judgedBy })}</span>
            </li>
          ))}
        </ol>
      )}
      <h3 className="font-semibold">{t("pilotPath.ifMet")}</h3>
      {budget ? (
        <p className={budget === "budgeted" ? "font-medium text-green-800" : "rounded border border-amber-300 bg-amber-50 p-2 font-medium text-amber-900"}>
          {t(`pilotPath.budgetStatus.${p.plan}.${budget}`)}
        </p>
      ) : null}
      <Facts
        items={[
          [t("pilotPath.plan"), p.plan ? t(`pilotPath.plans.${p.plan}`) : t("notGiven")],
          [t("pilotPath.quarter"), p.plan === "follow_on_procurement" ? quarter(p.quarter) : null],
          [t("pilotPath.budget"), p.plan === "follow_on_procurement" ? nok(p.budgetNok) : null],
          [t("pilotPath.optionMaxPrice"), p.plan === "purchase_option" ? nok(p.optionMaxPriceNok) : null],
          [t("pilotPath.optionWindow"), p.plan === "purchase_option" ? window : null],
          [t("pilotPath.budgetSource"), budget === "budgeted" ? p.budgetSource : null],
          [t("pilotPath.decider"), budget ? decider : null],
          [
            t("pilotPath.funding"),
            funding.length === 0
              ? null
              : funding
                  .map((f) => {
                    const name = f.source === "other" && f.otherText ? f.otherText : t(`pilotPath.fundingSources.${f.source}`);
                    return f.amountNok === null ? name : `${name} (${nok(f.amountNok)})`;
                  })
                  .join(", "),
          ],
          [t("pilotPath.investment"), investmentText({ hours: p.vendorInvestmentHours, nok: p.vendorInvestmentNok })],
        ]}
      />
      {investment ? <InvestmentCorrections figures={investment} /> : null}
      {event.status !== "draft" && needsPilotTerms(event.kind, event.contract.form) ? (
        <>
          <p>
            <Link to={`/events/${event.id}/investment`} className="font-medium text-brand-800 underline">
              {t("pilotPath.investmentLink")}
            </Link>
          </p>
          <p>
            <Link to={`/events/${event.id}/pilot-exit`} className="font-medium text-brand-800 underline">
              {t("pilotPath.exitLink")}
            </Link>
          </p>
        </>
      ) : null}
    </Section>
  );
}

/** næringsutvikling (issue 16): how the registered vendors corrected the buyer's figure (count, median, range), and to the buyer who said what. */
function InvestmentCorrections({ figures }: { figures: InvestmentFigures }) {
  const { t, nok } = useFormatters();
  const investmentText = useInvestmentText();
  const hours = (n: number) => t("pilotPath.investmentHours", { count: n });
  const spread = (s: FigureSpread | null, format: (n: number) => string) => (s ? t("pilotPath.spread", { median: format(s.median), min: format(s.min), max: format(s.max), count: s.count }) : null);
  const { summary, corrections } = figures;
  return (
    <div data-testid="investment-corrections" className="space-y-2">
      <Facts
        items={[
          [t("pilotPath.correctionsCount"), String(summary.count)],
          [t("pilotPath.correctedHours"), spread(summary.hours, hours)],
          [t("pilotPath.correctedNok"), spread(summary.nok, (n) => nok(n) ?? String(n))],
        ]}
      />
      {corrections && corrections.length > 0 ? (
        <>
          <h3 className="font-semibold">{t("pilotPath.correctionsBy")}</h3>
          <ul className="list-disc space-y-1 pl-5" data-testid="investment-by-vendor">
            {corrections.map((c) => (
              <li key={c.organisationId}>
                <span className="font-medium">{c.organisationName}</span>: {investmentText(c) ?? "–"}
                {c.note ? <span className="block text-sm text-slate-700">{c.note}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** "40 timer, 200 000 kr": one vendor's investment as the page says it; null when neither is stated. */
export function useInvestmentText() {
  const { t, nok } = useFormatters();
  return (i: VendorInvestment) =>
    [i.hours === null ? null : t("pilotPath.investmentHours", { count: i.hours }), i.nok === null ? null : nok(i.nok)].filter(Boolean).join(", ") || null;
}

/** "Pilotsyken" (issue 16): earlier pilots on the same need that met their criteria and were not bought, and the buyer's answer why a new one is needed. */
function DuplicatePilots({ event }: { event: EventView }) {
  const { t } = useFormatters();
  if (event.similarPilots.length === 0) return null;
  return (
    <div data-testid="duplicate-pilots" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <h3 className="font-semibold">{t("pilotPath.duplicateHeading")}</h3>
      <p className="text-sm">{t("pilotPath.duplicateLead")}</p>
      <ul className="list-disc pl-5">
        {event.similarPilots.map((s) => (
          <li key={s.id}>
            <Link to={`/events/${s.id}`} className="font-medium text-brand-800 underline">
              {s.title}
            </Link>{" "}
            (<Link to={`/buyers/${s.buyer.slug}`} className="underline">{s.buyer.name}</Link>)
          </li>
        ))}
      </ul>
      <p>
        <span className="font-medium">{t("pilotPath.duplicateReason")}: </span>
        <span className="whitespace-pre-line">{event.pilotPath.duplicateReason ?? t("notGiven")}</span>
      </p>
    </div>
  );
}
