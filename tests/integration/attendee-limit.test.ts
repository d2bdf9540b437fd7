import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "~/models/api-tokens.server";
import { registerForEvent } from "~/models/registrations.server";
import { action as createEvent } from "~/routes/api.v1.events";
import { action as patchEvent, loader as getEvent } from "~/routes/api.v1.events.$eventId";
import { action as editAction, loader as editLoader } from "~/routes/events.$eventId_.edit";
import { action as newAction } from "~/routes/events.new";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs } from "../fixtures/requests";

// The buyer's cap on how many people one vendor brings: set in the event form and the
// events API, refused by the field when wrong, and enforced on registering (domain rule,
// then a database trigger that holds whatever code path writes attendees).

const t = setupTestDatabase();
let buyer: Person;
let token: string;
let buyerOrg: { id: string };

beforeAll(async () => {
  buyer = await createPerson(t.db, { name: "Berit Innkjøp" });
  buyerOrg = await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { verified: true, name: "Bergvik kommune" });
  token = (await createApiToken(t.db, buyer.id, "test")).token;
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const call = async (handler: (args: Awaited<ReturnType<typeof routeArgs>>) => unknown, args: ReturnType<typeof routeArgs>) => respond(handler(await args));

describe("the attendee limit in the events API", () => {
  it("is set on create, changed by PATCH and returned by GET", async () => {
    const created = await call(createEvent, jsonRequest("/api/v1/events", "POST", { kind: "dialogue_meeting", title: "Dialogmøte om velferdsteknologi", attendeeLimitPerVendor: 2 }, token));
    expect(created.status).toBe(201);
    const { id } = await readJson(created);
    expect((await t.db.selectFrom("events").select("attendeeLimitPerVendor").where("id", "=", id).executeTakeFirstOrThrow()).attendeeLimitPerVendor).toBe(2);

    const patched = await call(patchEvent, jsonRequest(`/api/v1/events/${id}`, "PATCH", { attendeeLimitPerVendor: 3 }, token, { eventId: id }));
    expect(patched.status).toBe(200);
    const read = await readJson(await call(getEvent, routeArgs(`/api/v1/events/${id}`, { params: { eventId: id }, headers: { Authorization: `Bearer ${token}` } })));
    expect(read.attendeeLimitPerVendor).toBe(3);

    const cleared = await call(patchEvent, jsonRequest(`/api/v1/events/${id}`, "PATCH", { attendeeLimitPerVendor: null }, token, { eventId: id }));
    expect(cleared.status).toBe(200);
    expect((await t.db.selectFrom("events").select("attendeeLimitPerVendor").where("id", "=", id).executeTakeFirstOrThrow()).attendeeLimitPerVendor).toBeNull();
  });

  it.each([
    [0, "must_be_positive"],
    [-1, "must_be_positive"],
    [1.5, "must_be_whole_number"],
    ["to", "must_be_whole_number"],
    [5000, "too_large"],
  ])("refuses %j with 400 %s by the field, and creates nothing", async (value, code) => {
    const before = Number((await t.db.selectFrom("events").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n);
    const response = await call(createEvent, jsonRequest("/api/v1/events", "POST", { kind: "dialogue_meeting", title: "Dialogmøte", attendeeLimitPerVendor: value }, token));
    expect(response.status).toBe(400);
    expect((await readJson(response)).errors).toEqual([expect.objectContaining({ path: "attendeeLimitPerVendor", code })]);
    expect(Number((await t.db.selectFrom("events").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n)).toBe(before);
  });
});

describe("the attendee limit in the guided event form", () => {
  it("is saved from the form, shown again on edit, and a bad value is refused by the field", async () => {
    const fields = { intent: "save", kind: "dialogue_meeting", title: "Dialogmøte om nattilsyn", attendeeLimitPerVendor: "2", "standards.hl7-fhir-r4.level": "" };
    const saved = await respond(newAction(await formRequest("/events/new", fields, { cookie: buyer.cookie })));
    expect(saved.status).toBe(302);
    const eventId = saved.headers.get("Location")!.split("/")[2]!.split("?")[0]!;
    const page = await readJson(await respond(editLoader(await routeArgs(`/events/${eventId}/edit`, { cookie: buyer.cookie, params: { eventId } }))));
    expect(page.values.attendeeLimitPerVendor).toBe("2");

    const bad = await respond(editAction(await formRequest(`/events/${eventId}/edit`, { ...fields, attendeeLimitPerVendor: "null" }, { cookie: buyer.cookie, params: { eventId } })));
    expect(bad.status).toBe(400);
    const body = await readJson(bad);
    expect(body.errors.attendeeLimitPerVendor).toEqual(["must_be_whole_number"]);
    expect(body.values.attendeeLimitPerVendor).toBe("null");
    expect((await t.db.selectFrom("events").select("attendeeLimitPerVendor").where("id", "=", eventId).executeTakeFirstOrThrow()).attendeeLimitPerVendor).toBe(2);
  });
});

describe("the attendee limit when registering", () => {
  async function setup(limit: number) {
    const event = await t.db
      .insertInto("events")
      .values({ buyerId: buyerOrg.id, kind: "dialogue_meeting", status: "published", publishedAt: new Date(), title: "Dialogmøte", description: "", registrationDeadline: inDays(10), startsAt: inDays(14), attendeeLimitPerVendor: limit, effortLevel: "none" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const people = [await createPerson(t.db), await createPerson(t.db), await createPerson(t.db)];
    const org = await createOrganisationWith(t.db, people.map((person) => ({ person, role: "admin" as const })), { isBuyer: false, isVendor: true });
    return { eventId: event.id, people, org, member: { user: { id: people[0]!.id }, organisation: { id: org.id, isVendor: true } } };
  }

  it("takes up to the limit, refuses one more by the attendees field and stores nothing", async () => {
    const { eventId, people, member } = await setup(2);
    const tooMany = await registerForEvent(t.db, member, eventId, { attendees: people.map((p) => p.id), note: null }, { baseUrl: "https://markedsdialog.example" });
    expect(tooMany).toEqual({ ok: false, reason: "invalid", problems: [{ path: "attendees", code: "attendee_limit_exceeded" }] });
    expect(await t.db.selectFrom("registrations").select("id").where("eventId", "=", eventId).execute()).toHaveLength(0);
    const fits = await registerForEvent(t.db, member, eventId, { attendees: [people[0]!.id, people[1]!.id], note: null }, { baseUrl: "https://markedsdialog.example" });
    expect(fits).toMatchObject({ ok: true, value: { status: "registered" } });
  });

  it("is held by the database too: a third attendee written directly is refused", async () => {
    const { eventId, people, org } = await setup(2);
    const registration = await t.db.insertInto("registrations").values({ eventId, organisationId: org.id, status: "registered" }).returning("id").executeTakeFirstOrThrow();
    await expect(t.db.insertInto("registrationAttendees").values(people.map((p) => ({ registrationId: registration.id, userId: p.id }))).execute()).rejects.toThrow(/more attendees than the event allows/);
    await t.db.insertInto("registrationAttendees").values(people.slice(0, 2).map((p) => ({ registrationId: registration.id, userId: p.id }))).execute();
    await expect(t.db.insertInto("registrationAttendees").values({ registrationId: registration.id, userId: people[2]!.id }).execute()).rejects.toThrow(/more attendees than the event allows/);
    expect(await t.db.selectFrom("registrationAttendees").select("userId").where("registrationId", "=", registration.id).execute()).toHaveLength(2);
  });
});
