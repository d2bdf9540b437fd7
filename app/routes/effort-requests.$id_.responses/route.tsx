import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { notFoundUnless } from "~/http/responses.server";
import { buyerRequestResponses } from "~/models/effort-request-responses.server";
import { teamContext } from "../+shared/event-responses/buyer-response";
import { ResponsesTable } from "../+shared/event-responses/responses-table";

// The buyer's table of the responses to its effort request (issue 17): one row per vendor, the
// latest version, whether it holds business secrets (never what). The buyer organisation's
// members only; the request is not public, so anyone else is told nothing is here (404).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.request.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const result = await buyerRequestResponses(db(), user, args.params.id ?? "");
  return json(notFoundUnless(result.ok ? result.value : undefined));
}

export default function EffortRequestResponsesPage() {
  const { request, isTeam, responses } = useLoaderData<typeof loader>();
  const { t } = useTranslation("responses");
  const words = teamContext("request");
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/effort-requests/${request.id}`} className="text-brand-700 underline hover:text-brand-800">
          {t("request.backToRequest")}
        </Link>
      </p>
      <h1 className="break-words text-3xl font-bold">{t("buyer.title", { title: request.title })}</h1>
      <p className="text-slate-700">{t("request.buyerLead")}</p>
      <div className="space-y-1 rounded border border-slate-300 bg-slate-50 p-3">
        <p>{t(isTeam ? "buyer.inTeam" : "buyer.notInTeam", words)}</p>
        <p className="text-sm text-slate-700">{t("request.team")}</p>
      </div>
      <ResponsesTable responses={responses} label={t("buyer.title", { title: request.title })} hrefOf={(id) => `/effort-requests/${request.id}/responses/${id}`} />
    </div>
  );
}
