// The built server on a PostgreSQL cluster of this test's own: stop the
// cluster under it, expect 503 everywhere (page, API, health check, signed-in
// request), start it again and expect the portal to recover without a restart.
// Lives with the browser tests because it needs the built server; CI runs it in
// the browser-test step, where Debian's PostgreSQL is installed.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresCluster, findPostgresBin, type PostgresCluster } from "../fixtures/postgres-cluster";
import { startServer, stopServer, type ServerProcess } from "../fixtures/server-process";

const bin = findPostgresBin();
const PORT = 54350;

describe.skipIf(!bin)("when the database goes away (own PostgreSQL cluster; skipped only without PostgreSQL binaries)", () => {
  let cluster: PostgresCluster;
  let server: ServerProcess;

  beforeAll(async () => {
    cluster = createPostgresCluster(PORT, bin);
    server = await startServer({ DATABASE_URL: cluster.url, PGLITE_DIR: undefined, OUTBOX_INTERVAL_MS: "500" });
  }, 90_000);

  afterAll(async () => {
    if (server) await stopServer(server);
    cluster?.destroy();
  });

  // A new connection per request: stopping the cluster blocks this process for seconds, so a
  // pooled keep-alive socket can be closed by the server just as it is reused.
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<Response>((resolve, reject) => {
      const req = request(`${server.baseURL}${path}`, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
          }
          resolve(new Response(res.statusCode === 304 ? null : Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: responseHeaders }));
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });

  async function expectUp() {
    expect((await get("/")).status).toBe(200);
    expect((await get("/api/v1/demand")).status).toBe(200);
    const health = await get("/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, db: "postgres" });
  }

  it("answers 503 while PostgreSQL is stopped and recovers by itself when it is back", async () => {
    await expectUp();

    cluster.stop();

    const page = await get("/");
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain("Tjenesten er midlertidig utilgjengelig");
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    expect(html).not.toContain("ECONNREFUSED");

    const english = await get("/", { Cookie: `lng=${encodeURIComponent(btoa(JSON.stringify("en")))}` });
    expect(english.status).toBe(503);
    expect(await english.text()).toContain("The service is temporarily unavailable");

    const api = await get("/api/v1/demand");
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toContain("application/json");
    expect(await api.json()).toEqual({ error: "unavailable" });

    const health = await get("/healthz");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, db: "unavailable" });

    // A signed-in request fails earlier, looking up the session: the same answer.
    const signedIn = await get("/", { Cookie: "md_session=0123456789abcdef0123456789abcdef" });
    expect(signedIn.status).toBe(503);
    const signedInHtml = await signedIn.text();
    expect(signedInHtml).toContain("Tjenesten er midlertidig utilgjengelig");
    expect(signedInHtml).toContain("The service is temporarily unavailable");
    const signedInApi = await get("/api/v1/me", { Authorization: "Bearer some-token" });
    expect(signedInApi.status).toBe(503);
    expect(await signedInApi.json()).toEqual({ error: "unavailable" });

    cluster.start();

    // No restart: the next requests reconnect.
    await expectUp();
    expect(server.process.exitCode).toBeNull();
    expect(server.output()).toContain("database unavailable");
  }, 60_000);
});
