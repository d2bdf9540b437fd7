import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "@db/client";
import type { InteractionParticipant } from "@db/schema";
import {
  checkAssessment,
  checkAnswerOpen,
  checkResponse,
  isQuietPeriodContact,
  type Assessment,
  type ConcernCategory,
  type InteractionChannel,
  type InteractionResponse,
} from "~/domain/conduct";
import { chainHash } from "~/domain/hash-chain";
import { problemsOfFields, type Problem } from "~/domain/problems";
import { fail, failAt, ok, type Result } from "~/domain/result";
import { currentVersionNumber } from "./conduct.server";
import { emailAdmins } from "./memberships.server";
import { CURRENT_HASH_VERSION, entryContent, nextLink, responseContent, type EntryHashed, type ResponseHashed } from "./interaction-chain.server";

// The interaction log (samhandlingslogg). Rows are never changed: the database
// refuses UPDATE and DELETE, a correction is a new entry that supersedes an old
// one, and every row an organisation appends (entries it logs, answers it
// gives) is a link in that organisation's hash chain. Here: logging an entry and
// answering one (reading is in interaction-reads, the chain in interaction-chain).

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

/** The appended row's id; a refusal is `invalid` (400) with the fields it concerns. */
export type AppendResult = Result<{ id: string }>;

/** Checks what the form cannot: that referenced rows exist and belong to the two parties. */
async function checkReferences(db: Db, input: NewInteraction, conductVersion: number | null): Promise<Problem[]> {
  const problems = problemsOfFields(checkAssessment(input));
  const counterpart = await db.selectFrom("organisations").select("id").where("id", "=", input.counterpartId).executeTakeFirst();
  if (!counterpart || input.counterpartId === input.organisationId) problems.push({ path: "counterpartId", code: "conduct_unknown_counterpart" });
  if (input.eventId) {
    const event = await db.selectFrom("events").select("buyerId").where("id", "=", input.eventId).executeTakeFirst();
    if (!event || (event.buyerId !== input.organisationId && event.buyerId !== input.counterpartId)) problems.push({ path: "eventId", code: "conduct_event_not_between_parties" });
  }
  if (input.clauses.length) {
    const known = conductVersion
      ? await db.selectFrom("conductClauses").select("number").where("versionNumber", "=", conductVersion).where("number", "in", input.clauses).execute()
      : [];
    if (known.length !== new Set(input.clauses).size) problems.push({ path: "clauses", code: "invalid_choice" });
  }
  for (const side of ["own", "counterpart"] as const) {
    const ids = input.participants.flatMap((p) => (p.side === side && p.userId ? [p.userId] : []));
    if (!ids.length) continue;
    const orgId = side === "own" ? input.organisationId : input.counterpartId;
    const members = await db.selectFrom("memberships").select("userId").where("organisationId", "=", orgId).where("userId", "in", ids).execute();
    if (members.length !== new Set(ids).size) problems.push({ path: side === "own" ? "ownParticipants" : "counterpartParticipants", code: "invalid_choice" });
  }
  if (input.supersedesId) {
    const old = await db
      .selectFrom("interactionEntries")
      .select(["organisationId", "counterpartId"])
      .select((eb) => eb.exists(eb.selectFrom("interactionEntries as later").select("later.id").whereRef("later.supersedesId", "=", "interactionEntries.id")).as("superseded"))
      .where("id", "=", input.supersedesId)
      .executeTakeFirst();
    if (!old || old.organisationId !== input.organisationId || old.counterpartId !== input.counterpartId || old.superseded) {
      problems.push({ path: "supersedesId", code: "conduct_cannot_supersede" });
    }
  }
  return problems;
}

/**
 * Appends an entry to the logging organisation's chain and tells the
 * counterpart's admins, in one transaction. Nothing is stored when a
 * reference is wrong.
 */
export async function logInteraction(db: Db, input: NewInteraction, { entryUrl }: { entryUrl: (id: string) => string }): Promise<AppendResult> {
  return db.transaction().execute(async (trx) => {
    const conductVersion = await currentVersionNumber(trx);
    const problems = await checkReferences(trx, input, conductVersion);
    if (problems.length) return fail("invalid", problems);

    // A participant with an account is recorded under the account's name when none was given.
    const ids = input.participants.flatMap((p) => (p.userId && !p.name.trim() ? [p.userId] : []));
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
      hashVersion: CURRENT_HASH_VERSION,
    };
    const hash = chainHash(entryContent(row), link.prevHash);
    await trx
      .insertInto("interactionEntries")
      .values({
        ...row,
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
    await emailAdmins(trx, input.counterpartId, (admin) => ({
      template: "interaction-logged",
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
    }));
    if (quietPeriodContact && event) {
      const buyerIsLogging = event.buyerId === input.organisationId;
      await emailAdmins(trx, event.buyerId, (admin) => ({
        template: "quiet-period-contact",
        data: {
          name: admin.name,
          buyerName: buyerIsLogging ? names.ownName : names.otherName,
          vendorName: buyerIsLogging ? names.otherName : names.ownName,
          eventTitle: event.title,
          subject: row.subject,
          occurredAt: row.occurredAt.toISOString(),
          url: entryUrl(row.id),
        },
      }));
    }
    return ok({ id: row.id });
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
    const problems = problemsOfFields(checkResponse(input.response, input.account));
    if (problems.length) return fail("invalid", problems);
    const entry = await trx
      .selectFrom("interactionEntries as e")
      .innerJoin("organisations as own", "own.id", "e.organisationId")
      .innerJoin("organisations as other", "other.id", "e.counterpartId")
      .select(["e.id", "e.organisationId", "e.counterpartId", "e.subject", "own.name as ownName", "other.name as otherName"])
      .where("e.id", "=", input.entryId)
      // Two answers at once: the second waits here, then finds the first.
      .forUpdate("e")
      .executeTakeFirst();
    if (!entry || entry.counterpartId !== input.organisationId) return failAt("invalid", "response", "conduct_not_counterpart");
    const earlier = await trx.selectFrom("interactionResponses").select((eb) => eb.fn.countAll<number>().as("n")).where("entryId", "=", entry.id).executeTakeFirstOrThrow();
    const closed = problemsOfFields(checkAnswerOpen(Number(earlier.n)));
    if (closed.length) return fail("conflict", closed);

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
      hashVersion: CURRENT_HASH_VERSION,
    };
    const hash = chainHash(responseContent(row), link.prevHash);
    await trx
      .insertInto("interactionResponses")
      .values({ ...row, prevHash: link.prevHash, hash })
      .execute();
    await link.advance(hash);

    const responder = await trx.selectFrom("users").select("name").where("id", "=", input.userId).executeTakeFirstOrThrow();
    await emailAdmins(trx, entry.organisationId, (admin) => ({
      template: "interaction-answered",
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
    }));
    return ok({ id: row.id });
  });
}
