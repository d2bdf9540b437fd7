// Several web processes on one port (WEB_CONCURRENCY=N with DATABASE_URL; ADR 0026): this
// process migrates the database once, then forks N copies of server.ts with Node's cluster
// module, which hands incoming connections to them in turn. It serves nothing itself.
// A web process that ends unexpectedly is replaced; SIGTERM or SIGINT stop them all
// gracefully (each finishes its requests and job rounds, server.ts) before this one exits.
import cluster, { type Worker } from "node:cluster";
import { closeDatabase, initDatabase } from "./db/db.server";

const RESTART_DELAY_MS = 1_000;
const STOP_GRACE_MS = 15_000;

export async function runCluster(count: number): Promise<never> {
  await initDatabase();
  await closeDatabase();

  let stopping = false;
  let exitWith = 0;
  const listening = new WeakSet<Worker>();
  const fork = () => {
    const worker = cluster.fork();
    worker.once("listening", () => listening.add(worker));
  };
  cluster.on("exit", (worker, code, signal) => {
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && w !== worker && !w.isDead()).length;
    if (stopping) {
      if (alive === 0) process.exit(exitWith);
      return;
    }
    if (!listening.has(worker)) {
      // It never served: starting another would fail the same way.
      console.error(`web process ${worker.process.pid} ended before it served (${signal ?? code}); stopping`);
      stop("SIGTERM", 1);
      return;
    }
    console.error(`web process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    setTimeout(fork, RESTART_DELAY_MS);
  });

  function stop(signal: NodeJS.Signals, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    exitWith = exitCode;
    console.log(`${signal} received: stopping ${count} web processes`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill("SIGTERM");
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  console.log(`Markedsdialog: starting ${count} web processes on one PostgreSQL server`);
  for (let i = 0; i < count; i++) fork();
  // The web processes do the serving; this one only watches them until it exits.
  return new Promise<never>(() => {});
}
