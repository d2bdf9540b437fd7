import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { fixedT } from "~/i18n/i18n";
import { formatDate, formatNumber } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { buyersWithRoadmaps, roadmapsByStandard } from "~/models/roadmaps.server";
import { standardsRoadmap } from "~/models/standards.server";
import { readinessAcrossVendors } from "~/models/standard-readiness.server";
import { ReadinessChart } from "~/components/readiness-chart";
import { StandardMarks } from "~/components/standard-marks";
import { osloDate } from "~/domain/zoned-time";
import { StandardsTimeline, type TimelineRow } from "./timeline";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Markedsdialog" },
  { name: "description", content: data?.description ?? "" },
];

const CATEGORIES = ["interoperability", "terminology", "messaging", "security", "imaging", "accessibility"];

// Public: what published events declare and what buyers' own roadmaps say, for anyone.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await getLanguage(request);
  const t = fixedT(language, "standards");
  const [standards, roadmaps, buyers, readiness] = await Promise.all([
    standardsRoadmap(db()),
    roadmapsByStandard(db()),
    buyersWithRoadmaps(db()),
    readinessAcrossVendors(db()),
  ]);
  return json({
    standards,
    readiness,
    roadmaps,
    buyers,
    today: osloDate(new Date()),
    title: `${t("title")} – Markedsdialog`,
    description: t("lead"),
  });
}

export default function StandardsPage() {
  const { standards, roadmaps, buyers, today, readiness } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("standards");
  const language = i18n.language as Language;
  const timeline: TimelineRow[] = standards.map((standard) => ({
    code: standard.code,
    name: standard.name,
    marks: [
      ...standard.buyers.flatMap((b) =>
        b.from
          ? [
              {
                date: b.from,
                kind: b.level === "required" ? "required" : "planned",
                buyerName: b.buyerName,
                source: "event",
              } as const,
            ]
          : [],
      ),
      ...(roadmaps[standard.code] ?? []).flatMap((r) =>
        r.date
          ? [
              {
                date: r.date,
                kind: r.status,
                buyerName: r.buyerName,
                source: "roadmap",
              } as const,
            ]
          : [],
      ),
    ],
  }));
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("lead")}</p>
        <p className="max-w-3xl text-slate-700">
          {t("readinessLead")} {t("statusSource")}
        </p>
      </div>
      <StandardsTimeline rows={timeline} today={today} language={language} />
      <section aria-labelledby="buyer-roadmaps-title" className="space-y-2">
        <h2 id="buyer-roadmaps-title" className="text-xl font-semibold">
          {t("roadmaps.buyersHeading")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("roadmaps.lead")}</p>
        {buyers.length === 0 ? (
          <p>{t("roadmaps.buyersNone")}</p>
        ) : (
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {buyers.map((buyer) => (
              <li key={buyer.slug}>
                <Link to={`/standards/roadmaps/${buyer.slug}`} className="font-medium text-brand-800 underline">
                  {buyer.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul className="space-y-6">
        {standards.map((standard) => {
          const headingId = `standard-${standard.code}`;
          const category = CATEGORIES.includes(standard.category) ? standard.category : "other";
          return (
            <li key={standard.code}>
              <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                <p className="text-sm font-medium text-brand-700">{t(`categories.${category}`)}</p>
                <h2 id={headingId} className="text-xl font-semibold">
                  {standard.name}
                </h2>
                <StandardMarks origin={standard.origin} nationalStatus={standard.nationalStatus} />
                <p className="max-w-3xl text-slate-700">{language === "nb" ? standard.descriptionNb : standard.descriptionEn}</p>
                <ReadinessChart name={standard.name} counts={readiness[standard.id]} language={language} />
                <p className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                  <span className="font-medium">{standard.openEvents > 0 ? t("openEvents", { count: standard.openEvents }) : t("noEvents")}</span>
                  {standard.openEvents > 0 ? (
                    <Link
                      to={`/demand?standard=${standard.code}`}
                      aria-label={t("showEventsLabel", { name: standard.name })}
                      className="font-medium text-brand-800 underline"
                    >
                      {t("showEvents")}
                    </Link>
                  ) : null}
                  {standard.url ? (
                    <a href={standard.url} className="font-medium text-brand-800 underline" rel="noreferrer">
                      {t("about")}
                      <span className="sr-only"> ({t("aboutHidden", { name: standard.name })})</span>
                    </a>
                  ) : null}
                </p>
                {standard.buyers.length > 0 || (roadmaps[standard.code] ?? []).length > 0 ? (
                  <details className="group">
                    <summary className="cursor-pointer font-medium text-brand-800 underline">
                      {t("details", {
                        count: standard.buyers.length + (roadmaps[standard.code] ?? []).length,
                      })}
                    </summary>
                    <div className="mt-2 space-y-3">
                      {standard.buyers.length > 0 ? (
                        <TableScroll label={t("tableCaption", { name: standard.name })}>
                          <table className="w-full border-collapse text-left text-sm">
                            <caption className="sr-only">{t("tableCaption", { name: standard.name })}</caption>
                            <thead>
                              <tr className="border-b-2 border-slate-300">
                                <th scope="col" className="px-3 py-2">
                                  {t("buyer")}
                                </th>
                                <th scope="col" className="px-3 py-2">
                                  {t("level")}
                                </th>
                                <th scope="col" className="px-3 py-2">
                                  {t("from")}
                                </th>
                                <th scope="col" className="px-3 py-2 text-right">
                                  {t("events")}
                                </th>
                              </tr>
                            </thead>
                            <tbody>
                              {standard.buyers.map((buyer) => (
                                <tr key={`${buyer.buyerSlug}-${buyer.level}`} className="border-b border-slate-200">
                                  <th scope="row" className="px-3 py-2 font-medium">
                                    <Link to={`/demand?buyer=${buyer.buyerSlug}&standard=${standard.code}`} className="text-brand-800 underline">
                                      {buyer.buyerName}
                                    </Link>
                                  </th>
                                  <td className="px-3 py-2">{t(`levels.${buyer.level}`)}</td>
                                  <td className="px-3 py-2">{buyer.from ? formatDate(buyer.from, language) : t("notDated")}</td>
                                  <td className="px-3 py-2 text-right tabular-nums">{formatNumber(buyer.events, language)}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                          {standard.moreBuyers > 0 ? (
                            <p className="mt-2 text-sm">
                              <Link to={`/demand?standard=${standard.code}`} className="font-medium text-brand-800 underline">
                                {t("moreBuyers", { name: standard.name })}
                              </Link>
                            </p>
                          ) : null}
                        </TableScroll>
                      ) : null}
                      <BuyerRoadmaps name={standard.name} rows={roadmaps[standard.code] ?? []} />
                    </div>
                  </details>
                ) : null}
              </section>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

type RoadmapRows = ReturnType<typeof useLoaderData<typeof loader>>["roadmaps"][string];

/** What buyers' own roadmaps say about one standard, with when and by whom each was last changed. */
function BuyerRoadmaps({ name, rows }: { name: string; rows: RoadmapRows }) {
  const { t, i18n } = useTranslation("standards");
  const language = i18n.language as Language;
  if (rows.length === 0) return null;
  return (
    <TableScroll label={t("roadmaps.tableCaption", { name })}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="py-1 text-left font-semibold">{t("roadmaps.tableCaption", { name })}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="px-3 py-2">
              {t("buyer")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("roadmaps.status")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("roadmaps.note")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("roadmaps.changed")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.buyerSlug} className="border-b border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link to={`/standards/roadmaps/${row.buyerSlug}`} className="text-brand-800 underline">
                  {row.buyerName}
                </Link>
              </th>
              <td className="px-3 py-2">
                {t(`roadmaps.statuses.${row.status}`)}
                {row.date ? ` ${formatDate(row.date, language)}` : ""}
              </td>
              <td className="px-3 py-2">{row.note}</td>
              <td className="px-3 py-2">
                {t("roadmaps.changedBy", {
                  date: formatDate(row.changedAt, language),
                  organisation: row.buyerName,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
