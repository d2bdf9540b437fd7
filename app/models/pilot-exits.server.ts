import { sql } from "kysely";
import type { Db } from "@db/client";
import { jsonb } from "@db/jsonb";
import { isUuid } from "~/domain/ids";
import { needsPilotTerms, type AcceptanceCriterion, type PilotPlan } from "~/domain/pilot";
import { checkExitResponse, checkPilotExit, normalisePilotExit, type CriterionJudgement, type ExitResponse, type PilotExit } from "~/domain/pilot-exit";
import type { PilotExitInput, PilotExitResponseInput } from "~/domain/pilot-exit-forms";
import { fail, failAt, ok, type Result } from "~/domain/result";
import type { EventKind } from "~/domain/events";
import type { ContractForm } from "~/domain/contract";

// The decision after a pilot ends (issue 16): the buyer's members record it, once (while it is
// "undecided" it may be recorded again); each vendor that took part (a registration that was
// not waitlisted, withdrawn or declined) confirms or disputes each judgement, once. The record is public,
// like the pilot register it feeds; a vendor's account of a dispute too, as in the register.

export type PilotParty = "buyer" | "vendor" | null;

export interface PilotExitResponseView {
  organisationId: string;
  organisationName: string;
  answers: { criterion: number; response: ExitResponse; account: string | null }[];
}

export interface PilotExitView extends PilotExit {
  recordedAt: string;
  followOnEvent: { id: string; title: string } | null;
  contract: { id: string; title: string } | null;
  responses: PilotExitResponseView[];
}

export interface PilotExitPage {
  event: {
    id: string;
    title: string;
    kind: EventKind;
    status: string;
    buyer: { id: string; name: string; slug: string };
    endedAt: string | null;
    plan: PilotPlan | null;
    criteria: AcceptanceCriterion[];
  };
  ended: boolean;
  exit: PilotExitView | null;
  party: PilotParty;
  /** The buyer may (re)record: no exit yet, or one still undecided. */
  mayRecord: boolean;
  /** The vendor organisation the viewer answers for, when it took part and has not answered. */
  mayRespondFor: { id: string; name: string } | null;
  /** What a purchase may link to (the buyer's only). */
  choices: { events: { id: string; title: string }[]; contracts: { id: string; title: string }[] };
}

type Locked = { id: string; buyerId: string; kind: EventKind; contractForm: ContractForm | null; status: string; plan: PilotPlan | null; criteria: AcceptanceCriterion[]; endedAt: Date | null };

export async function pilotEvent(db: Db, eventId: string, { lock = false } = {}): Promise<Locked | null> {
  if (!isUuid(eventId)) return null;
  let query = db
    .selectFrom("events")
    .select(["id", "buyerId", "kind", "contractForm", "status", "pilotPlan as plan", "pilotCriteria as criteria", sql<Date | null>`coalesce(ends_at, closed_at)`.as("endedAt")])
    .where("id", "=", eventId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || row.status === "draft" || !needsPilotTerms(row.kind, row.contractForm)) return null;
  return row;
}

/** Ended: its end (or its closing) has passed, or it is closed. */
const hasEnded = (event: Pick<Locked, "status" | "endedAt">, now: Date) => event.status === "closed" || (event.endedAt !== null && event.endedAt <= now);

export async function isBuyerMember(db: Db, userId: string | null, buyerId: string) {
  if (!userId) return false;
  return (await db.selectFrom("memberships").select("userId").where("userId", "=", userId).where("organisationId", "=", buyerId).executeTakeFirst()) !== undefined;
}

/** The viewer's organisations that took part in the pilot. */
export async function participatingOrganisations(db: Db, userId: string | null, eventId: string) {
  if (!userId) return [];
  return db
    .selectFrom("registrations as r")
    .innerJoin("memberships as m", "m.organisationId", "r.organisationId")
    .innerJoin("organisations as o", "o.id", "r.organisationId")
    .select(["o.id", "o.name"])
    .where("r.eventId", "=", eventId)
    .where("m.userId", "=", userId)
    .where("r.status", "=", "registered")
    .orderBy("o.name")
    .execute();
}

async function exitView(db: Db, eventId: string): Promise<PilotExitView | null> {
  const row = await db
    .selectFrom("pilotExits as x")
    .leftJoin("events as f", "f.id", "x.followOnEventId")
    .leftJoin("contracts as c", "c.id", "x.contractId")
    .select(["x.results", "x.decision", "x.stopReason", "x.stopReasonText", "x.followOnEventId", "x.contractId", "x.recordedAt", "f.title as followOnTitle", "c.title as contractTitle"])
    .where("x.eventId", "=", eventId)
    .executeTakeFirst();
  if (!row) return null;
  const answers = await db
    .selectFrom("pilotExitResponses as r")
    .innerJoin("organisations as o", "o.id", "r.organisationId")
    .select(["r.organisationId", "o.name", "r.criterion", "r.response", "r.account"])
    .where("r.eventId", "=", eventId)
    .orderBy("o.name")
    .orderBy("r.criterion")
    .execute();
  const responses: PilotExitResponseView[] = [];
  for (const a of answers) {
    let view = responses.find((r) => r.organisationId === a.organisationId);
    if (!view) responses.push((view = { organisationId: a.organisationId, organisationName: a.name, answers: [] }));
    view.answers.push({ criterion: a.criterion, response: a.response, account: a.account });
  }
  return {
    results: row.results,
    decision: row.decision,
    stopReason: row.stopReason,
    stopReasonText: row.stopReasonText,
    followOnEventId: row.followOnEventId,
    contractId: row.contractId,
    recordedAt: row.recordedAt.toISOString(),
    followOnEvent: row.followOnEventId ? { id: row.followOnEventId, title: row.followOnTitle ?? "" } : null,
    contract: row.contractId ? { id: row.contractId, title: row.contractTitle ?? "" } : null,
    responses,
  };
}

/** The buyer's other published procurements and its contracts: what a purchase may link to. */
async function linkChoices(db: Db, buyerId: string, eventId: string) {
  const [events, contracts] = await Promise.all([
    db
      .selectFrom("events")
      .select(["id", "title"])
      .where("buyerId", "=", buyerId)
      .where("id", "<>", eventId)
      .where("status", "<>", "draft")
      .orderBy("publishedAt", "desc")
      .limit(200)
      .execute(),
    db.selectFrom("contracts").select(["id", "title"]).where("buyerId", "=", buyerId).orderBy("createdAt", "desc").limit(200).execute(),
  ]);
  return { events, contracts };
}

/** The exit page of a published pilot, R&D or innovation partnership; null when there is none (404). */
export async function getPilotExitPage(db: Db, eventId: string, userId: string | null, { now = new Date() }: { now?: Date } = {}): Promise<PilotExitPage | null> {
  const event = await pilotEvent(db, eventId);
  if (!event) return null;
  const [details, exit, buyer, taking] = await Promise.all([
    db
      .selectFrom("events as e")
      .innerJoin("organisations as o", "o.id", "e.buyerId")
      .select(["e.title", "o.id", "o.name", "o.slug"])
      .where("e.id", "=", event.id)
      .executeTakeFirstOrThrow(),
    exitView(db, event.id),
    isBuyerMember(db, userId, event.buyerId),
    participatingOrganisations(db, userId, event.id),
  ]);
  const party: PilotParty = buyer ? "buyer" : taking.length ? "vendor" : null;
  const ended = hasEnded(event, now);
  const answered = new Set(exit?.responses.map((r) => r.organisationId));
  const respondFor = exit && exit.results.length > 0 && party === "vendor" ? (taking.find((o) => !answered.has(o.id)) ?? null) : null;
  const mayRecord = party === "buyer" && ended && (exit === null || exit.decision === "undecided");
  return {
    event: {
      id: event.id,
      title: details.title,
      kind: event.kind,
      status: event.status,
      buyer: { id: details.id, name: details.name, slug: details.slug },
      endedAt: event.endedAt?.toISOString() ?? null,
      plan: event.plan,
      criteria: event.criteria,
    },
    ended,
    exit,
    party,
    mayRecord,
    mayRespondFor: respondFor,
    choices: mayRecord ? await linkChoices(db, event.buyerId, event.id) : { events: [], contracts: [] },
  };
}

/** The buyer's members record the exit of an ended pilot; again only while it is undecided. */
export async function recordPilotExit(
  db: Db,
  userId: string,
  eventId: string,
  input: PilotExitInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ decision: PilotExit["decision"] }>> {
  return db.transaction().execute(async (trx) => {
    const event = await pilotEvent(trx, eventId, { lock: true });
    if (!event) return fail("not_found");
    if (!(await isBuyerMember(trx, userId, event.buyerId))) return fail("forbidden");
    if (!hasEnded(event, now)) return failAt("conflict", "decision", "pilot_not_ended");
    const previous = await trx.selectFrom("pilotExits").select(["decision", "results"]).where("eventId", "=", event.id).executeTakeFirst();
    if (previous && previous.decision !== "undecided") return failAt("conflict", "decision", "pilot_exit_recorded");
    const exit = normalisePilotExit(input);
    const rules = checkPilotExit(exit, { criteria: event.criteria.length, plan: event.plan });
    if (!rules.ok) return fail("refused", rules.problems);
    // A link names the buyer's own procurement or contract.
    if (exit.followOnEventId !== null) {
      const own = await trx.selectFrom("events").select("id").where("id", "=", exit.followOnEventId).where("buyerId", "=", event.buyerId).where("status", "<>", "draft").executeTakeFirst();
      if (!own || own.id === event.id) return failAt("refused", "followOnEventId", "invalid_choice");
    }
    if (exit.contractId !== null) {
      const own = await trx.selectFrom("contracts").select("id").where("id", "=", exit.contractId).where("buyerId", "=", event.buyerId).executeTakeFirst();
      if (!own) return failAt("refused", "contractId", "invalid_choice");
    }
    const values = {
      results: jsonb(exit.results),
      decision: exit.decision,
      stopReason: exit.stopReason,
      stopReasonText: exit.stopReasonText,
      followOnEventId: exit.followOnEventId,
      contractId: exit.contractId,
      recordedBy: userId,
      recordedAt: now,
    };
    if (previous) {
      await trx.updateTable("pilotExits").set(values).where("eventId", "=", event.id).execute();
      // Answers to judgements that changed no longer answer them: the vendors answer again.
      if (exit.results.some((r, i) => previous.results[i]?.result !== r.result)) await trx.deleteFrom("pilotExitResponses").where("eventId", "=", event.id).execute();
    } else {
      await trx.insertInto("pilotExits").values({ eventId: event.id, ...values }).execute();
    }
    return ok({ decision: exit.decision });
  });
}

/** A vendor that took part confirms or disputes every judgement, once per organisation. */
export async function respondToPilotExit(
  db: Db,
  userId: string,
  eventId: string,
  input: PilotExitResponseInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ organisationId: string }>> {
  return db.transaction().execute(async (trx) => {
    const event = await pilotEvent(trx, eventId, { lock: true });
    if (!event) return fail("not_found");
    const taking = await participatingOrganisations(trx, userId, event.id);
    if (taking.length === 0) return fail("forbidden");
    const exit = await trx.selectFrom("pilotExits").select("results").where("eventId", "=", event.id).executeTakeFirst();
    if (!exit || exit.results.length === 0) return failAt("conflict", "responses", "pilot_exit_missing");
    const answered = await trx.selectFrom("pilotExitResponses").select("organisationId").distinct().where("eventId", "=", event.id).execute();
    const organisation = taking.find((o) => !answered.some((a) => a.organisationId === o.id));
    if (!organisation) return failAt("conflict", "responses", "pilot_exit_answered");
    const rules = checkExitResponse(input, exit.results.length);
    if (!rules.ok) return fail("refused", rules.problems);
    await trx
      .insertInto("pilotExitResponses")
      .values(
        (input.responses ?? []).map((r, criterion) => ({
          eventId: event.id,
          organisationId: organisation.id,
          criterion,
          response: r.response,
          account: r.account ?? null,
          respondedBy: userId,
          respondedAt: now,
        })),
      )
      .execute();
    return ok({ organisationId: organisation.id });
  });
}

export type { CriterionJudgement };
