// npm run test:sqlmap — Debian's sqlmap against the search and login endpoints of the built
// portal on 127.0.0.1, with a scratch embedded database holding the demo data.
//
// Bounded: --batch --level 2 --risk 1 --time-sec 2, PostgreSQL payloads only (the portal runs
// on nothing else), SQLMAP_TIMEOUT seconds per target (default 600). Prints a summary per
// target and exits 1 if sqlmap reports an injectable parameter, 2 if a run was inconclusive
// (timed out or sqlmap missing). Not part of CI.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedDemoData } from "../db/seed/demo";
import { freePort, stopProcess, waitFor } from "./server-process";

const TIMEOUT = Number(process.env.SQLMAP_TIMEOUT ?? 600);



interface Target {
  name: string;
  args: string[];
}

type Verdict = "not injectable" | "INJECTABLE" | "inconclusive";

function runSqlmap(target: Target, outputDir: string): Promise<{ verdict: Verdict; seconds: number; requests: string; detail: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      "sqlmap",
      [
        ...target.args,
        "--batch",
        "--level=2",
        "--risk=1",
        "--time-sec=2",
        "--dbms=PostgreSQL",
        "--flush-session",
        "--disable-coloring",
        "--threads=1",
        `--output-dir=${outputDir}`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const seconds = Math.round((Date.now() - started) / 1000);
      const requests = /(\d+) HTTP\(s\) requests/.exec(output)?.[1] ?? "?";
      const injectable = /identified the following injection point|is vulnerable|appears to be '.*' injectable/i.test(output);
      const clean = /do not appear to be injectable|does not seem to be injectable/i.test(output);
      const verdict: Verdict = injectable ? "INJECTABLE" : clean && code === 0 ? "not injectable" : "inconclusive";
      const detail = output
        .split("\n")
        .filter((line) => /CRITICAL|WARNING.*(injectable|WAF|heuristic)|injection point|Parameter:|Type:|Title:/i.test(line))
        .slice(0, 12)
        .join("\n");
      resolve({ verdict, seconds, requests, detail });
    });
  });
}


async function main() {
  if (spawnSync("sqlmap", ["--version"]).status !== 0) {
    console.error("sqlmap is not installed: apt-get install -y sqlmap");
    process.exitCode = 2;
    return;
  }
  if (!existsSync("build/index.js")) throw new Error("no build: run `npm run build` first");
  const scratch = mkdtempSync(join(tmpdir(), "md-sqlmap-"));
  const dataDir = join(scratch, "pglite");
  const handle = openDatabase({ dataDir });
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db);
  await handle.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, PGLITE_DIR: dataDir, DATABASE_URL: "", SMTP_URL: "", OUTBOX_DIR: join(scratch, "outbox") },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `--headers=Origin: ${base}`;
  const targets: Target[] = [
    { name: "GET /demand?q=", args: [`-u`, `${base}/demand?q=journal&buyer=bergvik`, "-p", "q,buyer"] },
    { name: "GET /api/v1/demand?q=", args: [`-u`, `${base}/api/v1/demand?q=journal&buyer=bergvik&kind=rfi`, "-p", "q,buyer,kind"] },
    { name: "POST /login", args: [`-u`, `${base}/login`, `--data=email=buyer%40demo.test&password=wrong-password-1`, "-p", "email,password", origin] },
  ];
  const results: { target: string; verdict: Verdict; seconds: number; requests: string }[] = [];
  try {
    await waitFor(base, "/healthz", 120_000);
    for (const target of targets) {
      console.log(`sqlmap: ${target.name} …`);
      const result = await runSqlmap(target, join(scratch, "sqlmap"));
      results.push({ target: target.name, verdict: result.verdict, seconds: result.seconds, requests: result.requests });
      if (result.detail) console.log(result.detail);
    }
  } finally {
    await stopProcess(server);
    rmSync(scratch, { recursive: true, force: true });
  }
  console.table(results);
  if (results.some((r) => r.verdict === "INJECTABLE")) {
    console.error("FAILED: sqlmap reports an injectable parameter");
    process.exitCode = 1;
  } else if (results.some((r) => r.verdict === "inconclusive")) {
    console.error("INCONCLUSIVE: a run did not finish cleanly");
    process.exitCode = 2;
  } else {
    console.log("PASSED: sqlmap found no injectable parameter.");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
