import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { reportedHoursByBuyer } from "~/models/effort-requests.server";
import { action as newAction, loader as newLoader } from "~/routes/effort-requests.new";
import { action as pageAction, loader as pageLoader } from "~/routes/effort-requests.$id";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

type Persona = "anonymous" | "vendor" | "otherVendor" | "buyer" | "otherBuyer";
const PERSONAS: Persona[] = ["anonymous", "vendor", "otherVendor", "buyer", "otherBuyer"];
let people: Record<Exclude<Persona, "anonymous">, Person>;
let vendorOrg: { id: string };
let buyerOrg: { id: string };

const cookie = (p: Persona) => (p === "anonymous" ? undefined : people[p].cookie);
function outcome(response: Response) {
  const location = response.headers.get("Location") ?? "";
  if (location.startsWith("/login")) return "login";
  if (response.status === 302) return "ok";
  return response.status;
}

const deadline = () => {
  const d = new Date(Date.now() + 20 * 86_400_000);
  return d.toISOString().slice(0, 16);
};
const base = () => ({ title: "Demo av medisineringsstøtte", description: "To timer demo.", kindsOfWork: "demo", hoursPerVendor: "12", deadline: deadline(), recipients: vendorOrg.id });
const expectation = {
  "expectation.status": "planned",
  "expectation.budgetMinNok": "2 000 000",
  "expectation.budgetMaxNok": "4000000",
  "expectation.fundingSource": "Driftsbudsjett 2027",
  "expectation.expectedValueNok": "3000000",
  "expectation.expectedTenderQuarter": "2027-Q3",
};

async function send(p: Persona, fields: Record<string, string | string[]>) {
  return respond(newAction(await formRequest("/effort-requests/new", fields, { cookie: cookie(p) })));
}

beforeAll(async () => {
  const [vendor, otherVendor, buyer, otherBuyer] = await Promise.all([
    createPerson(t.db, { name: "Viktor Leverandør" }),
    createPerson(t.db, { name: "Olga Annen" }),
    createPerson(t.db, { name: "Berit Innkjøp" }),
    createPerson(t.db, { name: "Hanne Fagleder" }),
  ]);
  people = { vendor, otherVendor, buyer, otherBuyer };
  vendorOrg = await createOrganisationWith(t.db, [{ person: vendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  await createOrganisationWith(t.db, [{ person: otherVendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Annen Leverandør AS" });
  buyerOrg = await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  await createOrganisationWith(t.db, [{ person: otherBuyer, role: "admin" }], { isBuyer: true, verified: true, name: "Helse Vestfjord HF" });
});

describe("effort requests through the predictability gate", () => {
  it("refuses a 12-hour demo without a purchase expectation, by field, and stores nothing", async () => {
    const response = await send("buyer", base());
    expect(response.status).toBe(422);
    const data = await readJson(response);
    expect(data.errors["expectation.status"]).toEqual(["expectation_required"]);
    expect(await t.db.selectFrom("effortRequests").select("id").execute()).toHaveLength(0);
  });

  it("refuses an incomplete expectation and bad input with a message beside each field", async () => {
    const response = await send("buyer", { ...base(), "expectation.status": "planned" });
    const data = await readJson(response);
    expect(Object.keys(data.errors).sort()).toEqual(["expectation.budgetMaxNok", "expectation.budgetMinNok", "expectation.expectedTenderQuarter", "expectation.expectedValueNok", "expectation.fundingSource"]);
    const bad = await readJson(await send("buyer", { title: "", hoursPerVendor: "mange", deadline: "" }));
    expect(bad.errors).toMatchObject({ title: ["required"], kindsOfWork: ["required"], hoursPerVendor: ["must_be_whole_number"], deadline: ["required"], recipients: ["recipients_required"] });
    // With no purchase expected, significant work must be paid for.
    const unpaid = await readJson(await send("buyer", { ...base(), "expectation.status": "none" }));
    expect(unpaid.errors.compensationNok).toEqual(["compensation_required"]);
  });

  it("counts the gate's refusal as a blocked attempt, but not a quarter typed as words", async () => {
    const blocked = async () => (await t.db.selectFrom("blockedPublishAttempts").select("id").where("buyerId", "=", buyerOrg.id).execute()).length;
    const before = await blocked();
    const typo = await send("buyer", { ...base(), ...expectation, "expectation.expectedTenderQuarter": "2. kvartal 2027" });
    expect(typo.status).toBe(400);
    expect((await readJson(typo)).errors["expectation.expectedTenderQuarter"]).toEqual(["invalid_quarter"]);
    expect(await blocked()).toBe(before);
    expect((await send("buyer", base())).status).toBe(422);
    expect(await blocked()).toBe(before + 1);
  });

  it("is backed by the database constraint", async () => {
    await expect(
      sql`insert into effort_requests (buyer_id, title, kinds_of_work, hours_per_vendor, deadline) values (${buyerOrg.id}, 'x', array['demo'], 12, now())`.execute(t.db),
    ).rejects.toThrow(/effort_requests_(require_expectation|expectation_declared)/);
  });

  it("sends a declared request, e-mails the recipient's admins, and shows it to the two parties only", async () => {
    const sent = await send("buyer", { ...base(), ...expectation });
    expect(sent.status).toBe(302);
    const id = sent.headers.get("Location")!.match(/effort-requests\/([^?]+)/)![1]!;
    const mail = await t.db.selectFrom("outbox").select(["template", "toAddress"]).where("template", "=", "effort-requested").execute();
    expect(mail).toEqual([{ template: "effort-requested", toAddress: people.vendor.email }]);

    const seen: Record<string, unknown> = {};
    for (const p of PERSONAS) seen[p] = outcome(await respond(pageLoader(await routeArgs(`/effort-requests/${id}`, { cookie: cookie(p), params: { id } }))));
    expect(seen).toEqual({ anonymous: "login", vendor: 200, otherVendor: 404, buyer: 200, otherBuyer: 404 });

    const post = async (p: Persona, fields: Record<string, string>) => respond(pageAction(await formRequest(`/effort-requests/${id}`, fields, { cookie: cookie(p), params: { id } })));
    const acted: Record<string, unknown> = {};
    for (const p of ["anonymous", "otherVendor", "buyer", "otherBuyer"] as const) acted[p] = outcome(await post(p, { intent: "accept" }));
    expect(acted).toEqual({ anonymous: "login", otherVendor: 404, buyer: 403, otherBuyer: 404 });

    const noReason = await post("vendor", { intent: "decline", reason: " " });
    expect(noReason.status).toBe(400);
    expect((await readJson(noReason)).errors.reason).toEqual(["reason_required"]);
    expect(outcome(await post("vendor", { intent: "accept" }))).toBe("ok");
    expect((await post("vendor", { intent: "decline", reason: "For sent" })).status).toBe(409);

    const badReport = await post("vendor", { intent: "report", hours: "0", people: "" });
    expect((await readJson(badReport)).errors).toEqual({ hours: ["must_be_positive"], people: ["required"] });
    expect(outcome(await post("vendor", { intent: "report", hours: "14", people: "2" }))).toBe("ok");
    expect((await post("vendor", { intent: "report", hours: "14", people: "2" })).status).toBe(409);

    const buyerView = await readJson(await respond(pageLoader(await routeArgs(`/effort-requests/${id}`, { cookie: cookie("buyer"), params: { id } }))));
    expect(buyerView.history.map((h: { kind: string }) => h.kind)).toEqual(["sent", "accepted", "reported"]);
    expect(buyerView.reports[0]).toMatchObject({ hours: 14, people: 2 });
    expect(await reportedHoursByBuyer(t.db, buyerOrg.id, { since: new Date(Date.now() - 86_400_000) })).toEqual({ hours: 14, people: 2, reports: 1 });
    expect(await reportedHoursByBuyer(t.db, buyerOrg.id, { since: new Date(Date.now() + 86_400_000) })).toEqual({ hours: 0, people: 0, reports: 0 });
    const answeredMail = await t.db.selectFrom("outbox").select("toAddress").where("template", "=", "vendor-activity").execute();
    expect(answeredMail).toEqual([{ toAddress: people.buyer.email }]);
  });

  it("lets only buyer members open the form", async () => {
    const seen: Record<string, unknown> = {};
    for (const p of PERSONAS) seen[p] = outcome(await respond(newLoader(await routeArgs("/effort-requests/new", { cookie: cookie(p) }))));
    expect(seen).toEqual({ anonymous: "login", vendor: 403, otherVendor: 403, buyer: 200, otherBuyer: 200 });
    expect(outcome(await send("vendor", { ...base(), ...expectation }))).toBe(403);
  });

  it("with a linked event uses its expectation and allows only its registered vendors", async () => {
    const event = await t.db
      .insertInto("events")
      .values({ buyerId: buyerOrg.id, kind: "dialogue_meeting", status: "published", publishedAt: new Date(), title: "Dialogmøte", description: "", effortLevel: "light", effortHoursPerVendor: 4, expectationStatus: "uncertain", budgetMinNok: 1, budgetMaxNok: 2, fundingSource: "Fond", expectedValueNok: 2, expectedTenderQuarter: "2027-Q4" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const notRegistered = await readJson(await send("buyer", { ...base(), eventId: event.id }));
    expect(notRegistered.errors.recipients).toEqual(["recipient_not_allowed"]);
    await t.db.insertInto("registrations").values({ eventId: event.id, organisationId: vendorOrg.id, status: "registered" }).execute();
    const sent = await send("buyer", { ...base(), eventId: event.id });
    expect(sent.status).toBe(302);
    const row = await t.db.selectFrom("effortRequests").select(["expectationStatus", "fundingSource"]).where("eventId", "=", event.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ expectationStatus: "uncertain", fundingSource: "Fond" });
  });
});

describe("correcting reported effort (issue 14)", () => {
  async function acceptedRequest() {
    const sent = await send("buyer", { ...base(), ...expectation, title: `Korrigering ${Math.random()}` });
    const id = sent.headers.get("Location")!.match(/effort-requests\/([^?]+)/)![1]!;
    const post = async (p: Persona, fields: Record<string, string>) => respond(pageAction(await formRequest(`/effort-requests/${id}`, fields, { cookie: cookie(p), params: { id } })));
    const view = async (p: Persona) => readJson(await respond(pageLoader(await routeArgs(`/effort-requests/${id}`, { cookie: cookie(p), params: { id } }))));
    expect(outcome(await post("vendor", { intent: "accept" }))).toBe("ok");
    return { id, post, view };
  }

  it("shows the vendor's note to the buyer, lets the vendor correct the figures and keeps the ones replaced", async () => {
    const { post, view } = await acceptedRequest();
    expect(outcome(await post("vendor", { intent: "report", hours: "14", people: "2", note: "Demoen tok lengre tid enn avtalt." }))).toBe("ok");
    const reportId = (await view("vendor")).reports[0].id as string;
    expect((await view("vendor")).reports[0].correctableUntil).not.toBeNull();
    expect((await view("buyer")).reports[0]).toMatchObject({ note: "Demoen tok lengre tid enn avtalt.", correctableUntil: null, corrections: [] });

    // Refused: the buyer, another vendor, bad figures, a correction that changes nothing.
    expect(outcome(await post("buyer", { intent: "correct", reportId, hours: "1", people: "1" }))).toBe(403);
    expect(outcome(await post("otherVendor", { intent: "correct", reportId, hours: "1", people: "1" }))).toBe(404);
    expect((await readJson(await post("vendor", { intent: "correct", reportId, hours: "-3", people: "2" }))).errors).toEqual({ hours: ["must_be_positive"] });
    expect((await readJson(await post("vendor", { intent: "correct", reportId, hours: "14", people: "2", note: "Demoen tok lengre tid enn avtalt." }))).errors).toEqual({ "": ["correction_unchanged"] });
    expect(await t.db.selectFrom("effortReportCorrections").select("id").where("reportId", "=", reportId).execute()).toEqual([]);

    expect(outcome(await post("vendor", { intent: "correct", reportId, hours: "21", people: "3", note: "Med forberedelser." }))).toBe("ok");
    const seen = (await view("buyer")).reports[0];
    expect(seen).toMatchObject({ hours: 21, people: 3, note: "Med forberedelser.", corrections: [{ hours: 14, people: 2, note: "Demoen tok lengre tid enn avtalt." }] });
    expect(seen.correctedAt).not.toBeNull();
    expect((await view("buyer")).history.map((h: { kind: string }) => h.kind)).toEqual(["sent", "accepted", "reported", "corrected"]);
  });

  it("refuses a correction after the window, and changes nothing", async () => {
    const { post, view } = await acceptedRequest();
    expect(outcome(await post("vendor", { intent: "report", hours: "5", people: "1" }))).toBe("ok");
    const reportId = (await view("vendor")).reports[0].id as string;
    // Reported 31 days ago: the column cannot be updated through the schema's types, only by SQL.
    await sql`update effort_reports set reported_at = ${new Date(Date.now() - 31 * 86_400_000)} where id = ${reportId}`.execute(t.db);
    expect((await view("vendor")).reports[0].correctableUntil).toBeNull();
    const late = await post("vendor", { intent: "correct", reportId, hours: "50", people: "1" });
    expect(late.status).toBe(409);
    expect((await readJson(late)).errors).toEqual({ "": ["correction_window_closed"] });
    expect((await view("buyer")).reports[0]).toMatchObject({ hours: 5, corrections: [] });
  });
});
