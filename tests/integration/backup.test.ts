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
import { migratedDataDir } from "../fixtures/database";

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

describe("backup and restore", () => {
  it("brings back every row of an embedded database after its directory is deleted", async () => {
    const dataDir = path.join(workDir, "pglite");
    const file = path.join(workDir, "embedded.json.gz");
    await migratedDataDir(dataDir);
    const handle = openDatabase({ dataDir });
    const before = await seededCounts(handle);
    const eventsBefore = await handle.db.selectFrom("events").selectAll().orderBy("id").execute();
    await handle.close();

    await backupDatabase({ dataDir }, file);
    rmSync(dataDir, { recursive: true, force: true });
    // Into a brand-new directory: the restore creates the cluster itself.
    await restoreDatabase({ dataDir }, file);

    const restored = openDatabase({ dataDir });
    try {
      expect(await countRowsPerTable(restored.db)).toEqual(before);
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
      const before = await seededCounts(handle);
      await handle.close();

      await backupDatabase({ url: url.toString() }, file);
      const wipe = postgres(url.toString(), { max: 1, onnotice: () => {} });
      await wipe.unsafe("drop schema public cascade; create schema public");
      await wipe.end();

      await restoreDatabase({ url: url.toString() }, file);
      const restored = openDatabase({ url: url.toString(), max: 2 });
      try {
        expect(await countRowsPerTable(restored.db)).toEqual(before);
      } finally {
        await restored.close();
      }
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
