// Issue 20: a request still in flight when the server stops gets an answer (never "driver has
// already been destroyed"), and a statement that waits too long for the embedded database's one
// connection fails as "unavailable" (503) while the queue behind it goes on.
import express from "express";
import type { Server } from "node:http";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { isDatabaseUnavailable } from "@db/errors";
import { ConnectionWaitTimeout } from "@db/pglite-dialect";
import { errorHandler } from "~/http/outage.server";
import { gracefulShutdown } from "~/http/shutdown.server";

const handles: DatabaseHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});

function embedded(queueTimeoutMs?: number) {
  const handle = openDatabase({ dataDir: "memory", queueTimeoutMs });
  handles.push(handle);
  return handle;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A portal in miniature, wired as server.ts wires it: the gate first, every handler that uses
 * the database tracked, the outage handler last. `/slow` waits for `release`, then reads.
 */
async function miniature(graceMs: number) {
  const handle = embedded();
  await sql`select 1`.execute(handle.db); // started before the clock of any test runs
  let closed = false;
  const logs: string[] = [];
  const lifecycle = gracefulShutdown({
    stopWorkers: async () => {},
    closeDatabase: async () => {
      await handle.db.destroy();
      closed = true;
    },
    graceMs,
    log: (line) => logs.push(line),
  });
  const release = deferred();
  const started = deferred();
  const outcomes: string[] = [];
  const app = express();
  app.use(lifecycle.gate);
  app.all("*", (req, res, next) =>
    void lifecycle.track(res, async () => {
      try {
        started.resolve();
        await release.promise;
        const row = await sql<{ answer: number }>`select 41 + 1 as answer`.execute(handle.db);
        outcomes.push("read");
        if (!res.headersSent) res.json({ answer: row.rows[0]!.answer });
      } catch (error) {
        outcomes.push(String(error));
        next(error);
      }
    }),
  );
  app.use(errorHandler);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return { lifecycle, server, base, release, started, outcomes, logs, isClosed: () => closed };
}

// Each test starts an embedded database of its own (the shutdown closes it): slow on a busy machine.
describe("graceful shutdown", { timeout: 120_000 }, () => {
  it("answers the request in flight from the database, then closes it", async () => {
    const portal = await miniature(20_000);
    const answer = fetch(`${portal.base}/api/v1/demand`);
    await portal.started.promise;
    const stopped = portal.lifecycle.shutdown(portal.server, "SIGTERM");
    await new Promise((r) => setTimeout(r, 100));
    expect(portal.isClosed()).toBe(false); // waits for the handler
    expect(portal.lifecycle.inFlight).toBe(1);
    portal.release.resolve();
    const response = await answer;
    expect(response.status).toBe(200);
    expect(response.headers.get("connection")).toBe("close");
    expect(await response.json()).toEqual({ answer: 42 });
    await stopped;
    expect(portal.isClosed()).toBe(true);
    expect(portal.logs).toEqual(["SIGTERM received: closing", "database closed; exiting"]);
  });

  it("lets a handler whose client has gone finish before the database closes", async () => {
    const portal = await miniature(20_000);
    const aborted = new AbortController();
    const answer = fetch(`${portal.base}/demand`, { signal: aborted.signal }).catch(() => "gone");
    await portal.started.promise;
    aborted.abort();
    expect(await answer).toBe("gone");
    const stopped = portal.lifecycle.shutdown(portal.server, "SIGTERM");
    await new Promise((r) => setTimeout(r, 100));
    expect(portal.isClosed()).toBe(false);
    portal.release.resolve();
    await stopped;
    expect(portal.outcomes).toEqual(["read"]); // not "driver has already been destroyed"
    expect(portal.isClosed()).toBe(true);
  });

  it("answers 503 to what is still running after the grace period, before the database closes", async () => {
    const portal = await miniature(300);
    const api = fetch(`${portal.base}/api/v1/demand`);
    const page = fetch(`${portal.base}/demand`);
    await portal.started.promise;
    await portal.lifecycle.shutdown(portal.server, "SIGTERM");
    const [apiAnswer, pageAnswer] = await Promise.all([api, page]);
    expect(apiAnswer.status).toBe(503);
    expect(apiAnswer.headers.get("retry-after")).toBe("30");
    expect(await apiAnswer.json()).toEqual({ error: "unavailable" });
    expect(pageAnswer.status).toBe(503);
    const html = await pageAnswer.text();
    expect(html).toContain("Tjenesten er midlertidig utilgjengelig");
    expect(portal.logs).toContain("2 requests still running after 300 ms: answered 503");
    expect(portal.isClosed()).toBe(true);
    portal.release.resolve();
  });
});

describe("waiting for the embedded database's connection", { timeout: 120_000 }, () => {
  it("gives up after the bounded wait as 'unavailable', and the queue behind it goes on", async () => {
    const { db } = embedded(200);
    await sql`select 0`.execute(db);
    const holding = db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await new Promise((r) => setTimeout(r, 600));
      return (await sql<{ n: number }>`select 2 as n`.execute(trx)).rows[0]!.n;
    });
    await new Promise((r) => setTimeout(r, 50));
    const waited = sql`select 3`.execute(db).then(
      () => null,
      (error: unknown) => error,
    );
    const error = await waited;
    expect(error).toBeInstanceOf(ConnectionWaitTimeout);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await holding).toBe(2);
    // The place it gave up was passed on: the next statement runs at once.
    expect((await sql<{ n: number }>`select 4 as n`.execute(db)).rows[0]!.n).toBe(4);
  });

  it("waits as long as it takes without a bound (scripts, tests, migrations)", async () => {
    const { db } = embedded();
    const holding = db.transaction().execute(async (trx) => {
      await new Promise((r) => setTimeout(r, 300));
      return (await sql<{ n: number }>`select 1 as n`.execute(trx)).rows[0]!.n;
    });
    await new Promise((r) => setTimeout(r, 20));
    const after = await sql<{ n: number }>`select 2 as n`.execute(db);
    expect(await holding).toBe(1);
    expect(after.rows[0]!.n).toBe(2);
  });
});
