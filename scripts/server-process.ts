import type { ChildProcess } from "node:child_process";
import type { Db } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedDemoData } from "../db/seed/demo";
import { seedScaleData } from "../db/seed/scale";

// Helpers for scripts that start the built portal as a child process on 127.0.0.1
// (bench, load test, sqlmap run).

export { freePort } from "../tests/fixtures/mail";

/** Waits until base + path answers 2xx, or throws after timeoutMs. */
export async function waitFor(base: string, path: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(base + path)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${base}${path} did not answer within ${timeoutMs} ms`);
}

/** SIGTERM, then SIGKILL after ten seconds if the process has not exited. */
export async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Migrates the database and adds the demo data set when it is missing. */
export async function prepareDemoDatabase(db: Db) {
  await migrateToLatest(db);
  await seedDemoData(db);
}

/** Migrates the database and adds the demo and scale data sets when they are missing. */
export async function prepareScaleDatabase(db: Db) {
  await prepareDemoDatabase(db);
  const started = Date.now();
  const seeded = await seedScaleData(db);
  if (!seeded.skipped) console.log(`Scale data added in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
