import type { Db } from "@db/client";
import {
  checkCoBuyerConsent,
  openToJoin,
  openToJoinProblems,
  shareOf,
  shareProblems,
  type CoBuyerShare,
  type CoBuyerStatus,
  type ExpectationStatus,
  type Share,
  type ShareFrame,
  type ShareKind,
} from "~/domain/co-buyers";
import type { AcceptCoBuying } from "~/domain/co-buyer-forms";
import { isUuid } from "~/domain/ids";
import type { Problem } from "~/domain/problems";
import { fail, failAt, ok, type Result } from "~/domain/result";
import { osloDate } from "~/domain/zoned-time";
import { accessOf, eventFor, type ActingUser } from "./event-access.server";
import type { EventRow } from "./event-row.server";
import { emailAdmins, getMembership } from "./memberships.server";

// Joint demand with consent (issue 19, app/domain/co-buyers.ts): the lead buyer invites,
// the invited organisation's admins accept or decline, other buyers ask to join while the
// event is open to join. Every change is one transaction with the event row locked, so the
// shares are judged against what is stored.

export interface CoBuyer {
  organisation: { id: string; name: string; slug: string };
  status: CoBuyerStatus;
  share: Share | null;
  expectationStatus: ExpectationStatus | null;
  invitedAt: Date;
  respondedAt: Date | null;
}

/** The frame shares are measured against: the event's declared expectation. */
export function shareFrameOf(row: Pick<EventRow, "budgetMinNok" | "budgetMaxNok" | "expectedQuantity" | "quantityUnit">): ShareFrame {
  return { budgetMinNok: row.budgetMinNok, budgetMaxNok: row.budgetMaxNok, quantity: row.expectedQuantity, unit: row.quantityUnit };
}

function coBuyerRows(db: Db) {
  return db
    .selectFrom("eventCoBuyers as c")
    .innerJoin("organisations as o", "o.id", "c.organisationId")
    .select(["c.eventId", "o.id", "o.name", "o.slug", "c.status", "c.shareKind", "c.shareValue", "c.expectationStatus", "c.invitedAt", "c.respondedAt"]);
}

type CoBuyerRow = Awaited<ReturnType<ReturnType<typeof coBuyerRows>["execute"]>>[number];

function toCoBuyer(r: CoBuyerRow): CoBuyer {
  return {
    organisation: { id: r.id, name: r.name, slug: r.slug },
    status: r.status,
    share: r.shareKind && r.shareValue !== null ? { kind: r.shareKind, value: Number(r.shareValue) } : null,
    expectationStatus: r.expectationStatus,
    invitedAt: r.invitedAt,
    respondedAt: r.respondedAt,
  };
}

/** Every co-buyer row of the events, any status, by event, names in order. */
export async function coBuyersOfEvents(db: Db, eventIds: string[]): Promise<Map<string, CoBuyer[]>> {
  const byEvent = new Map<string, CoBuyer[]>(eventIds.map((id) => [id, []]));
  if (eventIds.length === 0) return byEvent;
  const rows = await coBuyerRows(db).where("c.eventId", "in", eventIds).orderBy("o.name").execute();
  for (const r of rows) byEvent.get(r.eventId)?.push(toCoBuyer(r));
  return byEvent;
}

/** One event's co-buyer rows, any status. */
export async function coBuyersOf(db: Db, eventId: string): Promise<CoBuyer[]> {
  return (await coBuyersOfEvents(db, [eventId])).get(eventId) ?? [];
}

const asShares = (rows: CoBuyer[]): CoBuyerShare[] => rows.map((c) => ({ organisationId: c.organisation.id, status: c.status, share: c.share }));

/** The publishing gate's input: every co-buyer's status. */
export async function coBuyerConsentProblems(db: Db, eventId: string): Promise<Problem[]> {
  const rows = await db.selectFrom("eventCoBuyers").select("status").where("eventId", "=", eventId).execute();
  const gate = checkCoBuyerConsent(rows);
  return gate.ok ? [] : gate.problems;
}

/** Judges a buyer organisation as a new co-buyer of the event: it exists, is a buyer, is not the lead, is not on it yet. */
async function newcomerProblems(trx: Db, event: EventRow, organisationId: string): Promise<Problem[]> {
  const org = isUuid(organisationId) ? await trx.selectFrom("organisations").select(["id", "isBuyer"]).where("id", "=", organisationId).executeTakeFirst() : undefined;
  if (!org) return [{ path: "organisationId", code: "unknown_organisation" }];
  if (org.id === event.buyerId) return [{ path: "organisationId", code: "co_buyer_is_buyer" }];
  if (!org.isBuyer) return [{ path: "organisationId", code: "not_a_buyer" }];
  const present = await trx.selectFrom("eventCoBuyers").select("status").where("eventId", "=", event.id).where("organisationId", "=", org.id).executeTakeFirst();
  if (present) return [{ path: "organisationId", code: "co_buyer_already_invited" }];
  return [];
}

interface Options {
  now?: Date;
  baseUrl: string;
}

/** Tells the invited organisation's admins, or the lead's when a buyer asks to join, in the caller's transaction. */
async function tellAdmins(trx: Db, event: EventRow, toOrganisationId: string, fromOrganisationId: string, kind: "invited" | "requested", baseUrl: string) {
  const from = await trx.selectFrom("organisations").select("name").where("id", "=", fromOrganisationId).executeTakeFirstOrThrow();
  const to = await trx.selectFrom("organisations").select("name").where("id", "=", toOrganisationId).executeTakeFirstOrThrow();
  await emailAdmins(trx, toOrganisationId, (admin) => ({
    template: "co-buyer",
    data: { kind, name: admin.name, organisationName: to.name, otherName: from.name, eventTitle: event.title, url: `${baseUrl}/events/${event.id}${kind === "requested" ? "/co-buyers" : ""}` },
  }));
}

/** The lead buyer (any member who may edit its events) invites a buyer organisation, optionally proposing its share. */
export async function inviteCoBuyer(
  db: Db,
  actor: ActingUser,
  eventId: string,
  input: { organisationId: string; shareKind?: ShareKind; shareValue?: number },
  { now = new Date(), baseUrl }: Options,
): Promise<Result<{ organisationId: string; status: "invited" }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, eventId, "buyer");
    if (!found.ok) return found;
    const event = found.value;
    if (event.status === "closed") return failAt("conflict", "status", "event_closed");
    const problems = await newcomerProblems(trx, event, input.organisationId);
    const share = shareOf(input);
    if (share) problems.push(...shareProblems(share, asShares(await coBuyersOf(trx, eventId)), shareFrameOf(event)));
    if (problems.length) return fail("invalid", problems);
    await trx
      .insertInto("eventCoBuyers")
      .values({ eventId, organisationId: input.organisationId, status: "invited", shareKind: share?.kind ?? null, shareValue: share?.value ?? null, invitedAt: now, invitedBy: actor.id })
      .execute();
    await tellAdmins(trx, event, input.organisationId, event.buyerId, "invited", baseUrl);
    return ok({ organisationId: input.organisationId, status: "invited" as const });
  });
}

/** Invitations for organisations named in an event's co-buyer list (the event form and the API's `coBuyers`), told by mail. */
export async function tellInvited(trx: Db, eventId: string, organisationIds: string[], baseUrl: string) {
  if (organisationIds.length === 0) return;
  const event = await trx.selectFrom("events").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();
  for (const id of organisationIds) await tellAdmins(trx, event, id, event.buyerId, "invited", baseUrl);
}

/**
 * The organisation whose admin the actor must be to answer for it: 403 with the reason by the
 * field when the actor belongs to it but is no admin, or would answer for an organisation it
 * does not belong to (accepting on behalf of another organisation).
 */
async function adminOf(trx: Db, actor: ActingUser, organisationId: string): Promise<Problem[]> {
  const membership = await getMembership(trx, actor.id, organisationId);
  if (!membership) return [{ path: "organisationId", code: "not_your_organisation" }];
  if (membership.role !== "admin") return [{ path: "organisationId", code: "admin_required" }];
  return [];
}

/** The event locked, when the actor may see it (published, or a draft of an organisation it acts for, or one it is invited to). */
async function visibleEvent(trx: Db, actor: ActingUser, eventId: string): Promise<EventRow | null> {
  if (!isUuid(eventId)) return null;
  const event = await trx.selectFrom("events").selectAll().where("id", "=", eventId).forUpdate().executeTakeFirst();
  if (!event) return null;
  if (event.status !== "draft") return event;
  return (await accessOf(trx, actor, event, { invited: true })) === null ? null : event;
}

/** An admin of the invited organisation accepts (its share and expectation status) or declines. */
export async function answerInvitation(
  db: Db,
  actor: ActingUser,
  eventId: string,
  organisationId: string,
  answer: { accept: AcceptCoBuying } | { decline: true },
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ organisationId: string; status: "accepted" | "declined" }>> {
  return db.transaction().execute(async (trx) => {
    const event = await visibleEvent(trx, actor, eventId);
    if (!event) return fail("not_found");
    const rows = await coBuyersOf(trx, eventId);
    const mine = rows.find((c) => c.organisation.id === organisationId);
    const who = await adminOf(trx, actor, organisationId);
    if (who.length) return fail("forbidden", who);
    if (!mine) return fail("not_found");
    if (mine.status !== "invited") return failAt("conflict", "status", "not_invited");
    if (event.status === "closed") return failAt("conflict", "status", "event_closed");
    if ("decline" in answer) {
      await trx
        .updateTable("eventCoBuyers")
        .set({ status: "declined", respondedAt: now, respondedBy: actor.id })
        .where("eventId", "=", eventId)
        .where("organisationId", "=", organisationId)
        .execute();
      return ok({ organisationId, status: "declined" as const });
    }
    const share = { kind: answer.accept.shareKind, value: answer.accept.shareValue };
    const problems = shareProblems(share, asShares(rows.filter((c) => c !== mine)), shareFrameOf(event));
    if (problems.length) return fail("invalid", problems);
    await trx
      .updateTable("eventCoBuyers")
      .set({ status: "accepted", shareKind: share.kind, shareValue: share.value, expectationStatus: answer.accept.expectationStatus, respondedAt: now, respondedBy: actor.id })
      .where("eventId", "=", eventId)
      .where("organisationId", "=", organisationId)
      .execute();
    return ok({ organisationId, status: "accepted" as const });
  });
}

/** A buyer organisation's admin asks to join an event that is open to join, with its share and expectation; the lead decides. */
export async function askToJoin(
  db: Db,
  actor: ActingUser,
  eventId: string,
  organisationId: string,
  input: AcceptCoBuying,
  { now = new Date(), baseUrl }: Options,
): Promise<Result<{ organisationId: string; status: "requested" }>> {
  return db.transaction().execute(async (trx) => {
    const event = await visibleEvent(trx, actor, eventId);
    if (!event) return fail("not_found");
    if (!openToJoin(event, osloDate(now))) return failAt("conflict", "openToJoinUntil", "not_open_to_join");
    const who = await adminOf(trx, actor, organisationId);
    if (who.length) return fail("forbidden", who);
    const problems = await newcomerProblems(trx, event, organisationId);
    const share = { kind: input.shareKind, value: input.shareValue };
    if (problems.length === 0) problems.push(...shareProblems(share, asShares(await coBuyersOf(trx, eventId)), shareFrameOf(event)));
    if (problems.length) return fail("invalid", problems);
    await trx
      .insertInto("eventCoBuyers")
      .values({ eventId, organisationId, status: "requested", shareKind: share.kind, shareValue: share.value, expectationStatus: input.expectationStatus, invitedAt: now, invitedBy: actor.id })
      .execute();
    await tellAdmins(trx, event, event.buyerId, organisationId, "requested", baseUrl);
    return ok({ organisationId, status: "requested" as const });
  });
}

/** The lead accepts or declines a request to join; the requester's share is judged again against what is stored now. */
export async function decideJoinRequest(
  db: Db,
  actor: ActingUser,
  eventId: string,
  organisationId: string,
  accept: boolean,
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ organisationId: string; status: "accepted" | "declined" }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, eventId, "buyer");
    if (!found.ok) return found;
    const rows = await coBuyersOf(trx, eventId);
    const request = rows.find((c) => c.organisation.id === organisationId);
    if (!request) return fail("not_found");
    if (request.status !== "requested") return failAt("conflict", "status", "not_requested");
    const status = accept ? ("accepted" as const) : ("declined" as const);
    await trx
      .updateTable("eventCoBuyers")
      .set({ status, respondedAt: now, respondedBy: actor.id })
      .where("eventId", "=", eventId)
      .where("organisationId", "=", organisationId)
      .execute();
    return ok({ organisationId, status });
  });
}

/**
 * The lead removes a co-buyer row: an invitation, a declined answer or a request, at any time; an
 * accepted co-buyer only while the event is a draft (after publishing it is part of what vendors read).
 */
export async function removeCoBuyer(db: Db, actor: ActingUser, eventId: string, organisationId: string): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, eventId, "buyer");
    if (!found.ok) return found;
    const row = (await coBuyersOf(trx, eventId)).find((c) => c.organisation.id === organisationId);
    if (!row) return fail("not_found");
    if (row.status === "accepted" && found.value.status !== "draft") return failAt("conflict", "organisationId", "accepted_co_buyer_published");
    await trx.deleteFrom("eventCoBuyers").where("eventId", "=", eventId).where("organisationId", "=", organisationId).execute();
    return ok();
  });
}

/** The lead opens the event for other buyers to ask to join until a day (inclusive, Europe/Oslo), or closes it (null). */
export async function setOpenToJoin(db: Db, actor: ActingUser, eventId: string, until: string | null, { now = new Date() }: { now?: Date } = {}): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, eventId, "buyer");
    if (!found.ok) return found;
    if (found.value.status === "closed") return failAt("conflict", "status", "event_closed");
    const problems = openToJoinProblems(until, osloDate(now));
    if (problems.length) return fail("invalid", problems);
    await trx.updateTable("events").set({ openToJoinUntil: until, updatedAt: now }).where("id", "=", eventId).execute();
    return ok();
  });
}

export interface CoBuyerInvitation {
  eventId: string;
  eventTitle: string;
  eventStatus: string;
  leadName: string;
  status: CoBuyerStatus;
  share: Share | null;
  invitedAt: Date;
}

/** The buyer workspace: invitations to the organisation still to answer, and its own requests to join still open. */
export async function openInvitationsFor(db: Db, organisationId: string): Promise<CoBuyerInvitation[]> {
  const rows = await db
    .selectFrom("eventCoBuyers as c")
    .innerJoin("events as e", "e.id", "c.eventId")
    .innerJoin("organisations as lead", "lead.id", "e.buyerId")
    .select(["e.id as eventId", "e.title as eventTitle", "e.status as eventStatus", "lead.name as leadName", "c.status", "c.shareKind", "c.shareValue", "c.invitedAt"])
    .where("c.organisationId", "=", organisationId)
    .where("c.status", "in", ["invited", "requested"])
    .where("e.status", "<>", "closed")
    .orderBy("c.invitedAt", "desc")
    .execute();
  return rows.map(({ shareKind, shareValue, ...r }) => ({ ...r, share: shareKind && shareValue !== null ? { kind: shareKind, value: Number(shareValue) } : null }));
}

/** What the viewer may do about the event's joint demand: answer invitations for organisations it administers, or ask to join for one. */
export async function coBuyingChoicesFor(
  db: Db,
  viewer: ActingUser | null,
  event: { id: string; buyer: { id: string }; jointDemand: { openToJoin: boolean } },
): Promise<{ answerFor: { id: string; name: string }[]; joinAs: { id: string; name: string }[] }> {
  if (!viewer) return { answerFor: [], joinAs: [] };
  const adminOfBuyers = await db
    .selectFrom("memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisationId")
    .leftJoin("eventCoBuyers as c", (join) => join.onRef("c.organisationId", "=", "o.id").on("c.eventId", "=", event.id))
    .select(["o.id", "o.name", "c.status"])
    .where("m.userId", "=", viewer.id)
    .where("m.role", "=", "admin")
    .where("o.isBuyer", "=", true)
    .where("o.id", "<>", event.buyer.id)
    .orderBy("o.name")
    .execute();
  return {
    answerFor: adminOfBuyers.filter((o) => o.status === "invited").map(({ id, name }) => ({ id, name })),
    joinAs: event.jointDemand.openToJoin ? adminOfBuyers.filter((o) => o.status === null).map(({ id, name }) => ({ id, name })) : [],
  };
}

/** Buyer organisations the lead may invite: every buyer but itself and those already on the event, by name. */
export async function invitableBuyers(db: Db, eventId: string, leadId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("isBuyer", "=", true)
    .where("id", "<>", leadId)
    .where("id", "not in", (eb) => eb.selectFrom("eventCoBuyers").select("organisationId").where("eventId", "=", eventId))
    .orderBy("name")
    .execute();
}
