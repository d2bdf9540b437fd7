import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "~/models/api-tokens.server";
import { verifyOrganisationChain } from "~/models/interaction-chain.server";
import { action as respond } from "~/routes/api.v1.interactions.$id.response";
import { action as create, loader as list } from "~/routes/api.v1.interactions";
import { setupTestDatabase } from "../fixtures/database";
import { respond as call } from "../fixtures/people";
import { addMember, createOrganisation } from "../fixtures/organisations";
import { jsonRequest, readJson, routeArgs } from "../fixtures/requests";
import { createUser } from "../fixtures/users";

const t = setupTestDatabase();

let buyerToken: string;
let vendorToken: string;
let thirdToken: string;
let buyerOrg: { id: string };
let vendorOrg: { id: string };
let vendorUser: { id: string; name: string };

beforeAll(async () => {
  buyerOrg = await createOrganisation(t.db, { name: "API kommune", kind: "buyer" });
  vendorOrg = await createOrganisation(t.db, { name: "API Leverandør AS", kind: "vendor" });
  const thirdOrg = await createOrganisation(t.db, { name: "API Tredje AS", kind: "vendor" });
  const buyer = await createUser(t.db, { email: "admin@api-kommune.no" });
  vendorUser = await createUser(t.db, { name: "Viktor API" });
  const third = await createUser(t.db);
  await addMember(t.db, buyer.id, buyerOrg.id, "admin");
  await addMember(t.db, vendorUser.id, vendorOrg.id, "member");
  await addMember(t.db, third.id, thirdOrg.id, "admin");
  buyerToken = (await createApiToken(t.db, buyer.id, "test")).token;
  vendorToken = (await createApiToken(t.db, vendorUser.id, "test")).token;
  thirdToken = (await createApiToken(t.db, third.id, "test")).token;
});

const entry = () => ({
  counterpartId: buyerOrg.id,
  occurredAt: "2026-11-20T14:30:00+01:00",
  channel: "demo",
  participants: [{ side: "own", userId: vendorUser.id }, { side: "counterpart", name: "Berit Innkjøp" }],
  subject: "Demo av journalmodul",
  summary: "Vi viste modulen i to timer.",
  clauses: [1, 9],
  assessment: "concern",
  concernCategory: "unpaid_advisory_work",
  concernDescription: "Demoen ble en gratis workshop.",
});

describe("POST /api/v1/interactions", () => {
  it("logs an entry for the token's organisation and answers 201 with its address", async () => {
    const response = await call(create(await jsonRequest("/api/v1/interactions", "POST", entry(), vendorToken)));
    expect(response.status).toBe(201);
    const body = await readJson(response);
    expect(response.headers.get("Location")).toBe(body.url);
    const row = await t.db.selectFrom("interactionEntries").selectAll().where("id", "=", body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organisationId: vendorOrg.id, counterpartId: buyerOrg.id, clauses: [1, 9] });
    expect(row.occurredAt.toISOString()).toBe("2026-11-20T13:30:00.000Z");
    expect(row.participants[0]).toEqual({ side: "own", userId: vendorUser.id, name: "Viktor API" });
    expect(await t.db.selectFrom("outbox").select("template").where("toAddress", "=", "admin@api-kommune.no").executeTakeFirst()).toEqual({ template: "interaction-logged" });
  });

  it("answers 400 with field codes and stores nothing for bad input", async () => {
    const response = await call(create(await jsonRequest("/api/v1/interactions", "POST", { ...entry(), occurredAt: "i går", concernDescription: "" }, vendorToken)));
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "occurredAt", code: "invalid_datetime" }),
        expect.objectContaining({ path: "concernDescription", code: "conduct_concern_needs_description" }),
      ]),
    );
    expect(body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
  });

  it("answers 401 without a token", async () => {
    expect((await call(create(await jsonRequest("/api/v1/interactions", "POST", entry())))).status).toBe(401);
  });
});

describe("POST /api/v1/interactions/{id}/response", () => {
  it("lets the counterpart dispute, and answers 404 to a third organisation and 403 to the logging side", async () => {
    const created = await readJson(await call(create(await jsonRequest("/api/v1/interactions", "POST", entry(), vendorToken))));
    const path = `/api/v1/interactions/${created.id}/response`;
    const params = { id: created.id };
    expect((await call(respond(await jsonRequest(path, "POST", { response: "confirm" }, thirdToken, params)))).status).toBe(404);
    expect((await call(respond(await jsonRequest(path, "POST", { response: "confirm" }, vendorToken, params)))).status).toBe(403);
    const missing = await call(respond(await jsonRequest(path, "POST", { response: "dispute" }, buyerToken, params)));
    expect(missing.status).toBe(400);
    expect((await readJson(missing)).errors).toEqual([expect.objectContaining({ path: "account", code: "conduct_dispute_needs_account" })]);
    const ok = await call(respond(await jsonRequest(path, "POST", { response: "dispute", account: "Vi ba om en kort demo." }, buyerToken, params)));
    expect(ok.status).toBe(201);
  });

  it("keeps the first answer final by the API too: a flip is 409, nothing stored or mailed (issue 14)", async () => {
    const created = await readJson(await call(create(await jsonRequest("/api/v1/interactions", "POST", entry(), vendorToken))));
    const path = `/api/v1/interactions/${created.id}/response`;
    const params = { id: created.id };
    expect((await call(respond(await jsonRequest(path, "POST", { response: "confirm" }, buyerToken, params)))).status).toBe(201);
    const mails = async () => (await t.db.selectFrom("outbox").select("id").where("template", "=", "interaction-answered").execute()).length;
    const before = await mails();
    for (const body of [{ response: "dispute", account: "Likevel ikke." }, { response: "confirm" }]) {
      const flipped = await call(respond(await jsonRequest(path, "POST", body, buyerToken, params)));
      expect(flipped.status).toBe(409);
      expect((await readJson(flipped)).errors).toEqual([expect.objectContaining({ path: "response", code: "conduct_already_answered" })]);
    }
    expect(await t.db.selectFrom("interactionResponses").select("response").where("entryId", "=", created.id).execute()).toEqual([{ response: "confirm" }]);
    expect(await mails()).toBe(before);
  });
});

describe("text with a lone surrogate in an entry and its answer (issue 14)", () => {
  it("is stored as it was hashed: both organisations' chains still verify", async () => {
    const body = { ...entry(), subject: "A a\ud800b", participants: [{ side: "own", userId: vendorUser.id }, { side: "counterpart", name: "Berit\udc00 Innkjøp" }] };
    const created = await call(create(await jsonRequest("/api/v1/interactions", "POST", body, vendorToken)));
    expect(created.status).toBe(201);
    const { id } = await readJson(created);
    const answer = await call(respond(await jsonRequest(`/api/v1/interactions/${id}/response`, "POST", { response: "dispute", account: "A a\ud800b" }, buyerToken, { id })));
    expect(answer.status).toBe(201);
    expect(await t.db.selectFrom("interactionResponses").select("account").where("entryId", "=", id).executeTakeFirstOrThrow()).toEqual({ account: "A a\ufffdb" });
    expect(await verifyOrganisationChain(t.db, vendorOrg.id)).toMatchObject({ ok: true });
    expect(await verifyOrganisationChain(t.db, buyerOrg.id)).toMatchObject({ ok: true });
  });
});

describe("GET /api/v1/interactions", () => {
  it("lists the own organisation's entries with a counterpart, and nothing of other pairs", async () => {
    const path = `/api/v1/interactions?counterpart=${buyerOrg.id}`;
    const mine = await readJson(await call(list(await routeArgs(path, { headers: { Authorization: `Bearer ${vendorToken}` } }))));
    expect(mine.interactions.length).toBeGreaterThanOrEqual(2);
    expect(mine.interactions.every((e: { organisationId: string; counterpartId: string }) => [e.organisationId, e.counterpartId].sort().join() === [vendorOrg.id, buyerOrg.id].sort().join())).toBe(true);
    const theirs = await readJson(await call(list(await routeArgs(path, { headers: { Authorization: `Bearer ${thirdToken}` } }))));
    expect(theirs.interactions).toEqual([]);
    // Asking for another organisation's log is refused.
    const other = await call(list(await routeArgs(`/api/v1/interactions?organisation=${vendorOrg.id}`, { headers: { Authorization: `Bearer ${thirdToken}` } })));
    expect(other.status).toBe(403);
  });
});

describe("GET /api/v1/interactions, page by page", () => {
  it("reaches every entry through `next`, newest first, none twice, and refuses a bad limit or cursor", async () => {
    for (let i = 0; i < 7; i++) {
      const created = await call(create(await jsonRequest("/api/v1/interactions", "POST", { ...entry(), subject: `Side ${i}` }, vendorToken)));
      expect(created.status).toBe(201);
    }
    const auth = { headers: { Authorization: `Bearer ${vendorToken}` } };
    const all = await readJson(await call(list(await routeArgs(`/api/v1/interactions?counterpart=${buyerOrg.id}&limit=500`, auth))));
    expect(all.next).toBeNull();
    const seen: string[] = [];
    let url: string | null = `/api/v1/interactions?counterpart=${buyerOrg.id}&limit=3`;
    let pages = 0;
    while (url) {
      const page = await readJson(await call(list(await routeArgs(url, auth))));
      expect(page.interactions.length).toBeLessThanOrEqual(3);
      seen.push(...page.interactions.map((e: { id: string }) => e.id));
      url = page.next ? new URL(page.next).pathname + new URL(page.next).search : null;
      if (page.next) expect(page.next.startsWith("http://localhost/api/v1/interactions?")).toBe(true);
      pages += 1;
      expect(pages).toBeLessThan(20);
    }
    expect(seen).toEqual(all.interactions.map((e: { id: string }) => e.id));
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(pages).toBe(Math.ceil(seen.length / 3) + (seen.length % 3 === 0 ? 1 : 0));

    for (const query of ["limit=0", "limit=501", "limit=abc", "cursor=%00", "cursor=bm90LWpzb24"]) {
      const refused = await call(list(await routeArgs(`/api/v1/interactions?${query}`, auth)));
      expect(refused.status).toBe(400);
    }
  });
});
