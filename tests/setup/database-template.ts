import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@db/client";
import { migrateToLatest } from "@db/migrate";

/** The migrated database each test file starts from a copy of. */
export type DatabaseTemplate = { kind: "pglite"; dataDir: string } | { kind: "postgres"; name: string };

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
    /** A migrated embedded data directory, in both modes: the backup tests exercise PGlite whatever DATABASE_URL says. */
    pgliteTemplate: string;
  }
}

/** Memory-backed where the system has it: the copies are written and thrown away per file. */
export const scratchDir = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();

/**
 * Migrates one database before the integration files run, so each file copies it
 * instead of creating and migrating its own: a PGlite data directory, or a template
 * database on the PostgreSQL server DATABASE_URL names. Removed when the run ends.
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(scratchDir, "markedsdialog-template-"));
  const dataDir = path.join(root, "pglite");
  const removeEmbedded = () => rmSync(root, { recursive: true, force: true });
  const embedded = (async () => {
    const handle = openDatabase({ dataDir });
    await migrateToLatest(handle.db);
    await handle.close();
  })();
  project.provide("pgliteTemplate", dataDir);

  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `md_template_${randomBytes(6).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${name}`;
    const handle = openDatabase({ url: templateUrl.toString(), max: 1 });
    await migrateToLatest(handle.db);
    // A template must have no connections while files copy it.
    await handle.close();
    await embedded;
    project.provide("databaseTemplate", { kind: "postgres", name });
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      removeEmbedded();
    };
  }

  await embedded;
  project.provide("databaseTemplate", { kind: "pglite", dataDir });
  return removeEmbedded;
}
