import type { Db } from "@db/client";
import type { EventRow } from "./event-row.server";
import { isUuid } from "~/domain/ids";
import { fail, type Result } from "~/domain/result";

// Who acts on an event, what they may do with it, and the answer every event model
// function gives (a value, or a failure with the problems that caused it).

/**
 * The signed-in person acting on an event, a registration or a question (their memberships decide
 * what they may do). requireUser's and requireMember's `user` fit.
 */
export interface ActingUser {
  id: string;
}

/** A member acting for a buyer organisation (requireMember's answer fits). */
export interface BuyerMember {
  user: ActingUser;
  organisation: { id: string; isBuyer: boolean };
}


/** invited: a member of an organisation invited to co-buy (or asking to join), which may read the event but not edit it. */
type Access = "buyer" | "co_buyer" | "invited" | null;

/** The event row, locked for the rest of the transaction; undefined for an id that cannot be one. */
async function lockEvent(trx: Db, id: string): Promise<EventRow | undefined> {
  if (!isUuid(id)) return undefined;
  return trx.selectFrom("events").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/**
 * Whether the actor acts for the event's buyer, for one of its co-buyers that accepted, or for neither;
 * with `invited`, also whether it acts for an organisation invited to it (or asking to join) that has not answered.
 */
export async function accessOf(
  db: Db,
  actor: ActingUser | null,
  event: Pick<EventRow, "id" | "buyerId">,
  { invited = false }: { invited?: boolean } = {},
): Promise<Access> {
  if (!actor) return null;
  const rows = await db
    .selectFrom("memberships")
    .leftJoin("eventCoBuyers", (join) => join.onRef("eventCoBuyers.organisationId", "=", "memberships.organisationId").on("eventCoBuyers.eventId", "=", event.id))
    .select(["memberships.organisationId", "eventCoBuyers.status"])
    .where("memberships.userId", "=", actor.id)
    .where((eb) => eb.or([eb("memberships.organisationId", "=", event.buyerId), eb("eventCoBuyers.eventId", "=", event.id)]))
    .execute();
  if (rows.some((r) => r.organisationId === event.buyerId)) return "buyer";
  // Consent first (issue 19): only a co-buyer that accepted acts on the event.
  if (rows.some((r) => r.status === "accepted")) return "co_buyer";
  return invited && rows.some((r) => r.status === "invited" || r.status === "requested") ? "invited" : null;
}

/** The event and what the actor may do with it; drafts are not found by those who may not see them. */
export async function eventFor(
  trx: Db,
  actor: ActingUser,
  id: string,
  need: "buyer" | "co_buyer",
): Promise<Result<EventRow & { access: "buyer" | "co_buyer" }>> {
  const event = await lockEvent(trx, id);
  if (!event) return fail("not_found");
  const access = await accessOf(trx, actor, event, { invited: true });
  if (access === null) return event.status === "draft" ? fail("not_found") : fail("forbidden");
  if (access === "invited" || (need === "buyer" && access !== "buyer")) return fail("forbidden");
  return { ok: true, value: { ...event, access } };
}
