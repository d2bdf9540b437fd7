import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate, formatNok, formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { ContractParty, ContractView } from "~/models/contract-reads.server";
import { OptionDecisionForm } from "./forms";
import { TableScroll } from "~/components/table-scroll";

// The contract's facts: parties and periods, the volumes indicated and bound, the options.

export type ContractData = SerializeFrom<ContractView>;

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
      {items
        .filter(([, value]) => value !== null && value !== undefined && value !== "")
        .map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function ContractFacts({ contract: c, language }: { contract: ContractData; language: Language }) {
  const { t } = useTranslation("contracts");
  return (
    <section aria-labelledby="facts-title" className="space-y-3">
      <h2 id="facts-title" className="text-xl font-semibold">
        {t("facts.heading")}
      </h2>
      <Facts
        items={[
          [t("facts.type"), t(`types.${c.type}`)],
          [t("facts.buyer"), c.buyer.name],
          [t("facts.vendors"), c.vendors.map((v) => v.name).join(", ")],
          [
            t("facts.event"),
            c.event ? (
              <Link to={`/events/${c.event.id}`} className="text-brand-800 underline">
                {c.event.title}
              </Link>
            ) : null,
          ],
          [t("facts.period"), t("facts.periodValue", { start: formatDate(c.start, language), end: formatDate(c.baseEnd, language) })],
          [t("facts.end"), c.end !== c.baseEnd ? formatDate(c.end, language) : null],
          [t("facts.depreciation"), c.depreciationMonths ? t("facts.months", { count: c.depreciationMonths }) : null],
        ]}
      />
    </section>
  );
}

export function VolumesSection({ contract: c, language }: { contract: ContractData; language: Language }) {
  const { t } = useTranslation("contracts");
  const kroner = (value: number | null) => (value === null ? null : value === 0 ? t("volumes.zero") : formatNok(value, language));
  const units = (value: number | null) => (value === null ? null : t("volumes.quantity", { quantity: formatNumber(value, language), unit: c.unit ?? "" }));
  return (
    <section aria-labelledby="volumes-title" className="space-y-3">
      <h2 id="volumes-title" className="text-xl font-semibold">
        {t("volumes.heading")}
      </h2>
      {c.capacityWithoutCommitment ? (
        <div role="note" className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">{t("volumes.withoutCommitment")}</p>
          <p>{t("volumes.withoutCommitmentExplained")}</p>
        </div>
      ) : null}
      <Facts
        items={[
          [t("volumes.indicatedValue"), kroner(c.indicatedAnnualValueNok)],
          [t("volumes.indicatedQuantity"), units(c.indicatedAnnualQuantity)],
          [t("volumes.bindingValue"), kroner(c.bindingMinimumNok)],
          [t("volumes.bindingQuantity"), units(c.bindingMinimumQuantity)],
          [
            t("volumes.capacity"),
            c.capacityRequired ? (c.capacityLeadTimeWeeks ? t("volumes.capacityLeadTime", { weeks: c.capacityLeadTimeWeeks }) : t("volumes.capacityYes")) : t("volumes.capacityNo"),
          ],
        ]}
      />
    </section>
  );
}

export function OptionsSection({ contract: c, party, language }: { contract: ContractData; party: ContractParty; language: Language }) {
  const { t } = useTranslation("contracts");
  return (
    <section aria-labelledby="options-title" className="space-y-3">
      <h2 id="options-title" className="text-xl font-semibold">
        {t("options.heading")}
      </h2>
      {c.options.length === 0 ? (
        <p>{t("options.none")}</p>
      ) : (
        <>
          <p className="text-slate-700">{t("options.discretion")}</p>
          <TableScroll label={t("options.caption")}>
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="mb-2 text-left font-medium">{t("options.caption")}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="px-2 py-2">{t("options.number")}</th>
                  <th scope="col" className="px-2 py-2">{t("options.length")}</th>
                  <th scope="col" className="px-2 py-2">{t("options.starts")}</th>
                  <th scope="col" className="px-2 py-2">{t("options.notice")}</th>
                  <th scope="col" className="px-2 py-2">{t("options.status")}</th>
                </tr>
              </thead>
              <tbody>
                {c.options.map((o) => (
                  <tr key={o.number} className="border-b border-slate-200">
                    <th scope="row" className="px-2 py-2 font-normal">{o.number}</th>
                    <td className="px-2 py-2">{t("facts.months", { count: o.months })}</td>
                    <td className="px-2 py-2">{formatDate(o.start, language)}</td>
                    <td className="px-2 py-2">{formatDate(o.noticeDeadline, language)}</td>
                    <td className="px-2 py-2">
                      {t(`options.statuses.${o.status}`)}
                      {o.reason ? <span className="block text-slate-700">{o.reason}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {party === "buyer" ? c.options.filter((o) => o.status === "open").map((o) => <OptionDecisionForm key={o.number} number={o.number} />) : null}
        </>
      )}
    </section>
  );
}
