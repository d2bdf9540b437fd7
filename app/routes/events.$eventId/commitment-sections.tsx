import { totalMonths } from "~/domain/contract";
import { formatNokRangeMillions, formatNumber } from "~/i18n/format";
import { Facts, Section, Time, useFormatters, type EventView } from "./presentation";

// What the buyer commits to and asks of vendors: the purchase expectation, the effort,
// the contract and the sourcing advice.

export function ExpectationSection({ event }: { event: EventView }) {
  const { t, language, quarter, nok } = useFormatters();
  const e = event.expectation;
  if (e === null || e.status === "none") return null;
  return (
    <Section id="expectation" title={t("expectation.heading")}>
      <Facts
        items={[
          [t("expectation.status"), t(`expectation.statuses.${e.status}`)],
          [t("expectation.budget"), formatNokRangeMillions(e.budgetMinNok, e.budgetMaxNok, language)],
          [t("expectation.fundingSource"), e.fundingSource],
          [t("expectation.expectedValue"), nok(e.expectedValueNok)],
          [t("expectation.quantity"), e.quantity !== null ? `${formatNumber(e.quantity, language)} ${e.unit ?? ""}`.trim() : null],
          [t("expectation.tenderQuarter"), quarter(e.expectedTenderQuarter)],
          [t("expectation.contractStart"), e.expectedContractStart ? <Time value={e.expectedContractStart} language={language} dateOnly /> : null],
        ]}
      />
    </Section>
  );
}

export function EffortSection({ event }: { event: EventView }) {
  const { t, nok } = useFormatters();
  const e = event.effort;
  return (
    <Section id="effort" title={t("effort.heading")}>
      <Facts
        items={[
          [t("effort.level"), e.level ? t(`common:effort.${e.level}`) : null],
          [t("effort.hours"), e.hoursPerVendor !== null ? t("effort.hoursValue", { count: e.hoursPerVendor }) : null],
          [t("effort.kindsOfWork"), e.kindsOfWork.length ? e.kindsOfWork.map((k) => t(`effort.work.${k}`)).join(", ") : null],
          [t("effort.compensation"), e.level === "none" ? null : (nok(e.compensationNok) ?? t("effort.noCompensation"))],
          [t("effort.compensationReason"), e.compensationReason],
        ]}
      />
    </Section>
  );
}

export function ContractSection({ event }: { event: EventView }) {
  const { t, months } = useFormatters();
  const c = event.contract;
  if ([c.form, c.baseMonths, c.optionMonths, c.horizonMonths, c.justification].every((v) => v === null)) return null;
  const total = totalMonths(c.baseMonths, c.optionMonths);
  // kontraktsvalg: vendors see why a contract is shorter than the need it serves.
  const short = total !== null && c.horizonMonths !== null && total < c.horizonMonths;
  return (
    <Section id="contract" title={t("contract.heading")}>
      <Facts
        items={[
          [t("contract.form"), c.form ? t(`contract.forms.${c.form}`) : null],
          [t("contract.base"), months(c.baseMonths)],
          [t("contract.options"), months(c.optionMonths)],
          [t("contract.total"), c.optionMonths ? months(total) : null],
          [t("contract.horizon"), months(c.horizonMonths)],
        ]}
      />
      {short ? (
        <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <p className="font-semibold text-amber-900">{t("contract.shorterThanHorizon", { total, horizon: c.horizonMonths })}</p>
          <p className="mt-1 whitespace-pre-line text-slate-900">{c.justification ?? t("notGiven")}</p>
        </div>
      ) : c.justification ? (
        <Facts items={[[t("contract.justification"), <span key="j" className="whitespace-pre-line">{c.justification}</span>]]} />
      ) : null}
    </Section>
  );
}

export function SourcingSection({ event }: { event: EventView }) {
  const { t } = useFormatters();
  const s = event.sourcing;
  if (s === null) return null;
  return (
    <Section id="sourcing" title={t("sourcing.heading")}>
      <p className="text-sm text-slate-700">{t("sourcing.explanation")}</p>
      <Facts
        items={[
          [t("sourcing.risk"), s.risk ? t(`sourcing.risks.${s.risk}`) : null],
          [t("sourcing.need"), s.need ? t(`sourcing.needs.${s.need}`) : null],
          [t("sourcing.advice"), s.advice ? <strong key="a">{t(`sourcing.advices.${s.advice}`)}</strong> : null],
          [t("sourcing.reason"), s.reason ? <span key="r" className="whitespace-pre-line">{s.reason}</span> : null],
        ]}
      />
    </Section>
  );
}
