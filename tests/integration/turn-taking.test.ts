// Issue 20: on the embedded database, requests start in arrival order, one per turn of the event
// loop (app/http/turn-taking.server.ts), so a burst of new connections to a busy portal is taken in
// and answered in its turn. Without it the load test's last connections waited 10–30 s for their
// first answer: Node accepts one new connection per turn, and every turn ran a whole request of
// every connection already in.
import express from "express";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { turnTaking } from "~/http/turn-taking.server";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function fakeResponse(destroyed = false) {
  return { destroyed, socket: { destroyed } } as unknown as express.Response;
}

describe("turn taking", () => {
  it("starts waiting requests in arrival order, one per turn of the event loop", async () => {
    const gate = turnTaking();
    const started: number[] = [];
    for (const n of [1, 2, 3]) gate({} as express.Request, fakeResponse(), () => started.push(n));
    expect(started).toEqual([]);
    expect(gate.waiting).toBe(3);
    await nextTurn();
    expect(started).toEqual([1]);
    await nextTurn();
    expect(started).toEqual([1, 2]);
    await nextTurn();
    expect(started).toEqual([1, 2, 3]);
    expect(gate.waiting).toBe(0);
  });

  it("does no work for a client that went away while it waited", async () => {
    const gate = turnTaking({ perTurn: 2 });
    const started: string[] = [];
    gate({} as express.Request, fakeResponse(true), () => started.push("gone"));
    gate({} as express.Request, fakeResponse(), () => started.push("a"));
    gate({} as express.Request, fakeResponse(), () => started.push("b"));
    await nextTurn();
    expect(started).toEqual(["a", "b"]);
  });
});

describe("a burst of new connections to a busy embedded portal", () => {
  let handle: DatabaseHandle | undefined;
  let server: http.Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
    await handle?.close();
  });

  it("is taken in and answered in its turn, not after the busy connections have gone round once per newcomer", async () => {
    handle = openDatabase({ dataDir: "memory" });
    const db = handle.db;
    await sql`select 1`.execute(db);
    const app = express();
    app.use(turnTaking());
    // Each request reads from the embedded database and then renders for about 4 ms, all in this
    // thread, as a page does.
    let answered = 0;
    let answeredAtBurst = 0;
    const waitedFor: number[] = [];
    app.get("/:kind", async (req, res) => {
      await sql`select count(*) from pg_class`.execute(db);
      const until = performance.now() + 4;
      while (performance.now() < until);
      if (req.params.kind === "new") waitedFor.push(answered - answeredAtBurst);
      answered++;
      res.type("text/plain").send("ok");
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server!.once("listening", resolve));
    const { port } = server.address() as AddressInfo;

    const get = (path: string, agent: http.Agent) =>
      new Promise<void>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path, agent }, (res) => {
            res.resume();
            res.on("end", resolve);
          })
          .on("error", reject);
      });

    // Twelve keep-alive clients that ask again as soon as they have their answer.
    const BUSY = 12;
    const NEW = 24;
    const busyAgent = new http.Agent({ keepAlive: true, maxSockets: BUSY });
    let stop = false;
    const loops = Array.from({ length: BUSY }, async () => {
      while (!stop) await get("/busy", busyAgent);
    });
    while (answered < 4 * BUSY) await new Promise((resolve) => setTimeout(resolve, 5));

    // Then 24 people arrive at once, each on a new connection.
    answeredAtBurst = answered;
    const freshAgent = new http.Agent({ keepAlive: false, maxSockets: NEW });
    await Promise.all(Array.from({ length: NEW }, () => get("/new", freshAgent)));
    stop = true;
    await Promise.all(loops);
    busyAgent.destroy();
    freshAgent.destroy();

    // In arrival order the last newcomer waits for about the requests ahead of it (the busy
    // clients' and the other newcomers', 36) plus one per connection taken in before it: 52 when
    // written. Without turn taking a connection is taken in per round of every connection already
    // in, and the last newcomer waited for 173 answers.
    expect(waitedFor).toHaveLength(NEW);
    expect(Math.max(...waitedFor)).toBeLessThan(3 * (BUSY + NEW));
  }, 60_000);
});
