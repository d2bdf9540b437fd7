import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { TableScroll } from "~/components/table-scroll";
import { notFound } from "~/http/responses.server";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { buyerResponses } from "~/models/event-responses.server";

// The buyer's table of every submitted response to its event (issue 17): one row per vendor,
// the latest version, what is marked as a business secret; the CSV leaves secrets out. The
// buyer organisation's members only (404 where the event is hidden from them, 403 where it is not).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const result = await buyerResponses(db(), user, args.params.eventId ?? "");
  if (!result.ok) return result.reason === "forbidden" ? forbidden(args.request) : notFound();
  return json(result.value);
}

export default function ResponsesPage() {
  const { event, isTeam, isAdmin, responses } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("responses");
  const language = i18n.language as Language;
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/events/${event.id}`} className="text-brand-700 underline hover:text-brand-800">
          {t("backToEvent")}
        </Link>
      </p>
      <h1 className="break-words text-3xl font-bold">{t("buyer.title", { title: event.title })}</h1>
      <p className="text-slate-700">{t("buyer.lead")}</p>
      <p className="rounded border border-slate-300 bg-slate-50 p-3">{t(isTeam ? "buyer.inTeam" : "buyer.notInTeam")}</p>
      <p className="flex flex-wrap gap-4">
        <a href={`/events/${event.id}/responses.csv`} className="text-brand-700 underline hover:text-brand-800" download>
          {t("buyer.csv")}
        </a>
        <Link to={`/events/${event.id}/responses/compare`} className="text-brand-700 underline hover:text-brand-800">
          {t("compare.link")}
        </Link>
        {isAdmin ? (
          <Link to={`/events/${event.id}/team`} className="text-brand-700 underline hover:text-brand-800">
            {t("buyer.team")}
          </Link>
        ) : null}
      </p>
      {isAdmin ? (
        <div className="space-y-1">
          {/* A plain form post (the browser downloads the answer): each export is logged and told to the vendors. */}
          <form method="post" action={`/events/${event.id}/access-export`}>
            <button type="submit" className="text-brand-700 underline hover:text-brand-800" aria-describedby="access-export-hint">
              {t("accessExport.button")}
            </button>
          </form>
          <p id="access-export-hint" className="text-sm text-slate-700">
            {t("accessExport.hint")}
          </p>
        </div>
      ) : null}
      {responses.length === 0 ? (
        <p>{t("buyer.empty")}</p>
      ) : (
        <TableScroll label={t("buyer.title", { title: event.title })}>
          <table className="min-w-full text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("buyer.vendor")}</th>
                <th scope="col" className="p-2">{t("buyer.version")}</th>
                <th scope="col" className="p-2">{t("buyer.submittedAt")}</th>
                <th scope="col" className="p-2">{t("buyer.documentCount")}</th>
                <th scope="col" className="p-2">{t("buyer.confidentiality")}</th>
              </tr>
            </thead>
            <tbody>
              {responses.map((r) => (
                <tr key={r.id} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-medium">
                    <Link to={`/events/${event.id}/responses/${r.id}`} className="text-brand-700 underline hover:text-brand-800" aria-label={t("buyer.open", { vendor: r.organisation.name })}>
                      {r.organisation.name}
                    </Link>
                  </th>
                  <td className="p-2">{r.version}</td>
                  <td className="p-2">{formatDateTime(r.submittedAt, language)}</td>
                  <td className="p-2">{r.documents.length}</td>
                  <td className="p-2">
                    {r.confidentialReason !== null ? t("buyer.whole") : r.textConfidentialReason !== null || r.documents.some((d) => d.confidential) ? t("buyer.parts") : t("buyer.none")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
