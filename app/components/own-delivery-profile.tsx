import { useTranslation } from "~/i18n/use-translation";
import { cpvEntry, type CpvLanguage } from "~/domain/cpv";
import type { OwnDelivery } from "~/domain/own-delivery";

/** A buyer's declared own delivery (issue 19), on its public page; nothing when it declares none. */
export function OwnDeliveryProfile({ own, language }: { own: OwnDelivery; language: CpvLanguage }) {
  const { t } = useTranslation("organisations");
  if (own.cpv.length === 0) return null;
  return (
    <section aria-labelledby="own-delivery-public-title" className="space-y-2 rounded border-l-4 border-amber-500 bg-amber-50 p-4">
      <h2 id="own-delivery-public-title" className="text-xl font-semibold">
        {t("ownDelivery.publicTitle")}
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[16rem_1fr]">
        <dt className="font-medium">{t("ownDelivery.cpv")}</dt>
        <dd>
          <ul>
            {own.cpv.map((code) => (
              <li key={code}>
                {code} {cpvEntry(code)?.[language] ?? ""}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-medium">{t("ownDelivery.activities")}</dt>
        <dd>{own.activities.map((a) => t(`ownDelivery.activity.${a}`)).join(", ")}</dd>
        {own.provider ? (
          <>
            <dt className="font-medium">{t("ownDelivery.provider")}</dt>
            <dd>{own.provider}</dd>
          </>
        ) : null}
        {own.standards ? (
          <>
            <dt className="font-medium">{t("ownDelivery.standards")}</dt>
            <dd className="whitespace-pre-line">{own.standards}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
