import { Facts, Section, Time, useFormatters, type EventView } from "./presentation";
import { TableScroll } from "~/components/table-scroll";

// What a solution must meet: standards, data protection, and the path from pilot to purchase.

export function StandardsSection({ event, names }: { event: EventView; names: Record<string, string> }) {
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
                <td className="py-2 pr-4">{names[s.code] ?? s.code}</td>
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
  if ([d.healthData, d.dataResidency, d.cloudAllowed, d.dpiaNeeded].every((v) => v === null)) return null;
  return (
    <Section id="data-protection" title={t("dataProtection.heading")}>
      <Facts
        items={[
          [t("dataProtection.healthData"), yesNo(d.healthData)],
          [t("dataProtection.dataResidency"), d.dataResidency ? t(`dataProtection.residencies.${d.dataResidency}`) : null],
          [t("dataProtection.cloudAllowed"), yesNo(d.cloudAllowed)],
          [t("dataProtection.dpiaNeeded"), yesNo(d.dpiaNeeded)],
        ]}
      />
    </Section>
  );
}

export function PilotPathSection({ event }: { event: EventView }) {
  const { t, quarter, nok } = useFormatters();
  const p = event.pilotPath;
  if (p.plan === null && event.kind !== "pilot") return null;
  return (
    <Section id="pilot-path" title={t("pilotPath.heading")}>
      <Facts
        items={[
          [t("pilotPath.heading"), p.plan ? t(`pilotPath.plans.${p.plan}`) : t("notGiven")],
          [t("pilotPath.quarter"), quarter(p.quarter)],
          [t("pilotPath.budget"), nok(p.budgetNok)],
        ]}
      />
    </Section>
  );
}
