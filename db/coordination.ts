import { sql } from "kysely";
import type { DatabaseHandle, Db } from "./client";

// What several web processes on one PostgreSQL server need to agree on (ADR 0026).
//
// - Jobs: a round of a job runs in one process at a time. `withJobLock` takes the job's
//   transaction-level advisory lock in a transaction of its own and holds it while the round
//   runs (on other connections, in the round's own short transactions); a process that does
//   not get the lock skips the round. Transaction-level, so it also holds through PgBouncer
//   in transaction mode, and a process that dies lets go of it with its connection.
// - Caches: a commit that touches what the public page and scorecard caches show sends
//   NOTIFY markedsdialog_changes with the table's name (migrations 0049, 0077). Each process
//   LISTENs and moves its change epochs (every change; changes to what the demand pages show);
//   a cached page or figure stored under an older epoch of its scope is not served again.

export const CHANGES_CHANNEL = "markedsdialog_changes";

/**
 * The tables whose rows the demand pages (/demand, its pipeline, the demand API) show: the same
 * as move public_pages_version (migrations 0012 and 0077). A change anywhere else (an interaction,
 * a registration) only moves what the scorecards count, so it leaves the demand pages' epoch alone.
 */
export const DEMAND_TABLES: readonly string[] = ["events", "event_standards", "event_co_buyers", "organisations", "standards", "consultations"];

/** "all": every change (the scorecards and pages that show them); "demand": changes to what the demand pages show. */
export type ChangeScope = "all" | "demand";

// On globalThis: server.ts (which listens) and the Remix build (which reads the scorecard
// cache) load this module separately, and both must see the same epochs.
const epochKey = Symbol.for("markedsdialog.change-epochs");
const holder = globalThis as typeof globalThis & { [epochKey]?: Record<ChangeScope, number> };
const epochs = (holder[epochKey] ??= { all: 0, demand: 0 });

/** Moves at every change another process (or this one) committed in `scope`, and whenever the LISTEN was (re)established. */
export function changeEpoch(scope: ChangeScope = "all"): number {
  return epochs[scope];
}

/**
 * Forget what the caches hold: a change was committed to `table` (the notification's payload),
 * or we may have missed one (no table: a reconnect, or a notification from before migration 0077).
 */
export function noteChange(table?: string): void {
  epochs.all += 1;
  if (!table || DEMAND_TABLES.includes(table)) epochs.demand += 1;
}

/**
 * LISTENs for committed changes. After a reconnect the epoch moves too: a notification sent
 * while the connection was down is lost. The embedded database has one process, but the
 * scorecard cache still learns of a change only this way (before, it served figures up to five
 * minutes old after an outcome was recorded). Resolves with a function that stops listening.
 */
export async function listenForChanges(handle: DatabaseHandle): Promise<() => Promise<void>> {
  if (!handle.listen) return async () => {};
  return handle.listen(
    CHANGES_CHANNEL,
    (payload) => noteChange(payload),
    () => noteChange(),
  );
}

/**
 * Runs `round` only if no other process is running the job `name` (its advisory lock is
 * free), holding the lock until the round ends; `{ ran: false }` otherwise. PostgreSQL
 * server only: the embedded database has one connection, which the held transaction would block.
 */
export async function withJobLock<T>(db: Db, name: string, round: () => Promise<T>): Promise<{ ran: true; handled: T } | { ran: false }> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtextextended(${`markedsdialog.job:${name}`}, 0)) as locked`.execute(trx);
    if (!rows[0]?.locked) return { ran: false } as const;
    return { ran: true, handled: await round() } as const;
  });
}
