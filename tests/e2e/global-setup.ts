import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, waitForHealthy } from "../fixtures/server-process";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    outboxDir: string;
  }
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
    PUBLIC_URL: baseURL,
    PGLITE_DIR: path.join(dataDir, "pglite"),
    OUTBOX_DIR: path.join(dataDir, "outbox"),
    OUTBOX_INTERVAL_MS: "250",
    INSECURE_COOKIES: "true",
    // Enrolling an authenticator app stores its key sealed, and production refuses without a key (ADR 0035).
    SECRET_ENCRYPTION_KEY: process.env.SECRET_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
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
  // A server that stops while the tests run takes every later test with it: say why, once.
  let stopping = false;
  server.once("exit", (code, signal) => {
    if (!stopping) console.error(`\n--- the portal stopped during the browser tests (code ${code}, signal ${signal}); its output ---\n${log}`);
  });

  return async () => {
    stopping = true;
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
