import type { Db } from "@db/client";
import type { AmendmentChange } from "~/domain/amendments";
import type { EffortLevel, EventKind, EventStatus, ExpectationStatus, Outcome } from "~/domain/events";
import type { PublishableEvent } from "~/domain/publishing";
import type { Region } from "~/domain/regions";
import { accessOf, type ActingUser } from "./event-access.server";
import { eventStandardsOf } from "./event-references.server";
import { costBenefitParties } from "./cost-benefit.server";
import { declarationOf, nonUseUndertakingOfRow, outcomeOf, toPublishable, type EventOutcome } from "./event-row.server";
import { isUuid } from "~/domain/ids";
import { ownDeliveryNotice, type OwnDelivery } from "~/domain/own-delivery";
import type { SourcingAdvice } from "~/domain/sourcing";
import { ownDeliveryOfRow, withOwnDelivery } from "./own-delivery.server";

// Reading events: the open list on the front page, one event as its viewer may see it,
// and the buyer's workspace.

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

export interface EventAmendment {
  id: string;
  at: Date;
  reason: string;
  changes: AmendmentChange[];
}

export type EventDetail = ReturnType<typeof declarationOf> & {
  id: string;
  status: EventStatus;
  buyer: { id: string; name: string; slug: string };
  coBuyerOrganisations: { id: string; name: string; slug: string }[];
  /** Who pays and who benefits, with the organisations named (issue 19); null: not declared. */
  costBenefitParties: Awaited<ReturnType<typeof costBenefitParties>>;
  publishedAt: Date | null;
  closedAt: Date | null;
  /** The buyer's non-use undertaking, by name and time (null: none given, or not needed). */
  nonUseUndertaking: { name: string; at: Date } | null;
  outcome: EventOutcome | null;
  amendments: EventAmendment[];
  /** The buyer delivers in this event's area itself (issue 19): the overlapping codes and what it declared; null when not. */
  ownDelivery: OwnDelivery | null;
  /** Migration 0045 revised the advice after vendors saw it: what they were shown, what it is now, since when. */
  sourcingRevision: { shownAdvice: SourcingAdvice | null; revisedAdvice: SourcingAdvice; revisedAt: Date } | null;
  /** Whether the viewer may edit it (buyer or co-buyer member), and publish or close it (buyer member). */
  viewer: { canEdit: boolean; canPublish: boolean };
};

/**
 * One event as its viewer may see it: published and closed events are public; a draft only
 * for members of its buyer or co-buyers. Null otherwise, so the route answers 404.
 */
export async function getEvent(db: Db, id: string, viewer: ActingUser | null): Promise<EventDetail | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const access = await accessOf(db, viewer, row);
  if (row.status === "draft" && access === null) return null;

  const [buyer, coBuyerOrganisations, standards, amendments, winner] = await Promise.all([
    db
      .selectFrom("organisations")
      .select(["id", "name", "slug", "ownDeliveryCpv", "ownDeliveryActivities", "ownDeliveryProvider", "ownDeliveryStandards"])
      .where("id", "=", row.buyerId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("eventCoBuyers")
      .innerJoin("organisations", "organisations.id", "eventCoBuyers.organisationId")
      .select(["organisations.id", "organisations.name", "organisations.slug"])
      .where("eventCoBuyers.eventId", "=", id)
      .orderBy("organisations.name")
      .execute(),
    eventStandardsOf(db, id),
    db.selectFrom("eventAmendments").select(["id", "at", "reason", "changes"]).where("eventId", "=", id).orderBy("at").orderBy("id").execute(),
    row.outcomeWinnerId
      ? db.selectFrom("organisations").select(["id", "name"]).where("id", "=", row.outcomeWinnerId).executeTakeFirst()
      : undefined,
  ]);
  return {
    id: row.id,
    status: row.status,
    buyer: { id: buyer.id, name: buyer.name, slug: buyer.slug },
    ...declarationOf(row, standards, coBuyerOrganisations.map((o) => o.id).sort()),
    coBuyerOrganisations,
    costBenefitParties: await costBenefitParties(db, row.costBenefit),
    publishedAt: row.publishedAt,
    closedAt: row.closedAt,
    nonUseUndertaking: nonUseUndertakingOfRow(row),
    outcome: outcomeOf(row, winner ?? null),
    amendments,
    ownDelivery: ownDeliveryNotice(row.cpvCodes, ownDeliveryOfRow(buyer)),
    sourcingRevision:
      row.sourcingRevisedAdvice !== null && row.sourcingRevisedAt !== null
        ? { shownAdvice: row.sourcingAdvice, revisedAdvice: row.sourcingRevisedAdvice, revisedAt: row.sourcingRevisedAt }
        : null,
    viewer: { canEdit: access !== null && row.status !== "closed", canPublish: access === "buyer" && row.status === "draft" },
  };
}

export interface BuyerEventSummary {
  id: string;
  kind: EventKind;
  title: string;
  status: EventStatus;
  /** The organisation's part: the buyer, or a co-buyer of a joint event. */
  role: "buyer" | "co_buyer";
  registrationDeadline: Date | null;
  responseDeadline: Date | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  outcome: Outcome | null;
  expectationStatus: ExpectationStatus | null;
  updatedAt: Date;
}

export interface BuyerEvents {
  drafts: BuyerEventSummary[];
  published: BuyerEventSummary[];
  closed: BuyerEventSummary[];
  /** Closed without an outcome, oldest first: the buyer owes vendors an answer. */
  needsOutcome: BuyerEventSummary[];
}

/** The buyer workspace: an organisation's own and joint events, by status. */
export async function listBuyerEvents(db: Db, organisationId: string): Promise<BuyerEvents> {
  const rows = await db
    .selectFrom("events")
    .select([
      "events.id",
      "events.kind",
      "events.title",
      "events.status",
      "events.buyerId",
      "events.registrationDeadline",
      "events.responseDeadline",
      "events.publishedAt",
      "events.closedAt",
      "events.outcome",
      "events.expectationStatus",
      "events.updatedAt",
    ])
    .where((eb) =>
      eb.or([
        eb("events.buyerId", "=", organisationId),
        eb("events.id", "in", eb.selectFrom("eventCoBuyers").select("eventId").where("organisationId", "=", organisationId)),
      ]),
    )
    .orderBy("events.updatedAt", "desc")
    .orderBy("events.id")
    .execute();
  const summaries: BuyerEventSummary[] = rows.map(({ buyerId, ...row }) => ({
    ...row,
    role: buyerId === organisationId ? "buyer" : "co_buyer",
  }));
  const byDeadline = (a: BuyerEventSummary, b: BuyerEventSummary) =>
    (a.registrationDeadline ?? a.responseDeadline ?? a.publishedAt ?? a.updatedAt).getTime() -
    (b.registrationDeadline ?? b.responseDeadline ?? b.publishedAt ?? b.updatedAt).getTime();
  return {
    drafts: summaries.filter((e) => e.status === "draft"),
    published: summaries.filter((e) => e.status === "published").sort(byDeadline),
    closed: summaries.filter((e) => e.status === "closed"),
    needsOutcome: summaries
      .filter((e) => e.status === "closed" && e.outcome === null)
      .sort((a, b) => (a.closedAt?.getTime() ?? 0) - (b.closedAt?.getTime() ?? 0)),
  };
}

/** Refused publish attempts per buyer (for the scorecard). */
export async function countBlockedPublishAttempts(db: Db, buyerId: string): Promise<number> {
  const row = await db
    .selectFrom("blockedPublishAttempts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("buyerId", "=", buyerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The stored event as the publishing rules read it (for showing what is missing before publishing). */
export async function toPublishableById(db: Db, id: string): Promise<PublishableEvent> {
  const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  return withOwnDelivery(db, row.buyerId, row.cpvCodes, toPublishable(row));
}
