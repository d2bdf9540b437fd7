import { Facts, Section, Time, useFormatters, type EventView } from "./presentation";

// næringsutvikling (issue 17): who owns what vendors hand over, and the buyer's named, dated
// undertaking not to use vendors' information in its own business.

export function IpTermsSection({ event }: { event: EventView }) {
  const { t, language, yesNo } = useFormatters();
  const ip = event.intellectualProperty;
  const stated = Object.values(ip).some((v) => v !== null);
  if (!stated && !event.ipTerms && !event.nonUseUndertaking) return null;
  return (
    <Section id="ip" title={t("ipTerms")}>
      <Facts
        items={[
          [t("ip.backgroundStaysWithVendor"), yesNo(ip.backgroundStaysWithVendor)],
          [t("ip.foregroundOwner"), ip.foregroundOwner ? t(`ip.owners.${ip.foregroundOwner}`) : null],
          [t("ip.licenceScope"), ip.licenceScope ? <span className="whitespace-pre-line">{ip.licenceScope}</span> : null],
          [t("ip.existingProductsNotTransferred"), yesNo(ip.existingProductsNotTransferred)],
          [t("ip.inputUse"), ip.inputUse ? t(`ip.uses.${ip.inputUse}`) : null],
        ]}
      />
      {event.ipTerms ? <p className="max-w-prose whitespace-pre-line">{event.ipTerms}</p> : null}
      {event.nonUseUndertaking ? (
        <figure className="max-w-prose rounded border-l-4 border-brand-700 bg-brand-50 p-4">
          <figcaption className="font-semibold">{t("ip.undertaking.heading")}</figcaption>
          <blockquote className="mt-2">
            <p>«{t("ip.undertaking.text")}»</p>
          </blockquote>
          <p className="mt-2 text-sm text-slate-700">
            {t("ip.undertaking.givenBy", { name: event.nonUseUndertaking.name, buyer: event.buyer.name })}{" "}
            <Time value={event.nonUseUndertaking.at} language={language} />
          </p>
        </figure>
      ) : null}
    </Section>
  );
}
