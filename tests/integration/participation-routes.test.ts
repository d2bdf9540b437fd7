import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/events.$eventId/route";
import { loader as csvLoader } from "~/routes/events.$eventId_.participants[.csv]";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

type Persona = "anonymous" | "vendor" | "otherVendor" | "buyer" | "operator";
const PERSONAS: Persona[] = ["anonymous", "vendor", "otherVendor", "buyer", "operator"];
let people: Record<Exclude<Persona, "anonymous">, Person>;
let vendorOrg: { id: string };
let otherOrg: { id: string };
let eventId: string;

async function newEvent() {
  const buyerOrg = await t.db.selectFrom("memberships").select("organisationId").where("userId", "=", people.buyer.id).executeTakeFirstOrThrow();
  const row = await t.db
    .insertInto("events")
    .values({
      buyerId: buyerOrg.organisationId,
      kind: "dialogue_meeting",
      status: "published",
      publishedAt: new Date(),
      title: "Dialogmøte om trygghetsalarmer",
      description: "Om trygghetsalarmer.",
      registrationDeadline: new Date(Date.now() + 10 * 86_400_000),
      startsAt: new Date(Date.now() + 14 * 86_400_000),
      capacity: 1,
      effortLevel: "none",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const cookie = (p: Persona) => (p === "anonymous" ? undefined : people[p].cookie);
const post = (p: Persona, fields: Record<string, string | string[]>, id = eventId) =>
  formRequest(`/events/${id}`, fields, { cookie: cookie(p), params: { eventId: id } });

function outcome(response: Response) {
  const location = response.headers.get("Location") ?? "";
  if (location.startsWith("/login")) return "login";
  if (location.startsWith("/organisations/new")) return "register";
  if (response.status === 302) return "ok";
  return response.status;
}

beforeAll(async () => {
  const [vendor, otherVendor, buyer, operator] = await Promise.all([
    createPerson(t.db, { name: "Viktor Leverandør" }),
    createPerson(t.db, { name: "Olga Annen" }),
    createPerson(t.db, { name: "Berit Innkjøp" }),
    createPerson(t.db, { name: "Ole Operatør", operator: true }),
  ]);
  people = { vendor, otherVendor, buyer, operator };
  vendorOrg = await createOrganisationWith(t.db, [{ person: vendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  otherOrg = await createOrganisationWith(t.db, [{ person: otherVendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Annen Leverandør AS" });
  await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  eventId = await newEvent();
});

describe("registration through the event page", () => {
  it("registers a vendor, shows the count to the public and the list to the buyer only", async () => {
    const registered = await respond(action(await post("vendor", { intent: "register", organisationId: vendorOrg.id, attendees: people.vendor.id, note: "Vi kommer to", shareAttendees: "on" })));
    expect(registered.headers.get("Location")).toBe(`/events/${eventId}?done=registered`);
    // Capacity 1: the next one waits.
    const waiting = await respond(action(await post("otherVendor", { intent: "register", organisationId: otherOrg.id, attendees: people.otherVendor.id })));
    expect(waiting.headers.get("Location")).toBe(`/events/${eventId}?done=waitlisted`);

    for (const p of PERSONAS) {
      const response = await respond(loader(await routeArgs(`/events/${eventId}`, { cookie: cookie(p), params: { eventId } })));
      const data = await response.json();
      expect(data.participation.counts, p).toEqual({ registered: 1, waitlisted: 1 });
      expect(Boolean(data.participation.buyer), p).toBe(p === "buyer");
      expect(JSON.stringify(data).includes("Vi kommer to"), p).toBe(p === "buyer" || p === "vendor");
    }
  });

  it("answers bad input with field errors in the form, and stores nothing", async () => {
    const id = await newEvent();
    const response = await respond(action(await post("vendor", { intent: "register", organisationId: vendorOrg.id }, id)));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.form).toBe("register");
    expect(body.result.error.attendees).toEqual(["attendees_required"]);
    const decline = await respond(action(await post("vendor", { intent: "decline", organisationId: vendorOrg.id, reason: "  " }, id)));
    expect((await decline.json()).result.error.reason).toEqual(["required"]);
    const ask = await respond(action(await post("vendor", { intent: "ask", organisationId: vendorOrg.id, question: "" }, id)));
    expect((await ask.json()).result.error.question).toEqual(["required"]);
    expect(await t.db.selectFrom("registrations").select("id").where("eventId", "=", id).execute()).toEqual([]);
  });

  it("withdraws a registration only with the ticked box; the place then goes to the waiting list", async () => {
    const id = await newEvent();
    await respond(action(await post("vendor", { intent: "register", organisationId: vendorOrg.id, attendees: people.vendor.id }, id)));
    await respond(action(await post("otherVendor", { intent: "register", organisationId: otherOrg.id, attendees: people.otherVendor.id }, id)));
    const statuses = async () =>
      Object.fromEntries((await t.db.selectFrom("registrations").select(["organisationId", "status"]).where("eventId", "=", id).execute()).map((r) => [r.organisationId, r.status]));
    const before = await statuses();
    expect(before).toEqual({ [vendorOrg.id]: "registered", [otherOrg.id]: "waitlisted" });

    const unconfirmed = await respond(action(await post("vendor", { intent: "withdraw", organisationId: vendorOrg.id }, id)));
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).result.error).toEqual({ confirm: ["confirm_required"] });
    expect(await statuses()).toEqual(before);

    const withdrawn = await respond(action(await post("vendor", { intent: "withdraw", organisationId: vendorOrg.id, confirm: "yes" }, id)));
    expect(withdrawn.headers.get("Location")).toBe(`/events/${id}?done=withdrawn`);
    expect(await statuses()).toEqual({ [vendorOrg.id]: "withdrawn", [otherOrg.id]: "registered" });
  });
});

describe("who may do what", () => {
  const matrix: { name: string; run: (p: Persona) => Promise<Response>; expect: Record<Persona, string | number> }[] = [
    {
      name: "register",
      run: async (p) => respond(action(await post(p, { intent: "register", attendees: p === "anonymous" ? "x" : people[p].id }, await newEvent()))),
      expect: { anonymous: "login", vendor: "ok", otherVendor: "ok", buyer: 403, operator: "register" },
    },
    {
      name: "ask a question (only a vendor that takes part)",
      run: async (p) => respond(action(await post(p, { intent: "ask", question: "Kreves FHIR?" }))),
      expect: { anonymous: "login", vendor: "ok", otherVendor: "ok", buyer: 403, operator: "register" },
    },
    {
      name: "answer a question",
      run: async (p) => {
        const q = await t.db.insertInto("eventQuestions").values({ eventId, organisationId: vendorOrg.id, askedBy: people.vendor.id, originalText: "Spørsmål?" }).returning("id").executeTakeFirstOrThrow();
        return respond(action(await post(p, { intent: "answer", questionId: q.id, question: "Spørsmål?", answer: "Svar." })));
      },
      expect: { anonymous: "login", vendor: 403, otherVendor: 403, buyer: "ok", operator: 403 },
    },
    {
      name: "remove a registration from the list",
      run: async (p) => {
        const reg = await t.db.selectFrom("registrations").select("id").where("eventId", "=", eventId).where("organisationId", "=", otherOrg.id).executeTakeFirstOrThrow();
        return respond(action(await post(p, { intent: "remove", registrationId: reg.id })));
      },
      expect: { anonymous: "login", vendor: 403, otherVendor: 403, buyer: "ok", operator: 403 },
    },
    {
      name: "download the participant list",
      run: async (p) => respond(csvLoader(await routeArgs(`/events/${eventId}/participants.csv`, { cookie: cookie(p), params: { eventId } }))),
      expect: { anonymous: "login", vendor: 403, otherVendor: 403, buyer: 200, operator: 403 },
    },
  ];
  for (const row of matrix) {
    for (const p of PERSONAS) {
      it(`${row.name}: ${p} → ${row.expect[p]}`, async () => {
        // The other vendor is on the waiting list (it takes part) until the buyer removes it.
        const response = await row.run(p);
        expect(outcome(response)).toBe(row.expect[p]);
      });
    }
  }

  it("never shows other vendors who asked", async () => {
    const response = await respond(loader(await routeArgs(`/events/${eventId}`, { cookie: people.otherVendor.cookie, params: { eventId } })));
    const text = await response.text();
    expect(text).toContain("Svar.");
    expect(text).not.toContain("Nordlys Helse AS");
  });
});
