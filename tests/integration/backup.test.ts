// Back up a seeded database, wipe it, restore it, and find every row again, on the
// PostgreSQL server DATABASE_URL names (the second `npm test` pass in CI). The PGlite
// path (dumpDataDir/loadDataDir) has no test yet: see docs/decisions/0012.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, countRowsPerTable, restoreDatabase } from "@db/backup";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { migrateToLatest } from "@db/migrate";
import { seedDemoData } from "@db/seed";

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
  it.runIf(process.env.DATABASE_URL)("brings back every row of a PostgreSQL database after its schema is dropped (pg_dump, pg_restore)", async () => {
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
