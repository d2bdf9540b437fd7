import { useTranslation } from "~/i18n/use-translation";
import { formatDate, formatNok, formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { RelationshipRow } from "~/domain/relationships";

type Figures = Omit<RelationshipRow, "lastContactAt"> & { lastContactAt: Date | string | null };

/**
 * The figures of one relationship, as a description list: the same on the list of
 * relationships and on the relationship's page. Hours and procured value are shown
 * to vendors (effort against purchases), and to buyers where there is something.
 */
export function RelationshipFigures({ figures, viewer }: { figures: Figures; viewer: { isVendor: boolean } }) {
  const { t, i18n } = useTranslation(["relationships", "conduct"]);
  const language = i18n.language as Language;
  const n = (value: number) => formatNumber(value, language);
  const r = figures;
  return (
    <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
      <div className="sm:col-span-2">
        <dt className="font-medium text-slate-600">{t("list.lastContact")}</dt>
        <dd>
          {r.lastContactAt ? (
            <>
              {formatDate(r.lastContactAt, language)}
              {r.lastContactChannel ? `, ${t(`conduct:channels.${r.lastContactChannel}`)}` : null}
              {r.lastContactBy ? ` – ${t("list.contactBy", { name: r.lastContactBy, organisation: r.lastContactOrganisation })}` : null}
            </>
          ) : (
            t("list.noContact")
          )}
        </dd>
      </div>
      <Figure label={t("list.followUps")} value={n(r.openFollowUps)} />
      <Figure label={t("list.upcoming")} value={n(r.upcomingEvents)} />
      <Figure label={t("list.openRequests")} value={n(r.openEffortRequests)} />
      <Figure label={t("list.interactions")} value={t("list.interactionCounts", { confirmed: n(r.confirmed), disputed: n(r.disputed) })} />
      <Figure label={t("list.concerns")} value={n(r.concerns)} strong={r.concerns > 0} />
      {viewer.isVendor || r.hoursTotal > 0 ? (
        <Figure label={viewer.isVendor ? t("list.hoursVendor") : t("list.hoursBuyer")} value={t("list.hoursFigures", { year: n(r.hoursThisYear), total: n(r.hoursTotal) })} />
      ) : null}
      {viewer.isVendor || r.procuredNok > 0 ? (
        <Figure label={viewer.isVendor ? t("list.procuredVendor") : t("list.procuredBuyer")} value={formatNok(r.procuredNok, language)} />
      ) : null}
    </dl>
  );
}

function Figure({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className={strong ? "font-semibold text-red-800" : undefined}>{value}</dd>
    </div>
  );
}
