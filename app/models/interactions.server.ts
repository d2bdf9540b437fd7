import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "@db/client";
import type { InteractionParticipant } from "@db/schema";
import {
  checkAssessment,
  checkResponse,
  CONCERN_CATEGORIES,
  isQuietPeriodContact,
  type Assessment,
  type ConcernCategory,
  type InteractionChannel,
  type InteractionResponse,
} from "~/domain/conduct";
import { chainHash, verifyChain, type ChainRecord, type ChainVerdict, type JsonValue } from "~/domain/hash-chain";
import { enqueueEmail } from "@emails/outbox.server";
import { currentVersionNumber } from "./conduct.server";

// The interaction log (samhandlingslogg). Rows are never changed: the database
// refuses UPDATE and DELETE, a correction is a new entry that supersedes an old
// one, and every row an organisation appends (entries it logs, answers it
// gives) is a link in that organisation's hash chain.

export type { InteractionParticipant };

export interface NewInteraction {
  organisationId: string;
  counterpartId: string;
  loggedBy: string;
  occurredAt: Date;
  channel: InteractionChannel;
  participants: InteractionParticipant[];
  eventId: string | null;
  subject: string;
  summary: string;
  clauses: number[];
  assessment: Assessment;
  concernCategory: ConcernCategory | null;
  concernDescription: string | null;
  supersedesId: string | null;
}

export type AppendResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> };

interface EntryHashed {
  id: string;
  organisationId: string;
  counterpartId: string;
  loggedBy: string;
  occurredAt: Date;
  channel: string;
  participants: InteractionParticipant[];
  eventId: string | null;
  subject: string;
  summary: string;
  conductVersion: number | null;
  clauses: number[];
  assessment: string;
  concernCategory: string | null;
  concernDescription: string | null;
  supersedesId: string | null;
  quietPeriodContact: boolean;
  recordedAt: Date;
  chainSeq: number;
}

interface ResponseHashed {
  id: string;
  entryId: string;
  organisationId: string;
  respondedBy: string;
  response: string;
  account: string | null;
  recordedAt: Date;
  chainSeq: number;
}

/** Everything an entry says, as hashed: the row minus its chain fields, with its position. */
function entryContent(e: EntryHashed): JsonValue {
  return {
    type: "entry",
    id: e.id,
    organisationId: e.organisationId,
    counterpartId: e.counterpartId,
    loggedBy: e.loggedBy,
    occurredAt: e.occurredAt,
    channel: e.channel,
    participants: e.participants.map((p) => ({ side: p.side, userId: p.userId, name: p.name })),
    eventId: e.eventId,
    subject: e.subject,
    summary: e.summary,
    conductVersion: e.conductVersion,
    clauses: e.clauses,
    assessment: e.assessment,
    concernCategory: e.concernCategory,
    concernDescription: e.concernDescription,
    supersedesId: e.supersedesId,
    quietPeriodContact: e.quietPeriodContact,
    recordedAt: e.recordedAt,
    seq: e.chainSeq,
  };
}

function responseContent(r: ResponseHashed): JsonValue {
  return {
    type: "response",
    id: r.id,
    entryId: r.entryId,
    organisationId: r.organisationId,
    respondedBy: r.respondedBy,
    response: r.response,
    account: r.account,
    recordedAt: r.recordedAt,
    seq: r.chainSeq,
  };
}

/**
 * Takes the next position in an organisation's chain. The head row stays
 * locked until the transaction ends, so appends for one organisation run one
 * at a time and the chain never forks.
 */
async function nextLink(trx: Db, organisationId: string) {
  await trx.insertInto("interactionChainHeads").values({ organisationId }).onConflict((oc) => oc.column("organisationId").doNothing()).execute();
  const head = await trx.selectFrom("interactionChainHeads").selectAll().where("organisationId", "=", organisationId).forUpdate().executeTakeFirstOrThrow();
  return {
    seq: head.length + 1,
    prevHash: head.headHash,
    advance: (hash: string) =>
      trx.updateTable("interactionChainHeads").set({ length: head.length + 1, headHash: hash }).where("organisationId", "=", organisationId).execute(),
  };
}

async function adminsOf(db: Db, organisationId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.userId")
    .select(["users.email", "users.name", "users.language"])
    .where("memberships.organisationId", "=", organisationId)
    .where("memberships.role", "=", "admin")
    .where("users.emailVerifiedAt", "is not", null)
    .execute();
}

/** Checks what the form cannot: that referenced rows exist and belong to the two parties. */
async function checkReferences(db: Db, input: NewInteraction, conductVersion: number | null): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = { ...checkAssessment(input) };
  const counterpart = await db.selectFrom("organisations").select("id").where("id", "=", input.counterpartId).executeTakeFirst();
  if (!counterpart || input.counterpartId === input.organisationId) errors.counterpartId = ["conduct_unknown_counterpart"];
  if (input.eventId) {
    const event = await db.selectFrom("events").select("buyerId").where("id", "=", input.eventId).executeTakeFirst();
    if (!event || (event.buyerId !== input.organisationId && event.buyerId !== input.counterpartId)) errors.eventId = ["conduct_event_not_between_parties"];
  }
  if (input.clauses.length) {
    const known = conductVersion
      ? await db.selectFrom("conductClauses").select("number").where("versionNumber", "=", conductVersion).where("number", "in", input.clauses).execute()
      : [];
    if (known.length !== new Set(input.clauses).size) errors.clauses = ["invalid_choice"];
  }
  for (const side of ["own", "counterpart"] as const) {
    const ids = input.participants.filter((p) => p.side === side && p.userId).map((p) => p.userId!);
    if (!ids.length) continue;
    const orgId = side === "own" ? input.organisationId : input.counterpartId;
    const members = await db.selectFrom("memberships").select("userId").where("organisationId", "=", orgId).where("userId", "in", ids).execute();
    if (members.length !== new Set(ids).size) errors[side === "own" ? "ownParticipants" : "counterpartParticipants"] = ["invalid_choice"];
  }
  if (input.supersedesId) {
    const old = await db
      .selectFrom("interactionEntries")
      .select(["organisationId", "counterpartId"])
      .select((eb) => eb.exists(eb.selectFrom("interactionEntries as later").select("later.id").whereRef("later.supersedesId", "=", "interactionEntries.id")).as("superseded"))
      .where("id", "=", input.supersedesId)
      .executeTakeFirst();
    if (!old || old.organisationId !== input.organisationId || old.counterpartId !== input.counterpartId || old.superseded) {
      errors.supersedesId = ["conduct_cannot_supersede"];
    }
  }
  return errors;
}

/**
 * Appends an entry to the logging organisation's chain and tells the
 * counterpart's admins, in one transaction. Nothing is stored when a
 * reference is wrong.
 */
export async function logInteraction(db: Db, input: NewInteraction, { entryUrl }: { entryUrl: (id: string) => string }): Promise<AppendResult> {
  return db.transaction().execute(async (trx) => {
    const conductVersion = await currentVersionNumber(trx);
    const errors = await checkReferences(trx, input, conductVersion);
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };

    // A participant with an account is recorded under the account's name when none was given.
    const ids = input.participants.filter((p) => p.userId && !p.name.trim()).map((p) => p.userId!);
    const accountNames = ids.length ? await trx.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute() : [];
    const participants = input.participants.map((p) => ({
      side: p.side,
      userId: p.userId,
      name: (p.name.trim() || accountNames.find((u) => u.id === p.userId)?.name) ?? "",
    }));

    const event = input.eventId
      ? await trx.selectFrom("events").select(["kind", "status", "outcome", "buyerId", "publishedAt", "title"]).where("id", "=", input.eventId).executeTakeFirst()
      : undefined;
    const quietPeriodContact = isQuietPeriodContact({ ...input, event: event ?? null });

    const link = await nextLink(trx, input.organisationId);
    const isConcern = input.assessment === "concern";
    const row: EntryHashed = {
      id: randomUUID(),
      organisationId: input.organisationId,
      counterpartId: input.counterpartId,
      loggedBy: input.loggedBy,
      occurredAt: input.occurredAt,
      channel: input.channel,
      participants,
      eventId: input.eventId,
      subject: input.subject.trim(),
      summary: input.summary.trim(),
      conductVersion,
      clauses: [...new Set(input.clauses)].sort((a, b) => a - b),
      assessment: input.assessment,
      concernCategory: isConcern ? input.concernCategory : null,
      concernDescription: isConcern ? (input.concernDescription?.trim() ?? null) : null,
      supersedesId: input.supersedesId,
      quietPeriodContact,
      recordedAt: new Date(),
      chainSeq: link.seq,
    };
    const hash = chainHash(entryContent(row), link.prevHash);
    await trx
      .insertInto("interactionEntries")
      .values({
        ...row,
        channel: input.channel,
        assessment: input.assessment,
        concernCategory: row.concernCategory as ConcernCategory | null,
        // Sent as text and cast, so neither driver JSON-encodes the string a second time.
        participants: sql<string>`cast(${JSON.stringify(row.participants)}::text as jsonb)`,
        prevHash: link.prevHash,
        hash,
      })
      .execute();
    await link.advance(hash);

    const names = await trx
      .selectFrom("organisations as own")
      .innerJoin("organisations as other", (join) => join.on("other.id", "=", input.counterpartId))
      .innerJoin("users", (join) => join.on("users.id", "=", input.loggedBy))
      .select(["own.name as ownName", "other.name as otherName", "users.name as loggedByName"])
      .where("own.id", "=", input.organisationId)
      .executeTakeFirstOrThrow();
    for (const admin of await adminsOf(trx, input.counterpartId)) {
      await enqueueEmail(trx, {
        template: "interaction-logged",
        to: admin.email,
        language: admin.language,
        data: {
          name: admin.name,
          counterpartName: names.otherName,
          loggedByOrganisation: names.ownName,
          loggedByName: names.loggedByName,
          subject: row.subject,
          assessment: row.assessment,
          concernCategory: row.concernCategory ?? "",
          occurredAt: row.occurredAt.toISOString(),
          url: entryUrl(row.id),
        },
      });
    }
    if (quietPeriodContact && event) {
      const buyerIsLogging = event.buyerId === input.organisationId;
      for (const admin of await adminsOf(trx, event.buyerId)) {
        await enqueueEmail(trx, {
          template: "quiet-period-contact",
          to: admin.email,
          language: admin.language,
          data: {
            name: admin.name,
            buyerName: buyerIsLogging ? names.ownName : names.otherName,
            vendorName: buyerIsLogging ? names.otherName : names.ownName,
            eventTitle: event.title,
            subject: row.subject,
            occurredAt: row.occurredAt.toISOString(),
            url: entryUrl(row.id),
          },
        });
      }
    }
    return { ok: true, id: row.id };
  });
}

/**
 * The counterpart confirms or disputes an entry about it. Appended to the
 * answering organisation's chain; the logging organisation's admins are told.
 */
export async function respondToInteraction(
  db: Db,
  input: { entryId: string; organisationId: string; userId: string; response: InteractionResponse; account: string | null },
  { entryUrl }: { entryUrl: (id: string) => string },
): Promise<AppendResult> {
  return db.transaction().execute(async (trx) => {
    const errors = checkResponse(input.response, input.account);
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
    const entry = await trx
      .selectFrom("interactionEntries as e")
      .innerJoin("organisations as own", "own.id", "e.organisationId")
      .innerJoin("organisations as other", "other.id", "e.counterpartId")
      .select(["e.id", "e.organisationId", "e.counterpartId", "e.subject", "own.name as ownName", "other.name as otherName"])
      .where("e.id", "=", input.entryId)
      .executeTakeFirst();
    if (!entry || entry.counterpartId !== input.organisationId) return { ok: false, fieldErrors: { response: ["conduct_not_counterpart"] } };

    const link = await nextLink(trx, input.organisationId);
    const account = input.account?.trim() || null;
    const row: ResponseHashed = {
      id: randomUUID(),
      entryId: entry.id,
      organisationId: input.organisationId,
      respondedBy: input.userId,
      response: input.response,
      account,
      recordedAt: new Date(),
      chainSeq: link.seq,
    };
    const hash = chainHash(responseContent(row), link.prevHash);
    await trx
      .insertInto("interactionResponses")
      .values({ ...row, response: input.response, prevHash: link.prevHash, hash })
      .execute();
    await link.advance(hash);

    const responder = await trx.selectFrom("users").select("name").where("id", "=", input.userId).executeTakeFirstOrThrow();
    for (const admin of await adminsOf(trx, entry.organisationId)) {
      await enqueueEmail(trx, {
        template: "interaction-answered",
        to: admin.email,
        language: admin.language,
        data: {
          name: admin.name,
          organisationName: entry.ownName,
          answeredByOrganisation: entry.otherName,
          answeredByName: responder.name,
          subject: entry.subject,
          response: input.response,
          account: account ?? "",
          url: entryUrl(entry.id),
        },
      });
    }
    return { ok: true, id: row.id };
  });
}

export interface Viewer {
  userId: string;
  isOperator: boolean;
}

export type ViewerSide = "own" | "counterpart" | "operator";

function entryQuery(db: Db) {
  return db
    .selectFrom("interactionEntries as e")
    .innerJoin("organisations as own", "own.id", "e.organisationId")
    .innerJoin("organisations as other", "other.id", "e.counterpartId")
    .innerJoin("users as logger", "logger.id", "e.loggedBy")
    .leftJoin("events", "events.id", "e.eventId")
    .leftJoin("interactionEntries as later", "later.supersedesId", "e.id")
    .select([
      "e.id",
      "e.organisationId",
      "own.name as organisationName",
      "e.counterpartId",
      "other.name as counterpartName",
      "logger.name as loggedByName",
      "e.occurredAt",
      "e.channel",
      "e.participants",
      "e.eventId",
      "events.title as eventTitle",
      "e.subject",
      "e.summary",
      "e.conductVersion",
      "e.clauses",
      "e.assessment",
      "e.concernCategory",
      "e.concernDescription",
      "e.supersedesId",
      "later.id as supersededById",
      "e.quietPeriodContact",
      "events.buyerId as eventBuyerId",
      "e.recordedAt",
      "e.chainSeq",
      "e.hash",
    ]);
}

/**
 * An entry with its answers, for a member of either party or an operator;
 * null for anyone else, so the page can answer 404 and not reveal it exists.
 */
export async function getInteractionForViewer(db: Db, id: string, viewer: Viewer) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const entry = await entryQuery(db).where("e.id", "=", id).executeTakeFirst();
  if (!entry) return null;
  const memberships = await db
    .selectFrom("memberships")
    .select("organisationId")
    .where("userId", "=", viewer.userId)
    .where("organisationId", "in", [entry.organisationId, entry.counterpartId])
    .execute();
  const orgs = memberships.map((m) => m.organisationId);
  const side: ViewerSide | null = orgs.includes(entry.organisationId) ? "own" : orgs.includes(entry.counterpartId) ? "counterpart" : viewer.isOperator ? "operator" : null;
  if (!side) return null;
  const responses = await db
    .selectFrom("interactionResponses as r")
    .innerJoin("users", "users.id", "r.respondedBy")
    .select(["r.id", "r.response", "r.account", "r.recordedAt", "users.name as respondedByName"])
    .where("r.entryId", "=", id)
    .orderBy("r.recordedAt")
    .orderBy("r.chainSeq")
    .execute();
  const clauses = entry.conductVersion && entry.clauses.length
    ? await db
        .selectFrom("conductClauses")
        .select(["number", "titleNb", "titleEn"])
        .where("versionNumber", "=", entry.conductVersion)
        .where("number", "in", entry.clauses)
        .orderBy("number")
        .execute()
    : [];
  return { entry, responses, clauses, side, canRespond: orgs.includes(entry.counterpartId), canSupersede: orgs.includes(entry.organisationId) && !entry.supersededById };
}

export type InteractionView = NonNullable<Awaited<ReturnType<typeof getInteractionForViewer>>>;

/** Entries the organisation logged or that were logged about it, newest first, with the latest answer. */
export async function listInteractions(db: Db, organisationId: string, { limit = 100, counterpartId }: { limit?: number; counterpartId?: string } = {}) {
  let query = entryQuery(db)
    .select((eb) =>
      eb
        .selectFrom("interactionResponses as r")
        .select("r.response")
        .whereRef("r.entryId", "=", "e.id")
        .orderBy("r.recordedAt", "desc")
        .orderBy("r.chainSeq", "desc")
        .limit(1)
        .as("latestResponse"),
    )
    .where((eb) => eb.or([eb("e.organisationId", "=", organisationId), eb("e.counterpartId", "=", organisationId)]))
    .orderBy("e.occurredAt", "desc")
    .orderBy("e.recordedAt", "desc")
    .limit(limit);
  if (counterpartId) {
    query = query.where((eb) => eb.or([eb("e.organisationId", "=", counterpartId), eb("e.counterpartId", "=", counterpartId)]));
  }
  return query.execute();
}

/** Verifies one organisation's chain, entries and answers together, against its recorded head. */
export async function verifyOrganisationChain(db: Db, organisationId: string): Promise<ChainVerdict> {
  const [entries, responses, head] = await Promise.all([
    db.selectFrom("interactionEntries").selectAll().where("organisationId", "=", organisationId).execute(),
    db.selectFrom("interactionResponses").selectAll().where("organisationId", "=", organisationId).execute(),
    db.selectFrom("interactionChainHeads").selectAll().where("organisationId", "=", organisationId).executeTakeFirst(),
  ]);
  const records: ChainRecord[] = [
    ...entries.map((e) => ({ seq: e.chainSeq, prevHash: e.prevHash, hash: e.hash, content: entryContent(e) })),
    ...responses.map((r) => ({ seq: r.chainSeq, prevHash: r.prevHash, hash: r.hash, content: responseContent(r) })),
  ];
  return verifyChain(records, head ? { length: head.length, hash: head.headHash } : { length: 0, hash: "0".repeat(64) });
}

/** Every organisation that has a chain, with its verdict: for operators and `npm run log:verify`. */
export async function verifyAllChains(db: Db) {
  const orgs = await db
    .selectFrom("organisations")
    .select(["id", "name", "slug"])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom("interactionChainHeads as h").select("h.organisationId").whereRef("h.organisationId", "=", "organisations.id")),
        eb.exists(eb.selectFrom("interactionEntries as e").select("e.id").whereRef("e.organisationId", "=", "organisations.id")),
        eb.exists(eb.selectFrom("interactionResponses as r").select("r.id").whereRef("r.organisationId", "=", "organisations.id")),
      ]),
    )
    .orderBy("name")
    .execute();
  const results = [];
  for (const org of orgs) results.push({ ...org, verdict: await verifyOrganisationChain(db, org.id) });
  return results;
}

export interface AnswerCounts {
  total: number;
  confirmed: number;
  disputed: number;
  unanswered: number;
}

export interface InteractionCounts {
  /** Entries the organisation logged about others. */
  loggedByThem: AnswerCounts;
  /** Entries others logged about the organisation. */
  loggedAboutThem: AnswerCounts;
  concernsRaised: Record<ConcernCategory, number>;
  concernsReceived: Record<ConcernCategory, number>;
  /** Entries either side logged of one-to-one contact with them about an RFP in its tender phase. */
  quietPeriodContacts: number;
}

/**
 * Public figures for an organisation's page and scorecard: counts only, never
 * content. Superseded entries are left out (their correction counts instead);
 * an entry's answer is the latest one given.
 */
export async function interactionCounts(db: Db, organisationId: string): Promise<InteractionCounts> {
  const rows = await db
    .selectFrom("interactionEntries as e")
    .select([
      sql<"by" | "about">`case when e.organisation_id = ${organisationId} then 'by' else 'about' end`.as("direction"),
      "e.assessment",
      "e.concernCategory",
      "e.quietPeriodContact",
      (eb) =>
        eb
          .selectFrom("interactionResponses as r")
          .select("r.response")
          .whereRef("r.entryId", "=", "e.id")
          .orderBy("r.recordedAt", "desc")
          .orderBy("r.chainSeq", "desc")
          .limit(1)
          .as("latestResponse"),
    ])
    .where((eb) => eb.or([eb("e.organisationId", "=", organisationId), eb("e.counterpartId", "=", organisationId)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom("interactionEntries as later").select("later.id").whereRef("later.supersedesId", "=", "e.id"))))
    .execute();
  const answers = (): AnswerCounts => ({ total: 0, confirmed: 0, disputed: 0, unanswered: 0 });
  const categories = () => Object.fromEntries(CONCERN_CATEGORIES.map((c) => [c, 0])) as Record<ConcernCategory, number>;
  const counts: InteractionCounts = { loggedByThem: answers(), loggedAboutThem: answers(), concernsRaised: categories(), concernsReceived: categories(), quietPeriodContacts: 0 };
  for (const row of rows) {
    const bucket = row.direction === "by" ? counts.loggedByThem : counts.loggedAboutThem;
    bucket.total++;
    if (row.quietPeriodContact) counts.quietPeriodContacts++;
    if (row.latestResponse === "confirm") bucket.confirmed++;
    else if (row.latestResponse === "dispute") bucket.disputed++;
    else bucket.unanswered++;
    if (row.assessment === "concern" && row.concernCategory) {
      (row.direction === "by" ? counts.concernsRaised : counts.concernsReceived)[row.concernCategory]++;
    }
  }
  return counts;
}

/** Organisations one can log an interaction with: everyone but one's own. */
export async function listCounterpartChoices(db: Db, organisationId: string) {
  return db.selectFrom("organisations").select(["id", "name", "isBuyer", "isVendor"]).where("id", "<>", organisationId).orderBy("name").execute();
}

/** Events an entry can relate to: those where the organisation is the buyer, and published ones. */
export async function listEventChoices(db: Db, organisationId: string) {
  return db
    .selectFrom("events")
    .innerJoin("organisations as buyer", "buyer.id", "events.buyerId")
    .select(["events.id", "events.title", "buyer.name as buyerName"])
    .where((eb) => eb.or([eb("events.buyerId", "=", organisationId), eb("events.status", "<>", "draft")]))
    .orderBy("events.createdAt", "desc")
    .limit(200)
    .execute();
}

export async function listOwnMembers(db: Db, organisationId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.userId")
    .select(["users.id", "users.name"])
    .where("memberships.organisationId", "=", organisationId)
    .orderBy("users.name")
    .execute();
}
