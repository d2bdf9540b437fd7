import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "~/models/api-tokens.server";
import { countBlockedPublishAttempts } from "~/models/event-reads.server";
import { answerQuestion } from "~/models/questions.server";
import { action as createEffortRequest } from "~/routes/api.v1.effort-requests";
import { action as questionsAction, loader as questionsLoader } from "~/routes/api.v1.events.$eventId.questions";
import { action as registrationsAction } from "~/routes/api.v1.events.$eventId.registrations";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { jsonRequest, readJson, routeArgs, type RouteArgs } from "../fixtures/requests";

const t = setupTestDatabase();
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

// Who calls, in the API's authorization matrix: no token; a member of an organisation of
// the wrong kind (a buyer on vendor endpoints, a vendor on buyer ones); a member of the
// right kind that has no part in the thing (not registered; another buyer); a member who may.
type Caller = "anonymous" | "wrongKind" | "nonMember" | "member";
const CALLERS: Caller[] = ["anonymous", "wrongKind", "nonMember", "member"];

let buyer: Person;
let buyerOrg: { id: string };
let tokens: Record<"buyer" | "otherBuyer" | "vendor" | "otherVendor" | "noOrganisation", string>;
let vendor: Person;
let vendorOrg: { id: string; name: string };
let otherVendorOrg: { id: string; name: string };

async function newEvent(extra: { capacity?: number | null; attendeeLimitPerVendor?: number | null; status?: "draft" | "published" } = {}) {
  const row = await t.db
    .insertInto("events")
    .values({
      buyerId: buyerOrg.id,
      kind: "dialogue_meeting",
      status: extra.status ?? "published",
      publishedAt: extra.status === "draft" ? null : new Date(),
      title: `Dialogmøte ${Math.random().toString(36).slice(2, 8)}`,
      description: "Om trygghetsalarmer.",
      registrationDeadline: inDays(10),
      startsAt: inDays(14),
      capacity: extra.capacity ?? null,
      attendeeLimitPerVendor: extra.attendeeLimitPerVendor ?? null,
      effortLevel: "none",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const call = async (handler: (args: RouteArgs) => unknown, args: Promise<RouteArgs>) => respond(handler(await args));
const register = (eventId: string, token: string | undefined, body: unknown = {}) =>
  call(registrationsAction, jsonRequest(`/api/v1/events/${eventId}/registrations`, "POST", body, token, { eventId }));
const withdraw = (eventId: string, token: string | undefined) =>
  call(registrationsAction, jsonRequest(`/api/v1/events/${eventId}/registrations`, "DELETE", undefined, token, { eventId }));
const ask = (eventId: string, token: string | undefined, body: unknown) =>
  call(questionsAction, jsonRequest(`/api/v1/events/${eventId}/questions`, "POST", body, token, { eventId }));
const answers = (eventId: string, token?: string) =>
  call(questionsLoader, routeArgs(`/api/v1/events/${eventId}/questions`, { params: { eventId }, headers: token ? { Authorization: `Bearer ${token}` } : {} }));
const requestEffort = (token: string | undefined, body: unknown) => call(createEffortRequest, jsonRequest("/api/v1/effort-requests", "POST", body, token));

const plannedExpectation = {
  status: "planned",
  budgetMinNok: 2_000_000,
  budgetMaxNok: 3_000_000,
  fundingSource: "Økonomiplan 2027–2030",
  quantity: 400,
  unit: "brukere",
  expectedTenderQuarter: "2027-Q3",
};
const effortBody = (extra: Record<string, unknown> = {}) => ({
  title: "Demo av digitalt tilsyn",
  description: "To timer demo for fagpersoner.",
  kindsOfWork: ["demo"],
  hoursPerVendor: 12,
  deadline: inDays(20).toISOString(),
  recipients: [vendorOrg.id],
  expectation: plannedExpectation,
  ...extra,
});

async function countRows(table: "registrations" | "eventQuestions" | "effortRequests") {
  const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  const [b, otherBuyer, v, otherVendor, loner] = await Promise.all([
    createPerson(t.db, { name: "Berit Innkjøp" }),
    createPerson(t.db, { name: "Hanne Helseforetak" }),
    createPerson(t.db, { name: "Viktor Leverandør" }),
    createPerson(t.db, { name: "Olga Spørrer" }),
    createPerson(t.db, { name: "Ola Uten Virksomhet" }),
  ]);
  buyer = b;
  vendor = v;
  buyerOrg = await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  await createOrganisationWith(t.db, [{ person: otherBuyer, role: "admin" }], { isBuyer: true, verified: true, name: "Helse Vestfjord HF" });
  vendorOrg = await createOrganisationWith(t.db, [{ person: vendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  otherVendorOrg = await createOrganisationWith(t.db, [{ person: otherVendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Spørrer Teknologi AS" });
  const token = async (p: Person) => (await createApiToken(t.db, p.id, "test")).token;
  tokens = { buyer: await token(buyer), otherBuyer: await token(otherBuyer), vendor: await token(vendor), otherVendor: await token(otherVendor), noOrganisation: await token(loner) };
});

describe("authorization matrix of the participation API", () => {
  // Each row: the call for a caller, on fresh data, and the status each caller gets.
  const rows: { name: string; run: (caller: Caller) => Promise<Response>; expect: Record<Caller, number> }[] = [
    {
      name: "POST /api/v1/events/{id}/registrations",
      run: async (caller) => {
        const eventId = await newEvent();
        const token = { anonymous: undefined, wrongKind: tokens.buyer, nonMember: tokens.noOrganisation, member: tokens.vendor }[caller];
        return register(eventId, token);
      },
      expect: { anonymous: 401, wrongKind: 403, nonMember: 403, member: 201 },
    },
    {
      name: "DELETE /api/v1/events/{id}/registrations",
      run: async (caller) => {
        const eventId = await newEvent();
        expect((await register(eventId, tokens.vendor)).status).toBe(201);
        const token = { anonymous: undefined, wrongKind: tokens.buyer, nonMember: tokens.otherVendor, member: tokens.vendor }[caller];
        return withdraw(eventId, token);
      },
      // A vendor that is not registered has nothing to withdraw.
      expect: { anonymous: 401, wrongKind: 403, nonMember: 409, member: 200 },
    },
    {
      name: "POST /api/v1/events/{id}/questions",
      run: async (caller) => {
        const eventId = await newEvent();
        expect((await register(eventId, tokens.vendor)).status).toBe(201);
        const token = { anonymous: undefined, wrongKind: tokens.buyer, nonMember: tokens.otherVendor, member: tokens.vendor }[caller];
        return ask(eventId, token, { question: "Hvilke standarder for meldingsutveksling gjelder?" });
      },
      expect: { anonymous: 401, wrongKind: 403, nonMember: 403, member: 201 },
    },
    {
      name: "GET /api/v1/events/{id}/questions (public)",
      run: async (caller) => {
        const eventId = await newEvent();
        const token = { anonymous: undefined, wrongKind: tokens.buyer, nonMember: tokens.otherVendor, member: tokens.vendor }[caller];
        return answers(eventId, token);
      },
      expect: { anonymous: 200, wrongKind: 200, nonMember: 200, member: 200 },
    },
    {
      name: "POST /api/v1/effort-requests",
      run: async (caller) => {
        const eventId = await newEvent();
        expect((await register(eventId, tokens.vendor)).status).toBe(201);
        // The other buyer may not tie a request to Bergvik's event (400, nothing sent).
        const token = { anonymous: undefined, wrongKind: tokens.vendor, nonMember: tokens.otherBuyer, member: tokens.buyer }[caller];
        return requestEffort(token, effortBody({ eventId }));
      },
      expect: { anonymous: 401, wrongKind: 403, nonMember: 400, member: 201 },
    },
  ];
  describe.each(rows)("$name", (row) => {
    it.each(CALLERS)("%s", async (caller) => {
      const response = await row.run(caller);
      expect(response.status, await response.clone().text()).toBe(row.expect[caller]);
    });
  });
});

describe("POST and DELETE /api/v1/events/{id}/registrations", () => {
  it("gives a place while there is one, then the waiting list; a withdrawal promotes the first waiting, by e-mail", async () => {
    const eventId = await newEvent({ capacity: 1 });
    const first = await register(eventId, tokens.vendor, { note: "Vi kommer én" });
    expect(first.status).toBe(201);
    const placed = await readJson(first);
    expect(placed).toEqual({ id: expect.any(String), status: "registered" });
    const second = await register(eventId, tokens.otherVendor);
    expect(await readJson(second)).toEqual({ id: expect.any(String), status: "waitlisted" });

    const left = await withdraw(eventId, tokens.vendor);
    expect(left.status).toBe(200);
    expect(await readJson(left)).toEqual({ id: placed.id, status: "withdrawn" });
    const rows = await t.db.selectFrom("registrations").select(["organisationId", "status"]).where("eventId", "=", eventId).execute();
    expect(rows).toEqual(expect.arrayContaining([{ organisationId: otherVendorOrg.id, status: "registered" }, { organisationId: vendorOrg.id, status: "withdrawn" }]));
    const promoted = await t.db.selectFrom("outbox").innerJoin("users", "users.email", "outbox.toAddress").select("outbox.template").where("users.name", "=", "Olga Spørrer").where("outbox.template", "=", "registration-promoted").execute();
    expect(promoted).toHaveLength(1);
  });

  it("answers 400 with field errors and stores nothing for bad input: not JSON, strangers as attendees, more than the buyer's limit", async () => {
    const eventId = await newEvent({ attendeeLimitPerVendor: 1 });
    const colleague = await createPerson(t.db, { name: "Kollega Nordlys" });
    await t.db.insertInto("memberships").values({ userId: colleague.id, organisationId: vendorOrg.id, role: "member" }).execute();
    const before = await countRows("registrations");

    const notJson = await call(registrationsAction, routeArgs(`/api/v1/events/${eventId}/registrations`, { method: "POST", body: "{", params: { eventId }, headers: { Authorization: `Bearer ${tokens.vendor}` } }));
    expect(notJson.status).toBe(400);
    expect((await readJson(notJson)).errors[0]).toMatchObject({ path: "", code: "invalid_json" });

    const badId = await register(eventId, tokens.vendor, { attendees: ["not-a-uuid"] });
    expect(badId.status).toBe(400);
    expect((await readJson(badId)).errors[0]).toMatchObject({ path: "attendees.0", code: "invalid_value" });

    const stranger = await register(eventId, tokens.vendor, { attendees: [buyer.id] });
    expect(stranger.status).toBe(400);
    expect((await readJson(stranger)).errors).toEqual([{ path: "attendees", code: "attendee_not_member", message: "Deltakerne må være personer i virksomheten deres." }]);

    const tooMany = await register(eventId, tokens.vendor, { attendees: [vendor.id, colleague.id] });
    expect(tooMany.status).toBe(400);
    expect((await readJson(tooMany)).errors[0]).toMatchObject({ path: "attendees", code: "attendee_limit_exceeded" });

    expect(await countRows("registrations")).toBe(before);
  });

  it("answers 404 for a draft and 409 once the event is closed", async () => {
    const draft = await newEvent({ status: "draft" });
    expect((await register(draft, tokens.vendor)).status).toBe(404);
    const closed = await newEvent();
    await t.db.updateTable("events").set({ status: "closed", closedAt: new Date() }).where("id", "=", closed).execute();
    const response = await register(closed, tokens.vendor);
    expect(response.status).toBe(409);
    expect((await readJson(response)).errors[0]).toMatchObject({ code: "registration_closed" });
  });
});

describe("questions through the API", () => {
  it("takes a question privately and publishes the answer without naming who asked", async () => {
    const eventId = await newEvent();
    await register(eventId, tokens.otherVendor);
    const asked = await ask(eventId, tokens.otherVendor, { question: "Olga Spørrer fra Spørrer Teknologi AS lurer på: kreves FHIR R4?" });
    expect(asked.status).toBe(201);
    const { id } = await readJson(asked);
    // Unanswered: nothing public yet.
    expect(await readJson(await answers(eventId))).toEqual({ items: [] });

    const answered = await answerQuestion(t.db, { id: buyer.id }, eventId, { questionId: id, question: "Kreves FHIR R4?", answer: "Ja, fra 2027." }, { baseUrl: "https://markedsdialog.example" });
    expect(answered.ok).toBe(true);
    for (const token of [undefined, tokens.vendor, tokens.otherVendor, tokens.buyer]) {
      const response = await answers(eventId, token);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ items: [{ id, question: "Kreves FHIR R4?", answer: "Ja, fra 2027.", answeredAt: expect.any(String) }] });
      for (const secret of ["Olga", "Spørrer", otherVendorOrg.id, vendor.email]) expect(text).not.toContain(secret);
    }
  });

  it("refuses an empty or over-long question with a field error and stores nothing", async () => {
    const eventId = await newEvent();
    await register(eventId, tokens.vendor);
    const before = await countRows("eventQuestions");
    const empty = await ask(eventId, tokens.vendor, { question: "   " });
    expect(empty.status).toBe(400);
    expect((await readJson(empty)).errors[0]).toMatchObject({ path: "question", code: "required" });
    const long = await ask(eventId, tokens.vendor, { question: "x".repeat(4001) });
    expect((await readJson(long)).errors[0]).toMatchObject({ path: "question", code: "too_long" });
    expect((await ask(eventId, tokens.vendor, { text: "feil felt" })).status).toBe(400);
    expect(await countRows("eventQuestions")).toBe(before);
  });

  it("answers 404 for the questions of a draft or an unknown event", async () => {
    expect((await answers(await newEvent({ status: "draft" }))).status).toBe(404);
    expect((await answers("not-an-id")).status).toBe(404);
  });
});

describe("POST /api/v1/effort-requests", () => {
  it("sends a stand-alone request through the gate: 201, recipients' admins e-mailed", async () => {
    const response = await requestEffort(tokens.buyer, effortBody());
    expect(response.status).toBe(201);
    const { id, url } = await readJson(response);
    expect(url).toBe(`/effort-requests/${id}`);
    const row = await t.db.selectFrom("effortRequests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ buyerId: buyerOrg.id, expectationStatus: "planned", hoursPerVendor: 12 });
    const mail = await t.db.selectFrom("outbox").select("template").where("toAddress", "=", vendor.email).where("template", "=", "effort-requested").execute();
    expect(mail.length).toBeGreaterThan(0);
  });

  it("refuses without a purchase expectation with 422 expectation_required, counts the blocked attempt and stores no request", async () => {
    const blockedBefore = await countBlockedPublishAttempts(t.db, buyerOrg.id);
    const requestsBefore = await countRows("effortRequests");
    const response = await requestEffort(tokens.buyer, effortBody({ expectation: undefined }));
    expect(response.status).toBe(422);
    const body = await readJson(response);
    expect(body.errors).toEqual([{ path: "expectation.status", code: "expectation_required", message: expect.any(String), principle: expect.stringContaining("Forutsigbarhet") }]);
    expect(await countBlockedPublishAttempts(t.db, buyerOrg.id)).toBe(blockedBefore + 1);
    const attempt = await t.db.selectFrom("blockedPublishAttempts").selectAll().where("buyerId", "=", buyerOrg.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({ subject: "effort_request", codes: ["expectation_required"], eventId: null, byUserId: buyer.id });
    expect(await countRows("effortRequests")).toBe(requestsBefore);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      "a committed purchase of 0–0 NOK",
      { expectation: { ...plannedExpectation, status: "committed", budgetMinNok: 0, budgetMaxNok: 0, expectedValueNok: 0, quantity: null, unit: null } },
      ["expectation.budgetMaxNok:budget_above_zero_required", "expectation.expectedValueNok:volume_required"],
    ],
    ["a tender quarter of 2001-Q1", { expectation: { ...plannedExpectation, expectedTenderQuarter: "2001-Q1" } }, ["expectation.expectedTenderQuarter:tender_quarter_in_past"]],
    ["a funding source of one zero-width space", { expectation: { ...plannedExpectation, fundingSource: "\u200b" } }, ["expectation.fundingSource:funding_source_required"]],
    ["400 hours of prototype work for 1 NOK", { kindsOfWork: ["prototype"], hoursPerVendor: 400, compensationNok: 1, expectation: { status: "none" } }, ["compensationNok:compensation_below_floor"]],
  ])("refuses a request with %s: 422 with its code, nothing stored", async (_what, extra, expected) => {
    const requestsBefore = await countRows("effortRequests");
    const response = await requestEffort(tokens.buyer, effortBody(extra));
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual(expected);
    expect(await countRows("effortRequests")).toBe(requestsBefore);
  });

  it("sends pay below the floor when the buyer says why, and keeps the reason", async () => {
    const compensationReason = "Leverandørene eier resultatet.";
    const response = await requestEffort(tokens.buyer, effortBody({ kindsOfWork: ["prototype"], hoursPerVendor: 400, compensationNok: 1, compensationReason, expectation: { status: "none" } }));
    expect(response.status).toBe(201);
    const row = await t.db.selectFrom("effortRequests").select("compensationReason").where("id", "=", (await readJson(response)).id).executeTakeFirstOrThrow();
    expect(row.compensationReason).toBe(compensationReason);
  });

  it("answers 400 with field errors for bad input, counts no blocked attempt and stores nothing", async () => {
    const blockedBefore = await countBlockedPublishAttempts(t.db, buyerOrg.id);
    const requestsBefore = await countRows("effortRequests");
    const wrongTypes = await requestEffort(tokens.buyer, effortBody({ kindsOfWork: ["lunch"], hoursPerVendor: 2.5, deadline: "i morgen", surprise: true }));
    expect(wrongTypes.status).toBe(400);
    expect((await readJson(wrongTypes)).errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual(
      ["deadline:invalid_datetime", "hoursPerVendor:must_be_whole_number", "kindsOfWork.0:invalid_choice", "surprise:unknown_field"].sort(),
    );
    const empty = await requestEffort(tokens.buyer, effortBody({ title: " ", kindsOfWork: [], recipients: [], deadline: new Date(Date.now() - DAY).toISOString() }));
    expect(empty.status).toBe(400);
    expect((await readJson(empty)).errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual(
      ["deadline:deadline_in_future_required", "kindsOfWork:required", "recipients:recipients_required", "title:required"].sort(),
    );
    const buyerAsRecipient = await requestEffort(tokens.buyer, effortBody({ recipients: [buyerOrg.id] }));
    expect(buyerAsRecipient.status).toBe(400);
    expect((await readJson(buyerAsRecipient)).errors[0]).toMatchObject({ path: "recipients", code: "recipient_not_allowed" });
    expect(await countBlockedPublishAttempts(t.db, buyerOrg.id)).toBe(blockedBefore);
    expect(await countRows("effortRequests")).toBe(requestsBefore);
  });
});
