import type { Db } from "@db/client";
import type { EffortLevel, EventKind, ExpectationStatus } from "~/domain/events";
import type { Region } from "~/domain/regions";

export interface EventSummary {
  id: string;
  kind: EventKind;
  title: string;
  buyerName: string;
  buyerSlug: string;
  region: Region | null;
  registrationDeadline: Date | null;
  responseDeadline: Date | null;
  startsAt: Date | null;
  effortLevel: EffortLevel;
  effortHoursPerVendor: number | null;
  expectationStatus: ExpectationStatus | null;
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  expectedTenderQuarter: string | null;
}

/** Published events, soonest deadline first; events without a deadline last. */
export async function listOpenEvents(db: Db, { limit = 10, now = new Date() } = {}): Promise<EventSummary[]> {
  return db
    .selectFrom("events")
    .innerJoin("organisations as buyer", "buyer.id", "events.buyerId")
    .select([
      "events.id",
      "events.kind",
      "events.title",
      "buyer.name as buyerName",
      "buyer.slug as buyerSlug",
      "events.region",
      "events.registrationDeadline",
      "events.responseDeadline",
      "events.startsAt",
      "events.effortLevel",
      "events.effortHoursPerVendor",
      "events.expectationStatus",
      "events.budgetMinNok",
      "events.budgetMaxNok",
      "events.expectedTenderQuarter",
    ])
    .where("events.status", "=", "published")
    .where((eb) =>
      eb.or([
        eb("events.registrationDeadline", "is", null),
        eb("events.registrationDeadline", ">=", now),
      ]),
    )
    .orderBy((eb) => eb.fn.coalesce("events.registrationDeadline", "events.responseDeadline"), (ob) => ob.asc().nullsLast())
    .orderBy("events.id")
    .limit(limit)
    .execute();
}
