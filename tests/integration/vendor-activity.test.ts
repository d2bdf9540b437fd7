import { beforeAll, describe, expect, it } from "vitest";
import { askQuestion } from "~/models/questions.server";
import { leaveEvent, registerForEvent } from "~/models/registrations.server";
import { sendVendorActivityDigests, setActivityNotices } from "~/models/vendor-activity.server";
import { headerAccount } from "~/models/header-account.server";
import { action, loader } from "~/routes/workspace.activity/route";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();
const BASE = "https://markedsdialog.example";

// The matrix's organisation A is a buyer: its members see its vendor activity and choose their
// own notices; a vendor-only outsider gets 403; an operator without an organisation registers one.
authorizationMatrix(() => t.db, [
  {
    route: "GET /workspace/activity",
    call: loader,
    request: async (_world, cookie) => routeArgs("/workspace/activity", { cookie }),
    expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: "register" },
  },
  {
    route: "POST /workspace/activity",
    call: action,
    request: async (world, cookie) => formRequest("/workspace/activity", { organisationId: world.organisation.id, mode: "daily" }, { cookie }),
    expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
  },
]);

describe("buyers hear about what vendors do", () => {
  let admin: Person;
  let contact: Person;
  let plain: Person;
  let morning: Person;
  let buyerOrg: { id: string };
  let vendor: Person;
  let member: { user: { id: string }; organisation: { id: string; isVendor: boolean } };
  // A Monday afternoon in Oslo (UTC+1): the next digest hour is Tuesday 06:00Z.
  const NOW = new Date("2026-12-07T13:00:00Z");
  const DAY = 86_400_000;

  async function event(title: string) {
    const row = await t.db
      .insertInto("events")
      .values({ buyerId: buyerOrg.id, kind: "dialogue_meeting", status: "published", publishedAt: NOW, title, description: "", registrationDeadline: new Date(NOW.getTime() + 10 * DAY), startsAt: new Date(NOW.getTime() + 14 * DAY), effortLevel: "none" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const mails = (to: Person) => t.db.selectFrom("outbox").select(["subject", "text"]).where("template", "=", "vendor-activity").where("toAddress", "=", to.email).orderBy("createdAt").execute();

  beforeAll(async () => {
    admin = await createPerson(t.db, { name: "Berit Admin" });
    contact = await createPerson(t.db, { name: "Kari Kontakt" });
    plain = await createPerson(t.db, { name: "Per Medlem" });
    morning = await createPerson(t.db, { name: "Mona Morgen" });
    vendor = await createPerson(t.db, { name: "Viktor Leverandør" });
    buyerOrg = await createOrganisationWith(
      t.db,
      [
        { person: admin, role: "admin" },
        { person: contact, role: "member" },
        { person: plain, role: "member" },
        { person: morning, role: "member" },
      ],
      { verified: true, name: "Bergvik kommune" },
    );
    await t.db.updateTable("organisations").set({ commercialContactUserId: contact.id }).where("id", "=", buyerOrg.id).execute();
    await setActivityNotices(t.db, morning.id, buyerOrg.id, "daily", { now: new Date(NOW.getTime() - 60_000) });
    const vendorOrg = await createOrganisationWith(t.db, [{ person: vendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
    member = { user: { id: vendor.id }, organisation: { id: vendorOrg.id, isVendor: true } };
  });

  it("mails the admin and the commercial contact at once, the others not, and the daily member the next morning only", async () => {
    const id = await event("Dialogmøte om nattilsyn");
    expect((await registerForEvent(t.db, member, id, { attendees: [vendor.id], note: null }, { baseUrl: BASE, now: NOW })).ok).toBe(true);
    // Changing attendees on a held place is not news.
    expect((await registerForEvent(t.db, member, id, { attendees: [vendor.id], note: "Vi kommer to" }, { baseUrl: BASE, now: NOW })).ok).toBe(true);
    expect((await askQuestion(t.db, member, id, "Kreves HelseID?\nOg FHIR R4?", { baseUrl: BASE, now: new Date(NOW.getTime() + 60_000) })).ok).toBe(true);

    for (const person of [admin, contact]) {
      const got = await mails(person);
      expect(got.map((m) => m.subject)).toEqual(["Nordlys Helse AS meldte seg på «Dialogmøte om nattilsyn»", "Nordlys Helse AS stilte et spørsmål om «Dialogmøte om nattilsyn»"]);
      expect(got[1]!.text).toContain("Kreves HelseID?");
      expect(got[1]!.text).toContain(`${BASE}/workspace/questions`);
    }
    expect(await mails(plain)).toEqual([]);
    expect(await mails(morning)).toEqual([]);

    // The same evening: not yet. Tuesday 07:00 Oslo: one digest with both, then no more that day.
    expect(await sendVendorActivityDigests(t.db, new Date("2026-12-07T20:00:00Z"), BASE)).toBe(0);
    expect(await sendVendorActivityDigests(t.db, new Date("2026-12-08T06:01:00Z"), BASE)).toBe(1);
    expect(await sendVendorActivityDigests(t.db, new Date("2026-12-08T09:00:00Z"), BASE)).toBe(0);
    const digest = await mails(morning);
    expect(digest.map((m) => m.subject)).toEqual(["Leverandøraktivitet: 2 hendelser siste døgn"]);
    expect(digest[0]!.text).toContain("meldte seg på «Dialogmøte om nattilsyn»");
    expect(digest[0]!.text).toContain("stilte et spørsmål om «Dialogmøte om nattilsyn»");
    // Wednesday: nothing new, no mail.
    expect(await sendVendorActivityDigests(t.db, new Date("2026-12-09T06:01:00Z"), BASE)).toBe(0);
  });

  it("tells of a vendor's withdrawal with its words, not of the buyer's own change to the list, and respects 'never'", async () => {
    const id = await event("Leverandørkonferanse om e-resept");
    await setActivityNotices(t.db, contact.id, buyerOrg.id, "off");
    const before = (await mails(admin)).length;
    expect((await registerForEvent(t.db, member, id, { attendees: [vendor.id], note: null }, { baseUrl: BASE, now: NOW })).ok).toBe(true);
    expect((await leaveEvent(t.db, { id: vendor.id }, id, member.organisation.id, { kind: "withdraw" }, { baseUrl: BASE, now: NOW })).ok).toBe(true);
    expect((await leaveEvent(t.db, { id: vendor.id }, id, member.organisation.id, { kind: "decline", reason: "Ikke kapasitet i januar." }, { baseUrl: BASE, now: NOW })).ok).toBe(true);
    expect((await registerForEvent(t.db, member, id, { attendees: [vendor.id], note: null }, { baseUrl: BASE, now: NOW })).ok).toBe(true);
    // The buyer takes the vendor off the list itself: no notice to the buyer.
    expect((await leaveEvent(t.db, { id: admin.id }, id, member.organisation.id, { kind: "withdraw" }, { baseUrl: BASE, now: NOW })).ok).toBe(true);

    const subjects = (await mails(admin)).slice(before).map((m) => m.subject);
    expect(subjects).toEqual([
      "Nordlys Helse AS meldte seg på «Leverandørkonferanse om e-resept»",
      "Nordlys Helse AS trakk påmeldingen til «Leverandørkonferanse om e-resept»",
      "Nordlys Helse AS takket nei til å delta i «Leverandørkonferanse om e-resept»",
      "Nordlys Helse AS meldte seg på «Leverandørkonferanse om e-resept»",
    ]);
    expect((await mails(admin)).at(-2)!.text).toContain("Ikke kapasitet i januar.");
    expect((await mails(contact)).length).toBe(2); // only the first test's two, before "never"
    const kinds = await t.db.selectFrom("vendorActivity").select("kind").where("eventId", "=", id).orderBy("at").orderBy("kind").execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(["declined", "registered", "registered", "withdrawn"]);
  });

  it("shows the page with the latest activity and saves a member's choice; a made-up mode is refused by the field", async () => {
    const page = await readJson(await respond(loader(await routeArgs("/workspace/activity", { cookie: plain.cookie }))));
    expect(page.notices).toEqual({ chosen: null, mode: "off" });
    // Newest first: the first test's question came a minute after everything else.
    expect(page.activity[0]).toMatchObject({ kind: "question", vendorName: "Nordlys Helse AS", eventTitle: "Dialogmøte om nattilsyn", path: "/workspace/questions" });
    expect(page.activity.length).toBeGreaterThanOrEqual(6);

    const bad = await respond(action(await formRequest("/workspace/activity", { organisationId: buyerOrg.id, mode: "hourly" }, { cookie: plain.cookie })));
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).result.error.mode).toEqual(["invalid_choice"]);
    const row = () => t.db.selectFrom("memberships").select(["activityNotices"]).where("userId", "=", plain.id).where("organisationId", "=", buyerOrg.id).executeTakeFirstOrThrow();
    expect((await row()).activityNotices).toBeNull();

    const saved = await respond(action(await formRequest("/workspace/activity", { organisationId: buyerOrg.id, mode: "immediate" }, { cookie: plain.cookie })));
    expect((await readJson(saved)).saved).toBe(true);
    expect((await row()).activityNotices).toBe("immediate");
  });

  it("counts the buyer's unanswered questions for the navigation, for buyers only", async () => {
    const person = (p: Person) => t.db.selectFrom("users").select(["id", "name", "isOperator", "activeOrganisationId"]).where("id", "=", p.id).executeTakeFirstOrThrow();
    const open = await t.db
      .selectFrom("eventQuestions")
      .innerJoin("events", "events.id", "eventQuestions.eventId")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("events.buyerId", "=", buyerOrg.id)
      .where("answeredAt", "is", null)
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(1);
    expect((await headerAccount(t.db, await person(plain))).unansweredQuestions).toBe(1);
    expect((await headerAccount(t.db, await person(vendor))).unansweredQuestions).toBe(0);
  });
});
