import { SourcingBasis } from "~/components/sourcing-basis";
import { contractShortness, totalMonths } from "~/domain/contract";
import { FORM_BASIS, sourcingBasis } from "~/domain/sourcing";
import { cpvEntry } from "~/domain/cpv";
import { formatDate, formatNokRangeMillions, formatNumber } from "~/i18n/format";
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
  if ([c.form, c.baseMonths, c.optionMonths, c.horizonMonths, c.depreciationMonths, c.justification].every((v) => v === null || v === undefined)) return null;
  const total = totalMonths(c.baseMonths, c.optionMonths);
  // kontraktsvalg: what counts is the guaranteed base period; vendors see why it is shorter than
  // the need, or than their depreciation, and that the options are the buyer's to exercise.
  const { ofHorizon, ofDepreciation } = contractShortness(c);
  const short = ofHorizon || ofDepreciation;
  return (
    <Section id="contract" title={t("contract.heading")}>
      <Facts
        items={[
          [t("contract.form"), c.form ? t(`contract.forms.${c.form}`) : null],
          [t("contract.base"), months(c.baseMonths)],
          [t("contract.options"), c.optionMonths ? t("contract.atDiscretion", { months: months(c.optionMonths) }) : months(c.optionMonths)],
          [t("contract.total"), c.optionMonths ? months(total) : null],
          [t("contract.horizon"), months(c.horizonMonths)],
          [t("contract.depreciation"), months(c.depreciationMonths ?? null)],
        ]}
      />
      {short ? (
        <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          {ofHorizon ? <p className="font-semibold text-amber-900">{t("contract.shorterThanHorizon", { base: c.baseMonths, horizon: c.horizonMonths })}</p> : null}
          {ofDepreciation ? <p className="font-semibold text-amber-900">{t("contract.shorterThanDepreciation", { base: c.baseMonths, depreciation: c.depreciationMonths })}</p> : null}
          {c.optionMonths ? <p className="mt-1 text-slate-900">{t("contract.optionsDoNotCount", { count: c.optionMonths })}</p> : null}
          <p className="mt-1 text-slate-900">{t("contract.justificationHeading")}</p>
          <p className="mt-1 whitespace-pre-line text-slate-900">{c.justification ?? t("notGiven")}</p>
        </div>
      ) : c.justification ? (
        <Facts items={[[t("contract.justification"), <span key="j" className="whitespace-pre-line">{c.justification}</span>]]} />
      ) : null}
    </Section>
  );
}

export function SourcingSection({ event }: { event: EventView }) {
  const { t, language } = useFormatters();
  const s = event.sourcing;
  if (s === null) return null;
  const revision = event.sourcingRevision;
  const formBasis = event.contract.form ? FORM_BASIS[event.contract.form] : undefined;
  // A form's own citation may be one the advice already rests on (a project contract's, for one): each once.
  const basis = s.risk && s.need ? [...new Set([...sourcingBasis({ risk: s.risk, need: s.need }), ...(formBasis ? [formBasis] : [])])] : [];
  return (
    <Section id="sourcing" title={t("sourcing.heading")}>
      <p className="text-sm text-slate-700">{t("sourcing.explanation")}</p>
      {revision ? (
        <p className="rounded border-l-4 border-amber-500 bg-amber-50 p-3 text-sm">
          {t("sourcing.revised", {
            date: formatDate(revision.revisedAt, language),
            shown: t(`sourcing.advices.${revision.shownAdvice ?? "not_covered"}`),
            revised: t(`sourcing.advices.${revision.revisedAdvice}`),
          })}
        </p>
      ) : null}
      <Facts
        items={[
          [t("sourcing.risk"), s.risk ? t(`sourcing.risks.${s.risk}`) : null],
          [t("sourcing.need"), s.need ? t(`sourcing.needs.${s.need}`) : null],
          [t("sourcing.advice"), s.advice ? <strong key="a">{t(`sourcing.advices.${s.advice}`)}</strong> : null],
          [t("sourcing.reason"), s.reason ? <span key="r" className="whitespace-pre-line">{s.reason}</span> : null],
          [t("sourcing.inHouseCostBasis"), s.inHouseCostBasis ? <span key="c" className="whitespace-pre-line">{s.inHouseCostBasis}</span> : null],
        ]}
      />
      <SourcingBasis citations={basis} id="sourcing-basis" />
    </Section>
  );
}

/** Issue 19: the buyer, or its in-house provider, delivers in this event's area itself. */
export function OwnDeliverySection({ event }: { event: EventView }) {
  const { t, language } = useFormatters();
  const own = event.ownDelivery;
  if (own === null) return null;
  return (
    <section aria-labelledby="own-delivery-title" className="space-y-3 rounded border-l-4 border-amber-500 bg-amber-50 p-4">
      <h2 id="own-delivery-title" className="text-xl font-semibold">
        {t("ownDelivery.heading")}
      </h2>
      <p>{t("ownDelivery.lead", { buyer: event.buyer.name })}</p>
      <Facts
        items={[
          [t("ownDelivery.cpv"), own.cpv.map((code) => `${code} ${cpvEntry(code)?.[language] ?? ""}`.trim()).join(", ")],
          [t("ownDelivery.activities"), own.activities.map((a) => t(`ownDelivery.activity.${a}`)).join(", ")],
          [t("ownDelivery.provider"), own.provider],
          [t("ownDelivery.standards"), own.standards ? <span key="s" className="whitespace-pre-line">{own.standards}</span> : null],
        ]}
      />
    </section>
  );
}
