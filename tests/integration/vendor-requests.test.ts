import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "~/models/api-tokens.server";
import { sendVendorRequestReminders, vendorRequestFiguresForBuyer } from "~/models/vendor-requests.server";
import { relationshipTimeline } from "~/models/relationships.server";
import { loader as scorecardLoader } from "~/routes/buyers.$id";
import { action as newAction, loader as newLoader } from "~/routes/requests.new";
import { action as pageAction, loader as pageLoader } from "~/routes/requests.$id";
import { loader as listLoader } from "~/routes/requests._index";
import { action as apiCreate } from "~/routes/api.v1.requests";
import { loader as apiRead } from "~/routes/api.v1.requests.$id";
import { action as apiAct } from "~/routes/api.v1.requests.$id.$action";
import { authorizationMatrix, type World } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs } from "../fixtures/requests";
import { osloDate } from "~/domain/zoned-time";

const t = setupTestDatabase();

let vendor: Person; // Nordlys Helse AS, admin
let otherVendor: Person; // another vendor: must never see Nordlys' requests
let berit: Person; // Bergvik kommune, admin and commercial contact
let ola: Person; // Bergvik kommune, member
let kari: Person; // Bergvik kommune, member
let lead: Person; // Bergvik kommune, member and commercial lead
let hanne: Person; // Helse Vestfjord HF, admin (no commercial contact named)
let vendorOrg: { id: string };
let bergvik: { id: string };
let vestfjord: { id: string };
let vendorToken: string;
let beritToken: string;
let otherToken: string;
let openEventId: string;

// The portal's dates are Oslo dates: between 23:00 and 01:00 UTC, UTC's date is yesterday there.
const today = () => osloDate(new Date());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function send(person: Person, fields: Record<string, string>) {
  return respond(newAction(await formRequest("/requests/new", fields, { cookie: person.cookie })));
}
async function act(person: Person, id: string, fields: Record<string, string>) {
  return respond(pageAction(await formRequest(`/requests/${id}`, fields, { cookie: person.cookie, params: { id } })));
}
async function view(person: Person, id: string) {
  return respond(pageLoader(await routeArgs(`/requests/${id}`, { cookie: person.cookie, params: { id } })));
}
const idFrom = (response: Response) => (response.headers.get("Location") ?? "").split("/requests/")[1]!.split("?")[0]!;
const mailsTo = (email: string) => t.db.selectFrom("outbox").select(["template", "subject", "text"]).where("toAddress", "=", email).where("template", "=", "vendor-request").execute();
const clarification = () => ({ buyerId: bergvik.id, type: "clarification", topic: "privacy", subject: "Databehandleravtale for skylagring", body: "Hvem hos dere kan avklare databehandleravtalen?" });

beforeAll(async () => {
  [vendor, otherVendor, berit, ola, kari, lead, hanne] = await Promise.all([
    createPerson(t.db, { name: "Viktor Leverandør" }),
    createPerson(t.db, { name: "Olga Annen" }),
    createPerson(t.db, { name: "Berit Innkjøp" }),
    createPerson(t.db, { name: "Ola Personvern" }),
    createPerson(t.db, { name: "Kari Jurist" }),
    createPerson(t.db, { name: "Leif Leder" }),
    createPerson(t.db, { name: "Hanne Fagleder" }),
  ]);
  vendorOrg = await createOrganisationWith(t.db, [{ person: vendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  await createOrganisationWith(t.db, [{ person: otherVendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Annen Leverandør AS" });
  bergvik = await createOrganisationWith(
    t.db,
    [
      { person: berit, role: "admin" },
      { person: ola, role: "member" },
      { person: kari, role: "member" },
      { person: lead, role: "member", commercialRole: "commercial_lead" },
    ],
    { isBuyer: true, verified: true, name: "Bergvik kommune" },
  );
  await t.db.updateTable("organisations").set({ commercialContactUserId: berit.id }).where("id", "=", bergvik.id).execute();
  vestfjord = await createOrganisationWith(t.db, [{ person: hanne, role: "admin" }], { isBuyer: true, verified: true, name: "Helse Vestfjord HF" });
  vendorToken = (await createApiToken(t.db, vendor.id, "test")).token;
  beritToken = (await createApiToken(t.db, berit.id, "test")).token;
  otherToken = (await createApiToken(t.db, otherVendor.id, "test")).token;
  const event = await t.db
    .insertInto("events")
    .values({ buyerId: bergvik.id, kind: "dialogue_meeting", status: "published", publishedAt: new Date(), title: "Dialogmøte om velferdsteknologi", description: "Om velferdsteknologi.", effortLevel: "none", startsAt: new Date(Date.now() + 14 * 86_400_000) })
    .returning("id")
    .executeTakeFirstOrThrow();
  openEventId = event.id;
});

describe("a vendor sends a request to a buyer organisation", () => {
  it("stores a clarification, e-mails the commercial contact point, and shows it on both sides' lists", async () => {
    const response = await send(vendor, clarification());
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/\?done=sent$/);
    const id = idFrom(response);
    const mails = await mailsTo(berit.email);
    expect(mails.map((m) => m.subject)).toContain("Ny henvendelse fra Nordlys Helse AS: Databehandleravtale for skylagring");
    expect(await mailsTo(ola.email)).toEqual([]);
    const vendorList = await readJson(await respond(listLoader(await routeArgs("/requests", { cookie: vendor.cookie }))));
    expect(vendorList.sent.map((r: { id: string }) => r.id)).toContain(id);
    const buyerList = await readJson(await respond(listLoader(await routeArgs("/requests", { cookie: ola.cookie }))));
    expect(buyerList.received.map((r: { id: string }) => r.id)).toContain(id);
  });

  it("sends it to the admins, and says so, when the buyer has no commercial contact point", async () => {
    const response = await send(vendor, { ...clarification(), buyerId: vestfjord.id });
    expect(response.headers.get("Location")).toMatch(/\?done=sentToAdmins$/);
    expect((await mailsTo(hanne.email)).map((m) => m.text).join()).toContain("ikke har oppgitt noe kommersielt kontaktpunkt");
    const api = await respond(apiCreate(await jsonRequest("/api/v1/requests", "POST", { ...clarification(), buyerId: vestfjord.id }, vendorToken)));
    expect(api.status).toBe(201);
    expect((await readJson(api)).deliveredTo).toBe("admins");
  });

  it("refuses a clarification without a topic, a topic on a meeting request, and an event of another buyer, storing nothing", async () => {
    const before = await t.db.selectFrom("vendorRequests").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const noTopic = await send(vendor, { ...clarification(), topic: "" });
    expect(noTopic.status).toBe(400);
    expect((await readJson(noTopic)).errors.topic).toEqual(["topic_required"]);
    const api = await respond(apiCreate(await jsonRequest("/api/v1/requests", "POST", { ...clarification(), type: "meeting" }, vendorToken)));
    expect(api.status).toBe(400);
    expect((await readJson(api)).errors[0].code).toBe("topic_only_for_clarification");
    const wrongEvent = await send(vendor, { ...clarification(), buyerId: vestfjord.id, eventId: openEventId });
    expect(wrongEvent.status).toBe(400);
    expect((await readJson(wrongEvent)).errors.eventId).toEqual(["invalid_choice"]);
    const after = await t.db.selectFrom("vendorRequests").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("starts the form addressed to the buyer whose page linked to it, and offers only events the vendor can see", async () => {
    const draft = await t.db
      .insertInto("events")
      .values({ buyerId: bergvik.id, kind: "rfi", status: "draft", title: "Utkast ingen skal se", description: "Utkast.", effortLevel: "none" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const page = await readJson(await respond(newLoader(await routeArgs(`/requests/new?buyerId=${bergvik.id}`, { cookie: vendor.cookie }))));
    expect(page.values.buyerId).toBe(bergvik.id);
    expect(page.options.buyers.find((b: { id: string }) => b.id === vestfjord.id).hasContact).toBe(false);
    const eventIds = page.options.events.map((e: { id: string }) => e.id);
    expect(eventIds).toContain(openEventId);
    expect(eventIds).not.toContain(draft.id);
    const refused = await send(vendor, { ...clarification(), eventId: draft.id });
    expect((await readJson(refused)).errors.eventId).toEqual(["invalid_choice"]);
  });

  it("lets only vendor members send (403 to a buyer, through the page and the API)", async () => {
    expect((await respond(newLoader(await routeArgs("/requests/new", { cookie: berit.cookie })))).status).toBe(403);
    expect((await send(berit, clarification())).status).toBe(403);
    expect((await respond(apiCreate(await jsonRequest("/api/v1/requests", "POST", clarification(), beritToken)))).status).toBe(403);
  });
});

describe("the buyer handles the request; the vendor sees every step", () => {
  let id: string;
  beforeAll(async () => {
    id = idFrom(await send(vendor, { ...clarification(), subject: "Hvem eier integrasjonen?" }));
  });

  it("is private to the two parties: 404 to another vendor and to another buyer, pages and API", async () => {
    expect((await view(otherVendor, id)).status).toBe(404);
    expect((await view(hanne, id)).status).toBe(404);
    expect((await respond(apiRead(await jsonRequest(`/api/v1/requests/${id}`, "GET", undefined, otherToken, { id })))).status).toBe(404);
    expect((await respond(apiAct(await jsonRequest(`/api/v1/requests/${id}/answer`, "POST", { answer: "x" }, otherToken, { id, action: "answer" })))).status).toBe(404);
    expect((await act(hanne, id, { intent: "answer", answer: "Ikke vårt." })).status).toBe(404);
    expect((await view(vendor, id)).status).toBe(200);
  });

  it("lets the vendor read but not act (403)", async () => {
    expect((await act(vendor, id, { intent: "answer", answer: "Svarer meg selv." })).status).toBe(403);
  });

  it("assigns an owner with role, mandate and due date; refuses a due date in the past", async () => {
    const past = await act(berit, id, { intent: "assign", ownerId: ola.id, decisionMakerRole: "Personvernombud", decisionMandate: "Kan godkjenne databehandleravtaler", dueOn: "2020-01-01" });
    expect(past.status).toBe(400);
    expect((await readJson(past)).errors.dueOn).toEqual(["due_in_past"]);
    const dueOn = addDays(today(), 7);
    const ok = await act(berit, id, { intent: "assign", ownerId: ola.id, decisionMakerRole: "Personvernombud", decisionMandate: "Kan godkjenne databehandleravtaler", dueOn });
    expect(ok.status).toBe(302);
    const row = await t.db.selectFrom("vendorRequests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect([row.ownerId, row.dueOn, row.decisionMakerRole]).toEqual([ola.id, dueOn, "Personvernombud"]);
    expect((await mailsTo(ola.email)).length).toBe(1);
  });

  it("refers it to another person with a reason, refuses a referral back (a loop), and refuses one without a reason", async () => {
    const noReason = await act(ola, id, { intent: "refer", to: "person", userId: kari.id, reason: " " });
    expect(noReason.status).toBe(400);
    expect((await readJson(noReason)).errors.reason).toEqual(["request_reason_required"]);
    expect((await act(ola, id, { intent: "refer", to: "person", userId: kari.id, reason: "Kari eier avtalene." })).status).toBe(302);
    const back = await act(kari, id, { intent: "refer", to: "person", userId: ola.id, reason: "Tilbake til Ola." });
    expect(back.status).toBe(409);
    expect((await readJson(back)).errors.userId).toEqual(["referral_loop"]);
    const self = await act(kari, id, { intent: "refer", to: "person", userId: kari.id, reason: "Meg." });
    expect((await readJson(self)).errors.userId).toEqual(["already_owner"]);
  });

  it("answers once through the API; the vendor sees the whole history and the answer, and is e-mailed", async () => {
    const answered = await respond(apiAct(await jsonRequest(`/api/v1/requests/${id}/answer`, "POST", { answer: "Kari Jurist avklarer dette innen fredag." }, beritToken, { id, action: "answer" })));
    expect(answered.status).toBe(200);
    const again = await respond(apiAct(await jsonRequest(`/api/v1/requests/${id}/decline`, "POST", { reason: "For sent." }, beritToken, { id, action: "decline" })));
    expect(again.status).toBe(409);
    const seen = await readJson(await respond(apiRead(await jsonRequest(`/api/v1/requests/${id}`, "GET", undefined, vendorToken, { id }))));
    expect(seen.status).toBe("answered");
    expect(seen.answer).toBe("Kari Jurist avklarer dette innen fredag.");
    expect(seen.history.map((h: { kind: string }) => h.kind)).toEqual(["sent", "assigned", "referred_person", "answered"]);
    expect(seen.history[2].reason).toBe("Kari eier avtalene.");
    expect((await mailsTo(vendor.email)).map((m) => m.subject)).toContain("Svar fra Bergvik kommune: Hvem eier integrasjonen?");
  });
});

describe("referral to another organisation", () => {
  it("moves the request, keeps the referral for the vendor, and refuses sending it back (a loop)", async () => {
    const id = idFrom(await send(vendor, { ...clarification(), subject: "Gjelder fylkets avtale" }));
    const refer = await respond(apiAct(await jsonRequest(`/api/v1/requests/${id}/refer`, "POST", { to: "organisation", organisationId: vestfjord.id, reason: "Avtalen er helseforetakets." }, beritToken, { id, action: "refer" })));
    expect(refer.status).toBe(200);
    // Bergvik no longer holds it; Vestfjord does, and its admins heard of it.
    expect((await view(berit, id)).status).toBe(404);
    expect((await view(hanne, id)).status).toBe(200);
    const back = await act(hanne, id, { intent: "refer", to: "organisation", organisationId: bergvik.id, reason: "Tilbake." });
    expect(back.status).toBe(409);
    expect((await readJson(back)).errors.organisationId).toEqual(["referral_loop"]);
    const declined = await act(hanne, id, { intent: "decline", reason: "Vi har ingen slik avtale." });
    expect(declined.status).toBe(302);
    const seen = await readJson(await view(vendor, id));
    expect(seen.steps.map((s: { kind: string }) => s.kind)).toEqual(["sent", "referred_organisation", "declined"]);
    expect(seen.steps[1].toOrganisationName).toBe("Helse Vestfjord HF");
    expect(seen.request.referrals).toBe(1);
  });
});

describe("referral loops over more than one step", () => {
  it("refuses sending a request back to any organisation that held it, however many referrals ago, and to the person who owned it before", async () => {
    const tora = await createPerson(t.db, { name: "Tora Tredje" });
    const third = await createOrganisationWith(t.db, [{ person: tora, role: "admin" }], { isBuyer: true, verified: true, name: "Tredje kommune" });
    const id = idFrom(await send(vendor, { ...clarification(), subject: "Rundt og rundt" }));
    // Within Bergvik: Ola, then Kari; back to Ola is a loop.
    expect((await act(berit, id, { intent: "assign", ownerId: ola.id, decisionMakerRole: "Personvernombud", decisionMandate: "Kan godkjenne", dueOn: addDays(today(), 7) })).status).toBe(302);
    expect((await act(ola, id, { intent: "refer", to: "person", userId: kari.id, reason: "Kari eier avtalene." })).status).toBe(302);
    expect((await readJson(await act(kari, id, { intent: "refer", to: "person", userId: ola.id, reason: "Tilbake." }))).errors.userId).toEqual(["referral_loop"]);
    // Bergvik → Vestfjord → Tredje kommune; back to Bergvik (two referrals ago) is a loop too.
    expect((await act(berit, id, { intent: "refer", to: "organisation", organisationId: vestfjord.id, reason: "Helseforetakets avtale." })).status).toBe(302);
    expect((await act(hanne, id, { intent: "refer", to: "organisation", organisationId: third.id, reason: "Kommunens egen avtale." })).status).toBe(302);
    const loop = await act(tora, id, { intent: "refer", to: "organisation", organisationId: bergvik.id, reason: "Tilbake til start." });
    expect(loop.status).toBe(409);
    expect((await readJson(loop)).errors.organisationId).toEqual(["referral_loop"]);
    const seen = await readJson(await view(vendor, id));
    expect(seen.request.referrals).toBe(3);
    expect(seen.steps.filter((s: { kind: string }) => s.kind.startsWith("referred")).map((s: { reason: string }) => s.reason)).toEqual(["Kari eier avtalene.", "Helseforetakets avtale.", "Kommunens egen avtale."]);
  });
});

describe("equal treatment: a request about an open event", () => {
  it("offers to publish the answer through the event's Q&A, and does so without naming the vendor", async () => {
    const id = idFrom(await send(vendor, { buyerId: bergvik.id, type: "clarification", topic: "technical", subject: "Hvilket FHIR-grensesnitt?", body: "Nordlys lurer på grensesnittet.", eventId: openEventId }));
    const seen = await readJson(await view(berit, id));
    expect(seen.openEvent).toBe(true);
    const response = await act(berit, id, { intent: "answer", answer: "FHIR R4 med de norske basisprofilene.", shareOnEvent: "on", publishedQuestion: "Hvilket FHIR-grensesnitt skal brukes?" });
    expect(response.status).toBe(302);
    const question = await t.db.selectFrom("eventQuestions").selectAll().where("eventId", "=", openEventId).executeTakeFirstOrThrow();
    expect([question.publishedText, question.answer]).toEqual(["Hvilket FHIR-grensesnitt skal brukes?", "FHIR R4 med de norske basisprofilene."]);
  });

  it("refuses to publish to an event when the request has none", async () => {
    const id = idFrom(await send(vendor, { ...clarification(), subject: "Uten arrangement" }));
    const response = await act(berit, id, { intent: "answer", answer: "Svar.", shareOnEvent: "on", publishedQuestion: "Spørsmål?" });
    expect(response.status).toBe(400);
    expect((await readJson(response)).errors.publishedQuestion).toEqual(["no_open_event"]);
  });
});

describe("reminders and escalation (the job, with an injected clock)", () => {
  it("reminds the owner on the due date once, escalates to the commercial lead when overdue, once, and never touches answered requests", async () => {
    const dueOn = addDays(today(), 2);
    const id = idFrom(await send(vendor, { ...clarification(), subject: "Påminnelse-test" }));
    await act(berit, id, { intent: "assign", ownerId: kari.id, decisionMakerRole: "Jurist", decisionMandate: "Avtaler", dueOn });
    const at = (date: string) => new Date(`${date}T09:00:00Z`);
    const base = "http://localhost";
    const run = (date: string) => sendVendorRequestReminders(t.db, at(date), base, { escalateAfterDays: 3 });
    expect(await run(addDays(dueOn, -1))).toEqual({ reminded: 0, escalated: 0 });
    const first = await run(dueOn);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await mailsTo(kari.email)).filter((m) => m.subject.startsWith("Svarfrist i dag"))).toHaveLength(1);
    await run(dueOn);
    expect((await mailsTo(kari.email)).filter((m) => m.subject.startsWith("Svarfrist i dag"))).toHaveLength(1);
    await run(addDays(dueOn, 2));
    expect((await mailsTo(lead.email)).filter((m) => m.subject === "Forfalt henvendelse: Påminnelse-test")).toHaveLength(0);
    await run(addDays(dueOn, 3));
    await run(addDays(dueOn, 4));
    expect((await mailsTo(lead.email)).filter((m) => m.subject === "Forfalt henvendelse: Påminnelse-test")).toHaveLength(1);
    const steps = await t.db.selectFrom("vendorRequestSteps").select("kind").where("requestId", "=", id).orderBy("at").execute();
    expect(steps.map((s) => s.kind)).toEqual(["sent", "assigned", "reminded", "escalated"]);
  });

  it("handles at most `limit` requests a round", async () => {
    const dueOn = addDays(today(), 30);
    for (const subject of ["Grense 1", "Grense 2", "Grense 3"]) {
      const id = idFrom(await send(vendor, { ...clarification(), subject }));
      await act(berit, id, { intent: "assign", ownerId: kari.id, decisionMakerRole: "Jurist", decisionMandate: "Avtaler", dueOn });
    }
    const result = await sendVendorRequestReminders(t.db, new Date(`${dueOn}T09:00:00Z`), "http://localhost", { limit: 2 });
    expect(result.reminded + result.escalated).toBe(2);
  });
});

describe("the scorecard's request figures", () => {
  it("counts median days to first answer, answers within the buyer's own due date, and requests referred more than twice", async () => {
    const org = await createOrganisationWith(t.db, [], { isBuyer: true, name: "Målekommune" });
    const day = 86_400_000;
    const created = new Date("2026-01-05T08:00:00Z");
    const row = (over: Record<string, unknown>) => ({ vendorId: vendorOrg.id, addressedTo: org.id, buyerId: org.id, type: "meeting" as const, subject: "Møte", body: "Kan vi møtes?", createdAt: created, ...over });
    await t.db
      .insertInto("vendorRequests")
      .values([
        row({ status: "answered", answer: "Ja.", closedAt: new Date(created.getTime() + 2 * day), dueOn: "2026-01-10" }),
        row({ status: "answered", answer: "Ja.", closedAt: new Date(created.getTime() + 10 * day), dueOn: "2026-01-10", referrals: 3 }),
        row({ status: "declined", declineReason: "Nei.", closedAt: new Date(created.getTime() + 4 * day) }),
        row({ dueOn: "2026-01-08" }),
      ])
      .execute();
    const figures = await vendorRequestFiguresForBuyer(t.db, org.id, { now: new Date("2026-02-01T12:00:00Z") });
    expect(figures).toEqual({ received: 4, medianDaysToFirstAnswer: 4, withinDueDate: { answered: 1, of: 3 }, referredMoreThanTwice: 1 });
    // The buyer's public scorecard shows them (36 months, so the fixed dates stay inside the window).
    const page = await readJson(await respond(scorecardLoader(await routeArgs(`/buyers/${org.slug}?window=36`, { params: { id: org.slug } }))));
    expect(page.requests.medianDaysToFirstAnswer).toBe(4);
    expect(page.requests.referredMoreThanTwice).toBe(1);
  });
});

describe("relationship timelines", () => {
  it("show a request on both parties' timelines, and on no one else's", async () => {
    const id = idFrom(await send(vendor, { ...clarification(), subject: "Tidslinje-test" }));
    const vendorSide = await relationshipTimeline(t.db, vendorOrg.id, bergvik.id, { type: "request" });
    const buyerSide = await relationshipTimeline(t.db, bergvik.id, vendorOrg.id);
    expect(vendorSide.find((i) => i.id === id)).toMatchObject({ kind: "vendor_request", title: "Tidslinje-test", status: "open", link: `/requests/${id}` });
    expect(buyerSide.some((i) => i.id === id)).toBe(true);
    expect((await relationshipTimeline(t.db, vestfjord.id, vendorOrg.id)).some((i) => i.id === id)).toBe(false);
  });
});

describe("the database refuses what the rules refuse", () => {
  it("refuses a clarification without a topic and an answered request without an answer", async () => {
    const base = { vendorId: vendorOrg.id, addressedTo: bergvik.id, buyerId: bergvik.id, subject: "Direkte", body: "Rett i databasen." };
    await expect(t.db.insertInto("vendorRequests").values({ ...base, type: "clarification" }).execute()).rejects.toThrow(/vendor_requests_topic_only_for_clarification/);
    await expect(t.db.insertInto("vendorRequests").values({ ...base, type: "meeting", status: "answered", answer: " \u200b", closedAt: new Date() }).execute()).rejects.toThrow(/vendor_requests_answer_has_text/);
  });
});

// Who may see and do what, per persona of the shared matrix: organisation A is the buyer.
async function worldRequest(world: World): Promise<string> {
  const sender = await createPerson(t.db, { name: "Matrise Leverandør" });
  const vendorOfWorld = await createOrganisationWith(t.db, [{ person: sender, role: "admin" }], { isBuyer: false, isVendor: true });
  const row = await t.db
    .insertInto("vendorRequests")
    .values({ vendorId: vendorOfWorld.id, addressedTo: world.organisation.id, buyerId: world.organisation.id, sentBy: sender.id, type: "meeting", subject: "Møte?", body: "Kan vi møtes?" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("authorization", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /requests (own organisation's only)",
      call: listLoader,
      request: (_world, cookie) => routeArgs("/requests", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "GET /requests/new (vendor members)",
      call: newLoader,
      request: (_world, cookie) => routeArgs("/requests/new", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: 403, operator: "register" },
    },
    {
      route: "GET /requests/:id (the two parties; 404 to the rest)",
      call: pageLoader,
      request: async (world, cookie) => {
        const id = await worldRequest(world);
        return routeArgs(`/requests/${id}`, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "POST /requests/:id (assign, by the buyer holding it)",
      call: pageAction,
      request: async (world, cookie) => {
        const id = await worldRequest(world);
        const dueOn = addDays(today(), 5);
        return formRequest(`/requests/${id}`, { intent: "assign", ownerId: world.people.member.id, decisionMakerRole: "Innkjøpssjef", decisionMandate: "Alt", dueOn }, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: "register" },
    },
  ]);
});
