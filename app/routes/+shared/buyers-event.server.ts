import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { notFound, notFoundUnless } from "~/http/responses.server";
import { getEvent } from "~/models/event-reads.server";

/**
 * The event of a buyer's page under it (documents, questionnaire), when the person acts for its
 * buyer organisation: 404 where they may not see it (or `when` says the page is not for this
 * event), 403 where they may see it but not act for the buyer.
 */
export async function requireBuyersEvent(args: LoaderFunctionArgs | ActionFunctionArgs, when: (event: { kind: string }) => boolean = () => true) {
  const user = requireVerifiedUser(args);
  const event = notFoundUnless(await getEvent(db(), args.params.eventId ?? "", user));
  if (!when(event)) notFound();
  if (!event.viewer.isLead) forbidden(args.request);
  return { user, event };
}
