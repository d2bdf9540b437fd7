import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    outboxDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealthy(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not become healthy within ${timeoutMs} ms`);
}

/**
 * Starts the built portal (npm run build ran before) on a free loopback port
 * with a fresh embedded database seeded with demo data.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "markedsdialog-e2e-"));
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PGLITE_DIR: path.join(dataDir, "pglite"),
    OUTBOX_DIR: path.join(dataDir, "outbox"),
    OUTBOX_INTERVAL_MS: "250",
    INSECURE_COOKIES: "true",
  };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  try {
    await waitForHealthy(baseURL, server);
  } catch (error) {
    server.kill("SIGKILL");
    throw new Error(`${String(error)}\n--- server output ---\n${log}`);
  }
  project.provide("baseURL", baseURL);
  project.provide("outboxDir", env.OUTBOX_DIR!);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        server.kill("SIGKILL");
        resolve(null);
      }, 10_000);
      server.once("exit", () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
    rmSync(dataDir, { recursive: true, force: true });
  };
}
