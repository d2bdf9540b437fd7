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


type Access = "buyer" | "co_buyer" | null;

/** The event row, locked for the rest of the transaction; undefined for an id that cannot be one. */
async function lockEvent(trx: Db, id: string): Promise<EventRow | undefined> {
  if (!isUuid(id)) return undefined;
  return trx.selectFrom("events").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Whether the actor acts for the event's buyer, for one of its co-buyers, or for neither. */
export async function accessOf(db: Db, actor: ActingUser | null, event: Pick<EventRow, "id" | "buyerId">): Promise<Access> {
  if (!actor) return null;
  const rows = await db
    .selectFrom("memberships")
    .select("organisationId")
    .where("userId", "=", actor.id)
    .where((eb) =>
      eb.or([
        eb("organisationId", "=", event.buyerId),
        eb("organisationId", "in", eb.selectFrom("eventCoBuyers").select("organisationId").where("eventId", "=", event.id)),
      ]),
    )
    .execute();
  if (rows.some((r) => r.organisationId === event.buyerId)) return "buyer";
  return rows.length > 0 ? "co_buyer" : null;
}

/** The event and what the actor may do with it; drafts are not found by those who may not see them. */
export async function eventFor(
  trx: Db,
  actor: ActingUser,
  id: string,
  need: "buyer" | "co_buyer",
): Promise<Result<EventRow & { access: NonNullable<Access> }>> {
  const event = await lockEvent(trx, id);
  if (!event) return fail("not_found");
  const access = await accessOf(trx, actor, event);
  if (access === null) return event.status === "draft" ? fail("not_found") : fail("forbidden");
  if (need === "buyer" && access !== "buyer") return fail("forbidden");
  return { ok: true, value: { ...event, access } };
}
