import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { jsonb } from "@db/jsonb";
import { seedDemoData } from "@db/seed/demo";
import { SCORECARD_EVENT_IDS } from "@db/seed/scorecard";
import { toZonedLocal } from "~/domain/zoned-time";
import { EMPTY_REGISTER_FILTER } from "~/domain/pilot-register";
import { publishChecklist } from "~/domain/publish-checklist";
import { findSimilarPilots } from "~/models/similar-pilots.server";
import { getEvent } from "~/models/event-reads.server";
import { listPilotRegister } from "~/models/pilot-register.server";
import { action as editAction, loader as editLoader } from "~/routes/events.$eventId_.edit";
import { action as newAction } from "~/routes/events.new";
import { action as createEvent } from "~/routes/api.v1.events";
import { action as patchEvent, loader as getEventApi } from "~/routes/api.v1.events.$eventId";
import { action as publishApi } from "~/routes/api.v1.events.$eventId.publish";
import { loader as pilotsApi } from "~/routes/api.v1.pilots";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs, type RouteArgs } from "../fixtures/requests";
import { IP_TERMS, IP_TERMS_FORM } from "../fixtures/ip-terms";

// The duplicate-pilot warning (issue 16, "pilotsyken"): a pilot on the same need as an earlier
// pilot that met its criteria and was not bought names that pilot, and is published only with
// an answer to why a new pilot is needed, stored with it and shown on the event and in /pilots.

const t = setupTestDatabase();
const FALL_SENSORS = SCORECARD_EVENT_IDS.pilotOption; // Bergvik kommune's: met both criteria, not bought (no budget)
const NIGHT_SENSORS = SCORECARD_EVENT_IDS.pilot; // Bergvik kommune's: same CPV class, another need
const DEMO_DRAFT = "00000000-0000-4000-8000-000000000113"; // Helse Vestfjord HF's draft on the fall-sensor need
const BUYER = "demo-buyer-token"; // Berit Innkjøp, Bergvik kommune
const DAY = 24 * 3600 * 1000;
let other: Person;

beforeAll(async () => {
  await seedDemoData(t.db);
  other = await createPerson(t.db, { name: "Fride Fjellby" });
  await createOrganisationWith(t.db, [{ person: other, role: "admin" }], { verified: true, name: "Fjellby kommune" });
});

async function call(handler: (args: RouteArgs) => Promise<Response> | Response, args: Promise<RouteArgs>): Promise<Response> {
  return respond(handler(await args));
}

const pilotForm = (intent: "save" | "publish", extra: Record<string, string> = {}) => ({
  intent,
  kind: "pilot",
  title: "Utprøving av fallsensorer i omsorgsboliger",
  description: "Fjellby kommune vil prøve ut fallsensorer i to omsorgsboliger.",
  cpv: "33195000-3",
  region: "vestland",
  registrationDeadline: toZonedLocal(new Date(Date.now() + 21 * DAY)),
  "effort.level": "none",
  "pilotPath.acceptanceCriteria.0.measure": "Andel fall oppdaget innen 2 minutter",
  "pilotPath.acceptanceCriteria.0.threshold": "Minst 90 %",
  "pilotPath.acceptanceCriteria.0.method": "Hendelseslogg",
  "pilotPath.acceptanceCriteria.0.judgedBy": "Avdelingsleder",
  "pilotPath.plan": "none_planned",
  "pilotPath.vendorInvestmentHours": "60",
  ...IP_TERMS_FORM,
  ...extra,
});

const REASON = "Bergviks pilot gjaldt omsorgsboliger med nattevakt; vi har ingen nattevakt og må prøve varsling til hjemmetjenesten.";

describe("on the demo data", () => {
  it("names the fall-sensor pilot for the demo's draft on the same need, and nothing for any other pilot", async () => {
    const pilots = await t.db
      .selectFrom("events")
      .selectAll()
      .where((eb) => eb.or([eb("kind", "in", ["pilot", "rnd_partnership"]), eb("contractForm", "=", "innovation_partnership")]))
      .execute();
    expect(pilots.length).toBeGreaterThanOrEqual(6);
    const found = await Promise.all(pilots.map(async (p) => [p.id, (await findSimilarPilots(t.db, p)).map((s) => s.id)] as const));
    expect(found.filter(([, ids]) => ids.length > 0)).toEqual([[DEMO_DRAFT, [FALL_SENSORS]]]);
    const [match] = await findSimilarPilots(t.db, pilots.find((p) => p.id === DEMO_DRAFT)!);
    expect(match).toMatchObject({ title: "Utprøving av digitale fallsensorer i omsorgsboliger", buyer: { slug: "bergvik-kommune" }, sharedTerms: ["fallse", "omsorg"] });
  });

  it("does not name a pilot on another need in the same CPV class, even once it met its criteria", async () => {
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable("pilotExits").set({ results: jsonb([{ result: "met", note: null }]), decision: "stopped", stopReason: "no_budget" }).where("eventId", "=", NIGHT_SENSORS).execute();
      await trx.updateTable("events").set({ endsAt: new Date(Date.now() - 100 * DAY) }).where("id", "=", NIGHT_SENSORS).execute();
      const draft = await trx.selectFrom("events").selectAll().where("id", "=", DEMO_DRAFT).executeTakeFirstOrThrow();
      expect((await findSimilarPilots(trx, { ...draft, title: "Utprøving av sensorbasert nattilsyn", description: "Sensorer for nattilsyn på sykehjem." })).map((s) => s.id)).toEqual([
        NIGHT_SENSORS,
      ]);
      expect((await findSimilarPilots(trx, draft)).map((s) => s.id)).toEqual([FALL_SENSORS]);
      throw new Error("rollback");
    }).catch((e: Error) => expect(e.message).toBe("rollback"));
  });
});

describe("the event form", () => {
  it("names the earlier pilot, refuses to publish without a reason, then publishes with it, shown on the event and in /pilots", async () => {
    const created = await respond(newAction(await formRequest("/events/new", pilotForm("publish"), { cookie: other.cookie })));
    expect(created.status).toBe(302);
    const location = created.headers.get("Location")!;
    expect(location).toMatch(/\/edit\?check=publish/);
    const eventId = location.split("/")[2]!;

    const page = await readJson(await editLoader(await routeArgs(location, { cookie: other.cookie, params: { eventId } })));
    expect(page.similarPilots.map((p: { id: string }) => p.id)).toEqual([FALL_SENSORS]);
    expect(page.problems).toEqual([{ path: "pilotPath.duplicateReason", code: "duplicate_pilot_reason_required" }]);
    expect(page.errors["pilotPath.duplicateReason"]).toEqual(["duplicate_pilot_reason_required"]);
    expect(page.stored.similarPilots).toEqual([FALL_SENSORS]);
    // The live checklist beside the form says the same as the server.
    const context = { buyerVerified: page.options.buyerVerified, standardCodes: page.options.standards.map((s: { code: string }) => s.code), ownDeliveryCpv: page.options.ownDeliveryCpv, stored: page.stored, now: new Date() };
    expect(publishChecklist(new URLSearchParams(pilotForm("publish")), context).problems).toEqual(page.problems);

    const blank = await respond(editAction(await formRequest(`/events/${eventId}/edit`, pilotForm("publish", { "pilotPath.duplicateReason": " \u200b " }), { cookie: other.cookie, params: { eventId } })));
    expect(blank.status).toBe(422);
    expect((await readJson(blank)).errors["pilotPath.duplicateReason"]).toEqual(["duplicate_pilot_reason_required"]);
    expect((await t.db.selectFrom("events").select("status").where("id", "=", eventId).executeTakeFirstOrThrow()).status).toBe("draft");

    const published = await respond(editAction(await formRequest(`/events/${eventId}/edit`, pilotForm("publish", { "pilotPath.duplicateReason": REASON }), { cookie: other.cookie, params: { eventId } })));
    expect(published.status).toBe(302);
    expect(published.headers.get("Location")).toBe(`/events/${eventId}?published=1`);
    const row = await t.db.selectFrom("events").select(["status", "pilotDuplicateOf", "pilotDuplicateReason"]).where("id", "=", eventId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "published", pilotDuplicateOf: [FALL_SENSORS], pilotDuplicateReason: REASON });

    const event = await getEvent(t.db, eventId, null);
    expect(event?.similarPilots).toMatchObject([{ id: FALL_SENSORS, buyer: { name: "Bergvik kommune" } }]);
    expect(event?.pilotPath.duplicateReason).toBe(REASON);
    const entry = (await listPilotRegister(t.db, EMPTY_REGISTER_FILTER)).find((r) => r.id === eventId);
    expect(entry).toMatchObject({ duplicateOf: [{ id: FALL_SENSORS, buyer: { slug: "bergvik-kommune" } }], duplicateReason: REASON });
  });

  it("asks nothing of a pilot on another need", async () => {
    const form = pilotForm("publish", { title: "Utprøving av sensorbasert nattilsyn", description: "Sensorer for nattilsyn på sykehjem." });
    const created = await respond(newAction(await formRequest("/events/new", form, { cookie: other.cookie })));
    expect(created.headers.get("Location")).toMatch(/\?published=1$/);
    const eventId = created.headers.get("Location")!.split("/")[2]!.split("?")[0]!;
    expect(await t.db.selectFrom("events").select(["pilotDuplicateOf", "pilotDuplicateReason"]).where("id", "=", eventId).executeTakeFirstOrThrow()).toEqual({
      pilotDuplicateOf: [],
      pilotDuplicateReason: null,
    });
  });
});

describe("the JSON API", () => {
  const body = {
    kind: "pilot",
    title: "Ny utprøving av fallsensorer i omsorgsboliger",
    description: "Bergvik kommune vil prøve fallsensorer fra en annen leverandør.",
    cpv: ["33195000-3"],
    region: "vestland",
    registrationDeadline: new Date(Date.now() + 30 * DAY).toISOString(),
    effort: { level: "none" },
    intellectualProperty: IP_TERMS,
    pilotPath: { acceptanceCriteria: [{ measure: "Fall oppdaget", threshold: "Minst 90 %", method: "Logg", judgedBy: "Prosjektleder" }], plan: "none_planned", vendorInvestmentHours: 60 },
  };
  const post = (b: unknown) => call(createEvent, jsonRequest("/api/v1/events", "POST", b, BUYER));
  const patch = (id: string, b: unknown) => call(patchEvent, jsonRequest(`/api/v1/events/${id}`, "PATCH", b, BUYER, { eventId: id }));
  const publish = (id: string) => call(publishApi, jsonRequest(`/api/v1/events/${id}/publish`, "POST", { nonUseUndertaking: true }, BUYER, { eventId: id }));
  const get = async (id: string) => readJson(await call(getEventApi, routeArgs(`/api/v1/events/${id}`, { params: { eventId: id } })));

  it("answers 422 duplicate_pilot_reason_required when the buyer's own earlier pilot is on the same need, and publishes with a reason", async () => {
    const created = await post(body);
    expect(created.status).toBe(201);
    const { id } = await readJson(created);
    const draft = await readJson(await call(getEventApi, routeArgs(`/api/v1/events/${id}`, { params: { eventId: id }, headers: { Authorization: `Bearer ${BUYER}` } })));
    expect(draft.similarPilots).toMatchObject([{ id: FALL_SENSORS, title: "Utprøving av digitale fallsensorer i omsorgsboliger" }]);

    const refused = await publish(id);
    expect(refused.status).toBe(422);
    const { errors } = await readJson(refused);
    expect(errors).toMatchObject([{ path: "pilotPath.duplicateReason", code: "duplicate_pilot_reason_required" }]);
    expect(errors[0].message).toMatch(/Si hvorfor en ny utprøving trengs/);

    expect((await patch(id, { pilotPath: { duplicateReason: REASON } })).status).toBe(200);
    expect((await publish(id)).status).toBe(200);
    const published = await get(id);
    expect(published.similarPilots.map((p: { id: string }) => p.id)).toEqual([FALL_SENSORS]);
    expect(published.pilotPath.duplicateReason).toBe(REASON);

    // An amendment may not take the answer back, and nor may a write past the model.
    const amend = await patch(id, { reason: "Rettelse", pilotPath: { duplicateReason: "\u200b" } });
    expect(amend.status).toBe(422);
    expect((await readJson(amend)).errors).toMatchObject([{ path: "pilotPath.duplicateReason", code: "duplicate_pilot_reason_required" }]);
    await expect(sql`update events set pilot_duplicate_reason = ' ' where id = ${id}`.execute(t.db)).rejects.toThrow(/events_duplicate_pilot_reason_required/);

    const items = (await readJson(await call(pilotsApi, routeArgs("/api/v1/pilots")))).items as { id: string; duplicateReason: string | null; duplicateOf: { id: string }[] }[];
    expect(items.find((i) => i.id === id)).toMatchObject({ duplicateReason: REASON, duplicateOf: [{ id: FALL_SENSORS }] });
  });

  it("refuses a reason longer than 2000 characters with 400, storing nothing", async () => {
    const response = await post({ ...body, pilotPath: { ...body.pilotPath, duplicateReason: "x".repeat(2001) } });
    expect(response.status).toBe(400);
    expect((await readJson(response)).errors).toMatchObject([{ path: "pilotPath.duplicateReason", code: "too_long" }]);
  });
});
