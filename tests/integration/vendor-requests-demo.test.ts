import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { createApiToken } from "~/models/api-tokens.server";
import { getVendorRequest, vendorRequestFiguresForBuyer } from "~/models/vendor-requests.server";
import { loader as requestApi } from "~/routes/api.v1.requests.$id";
import { loader as scorecardPage } from "~/routes/buyers.$id";
import { loader as requestPage } from "~/routes/requests.$id";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { jsonRequest, readJson, routeArgs } from "../fixtures/requests";
import { signIn } from "../fixtures/users";

const t = setupTestDatabase();
// The whole demo takes a while on a loaded machine.
beforeAll(() => seedDemoData(t.db), 300_000);

const orgOf = (slug: string) => t.db.selectFrom("organisations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow().then((o) => o.id);

describe("the demo's request from a vendor", () => {
  it("went to Bergvik kommune, was referred once and then answered, and the vendor sees every step", async () => {
    const [bergvik, nordlys] = await Promise.all([orgOf("bergvik-kommune"), orgOf("nordlys-helse-as")]);
    const row = await t.db.selectFrom("vendorRequests").select(["id", "status", "referrals"]).where("buyerId", "=", bergvik).where("vendorId", "=", nordlys).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "answered", referrals: 1 });
    const seen = await getVendorRequest(t.db, row.id, nordlys);
    expect(seen?.steps.map((s) => s.kind)).toEqual(["sent", "assigned", "referred_person", "answered"]);
    expect(seen?.steps[2]?.reason).toMatch(/velferdsteknologiprosjektet/);
  });

  it("is on Bergvik's scorecard figures, and Journalverket (kam@demo.test's organisation) cannot see it", async () => {
    const [bergvik, journalverket] = await Promise.all([orgOf("bergvik-kommune"), orgOf("journalverket-as")]);
    const figures = await vendorRequestFiguresForBuyer(t.db, bergvik);
    expect(figures.medianDaysToFirstAnswer).toBe(6);
    expect(figures.withinDueDate).toEqual({ answered: 1, of: 1 });
    const row = await t.db.selectFrom("vendorRequests").select("id").where("buyerId", "=", bergvik).executeTakeFirstOrThrow();
    expect(await getVendorRequest(t.db, row.id, journalverket)).toBeNull();
  });
});

describe("issue 18's acceptance through the routes", () => {
  const userId = (email: string) => t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow().then((u) => u.id);
  const requestId = async () => (await t.db.selectFrom("vendorRequests").select("id").where("buyerId", "=", await orgOf("bergvik-kommune")).executeTakeFirstOrThrow()).id;

  it("shows Bergvik's median days to first answer on its public scorecard page", async () => {
    const page = await readJson(await respond(scorecardPage(await routeArgs("/buyers/bergvik-kommune", { params: { id: "bergvik-kommune" } }))));
    expect(page.requests.medianDaysToFirstAnswer).toBe(6);
  });

  it("shows the vendor the whole history on its page, and answers kam@demo.test 404 on the page and through the API", async () => {
    const id = await requestId();
    const vendor = await readJson(await respond(requestPage(await routeArgs(`/requests/${id}`, { cookie: await signIn(await userId("vendor@demo.test")), params: { id } }))));
    expect(vendor.steps.map((s: { kind: string }) => s.kind)).toEqual(["sent", "assigned", "referred_person", "answered"]);
    const kam = await userId("kam@demo.test");
    expect((await respond(requestPage(await routeArgs(`/requests/${id}`, { cookie: await signIn(kam), params: { id } })))).status).toBe(404);
    const token = (await createApiToken(t.db, kam, "acceptance")).token;
    expect((await respond(requestApi(await jsonRequest(`/api/v1/requests/${id}`, "GET", undefined, token, { id })))).status).toBe(404);
  });
});
