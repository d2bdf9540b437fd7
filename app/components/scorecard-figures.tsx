import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { barLengths } from "~/domain/chart-geometry";
import { EXPECTATION_STATUSES, NOT_PROCURED_REASONS, parseQuarter } from "~/domain/events";
import { CONCERN_ANSWER_DAYS, CONCERN_STATES, SCORECARD_WINDOWS, type Scorecard, type ScorecardWindow } from "~/domain/scorecard";
import { formatNok, formatNumber, formatPercent } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// The scorecard's figures as the public sees them: each with one sentence on how it is
// computed, a simple bar chart (one image with its values in its name) and a table with
// the numbers. Shared by /buyers/:id and /insights.

export interface BarItem {
  label: string;
  /** Null where there is no figure (e.g. a share of nothing): no bar, unlike zero. */
  value: number | null;
  display: string;
}

/**
 * Horizontal bars, each an SVG rect whose width is an attribute (the Content-Security-Policy
 * refuses inline styles). The image's accessible name lists every value; the value is also
 * printed beside each bar, and the table beside the chart carries them too. `max` fills the
 * bar's track (1 for shares); the largest value does when it is left out. An item without a
 * figure has no track, so it differs from zero by shape as well as by its text. `stacked` puts each
 * label above its bar, for the narrow small multiples on /insights.
 */
export function BarChart({ items, max, stacked = false }: { items: BarItem[]; max?: number; stacked?: boolean }) {
  const { t } = useTranslation("scorecard");
  const lengths = barLengths(items.map((i) => i.value), { max });
  const values = items.map((i) => `${i.label}: ${i.display}`).join("; ");
  return (
    // On a phone every chart is stacked (label above its bar): beside the bar a label gets a
    // third of 390 px, and a long word ("Markedskontrakter") would break inside itself.
    <div role="img" aria-label={t("chart.label", { values })} className={`max-w-xl ${stacked ? "space-y-2" : "space-y-2 sm:space-y-1"}`}>
      {items.map((item, index) => (
        <div
          key={item.label}
          className={`grid items-center gap-x-2 text-sm ${stacked ? "grid-cols-[1fr_minmax(3.5rem,auto)]" : "grid-cols-[1fr_minmax(3.5rem,auto)] sm:grid-cols-[minmax(6.5rem,40%)_minmax(3rem,1fr)_minmax(2.5rem,auto)]"}`}
        >
          <span className={`text-slate-800 ${stacked ? "col-span-2" : "col-span-2 sm:col-span-1"}`}>{item.label}</span>
          <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" className="h-4 w-full">
            {lengths[index] === null ? null : <rect width="100" height="10" className="fill-slate-200" />}
            {lengths[index] ? <rect width={lengths[index]!} height="10" className="fill-brand-700" /> : null}
          </svg>
          <span className="text-right tabular-nums text-slate-900">{item.display}</span>
        </div>
      ))}
    </div>
  );
}

/** Blocked attempts per published event to two decimals ("0,25"); "–" when nothing was published. */
export function blockedPerEvent(figure: Scorecard["blockedAttempts"], n: (value: number) => string): string {
  return figure.perEvent === null ? "–" : n(Math.round(figure.perEvent * 100) / 100);
}

/** A figure's text alternative: a label per row and its value, or the values under `columns` (the first names the rows). */
export function FigureTable({ caption, rows, columns }: { caption: string; rows: string[][]; columns?: string[] }) {
  const { t } = useTranslation("scorecard");
  const headings = columns ?? [t("chart.item"), t("chart.value")];
  const cell = (index: number) => `py-1 ${index < headings.length - 1 ? "pr-3" : ""} ${index > 0 ? "text-right" : ""}`;
  return (
    <table className="w-full max-w-xl border-collapse text-left text-sm">
      <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-slate-300">
          {headings.map((heading, index) => (
            <th key={heading} scope="col" className={cell(index)}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ...values]) => (
          <tr key={label} className="border-b border-slate-200">
            <th scope="row" className={`${cell(0)} font-normal`}>
              {label}
            </th>
            {values.map((value, index) => (
              <td key={index} className={`${cell(index + 1)} tabular-nums`}>
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FigureSection({ id, heading, explanation, children }: { id: string; heading: string; explanation: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h3>
      <p className="max-w-3xl text-slate-700">{explanation}</p>
      {children}
    </section>
  );
}

/** A chart and a table of the same items. */
function Bars({ caption, items }: { caption: string; items: BarItem[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <BarChart items={items} />
      <FigureTable caption={caption} rows={items.map((i) => [i.label, i.display])} />
    </div>
  );
}

/** "3. kvartal 2026" / "Q3 2026" ("3. kv. 2026" when short), or a dash without a quarter. */
export function useQuarterLabel({ short = false } = {}) {
  const { t } = useTranslation("scorecard");
  return (quarter: string | null) => {
    const parsed = quarter ? parseQuarter(quarter) : null;
    return parsed ? t(short ? "insights.quarterShort" : "insights.quarterLabel", { quarter: parsed.quarter, year: parsed.year }) : "–";
  };
}

/** Links to the same page with ?window=12 and ?window=36. */
export function WindowSwitch({ months, path }: { months: ScorecardWindow; path: string }) {
  const { t } = useTranslation("scorecard");
  return (
    <nav aria-label={t("window.label")}>
      <ul className="flex gap-2">
        {SCORECARD_WINDOWS.map((option) => (
          <li key={option}>
            <Link
              to={`${path}?window=${option}`}
              aria-current={option === months ? "page" : undefined}
              className={`inline-block rounded border px-3 py-1 font-medium ${option === months ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 text-brand-800 underline"}`}
            >
              {t("window.option", { count: option })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Every figure of one scorecard. `slot` adds content after a figure (e.g. the list of justifications). */
export function ScorecardFigures({ scorecard: s, language, idPrefix, slots = {} }: { scorecard: Scorecard; language: Language; idPrefix: string; slots?: Partial<Record<"contracts" | "conduct" | "procuredValue", ReactNode>> }) {
  const { t } = useTranslation(["scorecard", "demand", "eventPage"]);
  const n = (value: number) => formatNumber(value, language);
  const item = (label: string, value: number, display = n(value)): BarItem => ({ label, value, display });
  const hours = (value: number | null) => (value === null ? t("figures.answers.none") : t("figures.answers.hours", { count: value }));
  return (
    <div className="space-y-4">
      <FigureSection id={`${idPrefix}-effort`} heading={t("figures.effort.heading")} explanation={t("figures.effort.explanation")}>
        <Bars
          caption={`${t("figures.effort.caption")} (${t("figures.effort.total").toLowerCase()}: ${n(s.effort.events)})`}
          items={[
            ...EXPECTATION_STATUSES.map((status) => item(t(`demand:expectationStatus.${status}`), s.effort.byStatus[status])),
            item(t("figures.effort.undeclared"), s.effort.byStatus.undeclared),
          ]}
        />
      </FigureSection>
      <FigureSection id={`${idPrefix}-fulfilment`} heading={t("figures.fulfilment.heading")} explanation={t("figures.fulfilment.explanation")}>
        <p className="text-2xl font-semibold">
          {t("figures.fulfilment.share")}: {s.fulfilment.share === null ? t("figures.fulfilment.none") : formatPercent(s.fulfilment.share, language)}
        </p>
        <Bars
          caption={t("figures.fulfilment.caption")}
          items={[
            item(t("figures.fulfilment.met"), s.fulfilment.met),
            item(t("figures.fulfilment.missed"), s.fulfilment.missed),
            item(t("figures.fulfilment.withdrawn"), s.fulfilment.withdrawn),
            item(t("figures.fulfilment.pending"), s.fulfilment.pending),
          ]}
        />
        <p className="text-slate-700">
          {t("figures.fulfilment.medianSlip")}:{" "}
          <strong>{s.fulfilment.medianSlipQuarters === null ? t("figures.fulfilment.none") : n(s.fulfilment.medianSlipQuarters)}</strong>.{" "}
          {t("figures.fulfilment.slipExplanation")}
        </p>
      </FigureSection>
      <FigureSection id={`${idPrefix}-procured-value`} heading={t("figures.procuredValue.heading")} explanation={t("figures.procuredValue.explanation")}>
        <p className="text-2xl font-semibold">
          {t("figures.procuredValue.ratio")}: {s.procuredValue.ratio === null ? t("figures.fulfilment.none") : formatPercent(s.procuredValue.ratio, language)}
        </p>
        <div className="grid gap-4 lg:grid-cols-2">
          <BarChart
            items={[
              item(t("figures.procuredValue.declared"), s.procuredValue.declaredNok, formatNok(s.procuredValue.declaredNok, language)),
              item(t("figures.procuredValue.procured"), s.procuredValue.procuredNok, formatNok(s.procuredValue.procuredNok, language)),
            ]}
          />
          <FigureTable
            caption={t("figures.procuredValue.caption", { count: s.procuredValue.events })}
            rows={EXPECTATION_STATUSES.filter((status) => status !== "none").map((status) => {
              const v = s.procuredValue.byStatus[status as Exclude<typeof status, "none">];
              return [
                t(`demand:expectationStatus.${status}`),
                v.events === 0 ? "–" : t("figures.procuredValue.row", { procured: formatNok(v.procuredNok, language), declared: formatNok(v.declaredNok, language), ratio: v.ratio === null ? "–" : formatPercent(v.ratio, language) }),
              ];
            })}
          />
        </div>
        {slots.procuredValue}
      </FigureSection>
      <FigureSection id={`${idPrefix}-not-procured`} heading={t("figures.notProcured.heading")} explanation={t("figures.notProcured.explanation")}>
        <Bars caption={t("figures.notProcured.caption")} items={NOT_PROCURED_REASONS.map((r) => item(t(`eventPage:outcome.reasons.${r}`), s.notProcured.byReason[r]))} />
      </FigureSection>
      <FigureSection id={`${idPrefix}-hours`} heading={t("figures.hours.heading")} explanation={t("figures.hours.explanation")}>
        <div className="grid gap-4 lg:grid-cols-2">
          <BarChart items={[item(t("figures.hours.requested"), s.hours.requestedHours), item(t("figures.hours.reported"), s.hours.reportedHours)]} />
          <FigureTable
            caption={t("figures.hours.caption")}
            rows={[
              [t("figures.hours.requested"), n(s.hours.requestedHours)],
              [t("figures.hours.reported"), n(s.hours.reportedHours)],
              [t("figures.hours.procured"), formatNok(s.hours.procuredNok, language)],
              [t("figures.hours.perHour"), s.hours.nokPerReportedHour === null ? "–" : formatNok(s.hours.nokPerReportedHour, language)],
            ]}
          />
        </div>
      </FigureSection>
      <FigureSection id={`${idPrefix}-pilots`} heading={t("figures.pilots.heading")} explanation={t("figures.pilots.explanation")}>
        <Bars
          caption={t("figures.pilots.caption")}
          items={[
            item(t("figures.pilots.metButNotBought"), s.pilots.metButNotBought),
            item(t("figures.pilots.bought"), s.pilots.bought),
            item(t("figures.pilots.notBought"), s.pilots.notBought),
            item(t("figures.pilots.open"), s.pilots.open),
            item(t("figures.pilots.missingExit"), s.pilots.missingExit),
            item(t("figures.pilots.awaitingExit"), s.pilots.awaitingExit),
          ]}
        />
        <p className="text-slate-700">
          {t("figures.pilots.optionRate")}: <strong>{t("figures.pilots.optionRateValue", { exercised: n(s.pilots.optionsExercised), decided: n(s.pilots.optionsDecided) })}</strong>.{" "}
          <Link to="/pilots" className="text-brand-800 underline">
            {t("figures.pilots.register")}
          </Link>
        </p>
        <p className="text-slate-700" data-testid="external-without-purchase-budget">
          {t("figures.pilots.externalWithoutBudget")}:{" "}
          <strong>{t("figures.pilots.externalWithoutBudgetValue", { unbudgeted: n(s.pilots.externalWithoutPurchaseBudget), funded: n(s.pilots.externallyFunded) })}</strong>.{" "}
          {t("figures.pilots.externalWithoutBudgetExplanation")}
        </p>
      </FigureSection>
      <FigureSection id={`${idPrefix}-contracts`} heading={t("figures.contracts.heading")} explanation={t("figures.contracts.explanation")}>
        <Bars
          caption={t("figures.contracts.caption")}
          items={[
            item(t("figures.contracts.measured"), s.contracts.measured),
            item(t("figures.contracts.short"), s.contracts.short),
            item(t("figures.contracts.justified"), s.contracts.justified),
          ]}
        />
        {slots.contracts}
      </FigureSection>
      <FigureSection id={`${idPrefix}-answers`} heading={t("figures.answers.heading")} explanation={t("figures.answers.explanation")}>
        <FigureTable
          caption={t("figures.answers.caption")}
          rows={[
            [t("figures.answers.answered"), n(s.answers.answered)],
            [t("figures.answers.median"), hours(s.answers.medianHours)],
          ]}
        />
      </FigureSection>
      <FigureSection id={`${idPrefix}-blocked`} heading={t("figures.blocked.heading")} explanation={t("figures.blocked.explanation")}>
        <FigureTable
          caption={t("figures.blocked.caption")}
          rows={[
            [t("figures.blocked.perEvent"), blockedPerEvent(s.blockedAttempts, n)],
            [t("figures.blocked.count"), n(s.blockedAttempts.attempts)],
            [t("figures.blocked.published"), n(s.blockedAttempts.published)],
          ]}
        />
      </FigureSection>
      <FigureSection id={`${idPrefix}-conduct`} heading={t("figures.conduct.heading")} explanation={t("figures.conduct.explanation", { days: CONCERN_ANSWER_DAYS })}>
        <Bars
          caption={t("figures.conduct.caption")}
          items={[
            s.conduct.buyers === 1
              ? item(t("figures.conduct.adopted"), s.conduct.adopted, s.conduct.adopted ? t("figures.conduct.yes") : t("figures.conduct.no"))
              : item(t("figures.conduct.adoptedShare"), s.conduct.adopted, `${n(s.conduct.adopted)} / ${n(s.conduct.buyers)}`),
            item(t("figures.conduct.received"), s.conduct.concernsReceived),
            item(t("figures.conduct.raised"), s.conduct.concernsRaised),
          ]}
        />
        <FigureTable
          caption={t("figures.conduct.statesCaption")}
          rows={[
            ...CONCERN_STATES.map((state): [string, string] => [t(`figures.conduct.state.${state}`), n(s.conduct.received[state])]),
            [t("figures.conduct.awaiting", { days: CONCERN_ANSWER_DAYS }), n(s.conduct.receivedAwaitingAnswer)],
          ]}
        />
        {slots.conduct}
      </FigureSection>
    </div>
  );
}
