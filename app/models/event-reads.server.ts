import type { Db } from "@db/client";
import type { AmendmentChange } from "~/domain/amendments";
import type { EffortLevel, EventKind, EventStatus, ExpectationStatus, Outcome } from "~/domain/events";
import type { PublishableEvent } from "~/domain/publishing";
import type { Region } from "~/domain/regions";
import { accessOf, type ActingUser } from "./event-access.server";
import { eventStandardsOf } from "./event-references.server";
import { costBenefitParties } from "./cost-benefit.server";
import { declarationOf, nonUseUndertakingOfRow, outcomeOf, toPublishable, type EventOutcome, type EventRow } from "./event-row.server";
import { coBuyersOf, shareFrameOf, type CoBuyer } from "./co-buyers.server";
import { leadFraction, openToJoin, shareOfFrameNok } from "~/domain/co-buyers";
import { osloDate } from "~/domain/zoned-time";
import { isUuid } from "~/domain/ids";
import { ownDeliveryNotice, type OwnDelivery } from "~/domain/own-delivery";
import type { SourcingAdvice } from "~/domain/sourcing";
import { ownDeliveryOfRow, withOwnDelivery } from "./own-delivery.server";
import { similarPilotsOf, type SimilarPilot } from "./similar-pilots.server";

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

export interface JointDemand {
  coBuyers: (CoBuyer & { shareOfFrame: { minNok: number | null; maxNok: number } | null })[];
  /** The lead buyer's part of the combined frame (0–1) after the accepted co-buyers' shares; null when a share cannot be told. */
  leadFraction: number | null;
  /** "YYYY-MM-DD": other buyers may ask to join until this day. */
  openToJoinUntil: string | null;
  openToJoin: boolean;
}

function jointDemandOf(row: EventRow, coBuyers: CoBuyer[]): JointDemand {
  const frame = shareFrameOf(row);
  const shares = coBuyers.map((c) => ({ organisationId: c.organisation.id, status: c.status, share: c.share }));
  return {
    coBuyers: coBuyers.map((c) => ({ ...c, shareOfFrame: shareOfFrameNok(c.share, frame) })),
    leadFraction: coBuyers.some((c) => c.status === "accepted") ? leadFraction(shares, frame) : null,
    openToJoinUntil: row.openToJoinUntil,
    openToJoin: openToJoin(row, osloDate(new Date())),
  };
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
  /** The combined frame, each buyer's share and the co-buyers' answers (issue 19). */
  jointDemand: JointDemand;
  /**
   * Earlier pilots on the same need that met their criteria and were not bought (issue 16): for a
   * draft, those found now; once published, those it was shown. The answer is `pilotPath.duplicateReason`.
   */
  similarPilots: SimilarPilot[];
  /** Whether the viewer may edit it (buyer or accepted co-buyer member), publish or close it and manage co-buyers (buyer member). */
  viewer: { canEdit: boolean; canPublish: boolean; isLead: boolean };
};

/**
 * One event as its viewer may see it: published and closed events are public; a draft only
 * for members of its buyer or co-buyers. Null otherwise, so the route answers 404.
 */
export async function getEvent(db: Db, id: string, viewer: ActingUser | null): Promise<EventDetail | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const access = await accessOf(db, viewer, row, { invited: true });
  if (row.status === "draft" && access === null) return null;

  const [buyer, allCoBuyers, standards, amendments, winner] = await Promise.all([
    db
      .selectFrom("organisations")
      .select(["id", "name", "slug", "ownDeliveryCpv", "ownDeliveryActivities", "ownDeliveryProvider", "ownDeliveryStandards"])
      .where("id", "=", row.buyerId)
      .executeTakeFirstOrThrow(),
    coBuyersOf(db, id),
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
    ...declarationOf(row, standards, allCoBuyers.filter((c) => c.status !== "declined").map((c) => c.organisation.id).sort()),
    coBuyerOrganisations: allCoBuyers.filter((c) => c.status === "accepted").map((c) => c.organisation),
    // Consent first: the public reads the co-buyers that accepted; those on the event, and those invited, read every answer.
    jointDemand: jointDemandOf(row, access === null ? allCoBuyers.filter((c) => c.status === "accepted") : allCoBuyers),
    costBenefitParties: await costBenefitParties(db, row.costBenefit),
    similarPilots: await similarPilotsOf(db, row),
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
    viewer: { canEdit: (access === "buyer" || access === "co_buyer") && row.status !== "closed", canPublish: access === "buyer" && row.status === "draft", isLead: access === "buyer" },
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
        eb("events.id", "in", eb.selectFrom("eventCoBuyers").select("eventId").where("organisationId", "=", organisationId).where("status", "=", "accepted")),
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

/**
 * A stored event as the publishing gate reads it: its own columns, whether it meets the buyer's
 * own delivery, and its co-buyers' answers. Publishing and the "what is missing" view both use it.
 */
export async function publishableOf(db: Db, row: EventRow, { now = new Date() }: { now?: Date } = {}): Promise<PublishableEvent> {
  const [publishable, coBuyers, similar] = await Promise.all([
    withOwnDelivery(db, row.buyerId, row.cpvCodes, toPublishable(row)),
    db.selectFrom("eventCoBuyers").select("status").where("eventId", "=", row.id).execute(),
    similarPilotsOf(db, row, { now }),
  ]);
  return { ...publishable, coBuyers, similarPilots: similar.map((p) => p.id) };
}

/** The stored event as the publishing rules read it (for showing what is missing before publishing). */
export async function toPublishableById(db: Db, id: string): Promise<PublishableEvent> {
  return publishableOf(db, await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
}
