import type { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

/**
 * Kysely dialect for embedded PostgreSQL (PGlite).
 *
 * PGlite is a single connection. Kysely hands a connection to one query or one
 * whole transaction at a time, so we serialise acquisitions with a queue: a
 * transaction never sees another request's statements interleaved with its own.
 *
 * With `queueTimeoutMs`, a statement that has waited that long for the connection gives up
 * with a ConnectionWaitTimeout, which the HTTP layer answers 503 (db/errors.ts): under more
 * load than one connection can carry, a request gets a clear "try again" instead of a wait
 * without end (issue 20).
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly pglite: PGlite,
    private readonly options: { queueTimeoutMs?: number } = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite, this.options.queueTimeoutMs);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

/** The embedded database's one connection stayed busy longer than the wait allowed. */
export class ConnectionWaitTimeout extends Error {
  // postgres.js's code for a pool that could not give a connection in time: db/errors.ts
  // counts it as "unavailable", so the answer is 503 with Retry-After.
  readonly code = "CONNECT_TIMEOUT";
  constructor(waitedMs: number) {
    super(`waited ${waitedMs} ms for the embedded database's connection`);
    this.name = "ConnectionWaitTimeout";
  }
}

class PGliteDriver implements Driver {
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly pglite: PGlite,
    private readonly queueTimeoutMs?: number,
  ) {}

  async init() {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    if (this.queueTimeoutMs !== undefined) {
      const limit = this.queueTimeoutMs;
      let timer: NodeJS.Timeout | undefined;
      const turn = await Promise.race([
        previous.then(() => "ours" as const),
        new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), limit))),
      ]);
      clearTimeout(timer);
      if (turn === "late") {
        // Our place in the queue is passed on at once when it comes.
        void previous.then(release);
        throw new ConnectionWaitTimeout(limit);
      }
    } else {
      await previous;
    }
    return new PGliteConnection(this.pglite, release);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    let statement = "begin";
    if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) statement += ` ${settings.accessMode}`;
    await connection.executeQuery(CompiledQuery.raw(statement));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async savepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection) {
    (connection as PGliteConnection).release();
  }

  async destroy() {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly pglite: PGlite,
    readonly release: () => void,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiled.sql, [...compiled.parameters]);
    return {
      rows: result.rows,
      // Kysely reads this only for insert/update/delete/merge results.
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGlite dialect does not support streaming queries");
  }
}

function quoteIdentifier(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}
