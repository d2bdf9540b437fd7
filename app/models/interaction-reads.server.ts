import { sql } from "kysely";
import type { Db } from "@db/client";
import { CONCERN_CATEGORIES, type ConcernCategory } from "~/domain/conduct";
import { isUuid } from "~/domain/ids";
import { INTERACTION_PAGE_DEFAULT, type InteractionCursor } from "~/domain/interaction-page";

// Reading the interaction log: one entry as its viewer may see it, an organisation's
// entries, the public counts, and the choices the logging form offers.

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
  if (!isUuid(id)) return null;
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
  // The first answer counts and is final; later rows (recorded before answers became final) stay in the log, marked.
  const answers = responses.map((r, i) => ({ ...r, counts: i === 0 }));
  return {
    entry,
    responses: answers,
    clauses,
    side,
    canRespond: orgs.includes(entry.counterpartId),
    answered: responses.length > 0,
    canSupersede: orgs.includes(entry.organisationId) && !entry.supersededById,
  };
}

/**
 * Entries the organisation logged or that were logged about it, newest first, with the answer that counts.
 * Each side is read in the page's order from its own index and cut at one page before the two are
 * merged, so a page costs the same however long the log grows (an OR over both columns sorted every
 * entry the organisation ever had). The two sides never overlap: an entry's counterpart is never
 * the organisation that logged it.
 */
export async function listInteractions(
  db: Db,
  organisationId: string,
  { limit = INTERACTION_PAGE_DEFAULT, counterpartId, after = null }: { limit?: number; counterpartId?: string; after?: InteractionCursor | null } = {},
) {
  const side = (own: "organisationId" | "counterpartId", other: "organisationId" | "counterpartId") => {
    let query = db
      .selectFrom("interactionEntries as s")
      .select(["s.id", "s.occurredAt", "s.recordedAt"])
      .where(`s.${own}`, "=", organisationId)
      .orderBy("s.occurredAt", "desc")
      .orderBy("s.recordedAt", "desc")
      .orderBy("s.id", "desc")
      .limit(limit);
    if (counterpartId) query = query.where(`s.${other}`, "=", counterpartId);
    if (after) query = query.where((eb) => eb(eb.refTuple("s.occurredAt", "s.recordedAt", "s.id"), "<", eb.tuple(after.occurredAt, after.recordedAt, after.id)));
    return query;
  };
  const page = db
    .selectFrom((eb) => eb.selectFrom(side("organisationId", "counterpartId").as("a")).selectAll().unionAll(eb.selectFrom(side("counterpartId", "organisationId").as("b")).selectAll()).as("both"))
    .select("both.id");
  return entryQuery(db)
    .select((eb) =>
      eb
        .selectFrom("interactionAnswers as a")
        .select("a.response")
        .whereRef("a.entryId", "=", "e.id")
        .as("answer"),
    )
    .where("e.id", "in", page)
    .orderBy("e.occurredAt", "desc")
    .orderBy("e.recordedAt", "desc")
    .orderBy("e.id", "desc")
    .limit(limit)
    .execute();
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
 * an entry's answer is its first, which is final.
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
          .selectFrom("interactionAnswers as a")
          .select("a.response")
          .whereRef("a.entryId", "=", "e.id")
          .as("answer"),
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
    if (row.answer === "confirm") bucket.confirmed++;
    else if (row.answer === "dispute") bucket.disputed++;
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
