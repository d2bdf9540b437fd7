import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Db } from "@db/client";
import { getPilotExitPage, recordPilotExit, respondToPilotExit } from "~/models/pilot-exits.server";
import { action as exitAction, loader as exitLoader } from "~/routes/events.$eventId_.pilot-exit/route";
import { action as apiExitAction } from "~/routes/api.v1.events.$eventId.pilot-exit";
import { action as apiResponseAction } from "~/routes/api.v1.events.$eventId.pilot-exit.response";
import { loader as apiPilotsLoader } from "~/routes/api.v1.pilots";
import { createApiToken } from "~/models/api-tokens.server";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { PILOT_CRITERIA as CRITERIA, insertPilot } from "../fixtures/pilots";
import { formRequest, jsonRequest, readJson, routeArgs } from "../fixtures/requests";
import { ipTermsColumns } from "../fixtures/ip-terms";

// The decision after a pilot ends, through the real database: the buyer's members record it
// once, each vendor that took part answers each judgement once, and the CHECK constraints
// refuse what checkPilotExit refuses.

const t = setupTestDatabase();

let berit: Person; // buyer admin
let viktor: Person; // vendor that took part
let otto: Person; // vendor that did not
let buyer: { id: string; slug: string };
let vendor: { id: string };

async function register(db: Db, eventId: string, organisationId: string) {
  await db.insertInto("registrations").values({ eventId, organisationId, status: "registered" }).execute();
}

const metBoth = { "results[0].result": "met", "results[0].note": "94 %", "results[1].result": "met", "results[1].note": "4,3" };

async function postForm(eventId: string, fields: Record<string, string>, who: Person | undefined) {
  return respond(exitAction(await formRequest(`/events/${eventId}/pilot-exit`, fields, { cookie: who?.cookie, params: { eventId } })));
}

beforeAll(async () => {
  [berit, viktor, otto] = await Promise.all([createPerson(t.db, { name: "Berit" }), createPerson(t.db, { name: "Viktor" }), createPerson(t.db, { name: "Otto" })]);
  buyer = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  vendor = await createOrganisationWith(t.db, [{ person: viktor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  await createOrganisationWith(t.db, [{ person: otto, role: "admin" }], { isBuyer: false, isVendor: true, name: "Annen Leverandør AS" });
});

describe("recording the exit through the page", () => {
  it("stores both judgements and the decision, and the vendor that took part confirms", async () => {
    const eventId = await insertPilot(t.db, buyer.id);
    await register(t.db, eventId, vendor.id);
    const saved = await postForm(eventId, { intent: "exit", ...metBoth, decision: "stopped", stopReason: "no_budget" }, berit);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/events/${eventId}/pilot-exit?saved=exit`);
    const row = await t.db.selectFrom("pilotExits").selectAll().where("eventId", "=", eventId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ decision: "stopped", stopReason: "no_budget", criteriaMet: true, results: [{ result: "met", note: "94 %" }, { result: "met", note: "4,3" }] });

    const answered = await postForm(eventId, { intent: "respond", "responses[0].response": "confirm", "responses[1].response": "dispute", "responses[1].account": "Målt før opplæringen" }, viktor);
    expect(answered.status).toBe(302);
    const page = await readJson(await respond(exitLoader(await routeArgs(`/events/${eventId}/pilot-exit`, { params: { eventId } }))));
    expect(page.exit.responses).toEqual([
      {
        organisationId: vendor.id,
        organisationName: "Nordlys Helse AS",
        answers: [
          { criterion: 0, response: "confirm", account: null },
          { criterion: 1, response: "dispute", account: "Målt før opplæringen" },
        ],
      },
    ]);
    // Answered once: the vendor's form is gone, and a second answer is refused.
    const again = await getPilotExitPage(t.db, eventId, viktor.id);
    expect(again?.mayRespondFor).toBeNull();
    const twice = await respondToPilotExit(t.db, viktor.id, eventId, { responses: [{ response: "confirm" }, { response: "confirm" }] });
    expect(twice).toMatchObject({ ok: false, reason: "conflict", problems: [{ code: "pilot_exit_answered" }] });
  });

  it("refuses 'criteria not met' when both were met, by the field, storing nothing", async () => {
    const eventId = await insertPilot(t.db, buyer.id);
    const refused = await postForm(eventId, { intent: "exit", ...metBoth, decision: "stopped", stopReason: "criteria_not_met" }, berit);
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).result.error).toEqual({ stopReason: ["criteria_were_met"] });
    expect(await t.db.selectFrom("pilotExits").select("eventId").where("eventId", "=", eventId).executeTakeFirst()).toBeUndefined();
  });

  it("wants a judgement for every criterion and a reason for a stop", async () => {
    const eventId = await insertPilot(t.db, buyer.id);
    const refused = await postForm(eventId, { intent: "exit", "results[0].result": "met", decision: "stopped" }, berit);
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).result.error).toEqual({ results: ["results_incomplete"], stopReason: ["stop_reason_required"] });
    const bad = await postForm(eventId, { intent: "exit", "results[0].result": "perhaps", decision: "bought" }, berit);
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).result.error).toMatchObject({ "results[0].result": ["invalid_choice"], decision: ["invalid_choice"] });
  });

  it("refuses a second exit record, and one before the pilot has ended", async () => {
    const eventId = await insertPilot(t.db, buyer.id);
    expect((await postForm(eventId, { intent: "exit", ...metBoth, decision: "extended" }, berit)).status).toBe(302);
    expect((await postForm(eventId, { intent: "exit", ...metBoth, decision: "stopped", stopReason: "no_budget" }, berit)).status).toBe(409);
    expect((await t.db.selectFrom("pilotExits").select("decision").where("eventId", "=", eventId).executeTakeFirstOrThrow()).decision).toBe("extended");

    const running = await insertPilot(t.db, buyer.id, { endedDaysAgo: -30 });
    const early = await postForm(running, { intent: "exit", ...metBoth, decision: "extended" }, berit);
    expect(early.status).toBe(409);
    expect((await readJson(early)).result.error).toEqual({ decision: ["pilot_not_ended"] });
  });

  it("lets an undecided exit be decided later, and asks the vendors again when a judgement changed", async () => {
    const eventId = await insertPilot(t.db, buyer.id);
    await register(t.db, eventId, vendor.id);
    expect((await postForm(eventId, { intent: "exit", ...metBoth, decision: "undecided" }, berit)).status).toBe(302);
    expect((await postForm(eventId, { intent: "respond", "responses[0].response": "confirm", "responses[1].response": "confirm" }, viktor)).status).toBe(302);
    const changed = { ...metBoth, "results[1].result": "not_met" };
    expect((await postForm(eventId, { intent: "exit", ...changed, decision: "stopped", stopReason: "criteria_not_met" }, berit)).status).toBe(302);
    expect(await t.db.selectFrom("pilotExitResponses").select("criterion").where("eventId", "=", eventId).execute()).toEqual([]);
    expect((await getPilotExitPage(t.db, eventId, viktor.id))?.mayRespondFor).toEqual({ id: vendor.id, name: "Nordlys Helse AS" });
  });

  it("links a purchase only to the buyer's own contract or procurement", async () => {
    const eventId = await insertPilot(t.db, buyer.id);
    const other = await createOrganisationWith(t.db, [], { isBuyer: true });
    const foreign = await t.db
      .insertInto("contracts")
      .values({ buyerId: other.id, type: "single_contract", title: "Andres kontrakt", startDate: "2027-01-01", baseEnd: "2027-12-31", indicatedAnnualValueNok: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const refused = await recordPilotExit(t.db, berit.id, eventId, { results: CRITERIA.map(() => ({ result: "met" as const })), decision: "option_exercised", contractId: foreign.id });
    expect(refused).toMatchObject({ ok: false, reason: "refused", problems: [{ path: "contractId", code: "invalid_choice" }] });
    const own = await t.db
      .insertInto("contracts")
      .values({ buyerId: buyer.id, type: "innovation_partnership", title: "Fallsensorer – opsjon", startDate: "2027-07-01", baseEnd: "2029-06-30", indicatedAnnualValueNok: 1_000_000 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const exercised = await recordPilotExit(t.db, berit.id, eventId, { results: CRITERIA.map(() => ({ result: "met" as const })), decision: "option_exercised", contractId: own.id });
    expect(exercised.ok).toBe(true);
    const page = await getPilotExitPage(t.db, eventId, null);
    expect(page?.exit?.contract).toEqual({ id: own.id, title: "Fallsensorer – opsjon" });
  });

  it("refuses an exit by a non-member and an answer by a vendor that did not take part", async () => {
    const eventId = await insertPilot(t.db, buyer.id);
    await register(t.db, eventId, vendor.id);
    expect((await postForm(eventId, { intent: "exit", ...metBoth, decision: "extended" }, otto)).status).toBe(403);
    expect((await postForm(eventId, { intent: "exit", ...metBoth, decision: "extended" }, viktor)).status).toBe(403);
    expect((await postForm(eventId, { intent: "exit", ...metBoth, decision: "stopped", stopReason: "no_budget" }, berit)).status).toBe(302);
    expect((await postForm(eventId, { intent: "respond", "responses[0].response": "confirm", "responses[1].response": "confirm" }, otto)).status).toBe(403);
    expect(await respondToPilotExit(t.db, otto.id, eventId, { responses: [{ response: "confirm" }, { response: "confirm" }] })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await t.db.selectFrom("pilotExitResponses").select("organisationId").where("eventId", "=", eventId).execute()).toEqual([]);
  });

  it("has no exit page for an event that is not a pilot", async () => {
    const rfi = await t.db
      .insertInto("events")
      .values({ buyerId: buyer.id, kind: "rfi", status: "published", publishedAt: new Date(), title: "RFI", description: "x", effortLevel: "none", ...ipTermsColumns() })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect((await respond(exitLoader(await routeArgs(`/events/${rfi.id}/pilot-exit`, { params: { eventId: rfi.id } })))).status).toBe(404);
    expect((await respond(exitLoader(await routeArgs(`/events/nope/pilot-exit`, { params: { eventId: "nope" } })))).status).toBe(404);
  });
});

describe("the JSON API", () => {
  it("records the exit, refuses a dishonest reason with 422, takes the vendor's answer, and lists the pilot", async () => {
    const eventId = await insertPilot(t.db, buyer.id, { title: "API-pilot" });
    await register(t.db, eventId, vendor.id);
    const [buyerToken, vendorToken, outsiderToken] = await Promise.all([berit, viktor, otto].map(async (p) => (await createApiToken(t.db, p.id, "test")).token));
    const path = `/api/v1/events/${eventId}/pilot-exit`;
    const results = [{ result: "met", note: "94 %" }, { result: "met" }];
    const dishonest = await respond(apiExitAction(await jsonRequest(path, "POST", { results, decision: "stopped", stopReason: "criteria_not_met" }, buyerToken, { eventId })));
    expect(dishonest.status).toBe(422);
    expect(JSON.stringify(await readJson(dishonest))).toContain("criteria_were_met");
    expect((await respond(apiExitAction(await jsonRequest(path, "POST", { results, decision: "stopped", stopReason: "no_budget" }, outsiderToken, { eventId })))).status).toBe(403);
    const recorded = await respond(apiExitAction(await jsonRequest(path, "POST", { results, decision: "stopped", stopReason: "no_budget" }, buyerToken, { eventId })));
    expect(recorded.status).toBe(201);
    expect(await readJson(recorded)).toEqual({ decision: "stopped" });
    expect((await respond(apiExitAction(await jsonRequest(path, "POST", { results, decision: "extended" }, buyerToken, { eventId })))).status).toBe(409);

    const answer = { responses: [{ response: "confirm" }, { response: "dispute" }] };
    const noAccount = await respond(apiResponseAction(await jsonRequest(`${path}/response`, "POST", answer, vendorToken, { eventId })));
    expect(noAccount.status).toBe(422);
    expect((await respond(apiResponseAction(await jsonRequest(`${path}/response`, "POST", answer, outsiderToken, { eventId })))).status).toBe(403);
    answer.responses[1] = { response: "dispute", account: "Målt før opplæringen" } as never;
    expect((await respond(apiResponseAction(await jsonRequest(`${path}/response`, "POST", answer, vendorToken, { eventId })))).status).toBe(201);

    const listed = await readJson(await respond(apiPilotsLoader(await routeArgs(`/api/v1/pilots?buyer=${buyer.slug}&outcome=met_not_bought`))));
    expect(listed.items.map((p: { title: string }) => p.title)).toContain("API-pilot");
    expect(listed.items.find((p: { title: string }) => p.title === "API-pilot")).toMatchObject({ outcome: "met_not_bought", exitUrl: `/events/${eventId}/pilot-exit` });
  });
});

describe("the database's CHECK constraints mirror checkPilotExit", () => {
  const insert = async (eventId: string, columns: string) => sql.raw(`insert into pilot_exits (event_id, ${columns.split("|")[0]}) values ('${eventId}', ${columns.split("|")[1]})`).execute(t.db);
  const MET = `'[{"result":"met"},{"result":"met"}]'::jsonb`;
  it.each([
    ["pilot_exits_reason_honest", `results, decision, stop_reason|${MET}, 'stopped', 'criteria_not_met'`],
    ["pilot_exits_stop_has_reason", `results, decision|${MET}, 'stopped'`],
    ["pilot_exits_other_has_text", `results, decision, stop_reason, stop_reason_text|${MET}, 'stopped', 'other', ' \u200b '`],
    ["pilot_exits_purchase_linked", `results, decision|${MET}, 'purchase_started'`],
    ["pilot_exits_option_linked", `results, decision|${MET}, 'option_exercised'`],
    ["pilot_exits_results_valid", `results, decision|'[{"result":"maybe"}]'::jsonb, 'extended'`],
  ])("%s refuses what the domain refuses", async (constraint, columns) => {
    const eventId = await insertPilot(t.db, buyer.id);
    await expect(insert(eventId, columns)).rejects.toThrow(constraint);
  });
  it("accepts criteria not met as a reason when one was not met, and counts criteria_met", async () => {
    const eventId = await insertPilot(t.db, buyer.id);
    await insert(eventId, `results, decision, stop_reason|'[{"result":"met"},{"result":"not_met"}]'::jsonb, 'stopped', 'criteria_not_met'`);
    expect((await t.db.selectFrom("pilotExits").select("criteriaMet").where("eventId", "=", eventId).executeTakeFirstOrThrow()).criteriaMet).toBe(false);
  });
  it("refuses a vendor's dispute without an account", async () => {
    const eventId = await insertPilot(t.db, buyer.id);
    await insert(eventId, `results, decision|${MET}, 'extended'`);
    await expect(
      sql`insert into pilot_exit_responses (event_id, organisation_id, criterion, response, account) values (${eventId}, ${vendor.id}, 0, 'dispute', ' ')`.execute(t.db),
    ).rejects.toThrow("pilot_exit_responses_dispute_has_account");
  });
});

describe("authorization", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /events/:eventId/pilot-exit (public)",
      call: exitLoader,
      request: async (world, cookie) => {
        const eventId = await insertPilot(t.db, world.organisation.id);
        return routeArgs(`/events/${eventId}/pilot-exit`, { cookie, params: { eventId } });
      },
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /events/:eventId/pilot-exit (record the exit of organisation A's pilot)",
      call: exitAction,
      request: async (world, cookie) => {
        const eventId = await insertPilot(t.db, world.organisation.id);
        return formRequest(`/events/${eventId}/pilot-exit`, { intent: "exit", ...metBoth, decision: "extended" }, { cookie, params: { eventId } });
      },
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "POST /events/:eventId/pilot-exit (answer a pilot nobody of theirs took part in)",
      call: exitAction,
      request: async (world, cookie) => {
        const eventId = await insertPilot(t.db, world.organisation.id);
        return formRequest(`/events/${eventId}/pilot-exit`, { intent: "respond", "responses[0].response": "confirm", "responses[1].response": "confirm" }, { cookie, params: { eventId } });
      },
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: 403 },
    },
  ]);
});
