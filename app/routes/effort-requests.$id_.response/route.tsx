import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { ProblemScope } from "~/components/forms";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { limitInWords } from "~/http/body-limit.server";
import { notFoundUnless } from "~/http/responses.server";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { vendorRequestResponsePage } from "~/models/effort-request-responses.server";
import { responseAction, responseVendorOf } from "../+shared/event-responses/response-action.server";
import { VendorResponse } from "../+shared/event-responses/vendor-response";

// The vendor's response to an effort request sent to it (issue 17): the same response as to an
// RFI (draft, submission before the deadline, amendments in versions, business secrets with a
// reason, the read log), with the request as what is answered. For the members of a vendor the
// request was sent to (`?organisationId=` or the active one); 404 for anyone else.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.request.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const params = new URL(args.request.url).searchParams;
  const member = await responseVendorOf(args, params.get("organisationId"));
  const page = notFoundUnless(await vendorRequestResponsePage(db(), member.organisation.id, args.params.id ?? ""));
  return json({
    ...page,
    organisation: { id: member.organisation.id, name: member.organisation.name },
    maxFile: limitInWords(MAX_FILE_BYTES),
    notice: params.get("submitted") ? ("submitted" as const) : params.get("saved") ? ("saved" as const) : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const requestId = args.params.id ?? "";
  return responseAction(args, { kind: "effort_request", id: requestId }, `/effort-requests/${requestId}/response`);
}

export default function EffortRequestResponsePage() {
  const { request, organisation, refusal, response, maxFile, notice } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, i18n } = useTranslation("responses");
  const language = i18n.language as Language;
  return (
    <ProblemScope first="responses:problems">
      <div className="max-w-3xl space-y-8">
        <p>
          <Link to={`/effort-requests/${request.id}`} className="text-brand-700 underline hover:text-brand-800">
            {t("request.backToRequest")}
          </Link>
        </p>
        <header className="space-y-2">
          <h1 className="break-words text-3xl font-bold">{t("vendor.title", { title: request.title })}</h1>
          <p className="text-slate-700">{organisation.name}</p>
          <p>{t("deadline", { date: formatDateTime(request.deadline, language) })}</p>
          <p className="text-slate-700">{t("request.vendorLead")}</p>
        </header>
        <VendorResponse
          organisationId={organisation.id}
          refusal={refusal}
          response={response}
          notice={notice}
          reply={reply}
          maxFile={maxFile}
          context="request"
        />
      </div>
    </ProblemScope>
  );
}
