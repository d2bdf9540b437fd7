import type { Db } from "@db/client";
import type { InteractionParticipant } from "@db/schema";
import type { Assessment, ConcernCategory, InteractionChannel, InteractionResponse } from "~/domain/conduct";
import { verifyChain, type ChainRecord, type ChainVerdict, type JsonValue } from "~/domain/hash-chain";

// Each organisation's hash chain over what it appends to the interaction log: entries it
// logs and answers it gives. What is hashed, how a link is taken, and how a chain is verified.
// Rows carry the version of their hashing (migration 0025): version 1 hashed chosen fields
// and read participants as side, user and name only, so a key added to the stored JSON went
// unnoticed; version 2, for every row appended since, hashes the whole row as stored (every
// column but the chain's own, participants whole, the version itself). Old rows verify as
// they were hashed.

/** The hashing version every new row is appended with. */
export const CURRENT_HASH_VERSION = 2;

export interface EntryHashed {
  id: string;
  organisationId: string;
  counterpartId: string;
  loggedBy: string;
  occurredAt: Date;
  channel: InteractionChannel;
  participants: InteractionParticipant[];
  eventId: string | null;
  subject: string;
  summary: string;
  conductVersion: number | null;
  clauses: number[];
  assessment: Assessment;
  concernCategory: ConcernCategory | null;
  concernDescription: string | null;
  supersedesId: string | null;
  quietPeriodContact: boolean;
  recordedAt: Date;
  chainSeq: number;
  hashVersion: number;
}

export interface ResponseHashed {
  id: string;
  entryId: string;
  organisationId: string;
  respondedBy: string;
  response: InteractionResponse;
  account: string | null;
  recordedAt: Date;
  chainSeq: number;
  hashVersion: number;
}

/** Everything an entry says, as hashed: the row minus its chain fields, with its position. */
export function entryContent(e: EntryHashed): JsonValue {
  if (e.hashVersion >= 2) return wholeRow("entry", e);
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

export function responseContent(r: ResponseHashed): JsonValue {
  if (r.hashVersion >= 2) return wholeRow("response", r);
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
 * Version 2: the row as stored, every column but its links (prev_hash is hashed beside the
 * content, the hash is the result), whatever keys the participants JSON holds, keys sorted
 * by canonicalJson.
 */
function wholeRow(type: "entry" | "response", row: EntryHashed | ResponseHashed): JsonValue {
  const { prevHash: _prevHash, hash: _hash, ...columns } = row as (EntryHashed | ResponseHashed) & { prevHash?: string; hash?: string };
  return { ...(columns as unknown as Record<string, JsonValue>), type };
}

/**
 * Takes the next position in an organisation's chain. The head row stays
 * locked until the transaction ends, so appends for one organisation run one
 * at a time and the chain never forks.
 */
export async function nextLink(trx: Db, organisationId: string) {
  await trx.insertInto("interactionChainHeads").values({ organisationId }).onConflict((oc) => oc.column("organisationId").doNothing()).execute();
  const head = await trx.selectFrom("interactionChainHeads").selectAll().where("organisationId", "=", organisationId).forUpdate().executeTakeFirstOrThrow();
  return {
    seq: head.length + 1,
    prevHash: head.headHash,
    advance: (hash: string) =>
      trx.updateTable("interactionChainHeads").set({ length: head.length + 1, headHash: hash }).where("organisationId", "=", organisationId).execute(),
  };
}

/** Verifies one organisation's chain, entries and answers together, against its recorded head. */
export async function verifyOrganisationChain(db: Db, organisationId: string): Promise<ChainVerdict> {
  const [entries, responses, head] = await Promise.all([
    db.selectFrom("interactionEntries").selectAll().where("organisationId", "=", organisationId).execute(),
    db.selectFrom("interactionResponses").selectAll().where("organisationId", "=", organisationId).execute(),
    db.selectFrom("interactionChainHeads").selectAll().where("organisationId", "=", organisationId).executeTakeFirst(),
  ]);
  const records: ChainRecord[] = [
    ...entries.map((e) => ({
      seq: e.chainSeq,
      prevHash: e.prevHash,
      hash: e.hash,
      content: entryContent(e),
      version: e.hashVersion,
      row: { type: "entry" as const, id: e.id, entryId: e.id },
    })),
    ...responses.map((r) => ({
      seq: r.chainSeq,
      prevHash: r.prevHash,
      hash: r.hash,
      content: responseContent(r),
      version: r.hashVersion,
      row: { type: "response" as const, id: r.id, entryId: r.entryId },
    })),
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
