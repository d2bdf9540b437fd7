import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { TableScroll } from "~/components/table-scroll";
import { formatDate } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { listVendorRequests } from "~/models/vendor-requests.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Members see their organisation's requests: those it sent as a vendor, those it holds as a buyer.
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const t = fixedT(await getLanguage(args.request), "requests");
  const lists = await listVendorRequests(db(), member.organisation.id);
  return json({ title: `${t("list.title")} – Markedsdialog`, ...lists, isVendor: member.organisation.isVendor, isBuyer: member.organisation.isBuyer });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["sent"][number];

export default function RequestsPage() {
  const { sent, received, isVendor, isBuyer } = useLoaderData<typeof loader>();
  const { t } = useTranslation("requests");
  return (
    <div className="max-w-5xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("list.title")}</h1>
        <p className="text-slate-700">{t("list.lead")}</p>
        {isVendor ? (
          <p>
            <Link to="/requests/new" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white underline-offset-2 hover:underline">
              {t("list.new")}
            </Link>
          </p>
        ) : null}
      </header>
      {isBuyer || received.length ? <RequestTable id="received" title={t("list.received")} rows={received} counterpart={(r) => r.vendorName} /> : null}
      {isVendor || sent.length ? <RequestTable id="sent" title={t("list.sent")} rows={sent} counterpart={(r) => r.buyerName} /> : null}
    </div>
  );
}

function RequestTable({ id, title, rows, counterpart }: { id: string; title: string; rows: Row[]; counterpart: (row: Row) => string }) {
  const { t, i18n } = useTranslation("requests");
  const language = i18n.language as Language;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-slate-700">{t("list.none")}</p>
      ) : (
        <TableScroll label={title}>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("list.subject")}</th>
                <th scope="col" className="p-2">{t("list.counterpart")}</th>
                <th scope="col" className="p-2">{t("list.type")}</th>
                <th scope="col" className="p-2">{t("list.status")}</th>
                <th scope="col" className="p-2">{t("list.due")}</th>
                <th scope="col" className="p-2">{t("list.referrals")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200">
                  <td className="p-2">
                    <Link to={`/requests/${r.id}`} className="text-brand-700 underline">
                      {r.subject}
                    </Link>
                  </td>
                  <td className="p-2">{counterpart(r)}</td>
                  <td className="p-2">{t(`types.${r.type}`)}{r.topic ? ` (${t(`topics.${r.topic}`)})` : ""}</td>
                  <td className="p-2">{t(`statuses.${r.status}`)}</td>
                  <td className="p-2">{r.dueOn ? formatDate(r.dueOn, language) : t("list.noDue")}</td>
                  <td className="p-2">{r.referrals}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
