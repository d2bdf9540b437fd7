import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { notFound } from "~/http/responses.server";
import { buyerRequestResponse } from "~/models/effort-request-responses.server";
import { BuyerResponse } from "../+shared/event-responses/buyer-response";

// One vendor's response to the buyer's effort request (issue 17): the request's team reads every
// part (each business secret read is logged and shown to the vendor); another member of the buyer
// reads what is not secret and is refused a wholly secret response (403, logged); anyone else 404.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.response.organisation.name} – ${data.request.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const result = await buyerRequestResponse(db(), user, args.params.id ?? "", args.params.responseId ?? "");
  if (!result.ok) return result.reason === "forbidden" ? forbidden(args.request) : notFound();
  return json(result.value);
}

export default function EffortRequestResponsePage() {
  const { request, response } = useLoaderData<typeof loader>();
  const { t } = useTranslation("responses");
  return (
    <article className="max-w-3xl space-y-6">
      <p>
        <Link to={`/effort-requests/${request.id}/responses`} className="text-brand-700 underline hover:text-brand-800">
          {t("buyer.backToList")}
        </Link>
      </p>
      <BuyerResponse response={response} subjectTitle={request.title} questionnaire={[]} context="request" />
    </article>
  );
}
