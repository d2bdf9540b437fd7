// Backups of either database: a PostgreSQL server through pg_dump/pg_restore
// (custom format; Debian's client must be the server's major version or newer),
// the embedded PGlite as a logical backup (rows in COPY format, gzipped JSON). Run a
// PGlite backup or restore while the portal is stopped: PGlite is one process's.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { NO_MIGRATIONS, sql } from "kysely";
import { openDatabase, PGLITE_EXTENSIONS, type Db } from "./client";
import { migrator } from "./migrate";

export type BackupTarget = { url: string } | { dataDir: string };

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  if ("url" in target) {
    execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${target.url}`], { stdio: ["ignore", "inherit", "inherit"] });
    return;
  }
  if (!existsSync(target.dataDir)) throw new Error(`no embedded database at ${target.dataDir}`);
  const pglite = new PGlite({ dataDir: target.dataDir, extensions: PGLITE_EXTENSIONS });
  try {
    writeFileSync(file, gzipSync(JSON.stringify(await dumpPglite(pglite))));
  } finally {
    await pglite.close();
  }
}

/**
 * A logical backup of the embedded database: the migrations it is at, every table's rows
 * in COPY text format, and the sequences' positions. (PGlite's dumpDataDir tarball did
 * not reopen reliably after loadDataDir; see docs/decisions/0012.)
 */
export interface PgliteBackup {
  format: "markedsdialog-pglite-backup";
  version: 1;
  migrations: string[];
  tables: Record<string, string>;
  sequences: Record<string, { lastValue: string | null; startValue: string }>;
}

async function publicTables(pglite: PGlite | Transaction): Promise<string[]> {
  const { rows } = await pglite.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  return rows.map((r) => r.name);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function dumpPglite(pglite: PGlite): Promise<PgliteBackup> {
  return pglite.transaction(async (tx) => {
    // One snapshot for every table.
    await tx.exec("set transaction isolation level repeatable read");
    const tables: Record<string, string> = {};
    for (const name of await publicTables(tx)) {
      const result = await tx.query(`copy ${quoteIdent(name)} to '/dev/blob'`);
      tables[name] = (await result.blob?.text()) ?? "";
    }
    const sequences: PgliteBackup["sequences"] = {};
    const { rows } = await tx.query<{ name: string; lastValue: string | null; startValue: string }>(
      `select sequencename as name, last_value::text as "lastValue", start_value::text as "startValue" from pg_sequences where schemaname = 'public'`,
    );
    for (const row of rows) sequences[row.name] = { lastValue: row.lastValue, startValue: row.startValue };
    const migrated = await tx.query<{ name: string }>("select name from kysely_migration order by name");
    return { format: "markedsdialog-pglite-backup", version: 1, migrations: migrated.rows.map((r) => r.name), tables, sequences };
  });
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
  const backup = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as PgliteBackup;
  if (backup.format !== "markedsdialog-pglite-backup" || backup.version !== 1) throw new Error(`${file} is not a Markedsdialog PGlite backup`);
  // The restore is built in a new directory; the old one is kept aside until it has opened.
  const building = `${target.dataDir}.restoring-${Date.now()}`;
  const aside = `${target.dataDir}.before-restore-${Date.now()}`;
  try {
    const handle = openDatabase({ dataDir: building });
    try {
      await migrator(handle.db).migrateTo(backup.migrations.at(-1) ?? NO_MIGRATIONS);
    } finally {
      await handle.close();
    }
    const pglite = new PGlite({ dataDir: building, extensions: PGLITE_EXTENSIONS });
    try {
      await loadPglite(pglite, backup);
    } finally {
      await pglite.close();
    }
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(target.dataDir)) renameSync(target.dataDir, aside);
  renameSync(building, target.dataDir);
  rmSync(aside, { recursive: true, force: true });
}

/** Loads a backup into a database migrated to the backup's migrations: all or nothing. */
export async function loadPglite(pglite: PGlite, backup: PgliteBackup): Promise<void> {
  const present = await publicTables(pglite);
  const missing = Object.keys(backup.tables).filter((name) => !present.includes(name));
  if (missing.length > 0) throw new Error(`the backup has tables this database lacks: ${missing.join(", ")}`);
  await pglite.transaction(async (tx) => {
    // Rows go back as they were: no triggers, no foreign-key checks while loading.
    await tx.exec("set local session_replication_role = replica");
    await tx.exec(`truncate ${present.map(quoteIdent).join(", ")}`);
    for (const [name, rows] of Object.entries(backup.tables)) {
      if (rows) await tx.query(`copy ${quoteIdent(name)} from '/dev/blob'`, [], { blob: new Blob([rows]) });
    }
    for (const [name, { lastValue, startValue }] of Object.entries(backup.sequences)) {
      await tx.query("select setval($1::regclass, $2::bigint, $3)", [quoteIdent(name), lastValue ?? startValue, lastValue !== null]);
    }
  });
  await pglite.query("checkpoint");
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
