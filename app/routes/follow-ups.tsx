import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { TableScroll } from "~/components/table-scroll";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { RowAction } from "~/components/relationship-forms";
import { followUpState, sortFollowUps } from "~/domain/relationships";
import { osloDate } from "~/domain/zoned-time";
import { formatDate } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { listOpenFollowUps } from "~/models/relationship-records.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// My follow-ups first, then the rest of my organisation's; overdue at the top of each.
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const t = fixedT(await getLanguage(args.request), "relationships");
  const today = osloDate(new Date());
  const open = sortFollowUps(await listOpenFollowUps(db(), member.organisation.id), today);
  return json({
    title: `${t("myFollowUps.title")} – Markedsdialog`,
    organisation: member.organisation,
    today,
    mine: open.filter((f) => f.ownerId === member.user.id),
    others: open.filter((f) => f.ownerId !== member.user.id),
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["mine"][number];

export default function FollowUps() {
  const { organisation, mine, others, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation("relationships");
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("myFollowUps.title")}</h1>
        <p className="text-slate-700">{t("myFollowUps.lead", { organisation: organisation.name })}</p>
        <p>
          <Link to="/relationships" className="text-brand-700 underline">
            {t("nav.relationships")}
          </Link>
        </p>
      </header>
      <FollowUpTable id="mine" heading={t("myFollowUps.mine")} empty={t("myFollowUps.emptyMine")} rows={mine} today={today} organisationId={organisation.id} />
      <FollowUpTable
        id="others"
        heading={t("myFollowUps.others", { organisation: organisation.name })}
        empty={t("myFollowUps.emptyOthers")}
        rows={others}
        today={today}
        organisationId={organisation.id}
      />
    </div>
  );
}

function FollowUpTable({ id, heading, empty, rows, today, organisationId }: { id: string; heading: string; empty: string; rows: Row[]; today: string; organisationId: string }) {
  const { t, i18n } = useTranslation("relationships");
  const language = i18n.language as Language;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {heading}
      </h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <TableScroll label={heading}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{heading}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2">{t("myFollowUps.state")}</th>
                <th scope="col">{t("followUps.dueOn")}</th>
                <th scope="col">{t("followUps.title")}</th>
                <th scope="col">{t("myFollowUps.counterpart")}</th>
                <th scope="col">{t("followUps.owner")}</th>
                <th scope="col">
                  <span className="sr-only">{t("followUps.markDone")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => {
                const state = followUpState(f, today);
                return (
                  <tr key={f.id} className="border-b border-slate-200 align-top">
                    <td className="py-2">
                      <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${state === "overdue" ? "bg-red-100 text-red-900" : state === "due_today" ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-800"}`}>
                        {t(`followUps.states.${state}`)}
                      </span>
                    </td>
                    <td>{formatDate(f.dueOn, language)}</td>
                    <td>{f.title}</td>
                    <td>
                      <Link to={`/relationships/${f.counterpartSlug}#follow-ups`} className="text-brand-700 underline">
                        {f.counterpartName}
                      </Link>
                    </td>
                    <td>{f.ownerName ?? t("followUps.noOwner")}</td>
                    <td>
                      <RowAction
                        intent="toggle-follow-up"
                        organisationId={organisationId}
                        id={f.id}
                        action={`/relationships/${f.counterpartSlug}`}
                        returnTo="/follow-ups"
                        label={t("followUps.markDone")}
                        ariaLabel={t("followUps.markDoneLabel", { title: f.title })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
