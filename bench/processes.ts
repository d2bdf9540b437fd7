// What several web processes pay to agree (ADR 0026), on a PostgreSQL cluster of its own:
// the page cache's version read per request, the job lock per round, and how long a commit
// takes to reach another process's LISTEN. `npx tsx bench/processes.ts` (Debian's PostgreSQL).
import { sql } from "kysely";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client";
import { CHANGES_CHANNEL, withJobLock } from "../db/coordination";
import { migrateToLatest } from "../db/migrate";
import { seedDemoData } from "../db/seed/demo";
import { publicPagesVersion } from "../app/http/public-page-cache.server";
import { createPostgresCluster } from "../tests/fixtures/postgres-cluster";
import { freePort } from "../tests/fixtures/server-process";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000);
const cluster = createPostgresCluster(await freePort());
const writer = openDatabase({ url: cluster.url, max: 4 });
const reader = openDatabase({ url: cluster.url, max: 4 });

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const p99 = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length * 0.99)]!;
async function timed(rounds: number, step: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await step();
    times.push(performance.now() - start);
  }
  return `median ${median(times).toFixed(3)} ms, p99 ${p99(times).toFixed(3)} ms`;
}

try {
  await migrateToLatest(writer.db);
  await seedDemoData(writer.db);
  const event = await writer.db.selectFrom("events").select("id").where("status", "=", "published").executeTakeFirstOrThrow();

  console.log(`page cache version read (select from public_pages_version), ${ROUNDS}×: ${await timed(ROUNDS, () => publicPagesVersion(reader.db))}`);
  console.log(`a bare round trip (select 1), ${ROUNDS}×: ${await timed(ROUNDS, () => sql`select 1`.execute(reader.db))}`);
  console.log(`job lock around an empty round (begin, pg_try_advisory_xact_lock, commit), ${ROUNDS}×: ${await timed(ROUNDS, () => withJobLock(reader.db, "bench", async () => 0))}`);

  // A commit's NOTIFY, from the commit's answer in the writer to the reader's LISTEN callback.
  let heard: (() => void) | null = null;
  const stop = await reader.listen!(CHANGES_CHANNEL, () => heard?.(), () => {});
  const latencies: number[] = [];
  for (let i = 0; i < 200; i++) {
    const arrived = new Promise<number>((resolve) => (heard = () => resolve(performance.now())));
    await writer.db.updateTable("events").set({ updatedAt: new Date() }).where("id", "=", event.id).execute();
    const committed = performance.now();
    latencies.push((await arrived) - committed);
  }
  await stop();
  console.log(`commit → LISTEN in another connection, 200 updates of one event: median ${median(latencies).toFixed(3)} ms, max ${Math.max(...latencies).toFixed(3)} ms`);

  const update = () => writer.db.updateTable("events").set({ updatedAt: new Date() }).where("id", "=", event.id).execute();
  const withTrigger = await timed(500, update);
  await sql`alter table events disable trigger events_notify_change`.execute(writer.db);
  const withoutTrigger = await timed(500, update);
  await sql`alter table events enable trigger events_notify_change`.execute(writer.db);
  console.log(`one-row update of events, 500×: with the NOTIFY trigger ${withTrigger}; without ${withoutTrigger}`);
} finally {
  await writer.close();
  await reader.close();
  cluster.destroy();
}
