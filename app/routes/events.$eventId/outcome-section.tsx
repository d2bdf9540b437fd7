import { Facts, Section, Time, useFormatters, type EventView } from "./presentation";

export function OutcomeSection({ event }: { event: EventView }) {
  const { t, language, nok } = useFormatters();
  const o = event.outcome;
  if (!o) return null;
  return (
    <Section id="outcome" title={t("outcome.heading")}>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-lg font-semibold">{t(`outcome.kinds.${o.outcome}`)}</p>
        <div className="mt-2">
          <Facts
            items={[
              [t("outcome.contractValue"), o.outcome === "procured" ? nok(o.contractValueNok) : null],
              [t("outcome.contractDate"), o.outcome === "procured" && o.contractDate ? <Time value={o.contractDate} language={language} dateOnly /> : null],
              [t("outcome.noticeReference"), o.outcome === "procured" ? o.noticeReference : null],
              [t("outcome.winner"), o.outcome === "procured" ? (o.winningVendor?.name ?? null) : null],
              [t("outcome.reason"), o.outcome === "not_procured" ? (o.reason ? t(`outcome.reasons.${o.reason}`) : null) : o.outcome === "withdrawn" ? o.reason : null],
              [t("outcome.recordedAt"), <Time key="at" value={o.recordedAt} language={language} dateOnly />],
            ]}
          />
        </div>
      </div>
    </Section>
  );
}
