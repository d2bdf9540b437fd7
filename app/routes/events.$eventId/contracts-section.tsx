import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { RealisationChart } from "~/components/contract-realisation";
import type { ContractView } from "~/models/contract-reads.server";
import { Facts, Section, useFormatters, type EventView } from "./presentation";

// Declared before, realised after: the expected value the event declared, the contract it
// led to (indicated and binding volume), and what has been called off per contract year.

export function ContractsSection({ event, contracts, mayRecord }: { event: EventView; contracts: SerializeFrom<ContractView>[]; mayRecord: boolean }) {
  const { t } = useTranslation("contracts");
  const { language, nok } = useFormatters();
  if (!contracts.length && !mayRecord) return null;
  return (
    <Section id="contracts" title={t("event.heading")}>
      <Facts items={[[t("event.declared"), nok(event.expectation?.expectedValueNok ?? null)]]} />
      {contracts.map((c) => (
        <div key={c.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-lg font-semibold">
            <Link to={`/contracts/${c.id}`} className="text-brand-800 underline">
              {c.title}
            </Link>{" "}
            <span className="text-base font-normal text-slate-700">({t(`types.${c.type}`)})</span>
          </h3>
          <Facts
            items={[
              [t("volumes.indicatedValue"), nok(c.indicatedAnnualValueNok)],
              [t("volumes.bindingValue"), c.bindingMinimumNok === 0 ? t("volumes.zero") : nok(c.bindingMinimumNok)],
            ]}
          />
          {c.capacityWithoutCommitment ? (
            <p role="note" className="rounded border-l-4 border-amber-600 bg-amber-50 p-2 font-semibold text-amber-950">
              {t("volumes.withoutCommitment")}
            </p>
          ) : null}
          <RealisationChart years={c.realisation} unit={c.unit} bindingMinimum={c.bindingMinimumNok} language={language} />
        </div>
      ))}
      {mayRecord ? (
        <p>
          <Link to={`/contracts/new?eventId=${event.id}`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("event.record")}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}
