import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { TableScroll } from "~/components/table-scroll";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { OrganisationRoles } from "~/components/organisation-roles";
import { formatOrgNumber } from "~/domain/org-number";
import { getPublicOrganisation } from "~/models/organisations.server";
import { formatDate } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { getAdoption } from "~/models/conduct.server";
import { interactionCounts } from "~/models/interaction-reads.server";
import { publicCountsFor } from "~/models/protected-reports.server";
import { PublicReportCounts } from "~/components/protected-report";
import { invariantResponse } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.organisation.name} – Markedsdialog` : "Markedsdialog" },
  { name: "description", content: data?.organisation.description ?? "" },
  // A buyer's published events as an Atom feed (/organisations/{slug}.atom).
  ...(data?.organisation.isBuyer
    ? [{ tagName: "link", rel: "alternate", type: "application/atom+xml", title: data.organisation.name, href: `/organisations/${data.organisation.slug}.atom` }]
    : []),
];

// Public: anyone may read who a buyer or vendor is.
export async function loader({ params }: LoaderFunctionArgs) {
  const organisation = await getPublicOrganisation(db(), params.slug ?? "");
  invariantResponse(organisation);
  // samspillsnormer: which version it has adopted, how its interactions went, and protected
  // reports about it (counts only; nothing until three organisations have reported it).
  const [adoption, interactions, reports] = await Promise.all([getAdoption(db(), organisation.id), interactionCounts(db(), organisation.id), publicCountsFor(db(), organisation.id)]);
  return json({ organisation, adoption, interactions, reports });
}

export default function OrganisationPage() {
  const { organisation: o, adoption, interactions, reports } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["organisations", "common", "conduct", "scorecard", "requests", "reports"]);
  const language = i18n.language as Language;
  const concerns = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{o.name}</h1>
        <OrganisationRoles organisation={o} />
        {o.isBuyer && o.isVendor ? <p className="text-slate-700">{t("kinds.bothExplained")}</p> : null}
        {o.isBuyer ? (
          <p
            className={`inline-block rounded px-3 py-1 font-semibold ${o.verificationStatus === "verified" ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`}
          >
            {t(`verification.${o.verificationStatus}`)}
          </p>
        ) : null}
        {o.isBuyer ? (
          <p>
            <Link to={`/buyers/${o.slug}`} className="font-medium text-brand-700 underline">
              {t("scorecard:linkFromOrganisation", { name: o.name })}
            </Link>
          </p>
        ) : null}
        {o.isBuyer ? (
          <p>
            <Link to={`/requests/new?buyerId=${o.id}`} className="font-medium text-brand-700 underline">
              {t("requests:new.fromOrganisation", { name: o.name })}
            </Link>
          </p>
        ) : null}
      </header>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        {o.isBuyer && o.buyerSector ? (
          <>
            <dt className="font-medium">{t("public.sector")}</dt>
            <dd>{t(`sectors.${o.buyerSector}`)}</dd>
          </>
        ) : null}
        {o.region ? (
          <>
            <dt className="font-medium">{t("public.region")}</dt>
            <dd>{t(`common:regions.${o.region}`)}</dd>
          </>
        ) : null}
        {o.isVendor && o.vendorSize ? (
          <>
            <dt className="font-medium">{t("public.size")}</dt>
            <dd>{t(`sizes.${o.vendorSize}`)}</dd>
          </>
        ) : null}
        <dt className="font-medium">{t("public.country")}</dt>
        <dd>{t(`countries.${o.country}`, { defaultValue: o.country })}</dd>
        {o.orgNumber ? (
          <>
            <dt className="font-medium">{t("public.orgNumber")}</dt>
            <dd>{formatOrgNumber(o.orgNumber)}</dd>
          </>
        ) : (
          <>
            <dt className="font-medium">{t("public.registryId")}</dt>
            <dd>{o.foreignRegistryId}</dd>
          </>
        )}
        {o.commercialContact ? (
          <>
            <dt className="font-medium">{t("public.contact")}</dt>
            <dd>
              {o.commercialContact.name}
              {o.commercialContact.commercialRole ? `, ${t(`commercialRoles.${o.commercialContact.commercialRole}`).toLowerCase()}` : ""}
            </dd>
          </>
        ) : null}
        {o.website ? (
          <>
            <dt className="font-medium">{t("public.website")}</dt>
            <dd>
              <a href={o.website} rel="nofollow noopener" className="text-brand-700 underline">
                {o.website}
              </a>
            </dd>
          </>
        ) : null}
        {o.isVendor && o.cpvAreas.length > 0 ? (
          <>
            <dt className="font-medium">{t("public.cpvAreas")}</dt>
            <dd>{o.cpvAreas.join(", ")}</dd>
          </>
        ) : null}
        {o.isVendor && o.standards.length > 0 ? (
          <>
            <dt className="font-medium">{t("public.standards")}</dt>
            <dd>{o.standards.map((s) => s.name).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {o.description ? (
        <section aria-labelledby="about-title" className="space-y-2">
          <h2 id="about-title" className="text-xl font-semibold">
            {t("public.about")}
          </h2>
          <p className="whitespace-pre-line">{o.description}</p>
        </section>
      ) : null}
      <section aria-labelledby="conduct-title" className="space-y-3">
        <h2 id="conduct-title" className="text-xl font-semibold">
          {t("public.conductHeading")}
        </h2>
        <p>
          {adoption
            ? t("conduct:adoption.adoptedNoName", { organisation: o.name, number: adoption.versionNumber, date: formatDate(adoption.adoptedAt, language) })
            : t("conduct:adoption.none", { organisation: o.name })}{" "}
          <Link to="/conduct" className="text-brand-700 underline">
            {t("public.conductLink")}
          </Link>
        </p>
        <TableScroll label={t("public.interactionsCaption")}>
          <table className="w-full max-w-xl text-left text-sm">
            <caption className="mb-1 text-left text-slate-700">{t("public.interactionsCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1"><span className="sr-only">{t("public.direction")}</span></th>
                <th scope="col">{t("public.entries")}</th>
                <th scope="col">{t("public.confirmed")}</th>
                <th scope="col">{t("public.disputed")}</th>
                <th scope="col">{t("public.concerns")}</th>
              </tr>
            </thead>
            <tbody>
              {([
                ["loggedByThem", interactions.loggedByThem, concerns(interactions.concernsRaised)],
                ["loggedAboutThem", interactions.loggedAboutThem, concerns(interactions.concernsReceived)],
              ] as const).map(([key, counts, concernCount]) => (
                <tr key={key} className="border-b border-slate-200">
                  <th scope="row" className="py-1 font-medium">{t(`public.${key}`)}</th>
                  <td>{counts.total}</td>
                  <td>{counts.confirmed}</td>
                  <td>{counts.disputed}</td>
                  <td>{concernCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {concerns(interactions.concernsRaised) + concerns(interactions.concernsReceived) > 0 ? (
          <TableScroll label={t("public.concernsCaption")}>
            <table className="w-full max-w-xl text-left text-sm">
              <caption className="mb-1 text-left text-slate-700">{t("public.concernsCaption")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1">{t("public.category")}</th>
                  <th scope="col">{t("public.raised")}</th>
                  <th scope="col">{t("public.received")}</th>
                </tr>
              </thead>
              <tbody>
                {Object.keys(interactions.concernsRaised)
                  .filter((c) => (interactions.concernsRaised as Record<string, number>)[c]! + (interactions.concernsReceived as Record<string, number>)[c]! > 0)
                  .map((c) => (
                    <tr key={c} className="border-b border-slate-200">
                      <th scope="row" className="py-1 font-medium">{t(`conduct:categories.${c}`)}</th>
                      <td>{(interactions.concernsRaised as Record<string, number>)[c]}</td>
                      <td>{(interactions.concernsReceived as Record<string, number>)[c]}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        {reports ? <PublicReportCounts name={o.name} counts={reports} /> : null}
        <p>
          <Link to={`/reports/new?counterpartId=${o.id}`} className="text-brand-700 underline">
            {t("reports:new.fromOrganisation", { name: o.name })}
          </Link>
        </p>
      </section>
    </article>
  );
}
