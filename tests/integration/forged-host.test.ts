import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as membersAction } from "~/routes/organisation.members/route";
import { action as signupAction } from "~/routes/signup";
import { loader as demandAtom } from "~/routes/demand[.]atom";
import { loader as ocdsReleases } from "~/routes/api.v1.ocds.releases";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond } from "../fixtures/people";
import { formRequest, routeArgs, type RouteArgs } from "../fixtures/requests";
import { createUser, lastMailTo, TEST_PASSWORD } from "../fixtures/users";

// Issue 14: every absolute URL comes from the configured base, never from the Host header.
// PUBLIC_URL is unset here, as by default; outside production the base is this server on localhost.
const t = setupTestDatabase();
const BASE = "http://localhost:3000";
const EVIL = "evil.example";
const saved = { PUBLIC_URL: process.env.PUBLIC_URL, PORT: process.env.PORT };

beforeAll(async () => {
  delete process.env.PUBLIC_URL;
  delete process.env.PORT;
  await seedDemoData(t.db);
});
afterAll(() => Object.assign(process.env, saved));

/** The same request as an attacker sends it: to the real server, with Host (and a matching Origin) of their own. */
async function forged(pending: Promise<RouteArgs>): Promise<RouteArgs> {
  const args = await pending;
  const url = new URL(args.request.url);
  url.host = EVIL;
  const headers = new Headers(args.request.headers);
  headers.set("Host", EVIL);
  if (headers.has("Origin")) headers.set("Origin", `http://${EVIL}`);
  const body = args.request.method === "GET" ? undefined : await args.request.arrayBuffer();
  return { ...args, request: new Request(url, { method: args.request.method, headers, body }) };
}

function expectOnlyBase(text: string) {
  expect(text).not.toContain(EVIL);
  expect(text).toContain(BASE);
}

describe("a forged Host header", () => {
  it("never reaches a password-reset link", async () => {
    await createUser(t.db, { email: "victim@example.no" });
    await forgotAction(await forged(formRequest("/forgot-password", { email: "victim@example.no" })));
    const mail = await lastMailTo(t.db, "victim@example.no");
    expectOnlyBase(mail!.text);
    expect(mail!.text).toContain(`${BASE}/reset-password?token=`);
  });

  it("never reaches an e-mail verification link", async () => {
    await signupAction(await forged(formRequest("/signup", { name: "Vera Verifiser", email: "vera@example.no", password: TEST_PASSWORD })));
    const mail = await lastMailTo(t.db, "vera@example.no");
    expectOnlyBase(mail!.text);
    expect(mail!.text).toContain(`${BASE}/verify-email?token=`);
  });

  it("never reaches an invitation link", async () => {
    const admin = await createPerson(t.db, { name: "Ada Admin" });
    const organisation = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }], { name: "Vertsvik kommune" });
    const fields = { intent: "invite", organisationId: organisation.id, email: "invited@example.no", role: "member" };
    await respond(membersAction(await forged(formRequest("/organisation/members", fields, { cookie: admin.cookie }))));
    const mail = await lastMailTo(t.db, "invited@example.no");
    expectOnlyBase(mail!.text);
    expect(mail!.text).toContain(`${BASE}/invitations/`);
  });

  it("never reaches the Atom feed's ids and links", async () => {
    const response = await demandAtom(await forged(routeArgs("/demand.atom")));
    const xml = await response.text();
    expectOnlyBase(xml);
    expect(xml).toMatch(new RegExp(`<id>${BASE}/`));
  });

  it("never reaches an OCDS package's uri", async () => {
    const response = await ocdsReleases(await forged(routeArgs("/api/v1/ocds/releases")));
    const body = await response.text();
    expectOnlyBase(body);
    expect(JSON.parse(body).uri).toMatch(new RegExp(`^${BASE}/`));
  });
});

describe("a production server without PUBLIC_URL", () => {
  it("refuses to start and says why", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: "1", DATABASE_URL: "", PGLITE_DIR: "/nonexistent" };
    delete env.PUBLIC_URL;
    const run = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], { env, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("PUBLIC_URL is not set");
    // As long as the start-up it waits for may take (spawnSync's timeout), and a little more.
  }, 70_000);
});
