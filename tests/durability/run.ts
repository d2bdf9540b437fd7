// npm run test:durability — does every write the client saw acknowledged survive
// a SIGKILL of the server? For each database: seed, start the built server, stream
// interaction-log entries and event registrations over the API (demo-vendor-token)
// from this process, kill
// the server with SIGKILL mid-stream, restart it on the same data, and check that
// every acknowledged entry is stored exactly once. Bounded: at most 60 s of writes
// per database, 127.0.0.1 only. Exit 1 on any lost or duplicated write.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@db/client";
import { createPostgresCluster, findPostgresBin } from "../fixtures/postgres-cluster";
import { startServer, stopServer, type ServerProcess } from "../fixtures/server-process";

const TOKEN = "demo-vendor-token";
const WRITERS = 4;
const KILL_AFTER_ACKS = 150;
const MAX_MS = 60_000;

type Target = { url: string } | { dataDir: string };
const envFor = (target: Target) => ("url" in target ? { DATABASE_URL: target.url, PGLITE_DIR: undefined } : { DATABASE_URL: undefined, PGLITE_DIR: target.dataDir });

function seed(target: Target) {
  const env: Record<string, string | undefined> = { ...process.env, ...envFor(target) };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const run = spawnSync(process.execPath, ["--import", "tsx", "db/cli.ts", "seed"], { env: env as NodeJS.ProcessEnv, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`seeding failed: ${run.stderr}`);
}

async function withDb<T>(target: Target, work: (db: ReturnType<typeof openDatabase>["db"]) => Promise<T>): Promise<T> {
  const handle = openDatabase("url" in target ? { url: target.url, max: 2 } : { dataDir: target.dataDir });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

async function stream(server: ServerProcess, counterpartId: string, runId: string, openEvents: string[]) {
  const acked = new Map<string, string>(); // subject → id
  const registered = new Map<string, string>(); // event id → registration id
  let attempted = 0;
  let killed = false;
  const started = Date.now();
  const writer = async (w: number) => {
    for (let i = 0; !killed && Date.now() - started < MAX_MS; i++) {
      const subject = `${runId} w${w} #${i}`;
      attempted++;
      try {
        const response = await fetch(`${server.baseURL}/api/v1/interactions`, {
          method: "POST",
          headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
          body: JSON.stringify({
            counterpartId,
            occurredAt: "2026-11-20T14:30:00+01:00",
            channel: "call",
            participants: [{ side: "counterpart", name: "Berit Innkjøp" }],
            subject,
            summary: "Varighetstest.",
            clauses: [],
            assessment: "in_line",
          }),
        });
        if (response.status === 201) acked.set(subject, ((await response.json()) as { id: string }).id);
        else if (!killed) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
      } catch (error) {
        if (!killed) throw error;
      }
      if (!killed && acked.size >= KILL_AFTER_ACKS) {
        killed = true;
        server.process.kill("SIGKILL");
      }
    }
  };
  // Beside the log writers, one registers the vendor for every open event, one by one.
  const registrar = async () => {
    for (const eventId of openEvents) {
      if (killed) break;
      attempted++;
      try {
        const response = await fetch(`${server.baseURL}/api/v1/events/${eventId}/registrations`, {
          method: "POST",
          headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
          body: "{}",
        });
        if (response.status === 201) registered.set(eventId, ((await response.json()) as { id: string }).id);
        else if (!killed) throw new Error(`unexpected ${response.status} registering for ${eventId}: ${await response.text()}`);
      } catch (error) {
        if (!killed) throw error;
      }
    }
  };
  await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), registrar()]);
  return { acked, registered, attempted };
}

async function check(name: string, target: Target, restart: () => Promise<ServerProcess>): Promise<boolean> {
  const counterpartId = await withDb(target, async (db) =>
    (await db.selectFrom("organisations").select("id").where("slug", "=", "bergvik-kommune").executeTakeFirstOrThrow()).id,
  );
  // Published events the demo vendor can still register for.
  const openEvents = await withDb(target, async (db) =>
    (
      await db
        .selectFrom("events")
        .select("id")
        .where("status", "=", "published")
        .where((eb) => eb.or([eb("registrationDeadline", "is", null), eb("registrationDeadline", ">", new Date())]))
        .where("id", "not in", db.selectFrom("registrations").innerJoin("organisations", "organisations.id", "registrations.organisationId").select("registrations.eventId").where("organisations.slug", "=", "nordlys-helse-as"))
        .orderBy("id")
        .execute()
    ).map((r) => r.id),
  );
  const runId = `durability-${Date.now()}`;
  let server = await restart();
  const { acked, registered, attempted } = await stream(server, counterpartId, runId, openEvents);
  await server.exited;
  server = await restart(); // recovery after the kill, on the same data
  const healthy = (await fetch(`${server.baseURL}/healthz`)).ok;
  await stopServer(server);
  const stored = await withDb(target, (db) =>
    db.selectFrom("interactionEntries").select(["id", "subject"]).where("subject", "like", `${runId}%`).execute(),
  );
  const bySubject = new Map<string, number>();
  for (const row of stored) bySubject.set(row.subject, (bySubject.get(row.subject) ?? 0) + 1);
  const lost = [...acked.keys()].filter((s) => !bySubject.has(s));
  const duplicated = [...bySubject].filter(([, n]) => n > 1).map(([s]) => s);
  const storedIds = new Set(stored.map((r) => r.id));
  const wrongId = [...acked].filter(([, id]) => !storedIds.has(id));
  const registrations = await withDb(target, (db) =>
    db
      .selectFrom("registrations")
      .innerJoin("organisations", "organisations.id", "registrations.organisationId")
      .select(["registrations.id", "registrations.eventId"])
      .where("organisations.slug", "=", "nordlys-helse-as")
      .where("registrations.eventId", "in", openEvents.length > 0 ? openEvents : ["00000000-0000-0000-0000-000000000000"])
      .execute(),
  );
  const registrationIds = new Set(registrations.map((r) => r.id));
  const lostRegistrations = [...registered].filter(([, id]) => !registrationIds.has(id));
  const perEvent = new Map<string, number>();
  for (const r of registrations) perEvent.set(r.eventId, (perEvent.get(r.eventId) ?? 0) + 1);
  const duplicatedRegistrations = [...perEvent].filter(([, n]) => n > 1);
  console.log(
    `${name}: ${attempted} writes sent, ${acked.size} acknowledged before SIGKILL, ${stored.length} stored after restart ` +
      `(${stored.length - acked.size + lost.length} unacknowledged but committed), lost ${lost.length}, duplicated ${duplicated.length}, ` +
      `ids differing ${wrongId.length}; registrations: ${registered.size} of ${openEvents.length} acknowledged, ` +
      `${registrations.length} stored, lost ${lostRegistrations.length}, duplicated ${duplicatedRegistrations.length}; healthy after restart: ${healthy}`,
  );
  return (
    healthy &&
    lost.length === 0 &&
    duplicated.length === 0 &&
    wrongId.length === 0 &&
    lostRegistrations.length === 0 &&
    duplicatedRegistrations.length === 0 &&
    registered.size > 0
  );
}

const results: boolean[] = [];
const workDir = mkdtempSync(path.join(tmpdir(), "markedsdialog-durability-"));
try {
  const bin = findPostgresBin();
  if (bin) {
    const cluster = createPostgresCluster(54360, bin);
    try {
      // fsync stays on here (the cluster's default): that is what production runs with.
      const target = { url: cluster.url };
      seed(target);
      results.push(await check("PostgreSQL", target, () => startServer(envFor(target))));
    } finally {
      cluster.destroy();
    }
  } else {
    console.log("PostgreSQL: skipped, no server binaries under /usr/lib/postgresql");
  }
  const target = { dataDir: path.join(workDir, "pglite") };
  seed(target);
  results.push(await check("PGlite", target, () => startServer(envFor(target))));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
if (results.some((ok) => !ok)) {
  console.log("FAILED: acknowledged writes were lost or duplicated, or the server did not recover.");
  process.exitCode = 1;
} else {
  console.log("OK: every acknowledged write survived SIGKILL exactly once.");
}
