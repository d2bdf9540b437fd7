// npm run bench:lighthouse — Lighthouse's mobile performance score of the public pages a phone
// opens first (issue 20): /, /demand, an event page and /insights, as an anonymous visitor.
//
// Lighthouse 12 (pinned in package.json) with its default configuration: mobile emulation and
// simulated throttling (a slow 4G network and a 4× slower CPU, computed from one unthrottled
// load), performance category only. Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium),
// started by playwright-core with a remote-debugging port that Lighthouse drives.
// The portal is the built server on the demo data, in a scratch copy of the embedded database.
// Each page is measured LIGHTHOUSE_RUNS times (default 3) and the median score counts; the
// script prints score, FCP, LCP, TBT, CLS and the JavaScript transferred, and exits 1 when a
// median is below LIGHTHOUSE_TARGET (default 90).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { openDatabase } from "../db/client";
import { freePort, prepareDemoDatabase, stopProcess, waitFor } from "../scripts/server-process";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const TARGET = Number(process.env.LIGHTHOUSE_TARGET ?? 90);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PAGES = ["/", "/demand", "/events/00000000-0000-4000-8000-000000000101", "/insights"];

interface Measure {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  scriptKb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  if (!existsSync("build/index.js")) throw new Error("no build: run `npm run build` first");
  const scratch = mkdtempSync(join(tmpdir(), "md-lighthouse-"));
  const dataDir = join(scratch, "pglite");
  const handle = openDatabase({ dataDir });
  await prepareDemoDatabase(handle.db);
  await handle.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), PUBLIC_URL: base, PGLITE_DIR: dataDir, DATABASE_URL: "", OUTBOX_DIR: join(scratch, "outbox"), SMTP_URL: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const debuggingPort = await freePort();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", `--remote-debugging-port=${debuggingPort}`],
  });
  const hardStop = setTimeout(() => {
    console.error("lighthouse: over its time limit, stopping");
    server.kill("SIGKILL");
    process.exit(2);
  }, 15 * 60_000);
  try {
    await waitFor(base, "/healthz", 120_000);
    const rows: Record<string, string | number>[] = [];
    const failed: string[] = [];
    for (const path of PAGES) {
      // One unmeasured load warms the server's page cache, as a visitor after the first finds it.
      await fetch(`${base}${path}`);
      const runs: Measure[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(`${base}${path}`, { port: debuggingPort, onlyCategories: ["performance"], output: "json", logLevel: "error" });
        if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
        const { lhr } = result;
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        const scripts = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
        runs.push({
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          fcp: audit("first-contentful-paint"),
          lcp: audit("largest-contentful-paint"),
          tbt: audit("total-blocking-time"),
          cls: audit("cumulative-layout-shift"),
          scriptKb: scripts.filter((s) => s.resourceType === "Script").reduce((sum, s) => sum + (s.transferSize ?? 0), 0) / 1024,
        });
      }
      const score = median(runs.map((r) => r.score));
      if (score < TARGET) failed.push(`${path}: ${score}`);
      rows.push({
        page: path.length > 24 ? `${path.slice(0, 21)}…` : path,
        score,
        "scores (runs)": runs.map((r) => r.score).join(" / "),
        "FCP ms": Math.round(median(runs.map((r) => r.fcp))),
        "LCP ms": Math.round(median(runs.map((r) => r.lcp))),
        "TBT ms": Math.round(median(runs.map((r) => r.tbt))),
        CLS: median(runs.map((r) => r.cls)).toFixed(3),
        "JS KiB": median(runs.map((r) => r.scriptKb)).toFixed(1),
      });
    }
    console.log(`\nLighthouse ${RUNS}× per page, mobile (simulated throttling), anonymous, demo data, PGlite`);
    console.table(rows);
    if (failed.length) {
      console.error(`FAILED: median performance below ${TARGET}: ${failed.join(", ")}`);
      process.exitCode = 1;
    } else console.log(`All four pages at or above ${TARGET}.`);
  } finally {
    clearTimeout(hardStop);
    await browser.close();
    await stopProcess(server);
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
