import { openDatabase, type DatabaseHandle, type Db, type DbKind } from "./client";
import { migrateToLatest } from "./migrate";

export type { Db, DbKind };

// One database handle per process. It lives on globalThis because the server
// entry and the Remix build are separate module graphs that must share it.
declare global {
  var __markedsdialogDb: DatabaseHandle | undefined;
}

export function db(): Db {
  const handle = globalThis.__markedsdialogDb;
  if (!handle) throw new Error("Database not initialised: call initDatabase() at start-up");
  return handle.db;
}

export function dbKind(): DbKind {
  const handle = globalThis.__markedsdialogDb;
  if (!handle) throw new Error("Database not initialised: call initDatabase() at start-up");
  return handle.kind;
}

/** Use an already opened database (tests, scripts). */
export function setDatabase(handle: DatabaseHandle) {
  globalThis.__markedsdialogDb = handle;
}

/**
 * Opens the database the environment asks for and applies migrations. Demo data is
 * the start-up's business (server.ts, db/seed/demo.ts), never the request path's.
 */
export async function initDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseHandle> {
  if (globalThis.__markedsdialogDb) return globalThis.__markedsdialogDb;
  // The web server's embedded database: a request waits at most PGLITE_QUEUE_TIMEOUT_MS (default
  // 10 s) per statement for the one connection, then gets 503 (db/pglite-dialect.ts).
  const handle = openDatabase({
    url: env.DATABASE_URL || undefined,
    dataDir: env.PGLITE_DIR || undefined,
    listenUrl: env.DATABASE_LISTEN_URL || undefined,
    queueTimeoutMs: Number(env.PGLITE_QUEUE_TIMEOUT_MS ?? 10_000),
  });
  await migrateToLatest(handle.db);
  globalThis.__markedsdialogDb = handle;
  return handle;
}

export async function closeDatabase() {
  const handle = globalThis.__markedsdialogDb;
  globalThis.__markedsdialogDb = undefined;
  if (handle) await handle.close();
}
