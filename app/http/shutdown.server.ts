// Graceful shutdown (server.ts): every request the server took gets an answer, and the
// database is closed only after the last handler that can use it has finished (issue 20:
// under load the database used to be closed while queued handlers still ran, and they
// failed with "driver has already been destroyed").
//
// 1. Stop accepting connections; idle keep-alive connections are closed, and every answer
//    from now on says `Connection: close`.
// 2. Stop the background workers (outbox, jobs) and wait for the request handlers in flight,
//    also those whose client has gone away, for at most `graceMs`.
// 3. Whatever is still running then is answered 503 (the outage answer: JSON for the API, the
//    bilingual page otherwise) before the database closes; so is any request that arrives
//    after it closed.
import type { Server } from "node:http";
import type { NextFunction, Request, Response } from "express";
import { answerUnavailable } from "./outage.server";

export interface ShutdownOptions {
  /** Stops the outbox and job runners and waits for their rounds. */
  stopWorkers: () => Promise<unknown>;
  closeDatabase: () => Promise<void>;
  /** How long handlers in flight may take to finish before they are answered 503. */
  graceMs: number;
  log?: (message: string) => void;
}

export function gracefulShutdown({ stopWorkers, closeDatabase, graceMs, log = console.log }: ShutdownOptions) {
  const inFlight = new Set<Response>();
  let idle: (() => void) | null = null;
  let stopping = false;
  let closed = false;
  let done: Promise<void> | null = null;

  const finished = (res: Response) => {
    inFlight.delete(res);
    if (inFlight.size === 0) idle?.();
  };

  return {
    /** First middleware: refuses requests once the database is closed, and marks answers while stopping. */
    gate(req: Request, res: Response, next: NextFunction) {
      if (closed) return void answerUnavailable(req, res.set("Connection", "close"));
      if (stopping) res.set("Connection", "close");
      next();
    },

    /** Runs work for this response that may use the database: shutdown waits until it settles. */
    async track(res: Response, work: () => unknown): Promise<void> {
      inFlight.add(res);
      try {
        await work();
      } finally {
        finished(res);
      }
    },

    get inFlight() {
      return inFlight.size;
    },

    /** Runs the shutdown of `server` once; later calls return the same promise. */
    shutdown(server: Server, signal: string): Promise<void> {
      if (done) return done;
      stopping = true;
      log(`${signal} received: closing`);
      done = (async () => {
        // Every open connection, also one whose request is still arriving (not yet at a handler).
        const connectionsClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Answers still to come end their connection: the client opens its next one elsewhere.
        for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
        const handlersDone = new Promise<void>((resolve) => {
          idle = resolve;
          if (inFlight.size === 0) resolve();
        });
        const drained = Promise.all([handlersDone, connectionsClosed]);
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
        await Promise.all([stopWorkers(), Promise.race([drained, late])]);
        clearTimeout(timer);
        if (inFlight.size > 0) {
          log(`${inFlight.size} requests still running after ${graceMs} ms: answered 503`);
          for (const res of inFlight) if (!res.headersSent) answerUnavailable(res.req, res.set("Connection", "close"));
        }
        closed = true;
        await closeDatabase();
        log("database closed; exiting");
      })();
      return done;
    },
  };
}
