import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { action as createEvent, loader as eventsLoader } from "~/routes/api.v1.events";
import { action as patchEvent, loader as getEvent } from "~/routes/api.v1.events.$eventId";
import { action as closeEvent } from "~/routes/api.v1.events.$eventId.close";
import { action as recordOutcome } from "~/routes/api.v1.events.$eventId.outcome";
import { action as publishEvent } from "~/routes/api.v1.events.$eventId.publish";
import { countBlockedPublishAttempts } from "~/models/event-reads.server";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { jsonRequest, readJson, routeArgs, type RouteArgs } from "../fixtures/requests";
import { IP_TERMS, UNDERTAKING_BODY } from "../fixtures/ip-terms";

const t = setupTestDatabase();
beforeAll(() => seedDemoData(t.db));

const BUYER = "demo-buyer-token";
const VENDOR = "demo-vendor-token";
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** Calls a route function as Remix would, turning a thrown Response (401/403 from the guards) into the answer. */
async function call(handler: (args: RouteArgs) => Promise<Response> | Response, args: Promise<RouteArgs>): Promise<Response> {
  return respond(handler(await args));
}

const post = (body: unknown, token?: string) => call(createEvent, jsonRequest("/api/v1/events", "POST", body, token));
/** Publishes with the buyer's non-use undertaking (issue 17); `body` null sends no body at all. */
const publish = (id: string, token = BUYER, body: unknown = UNDERTAKING_BODY) =>
  call(publishEvent, jsonRequest(`/api/v1/events/${id}/publish`, "POST", body ?? undefined, token, { eventId: id }));
const patch = (id: string, body: unknown, token = BUYER) => call(patchEvent, jsonRequest(`/api/v1/events/${id}`, "PATCH", body, token, { eventId: id }));
const get = (id: string, token?: string) =>
  call(getEvent, routeArgs(`/api/v1/events/${id}`, { params: { eventId: id }, headers: token ? { Authorization: `Bearer ${token}` } : {} }));
const outcome = (id: string, body: unknown, token = BUYER) =>
  call(recordOutcome, jsonRequest(`/api/v1/events/${id}/outcome`, "POST", body, token, { eventId: id }));

async function bergvikId() {
  const org = await t.db.selectFrom("organisations").select("id").where("slug", "=", "bergvik-kommune").executeTakeFirstOrThrow();
  return org.id;
}

const rfi40Hours = () => ({
  kind: "rfi",
  title: "Forespørsel om informasjon: digitalt tilsyn",
  description: "Skriftlige svar på spørsmål om digitalt tilsyn.",
  cpv: ["48814000-7"],
  region: "vestland",
  registrationDeadline: inDays(20),
  responseDeadline: inDays(30),
  effort: { level: "significant", hoursPerVendor: 40, kindsOfWork: ["written_response"] },
  intellectualProperty: { ...IP_TERMS },
});

const plannedExpectation = {
  status: "planned",
  budgetMinNok: 4_000_000,
  budgetMaxNok: 6_000_000,
  fundingSource: "Økonomiplan 2027–2030",
  quantity: 1200,
  unit: "brukere",
  expectedTenderQuarter: "2027-Q2",
  expectedContractStart: "2027-09-01",
};

describe("POST /api/v1/events", () => {
  it("creates a draft for the buyer's organisation: 201 with id and status", async () => {
    const response = await post(rfi40Hours(), BUYER);
    expect(response.status).toBe(201);
    const body = await readJson(response);
    expect(body).toEqual({ id: expect.any(String), status: "draft" });
    expect(response.headers.get("Location")).toBe(`/api/v1/events/${body.id}`);
    const row = await t.db.selectFrom("events").selectAll().where("id", "=", body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ buyerId: await bergvikId(), status: "draft", effortHoursPerVendor: 40, cpvCodes: ["48814000-7"] });
  });

  it("answers 401 without a token", async () => {
    const response = await post(rfi40Hours());
    expect(response.status).toBe(401);
    expect(await readJson(response)).toEqual({ error: "unauthenticated" });
  });

  it("answers 403 to a member of a vendor-only organisation", async () => {
    const response = await post(rfi40Hours(), VENDOR);
    expect(response.status).toBe(403);
    expect(await t.db.selectFrom("events").select("id").where("title", "=", "Vendor draft").execute()).toEqual([]);
  });

  it("answers 400 with coded, translated errors for bad fields and for a body that is not JSON", async () => {
    const response = await post({ kind: "webinar", title: "x", cpv: ["12345678-9"], effort: { hoursPerVendor: -2 }, colour: "red" }, BUYER);
    expect(response.status).toBe(400);
    const { errors } = await readJson(response);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "kind", code: "invalid_choice", message: "Velg et av alternativene." },
        { path: "title", code: "too_short", message: expect.any(String) },
        { path: "cpv.0", code: "invalid_cpv", message: expect.any(String) },
        { path: "effort.hoursPerVendor", code: "must_not_be_negative", message: expect.any(String) },
        { path: "colour", code: "unknown_field", message: "Feltet finnes ikke." },
      ]),
    );

    const notJson = await call(createEvent, routeArgs("/api/v1/events", { method: "POST", body: "{kind:", headers: { Authorization: `Bearer ${BUYER}` } }));
    expect(notJson.status).toBe(400);
    expect((await readJson(notJson)).errors[0]).toMatchObject({ code: "invalid_json" });
  });

  it("answers 400 for unknown standards and co-buyers that are not buyers", async () => {
    const vendor = await t.db.selectFrom("organisations").select("id").where("slug", "=", "nordlys-helse-as").executeTakeFirstOrThrow();
    const response = await post({ ...rfi40Hours(), standards: [{ code: "no-such-standard", level: "required" }], coBuyers: [vendor.id] }, BUYER);
    expect(response.status).toBe(400);
    expect((await readJson(response)).errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      "standards.0.code:unknown_standard",
      "coBuyers.0:not_a_buyer",
    ]);
  });

  it("does not list events (405)", async () => {
    expect(eventsLoader().status).toBe(405);
  });
});

describe("POST /api/v1/events/{id}/publish", () => {
  it("refuses to publish an RFI asking 40 hours per vendor without a purchase expectation, and counts the attempt", async () => {
    const { id } = await readJson(await post(rfi40Hours(), BUYER));
    const before = await countBlockedPublishAttempts(t.db, await bergvikId());

    const response = await publish(id);
    expect(response.status).toBe(422);
    const { errors } = await readJson(response);
    expect(errors).toEqual([
      {
        path: "expectation",
        code: "expectation_required",
        message: "Oppgi forventet innkjøp før du ber leverandører om innsats.",
        principle: "Forutsigbarhet: leverandører skal vite hvilket innkjøp de kan forvente før de legger ned arbeid.",
      },
    ]);
    expect(await countBlockedPublishAttempts(t.db, await bergvikId())).toBe(before + 1);
    expect((await readJson(await get(id, BUYER))).status).toBe("draft");

    // Adding the expectation is enough: then it publishes, and the public sees it.
    expect((await patch(id, { expectation: plannedExpectation })).status).toBe(200);
    const published = await publish(id);
    expect(published.status).toBe(200);
    expect(await readJson(published)).toEqual({ id, status: "published" });

    const page = await get(id);
    expect(page.status).toBe(200);
    expect(await readJson(page)).toMatchObject({
      id,
      status: "published",
      buyer: { name: "Bergvik kommune" },
      effort: { level: "significant", hoursPerVendor: 40 },
      expectation: plannedExpectation,
    });
  });

  it("refuses to publish an RFI without IP terms (422 ip_terms_required), storing nothing", async () => {
    const { id } = await readJson(await post({ ...rfi40Hours(), intellectualProperty: undefined, expectation: plannedExpectation }, BUYER));
    const response = await publish(id, BUYER, null);
    expect(response.status).toBe(422);
    const { errors } = await readJson(response);
    expect(errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ["intellectualProperty.backgroundStaysWithVendor", "ip_terms_required"],
      ["intellectualProperty.foregroundOwner", "ip_terms_required"],
      ["intellectualProperty.existingProductsNotTransferred", "ip_terms_required"],
      ["intellectualProperty.inputUse", "ip_terms_required"],
      ["nonUseUndertaking", "non_use_undertaking_required"],
    ]);
    for (const e of errors) expect(e.message).toMatch(/\S/);
    expect(await readJson(await get(id, BUYER))).toMatchObject({ status: "draft", nonUseUndertaking: null });

    // Terms alone are not enough: the buyer gives the undertaking with the publish.
    expect((await patch(id, { intellectualProperty: { ...IP_TERMS, foregroundOwner: "licence", licenceScope: "Bruk i egen drift" } })).status).toBe(200);
    const withoutUndertaking = await publish(id, BUYER, {});
    expect(withoutUndertaking.status).toBe(422);
    expect((await readJson(withoutUndertaking)).errors).toMatchObject([{ path: "nonUseUndertaking", code: "non_use_undertaking_required" }]);
    expect((await publish(id, BUYER, { nonUseUndertaking: "ja" })).status).toBe(400);
    expect((await publish(id, BUYER, { nonUseUndertaking: true, extra: 1 })).status).toBe(400);
    expect((await publish(id)).status).toBe(200);
    const event = await readJson(await get(id));
    expect(event.intellectualProperty).toEqual({ ...IP_TERMS, foregroundOwner: "licence", licenceScope: "Bruk i egen drift" });
    expect(event.nonUseUndertaking).toMatchObject({ name: "Berit Innkjøp" });
    expect(Date.parse(event.nonUseUndertaking.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("asks a licence of the results to say what it covers", async () => {
    const { id } = await readJson(await post({ ...rfi40Hours(), expectation: plannedExpectation, intellectualProperty: { ...IP_TERMS, foregroundOwner: "licence" } }, BUYER));
    const { errors } = await readJson(await publish(id));
    expect(errors).toMatchObject([{ path: "intellectualProperty.licenceScope", code: "licence_scope_required" }]);
  });

  it("answers in the token owner's language", async () => {
    await t.db.updateTable("users").set({ language: "en" }).where("email", "=", "buyer@demo.test").execute();
    try {
      const { id } = await readJson(await post(rfi40Hours(), BUYER));
      const { errors } = await readJson(await publish(id));
      expect(errors[0]).toMatchObject({
        code: "expectation_required",
        message: "Declare the expected purchase before you ask vendors for effort.",
      });
    } finally {
      await t.db.updateTable("users").set({ language: "nb" }).where("email", "=", "buyer@demo.test").execute();
    }
  });

  it("asks for compensation when no purchase is expected, and a justification for a short contract", async () => {
    const { id } = await readJson(
      await post(
        {
          ...rfi40Hours(),
          expectation: { status: "none" },
          contract: { form: "market_contract", baseMonths: 12, optionMonths: 0, horizonMonths: 48, justification: "Kort." },
        },
        BUYER,
      ),
    );
    const response = await publish(id);
    expect(response.status).toBe(422);
    const { errors } = await readJson(response);
    expect(errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ["effort.compensationNok", "compensation_required"],
      ["contract.justification", "justification_required"],
    ]);
    for (const e of errors) expect(e.message).toMatch(/\S/);
  });

  it("answers 404 for unknown ids and for other organisations' drafts, 409 for a second publish", async () => {
    expect((await publish("00000000-0000-4000-8000-00000000ffff")).status).toBe(404);
    expect((await publish("not-a-uuid")).status).toBe(404);
    const { id } = await readJson(await post({ ...rfi40Hours(), expectation: plannedExpectation }, BUYER));
    expect((await publish(id, VENDOR)).status).toBe(404);
    expect((await publish(id)).status).toBe(200);
    const again = await publish(id);
    expect(again.status).toBe(409);
    expect((await readJson(again)).errors[0]).toMatchObject({ path: "status", code: "not_a_draft" });
    // Published now: others know it exists, so they are forbidden rather than not found.
    expect((await publish(id, VENDOR)).status).toBe(403);
  });
});

describe("declarations that declare nothing (issue 14)", () => {
  const committed = { ...plannedExpectation, status: "committed", quantity: null, unit: null, expectedValueNok: 5_000_000 };
  const prototype400 = { level: "significant", hoursPerVendor: 400, kindsOfWork: ["prototype"], compensationNok: 1 };

  it.each<[string, Record<string, unknown>, [string, string][]]>([
    [
      "a committed purchase of 0–0 NOK with an expected value of 0",
      { expectation: { ...committed, budgetMinNok: 0, budgetMaxNok: 0, expectedValueNok: 0 } },
      [["expectation.budgetMaxNok", "budget_above_zero_required"], ["expectation.expectedValueNok", "volume_required"]],
    ],
    ["an expected value outside the frame", { expectation: { ...committed, expectedValueNok: 9_000_000 } }, [["expectation.expectedValueNok", "expected_value_outside_budget"]]],
    ["an expected tender quarter of 2001-Q1", { expectation: { ...committed, expectedTenderQuarter: "2001-Q1" } }, [["expectation.expectedTenderQuarter", "tender_quarter_in_past"]]],
    ["a tender quarter twenty years ahead", { expectation: { ...committed, expectedTenderQuarter: "2046-Q1" } }, [["expectation.expectedTenderQuarter", "tender_quarter_beyond_horizon"]]],
    ["a funding source of one zero-width space", { expectation: { ...committed, fundingSource: "\u200b" } }, [["expectation.fundingSource", "funding_source_required"]]],
    [
      "400 hours of prototype work with no purchase expected, paid 1 NOK",
      { effort: prototype400, expectation: { status: "none" } },
      [["effort.compensationNok", "compensation_below_floor"]],
    ],
  ])("refuses to publish %s: 422 with its code", async (_what, changes, expected) => {
    const created = await post({ ...rfi40Hours(), ...changes }, BUYER);
    expect(created.status).toBe(201);
    const { id } = await readJson(created);
    const response = await publish(id);
    expect(response.status).toBe(422);
    const { errors } = await readJson(response);
    expect(errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual(expected);
    for (const e of errors) {
      expect(e.message).toMatch(/\S/);
      expect(e.principle).toMatch(/\S/);
    }
  });

  it("publishes pay below the floor when the buyer says why, and shows the reason", async () => {
    const compensationReason = "Leverandørene beholder rettighetene til prototypen og kan selge den videre.";
    const { id } = await readJson(await post({ ...rfi40Hours(), effort: { ...prototype400, compensationNok: 20_000, compensationReason }, expectation: { status: "none" } }, BUYER));
    expect((await publish(id)).status).toBe(200);
    const { effort } = await readJson(await get(id));
    expect(effort).toMatchObject({ compensationNok: 20_000, compensationReason });
  });
});

describe("GET /api/v1/events/{id}", () => {
  it("shows a published event to anyone, a draft only to its buyer", async () => {
    expect((await get("00000000-0000-4000-8000-000000000101")).status).toBe(200);
    const draft = "00000000-0000-4000-8000-000000000108"; // Helse Vestfjord HF's draft
    expect((await get(draft)).status).toBe(404);
    expect((await get(draft, BUYER)).status).toBe(404);
    expect((await get(draft, VENDOR)).status).toBe(404);
    const { id } = await readJson(await post(rfi40Hours(), BUYER));
    expect((await get(id, BUYER)).status).toBe(200);
    expect((await get(id)).status).toBe(404);
    expect((await get(id, VENDOR)).status).toBe(404);
  });

  it("answers 404 in JSON for an unknown id", async () => {
    const response = await get("00000000-0000-4000-8000-00000000ffff");
    expect(response.status).toBe(404);
    expect(await readJson(response)).toEqual({ error: "not_found" });
    expect((await get("nonsense")).status).toBe(404);
  });

  it("shows the declared contract, sourcing advice, standards and change log", async () => {
    const body = await readJson(await get("00000000-0000-4000-8000-000000000101"));
    expect(body.contract).toMatchObject({ form: "market_contract", baseMonths: 24, optionMonths: 24, horizonMonths: 72 });
    expect(body.contract.justification).toMatch(/\S{10}/);
    expect(body.sourcing).toEqual({ risk: "low", need: "lasting", advice: "market_contract", reason: null, inHouseCostBasis: null });
    expect(body.standards).toContainEqual({ code: "hl7-fhir-r4", level: "required", from: expect.stringMatching(/^\d{4}-01-01$/) });
    const amended = await readJson(await get("00000000-0000-4000-8000-000000000102"));
    expect(amended.amendments[0]).toMatchObject({ reason: expect.any(String), changes: expect.arrayContaining([{ field: "capacity", before: 30, after: 60 }]) });
  });
});

describe("PATCH /api/v1/events/{id}", () => {
  it("requires a reason to change a published event, and records the amendment", async () => {
    const { id } = await readJson(await post({ ...rfi40Hours(), expectation: plannedExpectation }, BUYER));
    await publish(id);

    const noReason = await patch(id, { capacity: 20 });
    expect(noReason.status).toBe(400);
    expect((await readJson(noReason)).errors).toEqual([{ path: "reason", code: "reason_required", message: expect.any(String) }]);

    const response = await patch(id, { capacity: 20, expectation: { budgetMaxNok: 7_000_000 }, reason: "Budsjettet er økt i økonomiplanen." });
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.amendment.changes).toEqual([
      { field: "capacity", before: null, after: 20 },
      { field: "expectation.budgetMaxNok", before: 6_000_000, after: 7_000_000 },
    ]);
    const event = await readJson(await get(id));
    expect(event.expectation.budgetMaxNok).toBe(7_000_000);
    expect(event.amendments).toEqual([
      { id: body.amendment.id, at: expect.any(String), reason: "Budsjettet er økt i økonomiplanen.", changes: body.amendment.changes },
    ]);
  });

  it("refuses an amendment that breaks the predictability gate (422) and one from outside the buyer (403)", async () => {
    const { id } = await readJson(await post({ ...rfi40Hours(), expectation: plannedExpectation }, BUYER));
    await publish(id);
    const response = await patch(id, { expectation: null, reason: "Vi vet ikke lenger." });
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors[0]).toMatchObject({ path: "expectation", code: "expectation_required" });
    expect((await patch(id, { title: "Kapret tittel", reason: "x" }, VENDOR)).status).toBe(403);
    expect((await readJson(await get(id))).amendments).toEqual([]);
  });
});

describe("POST /api/v1/events/{id}/outcome", () => {
  it("records a withdrawal of a published event, once", async () => {
    const { id } = await readJson(await post({ ...rfi40Hours(), expectation: plannedExpectation }, BUYER));
    expect((await outcome(id, { outcome: "withdrawn", reason: "Prosjektet er stanset." })).status).toBe(409); // still a draft
    await publish(id);
    const response = await outcome(id, { outcome: "withdrawn", reason: "Prosjektet er stanset." });
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ id, status: "closed", outcome: "withdrawn", contractId: null });
    expect((await readJson(await get(id))).outcome).toMatchObject({ outcome: "withdrawn", reason: "Prosjektet er stanset." });
    const again = await outcome(id, { outcome: "withdrawn", reason: "Igjen." });
    expect(again.status).toBe(409);
    expect((await readJson(again)).errors[0].code).toBe("outcome_recorded");
  });

  it("records a purchase after the event closed, with contract value, date and winner", async () => {
    const { id } = await readJson(await post({ ...rfi40Hours(), expectation: plannedExpectation }, BUYER));
    await publish(id);
    const winner = await t.db.selectFrom("organisations").select("id").where("slug", "=", "nordlys-helse-as").executeTakeFirstOrThrow();
    const procured = { outcome: "procured", contractValueNok: 5_200_000, contractDate: "2027-08-15", noticeReference: "2027-654321", winningVendorId: winner.id };
    const early = await outcome(id, procured);
    expect(early.status).toBe(409);
    expect((await readJson(early)).errors[0].code).toBe("not_closed");

    expect((await call(closeEvent, jsonRequest(`/api/v1/events/${id}/close`, "POST", undefined, BUYER, { eventId: id }))).status).toBe(200);
    expect((await outcome(id, { outcome: "procured" })).status).toBe(400);
    const response = await outcome(id, procured);
    expect(response.status).toBe(200);
    expect((await readJson(await get(id))).outcome).toMatchObject({
      outcome: "procured",
      contractValueNok: 5_200_000,
      contractDate: "2027-08-15",
      noticeReference: "2027-654321",
      winningVendor: { id: winner.id, name: "Nordlys Helse AS" },
    });
  });
});
