import type { Db } from "@db/client";
import type { EventFields } from "~/domain/event-input";
import type { StandardLevel } from "~/domain/events";
import type { Problem } from "~/domain/problems";
import { fail, type Result } from "~/domain/result";
import type { StandardRef } from "./event-row.server";
import { isUuid } from "~/domain/ids";

// What an event refers to beyond its own row: the standards it names and the buyers it
// is held jointly with. Checked before they are written, read back in code order.

/** The references a create or patch names, resolved to ids; undefined leaves them as they are. */
export interface EventReferences {
  standards?: { standardId: string; level: StandardLevel; appliesFrom: string | null }[];
  coBuyers?: string[];
}

/** Standard codes → ids, and co-buyers checked: every unknown reference is a problem at its index. */
export async function resolveReferences(db: Db, buyerId: string, input: EventFields): Promise<Result<EventReferences>> {
  const problems: Problem[] = [];
  let standards: EventReferences["standards"];
  if (input.standards) {
    const codes = input.standards.map((s) => s.code);
    const found = codes.length
      ? await db.selectFrom("standards").select(["id", "code"]).where("code", "in", codes).execute()
      : [];
    const resolved: NonNullable<EventReferences["standards"]> = [];
    input.standards.forEach((s, i) => {
      const standard = found.find((f) => f.code === s.code);
      if (!standard) problems.push({ path: `standards.${i}.code`, code: "unknown_standard" });
      else resolved.push({ standardId: standard.id, level: s.level, appliesFrom: s.from ?? null });
    });
    standards = resolved;
  }
  const coBuyers = input.coBuyers;
  if (coBuyers?.length) {
    const found = await db
      .selectFrom("organisations")
      .select(["id", "isBuyer"])
      .where("id", "in", coBuyers.filter((id) => isUuid(id)))
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

/**
 * Replaces the references the input named (and only those). Co-buyers are invitations (issue 19):
 * an organisation already on the event keeps its answer and share, a new one is invited, one left
 * out is removed. Returns the organisations newly invited, for the caller to tell.
 */
export async function writeReferences(trx: Db, eventId: string, refs: EventReferences, invitedBy: string | null = null): Promise<string[]> {
  if (refs.standards) {
    await trx.deleteFrom("eventStandards").where("eventId", "=", eventId).execute();
    if (refs.standards.length) {
      await trx.insertInto("eventStandards").values(refs.standards.map((s) => ({ eventId, ...s }))).execute();
    }
  }
  if (!refs.coBuyers) return [];
  const named = refs.coBuyers;
  const present = (await trx.selectFrom("eventCoBuyers").select("organisationId").where("eventId", "=", eventId).execute()).map((r) => r.organisationId);
  const gone = present.filter((id) => !named.includes(id));
  if (gone.length) await trx.deleteFrom("eventCoBuyers").where("eventId", "=", eventId).where("organisationId", "in", gone).execute();
  const added = named.filter((id) => !present.includes(id));
  if (added.length) {
    await trx.insertInto("eventCoBuyers").values(added.map((organisationId) => ({ eventId, organisationId, status: "invited" as const, invitedBy }))).execute();
  }
  return added;
}

/** The standards an event names, as stored, code order. */
export async function eventStandardsOf(db: Db, eventId: string): Promise<StandardRef[]> {
  const rows = await db
    .selectFrom("eventStandards")
    .innerJoin("standards", "standards.id", "eventStandards.standardId")
    .select(["standards.code", "eventStandards.level", "eventStandards.appliesFrom"])
    .where("eventStandards.eventId", "=", eventId)
    .orderBy("standards.code")
    .execute();
  return rows.map((r) => ({ code: r.code, level: r.level, from: r.appliesFrom }));
}

/** Resolved standards in the shape they are read back in, code order. */
export async function standardsFromIds(db: Db, refs: NonNullable<EventReferences["standards"]>): Promise<StandardRef[]> {
  if (refs.length === 0) return [];
  const rows = await db.selectFrom("standards").select(["id", "code"]).where("id", "in", refs.map((r) => r.standardId)).execute();
  return refs
    .map((r) => ({ code: rows.find((s) => s.id === r.standardId)!.code, level: r.level, from: r.appliesFrom }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The organisations the event names as co-buyers (invited, asking or accepted; not those that declined), ids sorted. */
export async function coBuyerIdsOf(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("eventCoBuyers")
    .select("organisationId")
    .where("eventId", "=", eventId)
    .where("status", "<>", "declined")
    .orderBy("organisationId")
    .execute();
  return rows.map((r) => r.organisationId);
}
