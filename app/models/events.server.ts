import type { Selectable, Updateable } from "kysely";
import type { Db } from "@db/client";
import { jsonb } from "@db/jsonb";
import type { AmendmentChange, EventTable } from "@db/schema";
import type { EventCreateInput, EventFields, OutcomeInput } from "~/domain/event-input";
import type {
  EffortLevel,
  EventKind,
  EventStatus,
  ExpectationStatus,
  NotProcuredReason,
  Outcome,
  StandardLevel,
} from "~/domain/events";
import { isBlank, problemsOf, type Problem } from "~/domain/problems";
import { checkPublishable, type PublishableEvent } from "~/domain/publishing";
import type { Region } from "~/domain/regions";
import { adviseSourcing } from "~/domain/sourcing";
import { notifyAmendment } from "./registrations.server";
import { effortOfRow, expectationOfRow } from "./event-row.server";

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

// ---------------------------------------------------------------------------
// One event: create, amend, publish, close, record the outcome, read.
// ---------------------------------------------------------------------------

/** Who acts: a signed-in person (membership decides what they may do with an event). */
export interface Actor {
  id: string;
}

/** A member acting for a buyer organisation (requireMember's answer fits). */
export interface BuyerMember {
  user: Actor;
  organisation: { id: string; isBuyer: boolean };
}

export type Failure = {
  ok: false;
  /** not_found → 404, forbidden → 403, invalid → 400, conflict → 409, refused (publishing rules) → 422 */
  reason: "not_found" | "forbidden" | "invalid" | "conflict" | "refused";
  problems: Problem[];
};
export type Result<T> = { ok: true; value: T } | Failure;

const fail = (reason: Failure["reason"], problems: Problem[] = []): Failure => ({ ok: false, reason, problems });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type EventRow = Selectable<EventTable>;
type Access = "buyer" | "co_buyer" | null;

async function lockEvent(trx: Db, id: string): Promise<EventRow | undefined> {
  if (!UUID.test(id)) return undefined;
  return trx.selectFrom("events").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

async function accessOf(db: Db, actor: Actor | null, event: Pick<EventRow, "id" | "buyerId">): Promise<Access> {
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
async function eventFor(
  trx: Db,
  actor: Actor,
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

/** Columns for the fields a create or patch names; undefined leaves a column as it is. */
function toColumns(input: EventFields): Updateable<EventTable> {
  const c: Updateable<EventTable> = {};
  const put = <K extends keyof Updateable<EventTable>>(key: K, value: Updateable<EventTable>[K] | undefined) => {
    if (value !== undefined) c[key] = value;
  };
  put("kind", input.kind);
  put("title", input.title);
  put("description", input.description);
  put("cpvCodes", input.cpv);
  put("region", input.region);
  put("registrationDeadline", input.registrationDeadline);
  put("startsAt", input.startsAt);
  put("endsAt", input.endsAt);
  put("responseDeadline", input.responseDeadline);
  put("location", input.location);
  put("onlineUrl", input.onlineUrl);
  put("capacity", input.capacity);
  put("attendeeLimitPerVendor", input.attendeeLimitPerVendor);
  put("ipTerms", input.ipTerms);
  if (input.effort) {
    put("effortLevel", input.effort.level);
    put("effortHoursPerVendor", input.effort.hoursPerVendor);
    put("kindsOfWork", input.effort.kindsOfWork);
    put("compensationNok", input.effort.compensationNok);
  }
  const e = input.expectation;
  if (e !== undefined) {
    put("expectationStatus", e === null ? null : e.status);
    put("budgetMinNok", e === null ? null : e.budgetMinNok);
    put("budgetMaxNok", e === null ? null : e.budgetMaxNok);
    put("fundingSource", e === null ? null : e.fundingSource);
    put("expectedValueNok", e === null ? null : e.expectedValueNok);
    put("expectedQuantity", e === null ? null : e.quantity);
    put("quantityUnit", e === null ? null : e.unit);
    put("expectedTenderQuarter", e === null ? null : e.expectedTenderQuarter);
    put("expectedContractStart", e === null ? null : e.expectedContractStart);
  }
  const k = input.contract;
  if (k !== undefined) {
    put("contractForm", k === null ? null : k.form);
    put("contractBaseMonths", k === null ? null : k.baseMonths);
    put("contractOptionMonths", k === null ? null : k.optionMonths);
    put("contractHorizonMonths", k === null ? null : k.horizonMonths);
    put("contractJustification", k === null ? null : k.justification);
  }
  const s = input.sourcing;
  if (s !== undefined) {
    put("sourcingRisk", s === null ? null : s.risk);
    put("sourcingNeed", s === null ? null : s.need);
    // sourcingstrategi: the advice is the rule's answer, stored beside the buyer's choice.
    put("sourcingAdvice", s === null ? null : adviseSourcing(s).advice);
    put("sourcingReason", s === null ? null : s.reason);
  }
  const d = input.dataProtection;
  if (d !== undefined) {
    put("healthData", d === null ? null : d.healthData);
    put("dataResidency", d === null ? null : d.dataResidency);
    put("cloudAllowed", d === null ? null : d.cloudAllowed);
    put("dpiaNeeded", d === null ? null : d.dpiaNeeded);
  }
  const p = input.pilotPath;
  if (p !== undefined) {
    put("pilotPlan", p === null ? null : p.plan);
    put("pilotQuarter", p === null ? null : p.quarter);
    put("pilotBudgetNok", p === null ? null : p.budgetNok);
  }
  return c;
}

/** What the database refuses even in a draft, said as field problems instead of a 500. */
function storableProblems(row: EventRow): Problem[] {
  const problems: Problem[] = [];
  if (row.startsAt && row.endsAt && row.endsAt.getTime() < row.startsAt.getTime()) {
    problems.push({ path: "endsAt", code: "ends_before_start" });
  }
  if (row.budgetMinNok !== null && row.budgetMaxNok !== null && row.budgetMinNok > row.budgetMaxNok) {
    problems.push({ path: "expectation.budgetMaxNok", code: "budget_range_invalid" });
  }
  return problems;
}

/** Standard codes → ids, and co-buyers checked: every unknown reference is a problem at its index. */
async function resolveReferences(
  db: Db,
  buyerId: string,
  input: EventFields,
): Promise<Result<{ standards?: { standardId: string; level: StandardLevel; appliesFrom: string | null }[]; coBuyers?: string[] }>> {
  const problems: Problem[] = [];
  let standards: { standardId: string; level: StandardLevel; appliesFrom: string | null }[] | undefined;
  if (input.standards) {
    const codes = input.standards.map((s) => s.code);
    const found = codes.length
      ? await db.selectFrom("standards").select(["id", "code"]).where("code", "in", codes).execute()
      : [];
    standards = [];
    input.standards.forEach((s, i) => {
      const standard = found.find((f) => f.code === s.code);
      if (!standard) problems.push({ path: `standards.${i}.code`, code: "unknown_standard" });
      else standards!.push({ standardId: standard.id, level: s.level, appliesFrom: s.from ?? null });
    });
  }
  const coBuyers = input.coBuyers;
  if (coBuyers?.length) {
    const found = await db
      .selectFrom("organisations")
      .select(["id", "isBuyer"])
      .where("id", "in", coBuyers.filter((id) => UUID.test(id)))
      .execute();
    coBuyers.forEach((id, i) => {
      const org = found.find((o) => o.id === id);
      if (!org) problems.push({ path: `coBuyers.${i}`, code: "unknown_organisation" });
      else if (id === buyerId) problems.push({ path: `coBuyers.${i}`, code: "co_buyer_is_buyer" });
      else if (!org.isBuyer) problems.push({ path: `coBuyers.${i}`, code: "not_a_buyer" });
    });
  }
  if (problems.length) return fail("invalid", problems);
  return { ok: true, value: { standards, coBuyers } };
}

async function writeReferences(
  trx: Db,
  eventId: string,
  refs: { standards?: { standardId: string; level: StandardLevel; appliesFrom: string | null }[]; coBuyers?: string[] },
) {
  if (refs.standards) {
    await trx.deleteFrom("eventStandards").where("eventId", "=", eventId).execute();
    if (refs.standards.length) {
      await trx.insertInto("eventStandards").values(refs.standards.map((s) => ({ eventId, ...s }))).execute();
    }
  }
  if (refs.coBuyers) {
    await trx.deleteFrom("eventCoBuyers").where("eventId", "=", eventId).execute();
    if (refs.coBuyers.length) {
      await trx.insertInto("eventCoBuyers").values(refs.coBuyers.map((organisationId) => ({ eventId, organisationId }))).execute();
    }
  }
}

/** Defaults of an unsaved row, to check a create like an update. */
const EMPTY_ROW: Partial<EventRow> = {
  startsAt: null,
  endsAt: null,
  budgetMinNok: null,
  budgetMaxNok: null,
};

/** A new draft for the member's (buyer) organisation. */
export async function createDraft(db: Db, member: BuyerMember, input: EventCreateInput): Promise<Result<{ id: string; status: "draft" }>> {
  // Only buyers announce market dialogues; a vendor-only organisation cannot.
  if (!member.organisation.isBuyer) return fail("forbidden");
  return db.transaction().execute(async (trx) => {
    const refs = await resolveReferences(trx, member.organisation.id, input);
    if (!refs.ok) return refs;
    const columns = toColumns(input);
    const problems = storableProblems({ ...EMPTY_ROW, ...columns } as EventRow);
    if (problems.length) return fail("invalid", problems);
    const { id } = await trx
      .insertInto("events")
      .values({ ...columns, buyerId: member.organisation.id, kind: input.kind, title: input.title, description: input.description ?? "", status: "draft" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeReferences(trx, id, refs.value);
    return { ok: true, value: { id, status: "draft" as const } };
  });
}

/**
 * Changes an event. A draft changes freely (buyer or co-buyer members). A published event
 * changes only with a reason, and the change is kept as an amendment listing each field
 * before and after; it must still pass the publishing rules. Closed events do not change.
 *
 * Every member of every vendor taking part (registered or wait-listed) is e-mailed the
 * amendment, its reason and the changed fields, in the same transaction.
 */
export async function updateEvent(
  db: Db,
  actor: Actor,
  id: string,
  input: EventFields,
  { reason = null, now = new Date(), baseUrl }: { reason?: string | null; now?: Date; baseUrl: string },
): Promise<Result<{ id: string; status: EventStatus; amendment: { id: string; changes: AmendmentChange[] } | null }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, id, "co_buyer");
    if (!found.ok) return found;
    const { access, ...before } = found.value;
    // Who organises a joint event is the buyer's decision; co-buyers edit the rest.
    if (input.coBuyers !== undefined && access !== "buyer") return fail("forbidden");
    if (before.status === "closed") return fail("conflict", [{ path: "status", code: "event_closed" }]);
    const published = before.status === "published";
    // An amendment says why: vendors may have planned around what it changes.
    if (published && isBlank(reason)) return fail("invalid", [{ path: "reason", code: "reason_required" }]);

    const refs = await resolveReferences(trx, before.buyerId, input);
    if (!refs.ok) return refs;
    const columns = toColumns(input);
    const after = { ...before, ...columns } as EventRow;
    const storable = storableProblems(after);
    if (storable.length) return fail("invalid", storable);

    const [standardsBefore, coBuyersBefore] = await Promise.all([eventStandardsOf(trx, id), coBuyerIdsOf(trx, id)]);
    const standardsAfter = refs.value.standards
      ? await standardsFromIds(trx, refs.value.standards)
      : standardsBefore;
    const coBuyersAfter = refs.value.coBuyers ? [...refs.value.coBuyers].sort() : coBuyersBefore;

    let amendment: { id: string; changes: AmendmentChange[] } | null = null;
    if (published) {
      // forutsigbarhet: an amendment may not take back what publishing promised.
      const gate = problemsOf(checkPublishable(toPublishable(after), { buyerVerified: true, now })).filter(
        (p) => p.code !== "deadline_in_future_required" && p.code !== "buyer_not_verified",
      );
      if (gate.length) return fail("refused", gate);
      const changes = diffDeclarations(
        declarationOf(before, standardsBefore, coBuyersBefore),
        declarationOf(after, standardsAfter, coBuyersAfter),
      );
      if (changes.length === 0) return { ok: true, value: { id, status: before.status, amendment: null } };
      const row = await trx
        .insertInto("eventAmendments")
        .values({ eventId: id, byUserId: actor.id, reason: reason!.trim(), changes: jsonb(changes), at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      amendment = { id: row.id, changes };
      // forutsigbarhet: vendors who planned around the event hear of every change.
      await notifyAmendment(trx, { id, title: after.title, buyerId: before.buyerId }, reason!.trim(), changes, baseUrl);
    }

    if (Object.keys(columns).length) {
      await trx.updateTable("events").set({ ...columns, updatedAt: now }).where("id", "=", id).execute();
    }
    await writeReferences(trx, id, refs.value);
    return { ok: true, value: { id, status: before.status, amendment } };
  });
}

/** The stored row as the publishing rules read it. */
export function toPublishable(row: EventRow): PublishableEvent {
  const hasContract = [row.contractForm, row.contractBaseMonths, row.contractOptionMonths, row.contractHorizonMonths, row.contractJustification].some(
    (v) => v !== null,
  );
  return {
    kind: row.kind,
    registrationDeadline: row.registrationDeadline,
    responseDeadline: row.responseDeadline,
    effort: effortOfRow(row),
    expectation: expectationOfRow(row),
    contract: hasContract
      ? {
          form: row.contractForm,
          baseMonths: row.contractBaseMonths,
          optionMonths: row.contractOptionMonths,
          horizonMonths: row.contractHorizonMonths,
          justification: row.contractJustification,
        }
      : null,
    sourcing: row.sourcingRisk && row.sourcingNeed ? { risk: row.sourcingRisk, need: row.sourcingNeed, reason: row.sourcingReason } : null,
    pilotPath: row.pilotPlan === null && row.pilotQuarter === null && row.pilotBudgetNok === null
      ? null
      : { plan: row.pilotPlan, quarter: row.pilotQuarter, budgetNok: row.pilotBudgetNok },
  };
}

/**
 * Publishes a draft when every publishing rule holds for it and its buyer is verified.
 * A refusal is counted (blocked_publish_attempts, for the buyer's scorecard) and answered
 * with every problem, in form order.
 */
export async function publishEvent(
  db: Db,
  actor: Actor,
  id: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ id: string; status: "published" }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, id, "buyer");
    if (!found.ok) return found;
    const event = found.value;
    if (event.status !== "draft") return fail("conflict", [{ path: "status", code: "not_a_draft" }]);

    const buyer = await trx.selectFrom("organisations").select("verificationStatus").where("id", "=", event.buyerId).executeTakeFirstOrThrow();
    const gate = checkPublishable(toPublishable(event), { buyerVerified: buyer.verificationStatus === "verified", now });
    if (!gate.ok) {
      // Committed with the refusal: the count is the point.
      await trx
        .insertInto("blockedPublishAttempts")
        .values({ buyerId: event.buyerId, eventId: id, byUserId: actor.id, at: now, codes: gate.problems.map((p) => p.code) })
        .execute();
      return fail("refused", gate.problems);
    }
    await trx.updateTable("events").set({ status: "published", publishedAt: now, updatedAt: now }).where("id", "=", id).execute();
    return { ok: true, value: { id, status: "published" as const } };
  });
}

/** Closes a published event by hand (registration over, dialogue done). */
export async function closeEvent(
  db: Db,
  actor: Actor,
  id: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ id: string; status: "closed" }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, id, "buyer");
    if (!found.ok) return found;
    if (found.value.status !== "published") return fail("conflict", [{ path: "status", code: "not_published" }]);
    await trx.updateTable("events").set({ status: "closed", closedAt: now, updatedAt: now }).where("id", "=", id).execute();
    return { ok: true, value: { id, status: "closed" as const } };
  });
}

function lastDeadline(event: EventRow): Date | null {
  const times = [event.registrationDeadline, event.responseDeadline, event.endsAt].filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

/**
 * Records how it turned out. `withdrawn` may end a published event at any time (and closes
 * it); `procured` and `not_procured` come after it closed, by hand or because every
 * deadline has passed (then it is closed now). An outcome is recorded once.
 */
export async function recordOutcome(
  db: Db,
  actor: Actor,
  id: string,
  outcome: OutcomeInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ id: string; status: "closed"; outcome: Outcome }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, id, "buyer");
    if (!found.ok) return found;
    const event = found.value;
    if (event.status === "draft") return fail("conflict", [{ path: "status", code: "not_published" }]);
    if (event.outcome !== null) return fail("conflict", [{ path: "outcome", code: "outcome_recorded" }]);
    if (event.status === "published" && outcome.outcome !== "withdrawn") {
      const last = lastDeadline(event);
      if (last === null || last.getTime() > now.getTime()) return fail("conflict", [{ path: "status", code: "not_closed" }]);
    }
    if (outcome.outcome === "procured" && outcome.winningVendorId) {
      const winner = UUID.test(outcome.winningVendorId)
        ? await trx.selectFrom("organisations").select("isVendor").where("id", "=", outcome.winningVendorId).executeTakeFirst()
        : undefined;
      if (!winner) return fail("invalid", [{ path: "winningVendorId", code: "unknown_organisation" }]);
      if (!winner.isVendor) return fail("invalid", [{ path: "winningVendorId", code: "not_a_vendor" }]);
    }
    await trx
      .updateTable("events")
      .set({
        status: "closed",
        closedAt: event.closedAt ?? now,
        outcome: outcome.outcome,
        outcomeRecordedAt: now,
        outcomeContractValueNok: outcome.outcome === "procured" ? outcome.contractValueNok : null,
        outcomeContractDate: outcome.outcome === "procured" ? outcome.contractDate : null,
        outcomeNoticeReference: outcome.outcome === "procured" ? (outcome.noticeReference ?? null) : null,
        outcomeWinnerId: outcome.outcome === "procured" ? (outcome.winningVendorId ?? null) : null,
        outcomeNotProcuredReason: outcome.outcome === "not_procured" ? outcome.reason : null,
        outcomeWithdrawnReason: outcome.outcome === "withdrawn" ? outcome.reason : null,
        updatedAt: now,
      })
      .where("id", "=", id)
      .execute();
    return { ok: true, value: { id, status: "closed" as const, outcome: outcome.outcome } };
  });
}

// --- Reading ---------------------------------------------------------------

async function eventStandardsOf(db: Db, eventId: string): Promise<StandardRef[]> {
  const rows = await db
    .selectFrom("eventStandards")
    .innerJoin("standards", "standards.id", "eventStandards.standardId")
    .select(["standards.code", "eventStandards.level", "eventStandards.appliesFrom"])
    .where("eventStandards.eventId", "=", eventId)
    .orderBy("standards.code")
    .execute();
  return rows.map((r) => ({ code: r.code, level: r.level, from: r.appliesFrom }));
}

async function standardsFromIds(
  db: Db,
  refs: { standardId: string; level: StandardLevel; appliesFrom: string | null }[],
): Promise<StandardRef[]> {
  if (refs.length === 0) return [];
  const rows = await db.selectFrom("standards").select(["id", "code"]).where("id", "in", refs.map((r) => r.standardId)).execute();
  return refs
    .map((r) => ({ code: rows.find((s) => s.id === r.standardId)!.code, level: r.level, from: r.appliesFrom }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

async function coBuyerIdsOf(db: Db, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom("eventCoBuyers").select("organisationId").where("eventId", "=", eventId).orderBy("organisationId").execute();
  return rows.map((r) => r.organisationId);
}

export interface StandardRef {
  code: string;
  level: StandardLevel;
  /** YYYY-MM-DD */
  from: string | null;
}

/** The event as declared, in the API's field names: what amendments compare and GET returns. */
export function declarationOf(row: EventRow, standards: StandardRef[], coBuyers: string[]) {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    cpv: row.cpvCodes,
    region: row.region,
    registrationDeadline: row.registrationDeadline,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    responseDeadline: row.responseDeadline,
    location: row.location,
    onlineUrl: row.onlineUrl,
    capacity: row.capacity,
    attendeeLimitPerVendor: row.attendeeLimitPerVendor,
    effort: effortOfRow(row),
    expectation: expectationOfRow(row),
    contract: {
      form: row.contractForm,
      baseMonths: row.contractBaseMonths,
      optionMonths: row.contractOptionMonths,
      horizonMonths: row.contractHorizonMonths,
      justification: row.contractJustification,
    },
    sourcing:
      row.sourcingRisk === null
        ? null
        : { risk: row.sourcingRisk, need: row.sourcingNeed, advice: row.sourcingAdvice, reason: row.sourcingReason },
    standards,
    ipTerms: row.ipTerms,
    dataProtection: {
      healthData: row.healthData,
      dataResidency: row.dataResidency,
      cloudAllowed: row.cloudAllowed,
      dpiaNeeded: row.dpiaNeeded,
    },
    pilotPath: { plan: row.pilotPlan, quarter: row.pilotQuarter, budgetNok: row.pilotBudgetNok },
    coBuyers,
  };
}

function leaves(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** Field-by-field changes, in JSON values (dates as ISO strings); arrays compare whole. */
export function diffDeclarations(before: object, after: object): AmendmentChange[] {
  const a = leaves(JSON.parse(JSON.stringify(before)), "", new Map());
  const b = leaves(JSON.parse(JSON.stringify(after)), "", new Map());
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((field) => JSON.stringify(a.get(field) ?? null) !== JSON.stringify(b.get(field) ?? null))
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }));
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
  publishedAt: Date | null;
  closedAt: Date | null;
  outcome: EventOutcome | null;
  amendments: EventAmendment[];
  /** Whether the viewer may edit it (buyer or co-buyer member), and publish or close it (buyer member). */
  viewer: { canEdit: boolean; canPublish: boolean };
};

export type EventOutcome =
  | {
      outcome: "procured";
      recordedAt: Date;
      contractValueNok: number | null;
      contractDate: string | null;
      noticeReference: string | null;
      winningVendor: { id: string; name: string } | null;
    }
  | { outcome: "not_procured"; recordedAt: Date; reason: NotProcuredReason | null }
  | { outcome: "withdrawn"; recordedAt: Date; reason: string | null };

function outcomeOf(row: EventRow, winner: { id: string; name: string } | null): EventOutcome | null {
  if (row.outcome === null || row.outcomeRecordedAt === null) return null;
  const recordedAt = row.outcomeRecordedAt;
  if (row.outcome === "procured") {
    return {
      outcome: "procured",
      recordedAt,
      contractValueNok: row.outcomeContractValueNok,
      contractDate: row.outcomeContractDate,
      noticeReference: row.outcomeNoticeReference,
      winningVendor: winner,
    };
  }
  if (row.outcome === "not_procured") return { outcome: "not_procured", recordedAt, reason: row.outcomeNotProcuredReason };
  return { outcome: "withdrawn", recordedAt, reason: row.outcomeWithdrawnReason };
}

/**
 * One event as its viewer may see it: published and closed events are public; a draft only
 * for members of its buyer or co-buyers. Null otherwise, so the route answers 404.
 */
export async function getEvent(db: Db, id: string, viewer: Actor | null): Promise<EventDetail | null> {
  if (!UUID.test(id)) return null;
  const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const access = await accessOf(db, viewer, row);
  if (row.status === "draft" && access === null) return null;

  const [buyer, coBuyerOrganisations, standards, amendments, winner] = await Promise.all([
    db.selectFrom("organisations").select(["id", "name", "slug"]).where("id", "=", row.buyerId).executeTakeFirstOrThrow(),
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
    buyer,
    ...declarationOf(row, standards, coBuyerOrganisations.map((o) => o.id).sort()),
    coBuyerOrganisations,
    publishedAt: row.publishedAt,
    closedAt: row.closedAt,
    outcome: outcomeOf(row, winner ?? null),
    amendments,
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
  return toPublishable(await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
}
