import { PGlite, types } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { CamelCasePlugin, Kysely } from "kysely";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";
import { mkdirSync } from "node:fs";
import { PGliteDialect } from "./pglite-dialect";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export type DbKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Db;
  kind: DbKind;
  /** Where the data lives, for people: the embedded data directory, or "PostgreSQL server". */
  location: string;
  close: () => Promise<void>;
  /**
   * LISTEN on `channel`: on a PostgreSQL server over a connection of its own (postgres.js
   * reconnects it), on the embedded database in its one session (a NOTIFY is delivered when the
   * transaction that sent it commits, as on a server). `onListen` runs each time the LISTEN is in
   * place, at first and after a reconnect. Resolves with a function that stops listening.
   */
  listen?: (channel: string, onNotify: (payload: string) => void, onListen: () => void) => Promise<() => Promise<void>>;
}

export interface OpenOptions {
  /** A postgres:// URL. Without it the embedded database is used. */
  url?: string;
  /** Where PGlite keeps its files; "memory" for a throw-away database. */
  dataDir?: string | "memory";
  /** Pool size for a PostgreSQL server. */
  max?: number;
  /**
   * Where LISTEN connects, when not to `url`: the server itself or a session-mode pool,
   * because a transaction-mode pooler (PgBouncer) does not keep a LISTEN (ADR 0026).
   */
  listenUrl?: string;
  /**
   * Embedded database only: how long a statement may wait for its one connection before it
   * fails as "unavailable" (503 on the HTTP path). Unset: it waits as long as it takes.
   */
  queueTimeoutMs?: number;
}

// Both drivers return the same JavaScript types: int8 (counts, money in NOK) as
// number — every amount we store is far below 2^53 — and `date` as "YYYY-MM-DD",
// so a calendar date never shifts with the server's time zone.
const parseInt8 = (value: string) => Number(value);
const keepDate = (value: string) => value;

/**
 * The extensions every embedded database loads: the search's trigram indexes
 * (migration 2026-12-04-0016) need pg_trgm's code in any PGlite that writes events.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

export function openDatabase(options: OpenOptions = {}): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (options.url) {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      types: {
        int8: { to: 20, from: [20], serialize: (v: number) => String(v), parse: parseInt8 },
        dateOnly: { to: 1082, from: [1082], serialize: (v: string) => v, parse: keepDate },
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: client }), plugins });
    const listener = options.listenUrl ? postgres(options.listenUrl, { max: 1, onnotice: () => {} }) : client;
    const listen = async (channel: string, onNotify: (payload: string) => void, onListen: () => void) => {
      const { unlisten } = await listener.listen(channel, onNotify, onListen);
      return unlisten;
    };
    const close = async () => {
      await db.destroy();
      if (listener !== client) await listener.end();
    };
    return { db, kind: "postgres", location: "PostgreSQL server", close, listen };
  }

  const dataDir = options.dataDir ?? "./data/pglite";
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite({
    dataDir: dataDir === "memory" ? undefined : dataDir,
    extensions: PGLITE_EXTENSIONS,
    parsers: { [types.INT8]: parseInt8, [types.DATE]: keepDate },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, { queueTimeoutMs: options.queueTimeoutMs }), plugins });
  // Kysely's destroy() reaches the dialect only once a query has run; a database opened and
  // closed unused would go on starting in the background (and, its directory removed, reject
  // with ENOENT that nobody awaits). So PGlite is closed here too, after it is ready.
  const close = async () => {
    await db.destroy();
    if (!pglite.closed) {
      await pglite.waitReady;
      await pglite.close();
    }
  };
  // One process, but its caches still need telling: the scorecard cache (ADR 0011) keeps figures
  // for minutes and knows of a committed change only through the change epoch (db/coordination.ts).
  const listen = async (channel: string, onNotify: (payload: string) => void, onListen: () => void) => {
    const unlisten = await pglite.listen(channel, onNotify);
    onListen();
    return unlisten;
  };
  return { db, kind: "pglite", location: dataDir === "memory" ? "embedded PGlite in memory" : `embedded PGlite in ${dataDir}`, close, listen };
}
