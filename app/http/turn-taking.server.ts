// Requests start in the order they arrived, a few per turn of the event loop (issue 20).
//
// Why: Node (libuv 1.45 and later) accepts at most one new connection per turn of the event
// loop, and on the embedded database a request runs from its first byte to its rendered answer
// without giving the loop away (PGlite's queries are WebAssembly in this thread). Left alone, a
// turn starts a request from every connection that has one waiting, so a turn lasts as long as
// all of them together (a second and more with 64 connections), and a burst of new connections
// is let in one per such turn: under the load test the 64th new connection waited 10–20 s for
// its first answer while the requests of connections already in were answered in under one.
// Starting at most `perTurn` requests per turn keeps each turn short, so new connections are
// taken in as fast as requests are answered, and everyone waits in one queue, in arrival order.
import type { NextFunction, Request, Response } from "express";

export interface TurnTakingOptions {
  /** How many waiting requests may start in one turn of the event loop. */
  perTurn?: number;
}

export function turnTaking({ perTurn = 1 }: TurnTakingOptions = {}) {
  const waiting: { res: Response; next: NextFunction }[] = [];
  let scheduled = false;

  // Runs in the event loop's check phase. An immediate scheduled from here runs in the next
  // turn, after the poll phase has taken in the connections and requests that arrived.
  const startSome = () => {
    scheduled = false;
    let started = 0;
    while (started < perTurn && waiting.length > 0) {
      const { res, next } = waiting.shift()!;
      // A client that gave up while waiting gets no work done for it.
      if (res.destroyed || res.socket?.destroyed) continue;
      started++;
      next();
    }
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(startSome);
  };

  const middleware = (_req: Request, res: Response, next: NextFunction) => {
    waiting.push({ res, next });
    schedule();
  };
  /** Requests waiting for their turn (for tests and diagnostics). */
  return Object.defineProperty(middleware, "waiting", { get: () => waiting.length }) as typeof middleware & { readonly waiting: number };
}
