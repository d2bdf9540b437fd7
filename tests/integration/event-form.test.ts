import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { toZonedLocal } from "~/domain/zoned-time";
import { action as editAction, loader as editLoader } from "~/routes/events.$eventId_.edit";
import { action as newAction, loader as newLoader } from "~/routes/events.new";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, type Person, respond } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { IP_TERMS_FORM } from "../fixtures/ip-terms";

const t = setupTestDatabase();

let buyer: Person;
let colleague: Person;
let outsider: Person;
let vendor: Person;
let unverifiedBuyer: Person;

beforeAll(async () => {
  [buyer, colleague, outsider, vendor, unverifiedBuyer] = await Promise.all([
    createPerson(t.db, { name: "Berit" }),
    createPerson(t.db, { name: "Kollega" }),
    createPerson(t.db),
    createPerson(t.db),
    createPerson(t.db),
  ]);
  await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }, { person: colleague, role: "member" }], { verified: true, name: "Bergvik kommune" });
  await createOrganisationWith(t.db, [{ person: outsider, role: "admin" }], { verified: true });
  await createOrganisationWith(t.db, [{ person: vendor, role: "admin" }], { isBuyer: false, isVendor: true });
  await createOrganisationWith(t.db, [{ person: unverifiedBuyer, role: "admin" }], { verified: false });
});

const inThreeWeeks = () => toZonedLocal(new Date(Date.now() + 21 * 24 * 3600 * 1000));

/** An RFI asking 40 hours per vendor for a written response, with no purchase expectation. */
function rfiWithoutExpectation(intent: "save" | "publish") {
  return {
    intent,
    kind: "rfi",
    title: "Forespørsel om informasjon: digitalt tilsyn",
    description: "Vi vil høre fra markedet.",
    registrationDeadline: inThreeWeeks(),
    "effort.level": "significant",
    "effort.hoursPerVendor": "40",
    "effort.kindsOfWork": "written_response",
    "standards.hl7-fhir-r4.level": "",
    ...IP_TERMS_FORM,
  };
}

const expectation = {
  "expectation.status": "planned",
  "expectation.budgetMinNok": "4 000 000",
  "expectation.budgetMaxNok": "6 000 000",
  "expectation.fundingSource": "Økonomiplan 2027–2030",
  "expectation.quantity": "1200",
  "expectation.unit": "brukere",
  "expectation.expectedTenderQuarter": "2027-Q2",
};

async function count(table: "events" | "blockedPublishAttempts" | "eventAmendments") {
  return (await t.db.selectFrom(table).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n;
}

describe("the guided event form", () => {
  it.each([
    ["anonymous", () => undefined, 302],
    ["a vendor", () => vendor.cookie, 403],
    ["a buyer member", () => colleague.cookie, 200],
  ])("opens /events/new for %s with %i", async (_, cookie, status) => {
    const response = await respond(newLoader(await routeArgs("/events/new", { cookie: cookie() })));
    expect(response.status).toBe(status);
  });

  it("refuses a form without kind or title, by the fields, and stores nothing", async () => {
    const before = await count("events");
    const response = await respond(newAction(await formRequest("/events/new", { intent: "save", kind: "", title: "" }, { cookie: buyer.cookie })));
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.errors.kind).toEqual(["required"]);
    expect(body.errors.title).toEqual(["too_short"]);
    expect(body.values.title).toBe("");
    expect(await count("events")).toBe(before);
  });

  it("refuses to publish an RFI asking 40 hours without a purchase expectation, keeps it as a draft, counts the attempt, and shows why", async () => {
    const blockedBefore = await count("blockedPublishAttempts");
    const response = await respond(newAction(await formRequest("/events/new", rfiWithoutExpectation("publish"), { cookie: buyer.cookie })));
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    // The ticked undertaking is not saved with the draft: the edit page ticks it again.
    expect(location).toMatch(/^\/events\/[0-9a-f-]{36}\/edit\?check=publish&undertaking=1$/);
    expect(await count("blockedPublishAttempts")).toBe(blockedBefore + 1);

    const eventId = location.split("/")[2]!;
    const page = await readJson(await editLoader(await routeArgs(location, { cookie: buyer.cookie, params: { eventId } })));
    expect(page.values.nonUseUndertaking).toBe("yes");
    expect(page.problems).not.toContainEqual(expect.objectContaining({ code: "non_use_undertaking_required" }));
    expect(page.status).toBe("draft");
    expect(page.problems).toContainEqual({ path: "expectation", code: "expectation_required" });
    expect(page.errors.expectation).toEqual(["expectation_required"]);
    // Everything typed is kept.
    expect(page.values).toMatchObject({ title: "Forespørsel om informasjon: digitalt tilsyn", "effort.hoursPerVendor": "40", "effort.kindsOfWork": ["written_response"] });
  });

  it("publishes once the expectation is declared", async () => {
    const created = await respond(newAction(await formRequest("/events/new", rfiWithoutExpectation("save"), { cookie: buyer.cookie })));
    const eventId = created.headers.get("Location")!.split("/")[2]!;

    const refused = await respond(editAction(await formRequest(`/events/${eventId}/edit`, rfiWithoutExpectation("publish"), { cookie: buyer.cookie, params: { eventId } })));
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).errors.expectation).toEqual(["expectation_required"]);

    const published = await respond(
      editAction(await formRequest(`/events/${eventId}/edit`, { ...rfiWithoutExpectation("publish"), ...expectation }, { cookie: buyer.cookie, params: { eventId } })),
    );
    expect(published.status).toBe(302);
    expect(published.headers.get("Location")).toBe(`/events/${eventId}?published=1`);
    const row = await t.db.selectFrom("events").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "published", expectationStatus: "planned", budgetMinNok: 4_000_000, budgetMaxNok: 6_000_000, expectedQuantity: 1200 });
  });

  it("refuses to publish an RFI without IP terms or the undertaking, by the fields, publishing nothing", async () => {
    const withoutTerms = Object.fromEntries(
      Object.entries({ ...rfiWithoutExpectation("save"), ...expectation }).filter(([name]) => !name.startsWith("intellectualProperty.") && name !== "nonUseUndertaking"),
    );
    const created = await respond(newAction(await formRequest("/events/new", withoutTerms, { cookie: buyer.cookie })));
    const eventId = created.headers.get("Location")!.split("/")[2]!;

    const refused = await respond(editAction(await formRequest(`/events/${eventId}/edit`, { ...withoutTerms, intent: "publish" }, { cookie: buyer.cookie, params: { eventId } })));
    expect(refused.status).toBe(422);
    const { errors } = await readJson(refused);
    for (const field of ["backgroundStaysWithVendor", "foregroundOwner", "existingProductsNotTransferred", "inputUse"]) {
      expect(errors[`intellectualProperty.${field}`]).toEqual(["ip_terms_required"]);
    }
    expect(errors.nonUseUndertaking).toEqual(["non_use_undertaking_required"]);

    // The terms without the ticked undertaking: still refused, by the box.
    const { nonUseUndertaking: _ticked, ...termsOnly } = IP_TERMS_FORM;
    const unticked = await respond(
      editAction(await formRequest(`/events/${eventId}/edit`, { ...withoutTerms, ...termsOnly, intent: "publish" }, { cookie: buyer.cookie, params: { eventId } })),
    );
    expect(unticked.status).toBe(422);
    expect((await readJson(unticked)).errors).toEqual({ nonUseUndertaking: ["non_use_undertaking_required"] });
    const row = await t.db.selectFrom("events").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "draft", nonUseUndertakingAt: null, ipBackgroundStaysWithVendor: true, ipInputUse: "this_procurement" });

    const published = await respond(
      editAction(await formRequest(`/events/${eventId}/edit`, { ...withoutTerms, ...IP_TERMS_FORM, intent: "publish" }, { cookie: buyer.cookie, params: { eventId } })),
    );
    expect(published.status).toBe(302);
    expect(await t.db.selectFrom("events").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow()).toMatchObject({
      status: "published",
      nonUseUndertakingBy: buyer.id,
      nonUseUndertakingName: "Berit",
    });
  });

  it("reads typed times as Norwegian time", async () => {
    const response = await respond(
      newAction(await formRequest("/events/new", { intent: "save", kind: "dialogue_meeting", title: "Dialogmøte om tilsyn", startsAt: "2027-01-15T09:30", endsAt: "2027-07-01T12:00" }, { cookie: buyer.cookie })),
    );
    const eventId = response.headers.get("Location")!.split("/")[2]!;
    const row = await t.db.selectFrom("events").select(["startsAt", "endsAt"]).where("id", "=", eventId).executeTakeFirstOrThrow();
    expect(row.startsAt?.toISOString()).toBe("2027-01-15T08:30:00.000Z");
    expect(row.endsAt?.toISOString()).toBe("2027-07-01T10:00:00.000Z");
  });

  it("asks why when a published event changes, and keeps the change in the amendment log", async () => {
    const created = await respond(newAction(await formRequest("/events/new", { ...rfiWithoutExpectation("publish"), ...expectation }, { cookie: buyer.cookie })));
    const eventId = created.headers.get("Location")!.split("/")[2]!.split("?")[0]!;
    const changed = { ...rfiWithoutExpectation("save"), ...expectation, "expectation.budgetMaxNok": "7 000 000" };

    const noReason = await respond(editAction(await formRequest(`/events/${eventId}/edit`, changed, { cookie: colleague.cookie, params: { eventId } })));
    expect(noReason.status).toBe(400);
    expect((await readJson(noReason)).errors.reason).toEqual(["reason_required"]);

    const before = await count("eventAmendments");
    const ok = await respond(
      editAction(await formRequest(`/events/${eventId}/edit`, { ...changed, reason: "Budsjettet er økt i revidert økonomiplan." }, { cookie: colleague.cookie, params: { eventId } })),
    );
    expect(ok.headers.get("Location")).toBe(`/events/${eventId}/edit?amended=1`);
    expect(await count("eventAmendments")).toBe(before + 1);
    const amendment = await t.db.selectFrom("eventAmendments").selectAll().where("eventId", "=", eventId).executeTakeFirstOrThrow();
    expect(amendment.changes).toContainEqual({ field: "expectation.budgetMaxNok", before: 6_000_000, after: 7_000_000 });
  });

  it("hides another buyer's event (404), and lets an unverified buyer save but not publish", async () => {
    const created = await respond(newAction(await formRequest("/events/new", rfiWithoutExpectation("save"), { cookie: buyer.cookie })));
    const eventId = created.headers.get("Location")!.split("/")[2]!;
    const foreign = await respond(editLoader(await routeArgs(`/events/${eventId}/edit`, { cookie: outsider.cookie, params: { eventId } })));
    expect(foreign.status).toBe(404);

    const unverified = await respond(newAction(await formRequest("/events/new", { ...rfiWithoutExpectation("publish"), ...expectation }, { cookie: unverifiedBuyer.cookie })));
    const draftLocation = unverified.headers.get("Location")!;
    const draftId = draftLocation.split("/")[2]!;
    const page = await readJson(await editLoader(await routeArgs(draftLocation, { cookie: unverifiedBuyer.cookie, params: { eventId: draftId } })));
    expect(page.problems).toEqual([{ path: "buyer", code: "buyer_not_verified" }]);
  });
});
