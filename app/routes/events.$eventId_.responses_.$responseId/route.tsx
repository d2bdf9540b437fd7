import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { notFound } from "~/http/responses.server";
import { buyerResponse } from "~/models/event-responses.server";
import { getQuestionnaire } from "~/models/questionnaires.server";
import { BuyerResponse } from "../+shared/event-responses/buyer-response";

// One vendor's response as a member of the buyer reads it (issue 17): the event's team reads
// every part (each business secret read is logged and shown to the vendor); another member
// reads what is not secret, and a wholly secret response is refused (403, logged).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.response.organisation.name} – ${data.event.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const result = await buyerResponse(db(), user, args.params.eventId ?? "", args.params.responseId ?? "");
  if (!result.ok) return result.reason === "forbidden" ? forbidden(args.request) : notFound();
  return json({ ...result.value, questionnaire: await getQuestionnaire(db(), result.value.event.id) });
}

export default function BuyerResponsePage() {
  const { event, response, questionnaire } = useLoaderData<typeof loader>();
  const { t } = useTranslation("responses");
  return (
    <article className="max-w-3xl space-y-6">
      <p>
        <Link to={`/events/${event.id}/responses`} className="text-brand-700 underline hover:text-brand-800">
          {t("buyer.backToList")}
        </Link>
      </p>
      <BuyerResponse response={response} subjectTitle={event.title} questionnaire={questionnaire} context="event" />
    </article>
  );
}
