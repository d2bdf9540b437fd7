import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { EMPTY_REGISTER_FILTER } from "~/domain/pilot-register";
import { listPilotRegister } from "~/models/pilot-register.server";
import { createApiToken } from "~/models/api-tokens.server";
import { action as investmentAction, loader as investmentLoader } from "~/routes/events.$eventId_.investment/route";
import { action as apiInvestmentAction, loader as apiInvestmentLoader } from "~/routes/api.v1.events.$eventId.investment";
import { loader as pilotsCsvLoader } from "~/routes/pilots[.]csv";
import { loader as eventLoader } from "~/routes/events.$eventId/route";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { insertPilot } from "../fixtures/pilots";
import { formRequest, jsonRequest, readJson, routeArgs } from "../fixtures/requests";

// The vendor's own expected investment in a pilot (issue 16): the buyer's figure, each registered
// vendor's correction of it (once per organisation, changes allowed), names to the buyer only.

const t = setupTestDatabase();
let berit: Person; // buyer admin
let viktor: Person; // registered vendor
let vera: Person; // another registered vendor
let otto: Person; // vendor not registered
let vendor: { id: string };
let eventId: string;

const post = async (fields: Record<string, string>, who: Person | undefined) =>
  respond(investmentAction(await formRequest(`/events/${eventId}/investment`, fields, { cookie: who?.cookie, params: { eventId } })));
const page = async (who: Person | undefined) => readJson(await respond(investmentLoader(await routeArgs(`/events/${eventId}/investment`, { cookie: who?.cookie, params: { eventId } }))));
const corrections = () => t.db.selectFrom("pilotInvestmentCorrections").selectAll().where("eventId", "=", eventId).orderBy("hours").execute();

beforeAll(async () => {
  berit = await createPerson(t.db, { name: "Berit" });
  viktor = await createPerson(t.db, { name: "Viktor" });
  vera = await createPerson(t.db, { name: "Vera" });
  otto = await createPerson(t.db, { name: "Otto" });
  const buyer = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { name: "Bergvik kommune" });
  vendor = await createOrganisationWith(t.db, [{ person: viktor, role: "member" }], { isBuyer: false, isVendor: true, name: "Sensorteknikk AS" });
  const second = await createOrganisationWith(t.db, [{ person: vera, role: "admin" }], { isBuyer: false, isVendor: true, name: "Omsorgsdata AS" });
  await createOrganisationWith(t.db, [{ person: otto, role: "admin" }], { isBuyer: false, isVendor: true, name: "Utenfor AS" });
  eventId = await insertPilot(t.db, buyer.id, { title: "Fallsensorer" });
  for (const organisationId of [vendor.id, second.id]) await t.db.insertInto("registrations").values({ eventId, organisationId, status: "registered" }).execute();
});

describe("a vendor's correction of the expected investment", () => {
  it("lets a registered vendor correct the figure for itself, and change it later, one row per organisation", async () => {
    expect((await post({ organisationId: vendor.id, hours: "240", nok: "", note: "Integrasjonen kommer i tillegg." }, viktor)).status).toBe(302);
    expect((await post({ organisationId: vendor.id, hours: "260", nok: "50 000", note: "" }, viktor)).status).toBe(302);
    expect((await post({ hours: "100", nok: "" }, vera)).status).toBe(302);
    expect(await corrections()).toMatchObject([
      { hours: 100, nok: null },
      { organisationId: vendor.id, hours: 260, nok: 50_000, note: null },
    ]);
  });

  it("shows the buyer's figure and the count, median and range to all, the vendors' names to the buyer only", async () => {
    const anonymous = await page(undefined);
    expect(anonymous).toMatchObject({ stated: { hours: 150, nok: null }, summary: { count: 2, hours: { median: 180, min: 100, max: 260 } }, corrections: null, mine: [] });
    const buyer = await page(berit);
    expect(buyer.corrections.map((c: { organisationName: string }) => c.organisationName)).toEqual(["Omsorgsdata AS", "Sensorteknikk AS"]);
    expect((await page(viktor)).mine).toMatchObject([{ id: vendor.id, correction: { hours: 260, nok: 50_000 } }]);
    expect((await page(otto)).corrections).toBeNull();
  });

  it("shows the count and median on the event page itself, the names to the buyer's members only", async () => {
    const eventPage = async (who: Person | undefined) => readJson(await respond(eventLoader(await routeArgs(`/events/${eventId}`, { cookie: who?.cookie, params: { eventId } }))));
    const anonymous = await eventPage(undefined);
    expect(anonymous.investment).toMatchObject({ summary: { count: 2, hours: { median: 180, min: 100, max: 260 }, nok: { median: 50_000 } }, corrections: null });
    expect((await eventPage(viktor)).investment.corrections).toBeNull();
    const buyer = await eventPage(berit);
    expect(buyer.investment.corrections.map((c: { organisationName: string; hours: number }) => [c.organisationName, c.hours])).toEqual([
      ["Omsorgsdata AS", 100],
      ["Sensorteknikk AS", 260],
    ]);
  });

  it("carries the figure and the summary into the register and its CSV", async () => {
    const row = (await listPilotRegister(t.db, EMPTY_REGISTER_FILTER)).find((r) => r.id === eventId);
    expect(row).toMatchObject({ vendorInvestment: { hours: 150, nok: null }, investmentCorrections: { count: 2, nok: { median: 50_000 } } });
    const csv = await (await respond(pilotsCsvLoader(await routeArgs("/pilots.csv", { params: {} })))).text();
    expect(csv).toContain("Egen innsats, timer");
  });

  it("refuses neither figure, a negative or broken figure, and another organisation, by the field, storing nothing", async () => {
    const before = await corrections();
    const none = await post({ organisationId: vendor.id, hours: "", nok: "" }, viktor);
    expect(none.status).toBe(422);
    expect(JSON.stringify(await none.json())).toContain("vendor_investment_required");
    for (const fields of [{ hours: "-5" }, { hours: "tolv" }, { nok: "12,5" }, { hours: "100001" }] as Record<string, string>[]) {
      expect((await post({ organisationId: vendor.id, ...fields }, viktor)).status, JSON.stringify(fields)).toBe(400);
    }
    const elsewhere = await post({ organisationId: "00000000-0000-4000-8000-000000000999", hours: "5" }, viktor);
    expect(elsewhere.status).toBe(422);
    expect(await corrections()).toEqual(before);
  });

  it("answers 403 to a vendor not registered and to the buyer, and sends the anonymous to log in", async () => {
    expect((await post({ hours: "5" }, otto)).status).toBe(403);
    expect((await post({ hours: "5" }, berit)).status).toBe(403);
    expect([302, 303]).toContain((await post({ hours: "5" }, undefined)).status);
  });

  it("has the database refuse a correction with no figure or a negative one", async () => {
    await expect(sql`update pilot_investment_corrections set hours = null, nok = null where event_id = ${eventId}`.execute(t.db)).rejects.toThrow(/pilot_investment_corrections_states_figure/);
    await expect(sql`update pilot_investment_corrections set nok = -1 where event_id = ${eventId}`.execute(t.db)).rejects.toThrow(/check/);
  });
});

describe("the same correction through the JSON API", () => {
  const path = () => `/api/v1/events/${eventId}/investment`;
  const token = async (who: Person) => (await createApiToken(t.db, who.id, "test")).token;
  const apiPost = async (body: unknown, who: Person | undefined) => respond(apiInvestmentAction(await jsonRequest(path(), "POST", body, who ? await token(who) : undefined, { eventId })));
  const apiGet = async (who: Person | undefined) => readJson(await respond(apiInvestmentLoader(await jsonRequest(path(), "GET", undefined, who ? await token(who) : undefined, { eventId }))));

  it("lets a registered vendor correct its figure, replacing the earlier one, and answers the figures as the page does", async () => {
    const saved = await apiPost({ organisationId: vendor.id, hours: 300, nok: null, note: "Med integrasjonen" }, viktor);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ organisationId: vendor.id, hours: 300, nok: null, note: "Med integrasjonen" });
    expect((await corrections()).find((c) => c.organisationId === vendor.id)).toMatchObject({ hours: 300, nok: null, note: "Med integrasjonen" });
    const anonymous = await apiGet(undefined);
    expect(anonymous).toMatchObject({ stated: { hours: 150, nok: null }, summary: { count: 2, hours: { median: 200, min: 100, max: 300 } }, corrections: null, mine: [] });
    expect((await apiGet(berit)).corrections.map((c: { organisationName: string }) => c.organisationName)).toEqual(["Omsorgsdata AS", "Sensorteknikk AS"]);
    expect((await apiGet(viktor)).mine).toMatchObject([{ id: vendor.id, correction: { hours: 300 } }]);
    expect((await apiGet(otto)).corrections).toBeNull();
  });

  it("refuses by the field with the API's error shape, storing nothing", async () => {
    const before = await corrections();
    const none = await apiPost({ organisationId: vendor.id, hours: null, nok: null }, viktor);
    expect(none.status).toBe(422);
    expect((await readJson(none)).errors).toMatchObject([{ path: "hours", code: "vendor_investment_required" }]);
    for (const body of [{ hours: -5 }, { hours: "tolv" }, { nok: 12.5 }, { hours: 100_001 }, { hours: 5, extra: 1 }, [1]]) {
      const refused = await apiPost(body, viktor);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect((await readJson(refused)).errors[0]).toHaveProperty("code");
    }
    expect((await apiPost({ organisationId: "00000000-0000-4000-8000-000000000999", hours: 5 }, viktor)).status).toBe(422);
    expect(await corrections()).toEqual(before);
  });

  it("answers 401 to the anonymous, 403 to the buyer and a vendor not registered, 404 to what is no pilot", async () => {
    expect((await apiPost({ hours: 5 }, undefined)).status).toBe(401);
    expect((await apiPost({ hours: 5 }, berit)).status).toBe(403);
    expect((await apiPost({ hours: 5 }, otto)).status).toBe(403);
    const missing = await respond(apiInvestmentLoader(await jsonRequest("/api/v1/events/nope/investment", "GET", undefined, undefined, { eventId: "nope" })));
    expect(missing.status).toBe(404);
    const put = await respond(apiInvestmentAction(await jsonRequest(path(), "PUT", { hours: 5 }, await token(viktor), { eventId })));
    expect(put.status).toBe(405);
  });
});

describe("authorization", () => {
  /** A published pilot of another buyer; organisation A registered for it when `registered`. */
  const request = (registered: boolean, asBuyer = false) => async (world: { organisation: { id: string } }, cookie: string | undefined) => {
    const other = await createOrganisationWith(t.db, [], { name: "Annen kommune" });
    const id = await insertPilot(t.db, asBuyer ? world.organisation.id : other.id, { title: "Pilot" });
    if (registered) await t.db.insertInto("registrations").values({ eventId: id, organisationId: world.organisation.id, status: "registered" }).execute();
    return formRequest(`/events/${id}/investment`, { hours: "40" }, { cookie, params: { eventId: id } });
  };
  /** The same through the API, signed in with the session cookie (the API takes it as a token). */
  const apiRequest = (registered: boolean, asBuyer = false) => async (world: { organisation: { id: string } }, cookie: string | undefined) => {
    const other = await createOrganisationWith(t.db, [], { name: "Annen kommune" });
    const id = await insertPilot(t.db, asBuyer ? world.organisation.id : other.id, { title: "Pilot" });
    if (registered) await t.db.insertInto("registrations").values({ eventId: id, organisationId: world.organisation.id, status: "registered" }).execute();
    return routeArgs(`/api/v1/events/${id}/investment`, { method: "POST", body: JSON.stringify({ hours: 40 }), headers: { "Content-Type": "application/json" }, cookie, params: { eventId: id } });
  };
  authorizationMatrix(() => t.db, [
    {
      route: "POST /events/:eventId/investment (organisation A registered as a vendor)",
      call: investmentAction,
      request: request(true),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "POST /events/:eventId/investment (organisation A is the buyer)",
      call: investmentAction,
      request: request(false, true),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: 403 },
    },
    {
      route: "GET /api/v1/events/:eventId/investment (public)",
      call: apiInvestmentLoader,
      request: async (world, cookie) => {
        const id = await insertPilot(t.db, world.organisation.id, { title: "Pilot" });
        return routeArgs(`/api/v1/events/${id}/investment`, { cookie, params: { eventId: id } });
      },
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /api/v1/events/:eventId/investment (organisation A registered as a vendor)",
      call: apiInvestmentAction,
      request: apiRequest(true),
      expect: { anonymous: 401, outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "POST /api/v1/events/:eventId/investment (organisation A is the buyer)",
      call: apiInvestmentAction,
      request: apiRequest(false, true),
      expect: { anonymous: 401, outsider: 403, member: 403, admin: 403, operator: 403 },
    },
  ]);
});
