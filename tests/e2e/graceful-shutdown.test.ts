// SIGTERM while a request is in flight: the request still gets its answer, new
// connections are refused, the database is closed and the process exits 0.
import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, stopServer, type ServerProcess } from "../fixtures/server-process";

const dataDir = mkdtempSync(path.join(tmpdir(), "markedsdialog-shutdown-"));
let server: ServerProcess | undefined;
afterAll(async () => {
  if (server) await stopServer(server, 1000);
  rmSync(dataDir, { recursive: true, force: true });
});

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

describe("graceful shutdown", () => {
  it("finishes the request in flight, refuses new connections, closes the database and exits 0", async () => {
    server = await startServer({ PGLITE_DIR: path.join(dataDir, "pglite"), SEED_DEMO: "false", DATABASE_URL: undefined });
    expect(server.output()).toContain(`(database: embedded PGlite in ${path.join(dataDir, "pglite")})`); // the directory in use, not the default
    const body = new URLSearchParams({ email: "nobody@demo.test", password: "not-the-password-1", redirectTo: "/" }).toString();
    const half = Math.floor(body.length / 2);

    // A slow client: headers and half the form now, the rest after SIGTERM.
    const socket = await open(server.port);
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    const ended = new Promise((resolve) => socket.once("close", resolve));
    socket.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: http://127.0.0.1:${server.port}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, half)}`,
    );
    await new Promise((r) => setTimeout(r, 500));

    server.process.kill("SIGTERM");
    await expect.poll(() => server!.output(), { timeout: 5000 }).toContain("SIGTERM received");
    await new Promise((r) => setTimeout(r, 300));
    await expect(open(server.port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(server.process.exitCode).toBeNull(); // still serving the request in flight

    socket.write(body.slice(half));
    await expect.poll(() => answer, { timeout: 10_000 }).toMatch(/^HTTP\/1\.1 [234]\d\d /);
    expect(answer).toContain("E-postadressen eller passordet er feil."); // the login page, rendered in full

    const exit = await server.exited;
    await ended;
    expect(exit).toBe(0);
    expect(server.output()).toContain("database closed; exiting");
  }, 150_000); // the server may take up to its own 60 s to start on a busy machine; the steps after it are bounded by their own polls
});
