import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@db/client";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { migrateToLatest, migrator } from "@db/migrate";
import { chainHash } from "~/domain/hash-chain";
import { entryContent, nextLink, verifyAllChains, verifyOrganisationChain, type EntryHashed } from "~/models/interaction-chain.server";
import { logInteraction, respondToInteraction } from "~/models/interactions.server";
import { addMember, createOrganisation } from "../fixtures/organisations";
import { createUser } from "../fixtures/users";

// Hash chain v2 (migration 0025) on a database that already holds chains hashed the old way:
// the old rows are marked version 1 and still verify, every row appended since hashes the whole
// row, and verification lists every broken link with its row, a version downgrade included.
const workDir = mkdtempSync(path.join(tmpdir(), "markedsdialog-chain-v2-"));
const dataDir = path.join(workDir, "pglite");
let handle: DatabaseHandle;
let db: Db;
let buyerId: string;
const entryUrl = (id: string) => `http://localhost/interactions/${id}`;

interface Party {
  orgId: string;
  userId: string;
}

async function vendor(name: string): Promise<Party> {
  const org = await createOrganisation(db, { name, kind: "vendor" });
  const user = await createUser(db, { name: `Selger ${name}` });
  await addMember(db, user.id, org.id, "admin");
  return { orgId: org.id, userId: user.id };
}

/** An entry appended as the code before migration 0025 did: the version 1 content, no hash_version column. */
async function appendVersion1(party: Party, subject: string) {
  return db.transaction().execute(async (trx) => {
    const link = await nextLink(trx, party.orgId);
    const row: EntryHashed = {
      id: randomUUID(),
      organisationId: party.orgId,
      counterpartId: buyerId,
      loggedBy: party.userId,
      occurredAt: new Date("2026-11-10T09:00:00.000Z"),
      channel: "meeting",
      participants: [{ side: "own", userId: party.userId, name: "Selger" }],
      eventId: null,
      subject,
      summary: "Skrevet før versjon 2.",
      conductVersion: null,
      clauses: [],
      assessment: "in_line",
      concernCategory: null,
      concernDescription: null,
      supersedesId: null,
      quietPeriodContact: false,
      recordedAt: new Date("2026-11-10T10:00:00.000Z"),
      chainSeq: link.seq,
      hashVersion: 1,
    };
    const hash = chainHash(entryContent(row), link.prevHash);
    const { hashVersion: _notYetAColumn, ...columns } = row;
    await trx
      .insertInto("interactionEntries")
      .values({ ...columns, participants: sql<string>`cast(${JSON.stringify(row.participants)}::text as jsonb)`, prevHash: link.prevHash, hash })
      .execute();
    await link.advance(hash);
    return row.id;
  });
}

async function append(party: Party, subject: string) {
  const result = await logInteraction(
    db,
    {
      organisationId: party.orgId,
      counterpartId: buyerId,
      loggedBy: party.userId,
      occurredAt: new Date("2026-12-01T09:00:00.000Z"),
      channel: "call",
      participants: [{ side: "own", userId: party.userId, name: "Selger" }],
      eventId: null,
      subject,
      summary: "Skrevet med versjon 2.",
      clauses: [],
      assessment: "concern",
      concernCategory: "unpaid_advisory_work",
      concernDescription: "Ba om gratis rådgivning.",
      supersedesId: null,
    },
    { entryUrl },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

/** Changes log rows behind the append-only triggers' back, as someone with owner rights could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await db.transaction().execute(async (trx) => {
    for (const table of ["interaction_entries", "interaction_responses"]) await sql`alter table ${sql.table(table)} disable trigger ${sql.id(`${table}_append_only`)}`.execute(trx);
    await statement.execute(trx);
    for (const table of ["interaction_entries", "interaction_responses"]) await sql`alter table ${sql.table(table)} enable trigger ${sql.id(`${table}_append_only`)}`.execute(trx);
  });
}

async function breaksOf(orgId: string) {
  const verdict = await verifyOrganisationChain(db, orgId);
  return verdict.ok ? [] : verdict.breaks;
}

let old: Party;
const oldIds: string[] = [];

beforeAll(async () => {
  handle = openDatabase({ dataDir });
  db = handle.db;
  const before = await migrator(db).migrateTo("2026-12-05-0024-pilot-terms");
  expect(before.error).toBeUndefined();
  buyerId = (await createOrganisation(db, { name: "Bergvik kommune", kind: "buyer" })).id;
  old = await vendor("Gammel Kjede AS");
  for (const subject of ["Første", "Andre"]) oldIds.push(await appendVersion1(old, subject));
  await migrateToLatest(db);
  // A new cluster (initdb) and every migration: seconds alone, more beside the other workers.
}, 180_000);

afterAll(async () => {
  await handle.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe("hash chain v2 on a database with version 1 chains", () => {
  it("marks the rows already there as version 1, verifies them as they were hashed, and appends version 2 after them", async () => {
    const rows = await db.selectFrom("interactionEntries").select(["id", "hashVersion"]).where("organisationId", "=", old.orgId).orderBy("chainSeq").execute();
    expect(rows).toEqual(oldIds.map((id) => ({ id, hashVersion: 1 })));
    expect(await verifyOrganisationChain(db, old.orgId)).toMatchObject({ ok: true, length: 2 });

    const id = await append(old, "Tredje");
    const added = await db.selectFrom("interactionEntries").select(["hashVersion", "chainSeq"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(added).toEqual({ hashVersion: 2, chainSeq: 3 });
    const answer = await respondToInteraction(db, { entryId: id, organisationId: buyerId, userId: (await buyerUser()).id, response: "confirm", account: null }, { entryUrl });
    expect(answer.ok).toBe(true);
    expect(await db.selectFrom("interactionResponses").select("hashVersion").where("organisationId", "=", buyerId).executeTakeFirstOrThrow()).toEqual({ hashVersion: 2 });
    expect(await verifyOrganisationChain(db, old.orgId)).toMatchObject({ ok: true, length: 3 });
    expect(await verifyOrganisationChain(db, buyerId)).toMatchObject({ ok: true, length: 1 });
  });

  it("finds a change to any column of a version 2 entry, a key added to its participants included, at that row", async () => {
    const party = await vendor("Endret Felt AS");
    await append(party, "Først");
    const id = await append(party, "Målet");
    await append(party, "Etter");
    const row = { type: "entry", id, entryId: id };
    const changes = [
      sql`update interaction_entries set participants = jsonb_set(participants, '{0,role}', '"innkjøpssjef"') where id = ${id}`,
      sql`update interaction_entries set participants = participants || '[{"side":"counterpart","userId":null,"name":"Ny"}]'::jsonb where id = ${id}`,
      sql`update interaction_entries set subject = 'Noe annet' where id = ${id}`,
      sql`update interaction_entries set summary = summary || '.' where id = ${id}`,
      sql`update interaction_entries set occurred_at = occurred_at + interval '1 day' where id = ${id}`,
      sql`update interaction_entries set recorded_at = recorded_at - interval '1 second' where id = ${id}`,
      sql`update interaction_entries set channel = 'meeting' where id = ${id}`,
      sql`update interaction_entries set concern_description = 'Mildere.' where id = ${id}`,
      sql`update interaction_entries set quiet_period_contact = true where id = ${id}`,
      sql`update interaction_entries set counterpart_id = ${old.orgId} where id = ${id}`,
    ];
    await sql`create table saved_entry as select * from interaction_entries where id = ${id}`.execute(db);
    for (const change of changes) {
      await tamper(change);
      expect(await breaksOf(party.orgId), change.compile(db).sql).toEqual([{ index: 1, seq: 2, reason: "hash_mismatch", row }]);
      // Put the row back as it was, and the chain is whole again.
      await tamper(sql`delete from interaction_entries where id = ${id}`);
      await sql`insert into interaction_entries select * from saved_entry`.execute(db);
      expect(await verifyOrganisationChain(db, party.orgId), "restored").toMatchObject({ ok: true, length: 3 });
    }
    await sql`drop table saved_entry`.execute(db);
  });

  it("finds a change to a version 2 answer, at that row", async () => {
    const party = await vendor("Svar Endret AS");
    const entryId = await append(party, "Besvares");
    const buyer = await buyerUser();
    const before = (await verifyOrganisationChain(db, buyerId)).length;
    await respondToInteraction(db, { entryId, organisationId: buyerId, userId: buyer.id, response: "dispute", account: "Det stemmer ikke." }, { entryUrl });
    const answer = await db.selectFrom("interactionResponses").select(["id", "chainSeq"]).where("entryId", "=", entryId).executeTakeFirstOrThrow();
    await tamper(sql`update interaction_responses set account = 'Det stemmer.' where id = ${answer.id}`);
    expect(await breaksOf(buyerId)).toEqual([{ index: before, seq: answer.chainSeq, reason: "hash_mismatch", row: { type: "response", id: answer.id, entryId } }]);
    await tamper(sql`update interaction_responses set account = 'Det stemmer ikke.' where id = ${answer.id}`);
    expect((await verifyOrganisationChain(db, buyerId)).ok).toBe(true);
  });

  it("does not see a key added to a version 1 row's participants: v1 never hashed it (the reason for v2)", async () => {
    await tamper(sql`update interaction_entries set participants = jsonb_set(participants, '{0,role}', '"innkjøpssjef"') where id = ${oldIds[0]!}`);
    expect(await verifyOrganisationChain(db, old.orgId)).toMatchObject({ ok: true });
    await tamper(sql`update interaction_entries set participants = participants #- '{0,role}' where id = ${oldIds[0]!}`);
  });

  it("reports a version 2 row relabelled version 1 as a downgrade, also when its hash and every later link were recomputed to hide a change", async () => {
    const party = await vendor("Nedgradert AS");
    await append(party, "En");
    const id = await append(party, "To");
    const lastId = await append(party, "Tre");

    await tamper(sql`update interaction_entries set hash_version = 1 where id = ${id}`);
    expect(await breaksOf(party.orgId)).toEqual([{ index: 1, seq: 2, reason: "version_downgrade", row: { type: "entry", id, entryId: id } }]);

    // The whole cover-up: a key in participants, which only v2 hashes, the row's hash taken the
    // v1 way, and every later link and the head rewritten to match. Only the downgrade is left.
    await tamper(sql`update interaction_entries set participants = jsonb_set(participants, '{0,role}', '"innkjøpssjef"') where id = ${id}`);
    expect(await rechain(party.orgId)).toEqual([id, lastId]);
    expect(await breaksOf(party.orgId)).toEqual([{ index: 1, seq: 2, reason: "version_downgrade", row: { type: "entry", id, entryId: id } }]);
  });

  it("lists every broken link, not the first only, each with its row and kind", async () => {
    const party = await vendor("Mange Brudd AS");
    const ids: string[] = [];
    for (const subject of ["1", "2", "3", "4", "5"]) ids.push(await append(party, subject));
    await tamper(sql`update interaction_entries set summary = 'Endret.' where id = ${ids[1]!}`);
    await tamper(sql`update interaction_entries set hash_version = 1 where id = ${ids[3]!}`);
    await tamper(sql`delete from interaction_entries where id = ${ids[4]!}`);
    const entry = (i: number) => ({ type: "entry", id: ids[i]!, entryId: ids[i]! });
    const verdict = await verifyOrganisationChain(db, party.orgId);
    expect(verdict).toEqual({
      ok: false,
      length: 4,
      brokenAt: 1,
      seq: 2,
      reason: "hash_mismatch",
      breaks: [
        { index: 1, seq: 2, reason: "hash_mismatch", row: entry(1) },
        { index: 3, seq: 4, reason: "version_downgrade", row: entry(3) },
        { index: 4, seq: null, reason: "head_mismatch" },
      ],
    });
    const all = await verifyAllChains(db);
    expect(all.find((c) => c.id === party.orgId)?.verdict).toEqual(verdict);
  });

  it("npm run log:verify prints every break of every chain and exits 1", async () => {
    const broken = await verifyAllChains(db);
    const expected = broken.flatMap((c) => (c.verdict.ok ? [] : c.verdict.breaks.map((b) => ({ name: c.name, b }))));
    expect(expected.length).toBeGreaterThanOrEqual(4);
    await handle.close();
    const run = spawnSync(process.execPath, ["--import", "tsx", "db/cli.ts", "log-verify"], {
      env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 120_000,
    });
    handle = openDatabase({ dataDir });
    db = handle.db;
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("BROKEN  Mange Brudd AS: 3 broken links in 4 records");
    expect(run.stdout).toContain("no. 2, entry");
    expect(run.stdout).toContain("version_downgrade");
    expect(run.stdout).toContain("the hashing version goes back");
    expect(run.stdout).toContain("at the end: head_mismatch");
    for (const { b } of expected) if (b.row) expect(run.stdout).toContain(b.row.id);
    expect(run.stdout).toMatch(/ok {6}Bergvik kommune: \d+ records/);
  }, 180_000);
});

/** Rewrites every hash of an organisation's entries and its head from its rows as they now stand; the ids whose hash changed. */
async function rechain(orgId: string) {
  const rows = await db.selectFrom("interactionEntries").selectAll().where("organisationId", "=", orgId).orderBy("chainSeq").execute();
  const changed: string[] = [];
  let prev = "0".repeat(64);
  for (const row of rows) {
    const hash = chainHash(entryContent(row), prev);
    if (hash !== row.hash || prev !== row.prevHash) {
      changed.push(row.id);
      await tamper(sql`update interaction_entries set prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`);
    }
    prev = hash;
  }
  await db.updateTable("interactionChainHeads").set({ headHash: prev }).where("organisationId", "=", orgId).execute();
  return changed;
}

async function buyerUser() {
  const existing = await db.selectFrom("memberships").select("userId as id").where("organisationId", "=", buyerId).executeTakeFirst();
  if (existing) return existing;
  const user = await createUser(db, { name: "Innkjøper" });
  await addMember(db, user.id, buyerId, "admin");
  return user;
}
