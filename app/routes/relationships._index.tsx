import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { RelationshipFigures } from "~/components/relationship-figures";
import { parseRelationshipQuery, RELATIONSHIP_FILTERS, RELATIONSHIP_SORTS, STALE_DAYS } from "~/domain/relationships";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { listRelationships } from "~/models/relationships.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Members only: the figures come from the organisation's own dealings, some of them private.
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const t = fixedT(await getLanguage(args.request), "relationships");
  const query = parseRelationshipQuery(new URL(args.request.url).searchParams);
  const relationships = await listRelationships(db(), member.organisation.id, query);
  return json({ title: `${t("list.title")} – Markedsdialog`, organisation: member.organisation, query, relationships });
}

export default function Relationships() {
  const { organisation, query, relationships } = useLoaderData<typeof loader>();
  const { t } = useTranslation("relationships");
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("list.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("list.lead", { organisation: organisation.name })}</p>
        <p>
          <Link to="/follow-ups" className="font-semibold text-brand-700 underline">
            {t("nav.followUps")}
          </Link>
        </p>
      </header>

      <Form method="get" aria-label={t("list.controls")} className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-white p-4">
        <Choice name="sort" label={t("list.sort")} value={query.sort} options={RELATIONSHIP_SORTS.map((s) => ({ value: s, label: t(`list.sorts.${s}`) }))} />
        <Choice name="show" label={t("list.show")} value={query.show} options={RELATIONSHIP_FILTERS.map((f) => ({ value: f, label: t(`list.filters.${f}`, { days: STALE_DAYS }) }))} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("list.apply")}
        </button>
      </Form>

      <p role="status" className="text-slate-700">
        {t("list.count", { count: relationships.length })}
      </p>
      {relationships.length === 0 ? (
        <p>{query.show === "all" ? t("list.emptyAll") : t("list.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {relationships.map((r) => (
            <li key={r.id} className="rounded border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-xl font-semibold">
                <Link to={`/relationships/${r.slug}`} className="text-brand-700 underline">
                  {r.name}
                </Link>{" "}
                <span className="ml-2 align-middle text-sm font-normal text-slate-600">
                  {[r.isBuyer ? t("list.buyer") : null, r.isVendor ? t("list.vendor") : null].filter(Boolean).join(" · ")}
                </span>
              </h2>
              <RelationshipFigures figures={r} viewer={organisation} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A select in the GET form: the URL holds the choice, so it works without JavaScript. */
function Choice({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value} className="mt-1 block rounded border border-slate-400 bg-white px-3 py-2">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
