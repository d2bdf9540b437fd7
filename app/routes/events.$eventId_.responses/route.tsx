import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { notFound } from "~/http/responses.server";
import { buyerResponses } from "~/models/event-responses.server";
import { ResponsesTable } from "../+shared/event-responses/responses-table";

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
  const { t } = useTranslation("responses");
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
      <ResponsesTable responses={responses} label={t("buyer.title", { title: event.title })} hrefOf={(id) => `/events/${event.id}/responses/${id}`} />
    </div>
  );
}
