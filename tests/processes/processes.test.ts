// Three web processes on one PostgreSQL server (ADR 0026), as WEB_CONCURRENCY or several
// machines would run them: what one process commits, the others show at once; each job's
// due item is handled once however many processes run the jobs; sessions and rate limits are
// the database's, not a process's; and a process stopped mid-load loses no acknowledged write.
// Runs on a PostgreSQL cluster of its own (Debian's server binaries, tests/fixtures/postgres-cluster.ts),
// in a vitest project of its own (npm run test:processes, a CI step after the PostgreSQL
// tests); it fails, rather than skips, where there are none.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { migrateToLatest } from "@db/migrate";
import { seedDemoData } from "@db/seed/demo";
import { DEMO_API_TOKENS, DEMO_PASSWORD } from "@db/seed/demo-data";
import { osloDate } from "~/domain/zoned-time";
import { createWatch } from "~/models/watches.server";
import { saveFollowUp } from "~/models/relationship-records.server";
import { createPostgresCluster, type PostgresCluster } from "../fixtures/postgres-cluster";
import { freePort, startServer, stopServer, type ServerProcess } from "../fixtures/server-process";

const JOB_INTERVAL_MS = 300;
const buyerToken = DEMO_API_TOKENS.find((t) => t.email === "buyer@demo.test")!.token;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("three web processes on one PostgreSQL server", () => {
  let cluster: PostgresCluster;
  let handle: DatabaseHandle;
  let outboxDir: string;
  let a: ServerProcess, b: ServerProcess, c: ServerProcess;
  const word = `fjellrev${randomBytes(3).toString("hex")}`;
  const watcher = `watcher-${word}@example.test`;
  const followUpOwner = `owner-${word}@example.test`;

  beforeAll(async () => {
    cluster = createPostgresCluster(await freePort());
    handle = openDatabase({ url: cluster.url, max: 4 });
    await migrateToLatest(handle.db);
    await seedDemoData(handle.db);
    // A vendor's watch on the word the event below will carry (immediate digest), and a
    // follow-up due today: both due while all three processes run their jobs.
    const userOf = (email: string) =>
      handle.db
        .insertInto("users")
        .values({ email, name: email.split("@")[0]!, emailVerifiedAt: new Date(), language: "nb" })
        .returning("id")
        .executeTakeFirstOrThrow();
    const vendorUser = await userOf(watcher);
    await createWatch(handle.db, vendorUser.id, { name: "Fjellrev", frequency: "immediate", query: `q=${word}` });
    const owner = await userOf(followUpOwner);
    const own = await handle.db.selectFrom("organisations").select("id").where("slug", "=", "journalverket-as").executeTakeFirstOrThrow();
    const counterpart = await handle.db.selectFrom("organisations").select("id").where("slug", "=", "bergvik-kommune").executeTakeFirstOrThrow();
    await handle.db.insertInto("memberships").values({ userId: owner.id, organisationId: own.id, role: "member", commercialRole: null }).execute();
    const saved = await saveFollowUp(
      handle.db,
      { organisationId: own.id, counterpartId: counterpart.id, userId: owner.id },
      { title: `Ring om ${word}`, dueOn: osloDate(new Date()), ownerId: owner.id },
    );
    expect(saved.ok).toBe(true);

    outboxDir = mkdtempSync(path.join(tmpdir(), "markedsdialog-processes-"));
    const env = { DATABASE_URL: cluster.url, PGLITE_DIR: undefined, OUTBOX_DIR: outboxDir, OUTBOX_INTERVAL_MS: "200", JOB_INTERVAL_MS: String(JOB_INTERVAL_MS) };
    // A busy machine starts a server slowly; CI's starts in seconds.
    const started = () => startServer(env, { timeoutMs: 150_000 });
    [a, b, c] = await Promise.all([started(), started(), started()]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a, b, c].filter(Boolean).map((s) => stopServer(s)));
    await handle?.close();
    cluster?.destroy();
    if (outboxDir) rmSync(outboxDir, { recursive: true, force: true });
  });

  const api = (server: ServerProcess, pathname: string, init: RequestInit = {}) =>
    fetch(`${server.baseURL}${pathname}`, {
      ...init,
      headers: { Authorization: `Bearer ${buyerToken}`, "Content-Type": "application/json", ...init.headers },
    });

  const draft = (title: string) =>
    JSON.stringify({
      kind: "rfi",
      title,
      description: `Vi ber om skriftlige svar om ${title.toLowerCase()}.`,
      cpv: ["48814000-7"],
      region: "vestland",
      registrationDeadline: "2030-03-01T12:00:00+01:00",
      responseDeadline: "2030-03-15T12:00:00+01:00",
      effort: { level: "significant", hoursPerVendor: 40, kindsOfWork: ["written_response"] },
      intellectualProperty: { backgroundStaysWithVendor: true, foregroundOwner: "vendor", existingProductsNotTransferred: true, inputUse: "this_procurement" },
      expectation: {
        status: "planned",
        budgetMinNok: 4000000,
        budgetMaxNok: 6000000,
        fundingSource: "Økonomiplan 2030–2033",
        quantity: 300,
        unit: "beboere",
        expectedTenderQuarter: "2030-Q3",
        expectedContractStart: "2031-01-01",
      },
    });

  /** Files the outbox senders wrote to `to`. */
  const mailsTo = (to: string) => readdirSync(outboxDir).filter((f) => f.endsWith(".eml") && new RegExp(`^To: .*${to.replace(/[.+]/g, "\\$&")}`, "mi").test(readFileSync(path.join(outboxDir, f), "utf8")));
  const queuedTo = async (to: string) => (await handle.db.selectFrom("outbox").select("id").where("toAddress", "=", to).execute()).length;

  it("shows an event published through A on B and C within a second: pages, feed, API and OCDS", async () => {
    const title = `Nattilsyn ${word}`;
    // B and C have /demand for the word in their page caches (no hits yet).
    for (const server of [b, c]) {
      await fetch(`${server.baseURL}/demand?q=${word}`);
      const cached = await fetch(`${server.baseURL}/demand?q=${word}`);
      expect(cached.headers.get("x-page-cache")).toBe("hit");
      expect(await cached.text()).not.toContain(title);
    }
    const since = new Date(Date.now() - 1000).toISOString();

    const created = await api(a, "/api/v1/events", { method: "POST", body: draft(title) });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const published = await api(a, `/api/v1/events/${id}/publish`, { method: "POST", body: JSON.stringify({ nonUseUndertaking: true }) });
    expect(published.status, await published.clone().text()).toBe(200);
    const acknowledged = Date.now();

    // How long after the acknowledgement the first request that showed it was sent: the
    // staleness, not the time a busy machine takes to answer.
    const shows = async (server: ServerProcess, pathname: string, needle: string) => {
      for (;;) {
        const sent = Date.now();
        const response = await fetch(`${server.baseURL}${pathname}`);
        if (response.ok && (await response.text()).includes(needle)) return { pathname, ms: sent - acknowledged };
        if (Date.now() - acknowledged > 10_000) return { pathname, ms: Infinity };
        await wait(25);
      }
    };
    const latencies = await Promise.all(
      [b, c].flatMap((server) => [
        shows(server, `/demand?q=${word}`, title),
        shows(server, `/demand.atom?q=${word}`, title),
        shows(server, `/api/v1/demand?q=${word}`, id),
        shows(server, `/api/v1/ocds/releases?since=${encodeURIComponent(since)}`, `ocds-markedsdialog-${id}`),
      ]),
    );
    for (const { pathname, ms } of latencies) expect(ms, pathname).toBeLessThan(1_000);
    console.log(`seen by B and C after (ms): ${latencies.map((l) => `${l.pathname.split("?")[0]} ${l.ms}`).join(", ")}`);
  });

  it("sends the watch's digest and the follow-up's reminder exactly once with three processes running the jobs", async () => {
    // The event above matches the watch. Wait for both e-mails, then for many more rounds.
    const deadline = Date.now() + 20_000;
    while ((mailsTo(watcher).length === 0 || mailsTo(followUpOwner).length === 0) && Date.now() < deadline) await wait(100);
    await wait(JOB_INTERVAL_MS * 10);
    expect(await queuedTo(watcher)).toBe(1);
    expect(await queuedTo(followUpOwner)).toBe(1);
    expect(mailsTo(watcher)).toHaveLength(1);
    expect(mailsTo(followUpOwner)).toHaveLength(1);
    // Every process did run job rounds: the rounds were kept apart by the lock, not by chance.
    for (const server of [a, b, c]) expect(server.output()).not.toContain("round failed");
  });

  it("keeps a session signed in through A valid on B and C, and signed out everywhere", async () => {
    const form = new URLSearchParams({ email: "vendor@demo.test", password: DEMO_PASSWORD, redirectTo: "/settings" });
    const login = await fetch(`${a.baseURL}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: a.baseURL },
      body: form,
    });
    expect(login.status).toBe(302);
    const cookie = /md_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0];
    expect(cookie).toBeDefined();
    for (const server of [b, c]) {
      const settings = await fetch(`${server.baseURL}/settings`, { headers: { Cookie: cookie! }, redirect: "manual" });
      expect(settings.status).toBe(200);
      expect(await settings.text()).toContain("vendor@demo.test");
    }
    const logout = await fetch(`${c.baseURL}/logout`, { method: "POST", redirect: "manual", headers: { Cookie: cookie!, Origin: c.baseURL } });
    expect([302, 303]).toContain(logout.status);
    const after = await fetch(`${b.baseURL}/settings`, { headers: { Cookie: cookie! }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toContain("/login");
  });

  it("counts login attempts across the processes: the 11th wrong password is refused wherever it lands", async () => {
    const email = `nobody-${word}@example.test`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const server = [a, b, c][attempt % 3]!;
      const response = await fetch(`${server.baseURL}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.baseURL },
        body: new URLSearchParams({ email, password: "feil passord" }),
      });
      statuses.push(response.status);
    }
    // LIMITS.loginPerAccount: 10 in 15 minutes, each process seeing only four of them.
    expect(statuses).toEqual([...Array<number>(10).fill(400), 429, 429]);
  });

  it("loses no acknowledged write when one process is stopped mid-load, and the others keep answering", async () => {
    const acknowledged: string[] = [];
    const failures: { server: string; error: string }[] = [];
    let stoppedAt = Infinity;
    const until = Date.now() + 3_000;
    const worker = async (n: number) => {
      for (let i = 0; Date.now() < until; i++) {
        const server = [a, b, c][(n + i) % 3]!;
        try {
          const response = await api(server, "/api/v1/events", { method: "POST", body: draft(`Last ${word} ${n}-${i}`) });
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
          else failures.push({ server: server.baseURL, error: `HTTP ${response.status}` });
        } catch (error) {
          failures.push({ server: server.baseURL, error: String(error) });
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    await wait(1_000);
    stoppedAt = Date.now();
    const stopped = stopServer(c);
    await load;
    expect(await stopped).toBe(0);
    expect(stoppedAt).toBeLessThan(until);

    // Only the stopped process may have failed to answer; A and B answered every request.
    expect(failures.filter((f) => f.server !== c.baseURL)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(10);
    const stored = await handle.db.selectFrom("events").select("id").where("id", "in", acknowledged).execute();
    expect(stored.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
    for (const server of [a, b]) expect((await fetch(`${server.baseURL}/healthz`)).status).toBe(200);
  });

  it("runs WEB_CONCURRENCY processes on one port with node:cluster, and stops them all on SIGTERM", async () => {
    const port = await freePort();
    const clustered = await startServer({ DATABASE_URL: cluster.url, PGLITE_DIR: undefined, OUTBOX_DIR: outboxDir, WEB_CONCURRENCY: "2" }, { port, timeoutMs: 150_000 });
    try {
      const deadline = Date.now() + 60_000;
      while ((clustered.output().match(/is running at/g) ?? []).length < 2 && Date.now() < deadline) await wait(200);
      expect(clustered.output()).toContain("starting 2 web processes");
      expect(clustered.output().match(/is running at/g)).toHaveLength(2);
      const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${clustered.baseURL}/demand?q=${word}`)));
      for (const answer of answers) expect(answer.status).toBe(200);
    } finally {
      expect(await stopServer(clustered)).toBe(0);
    }
    expect((clustered.output().match(/database closed; exiting/g) ?? []).length).toBe(2);
  }, 240_000);
});
