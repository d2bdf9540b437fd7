import type { Db } from "@db/client";
import { ownDeliveryNotice, type OwnDelivery } from "~/domain/own-delivery";
import type { PublishableEvent } from "~/domain/publishing";
import { audit, type AuditedActor } from "./audit.server";

// Own delivery on a buyer's profile (issue 19): read, written by its admins, and met by events.

type Columns = { ownDeliveryCpv: string[]; ownDeliveryActivities: OwnDelivery["activities"]; ownDeliveryProvider: string | null; ownDeliveryStandards: string | null };

export function ownDeliveryOfRow(row: Columns): OwnDelivery {
  return { cpv: row.ownDeliveryCpv, activities: row.ownDeliveryActivities, provider: row.ownDeliveryProvider, standards: row.ownDeliveryStandards };
}

export async function getOwnDelivery(db: Db, organisationId: string): Promise<OwnDelivery> {
  const row = await db
    .selectFrom("organisations")
    .select(["ownDeliveryCpv", "ownDeliveryActivities", "ownDeliveryProvider", "ownDeliveryStandards"])
    .where("id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return ownDeliveryOfRow(row);
}

/** Replaces the organisation's own delivery, audited, in one transaction. */
export async function updateOwnDelivery(db: Db, organisationId: string, value: OwnDelivery, actor: AuditedActor, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { name } = await trx
      .updateTable("organisations")
      .set({
        ownDeliveryCpv: value.cpv,
        ownDeliveryActivities: value.activities,
        ownDeliveryProvider: value.provider,
        ownDeliveryStandards: value.standards,
        ownDeliveryUpdatedAt: now,
      })
      .where("id", "=", organisationId)
      .returning("name")
      .executeTakeFirstOrThrow();
    await audit(trx, { action: "own_delivery_updated", actorUserId: actor.userId, organisationId, subject: name, ip: actor.ip });
  });
}

/** The notice an event in these CPV codes shows for this buyer, or null. */
export async function ownDeliveryNoticeFor(db: Db, buyerId: string, eventCpv: readonly string[]) {
  return ownDeliveryNotice(eventCpv, await getOwnDelivery(db, buyerId));
}

/** The publishing rules' input, told whether the event meets its buyer's own delivery. */
export async function withOwnDelivery(db: Db, buyerId: string, eventCpv: readonly string[], publishable: PublishableEvent): Promise<PublishableEvent> {
  return { ...publishable, ownDeliveryOverlaps: (await ownDeliveryNoticeFor(db, buyerId, eventCpv)) !== null };
}
