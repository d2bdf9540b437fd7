// Back up a seeded database, wipe it, restore it, and find every row again, on the
// embedded database (every run) and on the PostgreSQL server DATABASE_URL names (the
// second `npm test` pass in CI).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, countRowsPerTable, restoreDatabase } from "@db/backup";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { migrateToLatest } from "@db/migrate";
import { seedDemoData } from "@db/seed/demo";
import { sha256Hex, storeFile } from "~/models/stored-files.server";
import { migratedDataDir } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { createOrganisation } from "../fixtures/organisations";

const workDir = mkdtempSync(path.join(tmpdir(), "markedsdialog-backup-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function seededCounts(handle: DatabaseHandle) {
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db);
  const counts = await countRowsPerTable(handle.db);
  // The demo data fills the tables that matter; an empty backup would prove nothing.
  for (const table of ["organisations", "users", "events", "registrations", "interactionEntries"]) {
    expect(Object.keys(counts)).toContain(table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  }
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
  return counts;
}

/**
 * Stores files of every byte value (a PNG signature followed by 0x00–0xff, twice) and a PDF; the
 * SHA-256 of every stored file by id: these two from their bytes, the demo data's as recorded at upload.
 */
async function storeSampleFiles(handle: DatabaseHandle): Promise<Record<string, string>> {
  const seeded = await handle.db.selectFrom("storedFiles").select(["id", "sha256"]).execute();
  const organisation = await createOrganisation(handle.db, { name: "Filvik kommune", kind: "buyer" });
  const user = await handle.db.insertInto("users").values({ email: `files-${randomBytes(4).toString("hex")}@example.test`, name: "Fil Person" }).returning("id").executeTakeFirstOrThrow();
  const everyByte = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
  const png = new Uint8Array([...SAMPLE_FILES.png, ...everyByte]);
  const hashes: Record<string, string> = {};
  for (const [name, bytes] of [["alle-bytes.png", png], ["behov.pdf", SAMPLE_FILES.pdf]] as const) {
    const stored = await handle.db.transaction().execute((trx) => storeFile(trx, { organisationId: organisation.id, userId: user.id }, { name, bytes }));
    if (!stored.ok) throw new Error(JSON.stringify(stored));
    hashes[stored.value.id] = sha256Hex(bytes);
  }
  return { ...Object.fromEntries(seeded.map((f) => [f.id, f.sha256])), ...hashes };
}

/** Each stored file's bytes hashed as the database now holds them, by id. */
async function hashesOfContents(handle: DatabaseHandle): Promise<Record<string, string>> {
  const rows = await handle.db.selectFrom("fileContents").select(["fileId", "bytes"]).execute();
  return Object.fromEntries(rows.map((r) => [r.fileId, sha256Hex(r.bytes)]));
}

describe("backup and restore", () => {
  it("brings back every row and every stored file byte for byte of an embedded database after its directory is deleted", async () => {
    const dataDir = path.join(workDir, "pglite");
    const file = path.join(workDir, "embedded.json.gz");
    await migratedDataDir(dataDir);
    const handle = openDatabase({ dataDir });
    await seededCounts(handle);
    const hashes = await storeSampleFiles(handle);
    expect(await hashesOfContents(handle)).toEqual(hashes);
    const before = await countRowsPerTable(handle.db);
    const eventsBefore = await handle.db.selectFrom("events").selectAll().orderBy("id").execute();
    await handle.close();

    await backupDatabase({ dataDir }, file);
    rmSync(dataDir, { recursive: true, force: true });
    // Into a brand-new directory: the restore creates the cluster itself.
    await restoreDatabase({ dataDir }, file);

    const restored = openDatabase({ dataDir });
    try {
      expect(await countRowsPerTable(restored.db)).toEqual(before);
      expect(await hashesOfContents(restored)).toEqual(hashes);
      // The hash recorded at upload still matches the bytes that came back.
      const described = await restored.db.selectFrom("storedFiles").select(["id", "sha256"]).execute();
      expect(Object.fromEntries(described.map((f) => [f.id, f.sha256]))).toEqual(hashes);
      expect(await restored.db.selectFrom("events").selectAll().orderBy("id").execute()).toEqual(eventsBefore);
      // Sequences were restored too: a new row gets a fresh id, not one the backup holds.
      const attempts = await restored.db.selectFrom("blockedPublishAttempts").select("id").execute();
      const buyer = await restored.db.selectFrom("organisations").select("id").limit(1).executeTakeFirstOrThrow();
      const inserted = await restored.db.insertInto("blockedPublishAttempts").values({ buyerId: buyer.id, codes: ["expectation_required"] }).returning("id").executeTakeFirstOrThrow();
      expect(attempts.map((a) => a.id)).not.toContain(inserted.id);
      // And the migrations are where the backup left them: nothing more to apply.
      expect((await migrateToLatest(restored.db)).results).toEqual([]);
    } finally {
      await restored.close();
    }
  }, 180_000);

  it("refuses a file that is not a backup and leaves the database as it was", async () => {
    const dataDir = path.join(workDir, "pglite-untouched");
    await migratedDataDir(dataDir);
    const file = path.join(workDir, "not-a-backup.json.gz");
    writeFileSync(file, gzipSync(JSON.stringify({ hello: "world" })));
    await expect(restoreDatabase({ dataDir }, file)).rejects.toThrow(/not a Markedsdialog PGlite backup/);
    const reopened = openDatabase({ dataDir });
    try {
      expect((await migrateToLatest(reopened.db)).results).toEqual([]);
    } finally {
      await reopened.close();
    }
  }, 60_000);

  // Only on the pass against a server (CI runs the suite on both).
  if (process.env.DATABASE_URL) it("brings back every row of a PostgreSQL database after its schema is dropped (pg_dump, pg_restore)", async () => {
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `md_backup_${randomBytes(6).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const file = path.join(workDir, "server.pgdump");
    try {
      const handle = openDatabase({ url: url.toString(), max: 2 });
      await seededCounts(handle);
      const hashes = await storeSampleFiles(handle);
      const before = await countRowsPerTable(handle.db);
      await handle.close();

      await backupDatabase({ url: url.toString() }, file);
      const wipe = postgres(url.toString(), { max: 1, onnotice: () => {} });
      await wipe.unsafe("drop schema public cascade; create schema public");
      await wipe.end();

      await restoreDatabase({ url: url.toString() }, file);
      const restored = openDatabase({ url: url.toString(), max: 2 });
      try {
        expect(await countRowsPerTable(restored.db)).toEqual(before);
        expect(await hashesOfContents(restored)).toEqual(hashes);
      } finally {
        await restored.close();
      }
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
