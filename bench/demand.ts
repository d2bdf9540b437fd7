// npm run bench — measures /demand at national scale against a bare node:http baseline.
//
// 1. Opens the benchmark database (DATABASE_URL, else embedded PGlite in BENCH_PGLITE_DIR,
//    default ./data/bench-pglite), migrates it and adds the scale data set if missing.
// 2. Starts the built portal (server.ts, production) on a free loopback port and runs
//    autocannon against each listed URL: 32 connections for BENCH_SECONDS (default 10).
// 3. Starts a bare node:http server that runs the same SQL for the same filters
//    (demandPageQuery) and answers JSON, and measures it the same way.
// 4. Prints requests/s and p50/p95/p99 latency for both, and ours as a share of baseline.
//
// The two servers run one after the other: PGlite is one process's database.
// Known issue: against a PostgreSQL server the run has been seen to stall in the baseline
// phase after the portal's figures are taken; not yet investigated.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import autocannon from "autocannon";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { encodeCursor, parseDemandFilter } from "../app/domain/demand-filter";
import { demandPageQuery, listDemand } from "../app/models/demand.server";
import { freePort, prepareScaleDatabase, waitFor } from "../scripts/server-process";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.BENCH_PGLITE_DIR ?? "./data/bench-pglite";
const open = (): DatabaseHandle => openDatabase(url ? { url, max: 10 } : { dataDir });

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function measure(base: string, path: string): Promise<Figures> {
  // Warm caches and the JIT before the measured run.
  for (let i = 0; i < 20; i++) await (await fetch(base + path)).arrayBuffer();
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base + path, connections: CONNECTIONS, duration: SECONDS }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors++;
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.timeouts,
  };
}

async function prepare(): Promise<string> {
  const handle = open();
  try {
    await prepareScaleDatabase(handle.db);
    // The cursor at the start of page 50 of the unfiltered list.
    const { filter } = parseDemandFilter(new URLSearchParams());
    let cursor = null;
    for (let page = 1; page < 50; page++) cursor = (await listDemand(handle.db, { ...filter, cursor })).next;
    if (!cursor) throw new Error("fewer than 50 pages of events");
    return encodeCursor(cursor);
  } finally {
    await handle.close();
  }
}

async function startPortal(port: number): Promise<ChildProcess> {
  const server = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...(url ? { DATABASE_URL: url } : { PGLITE_DIR: dataDir }),
      SEED_DEMO: "false",
      OUTBOX_INTERVAL_MS: "3600000",
      OUTBOX_DIR: "./data/bench-outbox",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitFor(`http://127.0.0.1:${port}`, "/healthz");
  return server;
}

function stopPortal(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    // tsx runs the server in a child process: end the whole group this script started.
    process.kill(-server.pid!, "SIGTERM");
  });
}

async function startBaseline(port: number): Promise<{ close: () => Promise<void> }> {
  const handle = open();
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname, searchParams } = new URL(req.url ?? "/", "http://baseline");
      if (pathname !== "/demand" && pathname !== "/api/v1/demand") {
        res.writeHead(404).end();
        return;
      }
      const { filter } = parseDemandFilter(searchParams);
      const rows = await handle.db.executeQuery(demandPageQuery(handle.db, filter).compile());
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(rows.rows));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

async function main() {
  const page50 = await prepare();
  const targets: [string, string][] = [
    ["/demand, no filter", "/demand"],
    ["/demand, text search", "/demand?q=hjemmeoppf%C3%B8lging"],
    ["/demand, CPV + region", "/demand?cpv=48&region=vestland"],
    ["/demand, page 50", `/demand?cursor=${page50}`],
    ["GET /api/v1/demand", "/api/v1/demand"],
  ];
  console.log(`Database: ${url ? "PostgreSQL server" : `PGlite (${dataDir})`}; ${CONNECTIONS} connections, ${SECONDS} s per URL.`);

  const ours = new Map<string, Figures>();
  const portalPort = await freePort();
  const portal = await startPortal(portalPort);
  try {
    for (const [name, path] of targets) ours.set(name, await measure(`http://127.0.0.1:${portalPort}`, path));
  } finally {
    await stopPortal(portal);
  }

  const baseline = new Map<string, Figures>();
  const baselinePort = await freePort();
  const bare = await startBaseline(baselinePort);
  try {
    for (const [name, path] of targets) baseline.set(name, await measure(`http://127.0.0.1:${baselinePort}`, path));
  } finally {
    await bare.close();
  }

  const rows = targets.map(([name]) => {
    const o = ours.get(name)!;
    const b = baseline.get(name)!;
    return {
      query: name,
      "req/s": fmt(o.rps, 0),
      "p50 ms": fmt(o.p50, 0),
      "p95 ms": fmt(o.p95, 0),
      "p99 ms": fmt(o.p99, 0),
      errors: o.errors,
      "baseline req/s": fmt(b.rps, 0),
      "baseline p50/p95/p99": `${fmt(b.p50, 0)}/${fmt(b.p95, 0)}/${fmt(b.p99, 0)}`,
      "ours / baseline": `${fmt((o.rps / b.rps) * 100, 0)} %`,
    };
  });
  console.table(rows);
}

await main();
