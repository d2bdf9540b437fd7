import { Link } from "@remix-run/react";
import { Section, useFormatters, type EventView } from "./presentation";

type Party = NonNullable<EventView["costBenefitParties"]>["costOwners"][number];

// Who pays and who benefits, said plainly (issue 19): "Kostnaden bæres av … – gevinsten kommer hos …".
export function CostBenefitSection({ event }: { event: EventView }) {
  const { t } = useFormatters();
  const cb = event.costBenefitParties;
  if (!cb) return null;
  const name = (p: Party) => (p.name ? p.name : t(`organisations:sectors.${p.sector ?? "other"}`));
  const list = (parties: Party[], withShare: boolean) =>
    parties.map((p, i) => (
      <span key={`${p.organisationId ?? p.sector}-${i}`}>
        {i > 0 ? (i === parties.length - 1 ? ` ${t("costBenefit.and")} ` : ", ") : null}
        {p.slug ? (
          <Link to={`/organisations/${p.slug}`} className="text-brand-800 underline">
            {name(p)}
          </Link>
        ) : (
          name(p)
        )}
        {withShare && p.sharePercent !== null ? ` (${p.sharePercent} %)` : null}
      </span>
    ));
  return (
    <Section id="cost-benefit" title={t("costBenefit.heading")}>
      <p className="text-lg">
        {t("costBenefit.costBorneBy")} {list(cb.costOwners, cb.costOwners.length > 1)} – {t("costBenefit.benefitAt")} {list(cb.benefitOwners, false)}.
      </p>
      <p className="text-sm text-slate-700">{cb.ownersDiffer ? t("costBenefit.differ") : t("costBenefit.same")}</p>
    </Section>
  );
}
