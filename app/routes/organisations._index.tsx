import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { OrganisationRoles } from "~/components/organisation-roles";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { listPublicOrganisations } from "~/models/organisations.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Public list of buyers and vendors, filtered by role, a page at a time.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const role = url.searchParams.get("role");
  const kind = role === "buyer" || role === "vendor" ? role : undefined;
  const pageParam = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const t = fixedT(await getLanguage(request), "organisations");
  return json({ ...(await listPublicOrganisations(db(), { kind, page })), kind: kind ?? "", title: `${t("list.title")} – Markedsdialog` });
}

export default function OrganisationList() {
  const { organisations, page, pageCount, kind } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["organisations", "common"]);
  const pageLink = (p: number) => `/organisations?${new URLSearchParams({ ...(kind ? { role: kind } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("list.title")}</h1>
        <p className="text-lg text-slate-700">{t("list.lead")}</p>
        <Link to="/organisations/new" className="text-brand-700 underline">
          {t("list.register")}
        </Link>
      </header>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="role-filter" className="block font-medium">
            {t("list.filter")}
          </label>
          <select id="role-filter" name="role" defaultValue={kind} className="mt-1 rounded border border-slate-400 px-3 py-2">
            <option value="">{t("list.all")}</option>
            <option value="buyer">{t("list.buyers")}</option>
            <option value="vendor">{t("list.vendors")}</option>
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-400 px-4 py-2 font-semibold hover:bg-slate-100">
          {t("list.apply")}
        </button>
      </Form>
      {organisations.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {organisations.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
              <div>
                <Link to={`/organisations/${o.slug}`} className="text-lg font-semibold text-brand-700 underline">
                  {o.name}
                </Link>
                <p className="text-sm text-slate-700">
                  {[
                    o.isBuyer && o.buyerSector ? t(`sectors.${o.buyerSector}`) : null,
                    o.region ? t(`common:regions.${o.region}`) : null,
                    o.isVendor && o.vendorSize ? t(`sizes.${o.vendorSize}`) : null,
                    o.country !== "NO" ? t(`countries.${o.country}`, { defaultValue: o.country }) : null,
                    o.isBuyer ? t(`verification.${o.verificationStatus}`) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </div>
              <OrganisationRoles organisation={o} />
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t("list.pagination")} className="flex items-center gap-4">
        {page > 1 ? (
          <Link to={pageLink(page - 1)} className="text-brand-700 underline">
            {t("list.previous")}
          </Link>
        ) : null}
        <span>{t("list.page", { page, count: pageCount })}</span>
        {page < pageCount ? (
          <Link to={pageLink(page + 1)} className="text-brand-700 underline">
            {t("list.next")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
