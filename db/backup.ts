// Backups of either database: a PostgreSQL server through pg_dump/pg_restore
// (custom format; Debian's client must be the server's major version or newer),
// the embedded PGlite as the tarball of its data directory (dumpDataDir). Run a
// PGlite backup or restore while the portal is stopped: PGlite is one process's.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import type { Db } from "./client";

export type BackupTarget = { url: string } | { dataDir: string };

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  if ("url" in target) {
    execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${target.url}`], { stdio: ["ignore", "inherit", "inherit"] });
    return;
  }
  if (!existsSync(target.dataDir)) throw new Error(`no embedded database at ${target.dataDir}`);
  const pglite = new PGlite({ dataDir: target.dataDir });
  try {
    await dumpPglite(pglite, file);
  } finally {
    await pglite.close();
  }
}

/** The whole PGlite data directory as a gzipped tarball (what loadDataDir reads back). */
export async function dumpPglite(pglite: PGlite, file: string): Promise<void> {
  const dump = await pglite.dumpDataDir("gzip");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/** Replaces the database's contents with the backup's, in one go. */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup at ${file}`);
  if ("url" in target) {
    // --clean drops what the backup holds before recreating it; --single-transaction
    // means a failed restore leaves the database as it was.
    execFileSync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", `--dbname=${target.url}`, file], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    return;
  }
  // The old directory is kept aside until the restored one has opened.
  const aside = `${target.dataDir}.before-restore-${Date.now()}`;
  if (existsSync(target.dataDir)) renameSync(target.dataDir, aside);
  try {
    const pglite = new PGlite({ dataDir: target.dataDir, loadDataDir: new Blob([readFileSync(file)]) });
    // A checkpoint, so the directory opens next time without replaying the write-ahead log.
    await pglite.query("checkpoint");
    await pglite.close();
  } catch (error) {
    rmSync(target.dataDir, { recursive: true, force: true });
    if (existsSync(aside)) renameSync(aside, target.dataDir);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

/** Rows per table in the public schema: what a restore must bring back. */
export async function countRowsPerTable(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ tableName: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { tableName } of tables.rows) {
    const result = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(tableName)}`.execute(db);
    counts[tableName] = result.rows[0]!.count;
  }
  return counts;
}
