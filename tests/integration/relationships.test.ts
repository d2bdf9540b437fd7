import { beforeAll, describe, expect, it } from "vitest";
import { followUpReminders } from "~/jobs/follow-up-reminders.server";
import { logInteraction, respondToInteraction } from "~/models/interactions.server";
import { listRelationships, relationshipTimeline } from "~/models/relationships.server";
import { action as loginAction } from "~/routes/login";
import { loader as followUpsLoader } from "~/routes/follow-ups";
import { loader as listLoader } from "~/routes/relationships._index";
import { action as pageAction, loader as pageLoader } from "~/routes/relationships.$counterpart/route";
import { hashPassword } from "~/auth/password.server";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { ipTermsColumns } from "../fixtures/ip-terms";

const t = setupTestDatabase();
const DAY = 86_400_000;
const entryUrl = { entryUrl: (id: string) => `http://localhost/interactions/${id}` };

async function thirdOrganisation() {
  const owner = await createPerson(t.db);
  return createOrganisationWith(t.db, [{ person: owner, role: "admin" }], { isBuyer: true, name: "Tredje kommune" });
}

describe("authorization", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /relationships",
      call: listLoader,
      request: async (_w, cookie) => routeArgs("/relationships", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "GET /follow-ups",
      call: followUpsLoader,
      request: async (_w, cookie) => routeArgs("/follow-ups", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "GET /relationships/:counterpart",
      call: pageLoader,
      request: async (_w, cookie) => {
        const other = await thirdOrganisation();
        return routeArgs(`/relationships/${other.slug}`, { cookie, params: { counterpart: other.slug } });
      },
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "POST /relationships/:counterpart (add a note for organisation A)",
      call: pageAction,
      request: async (world, cookie) => {
        const other = await thirdOrganisation();
        return formRequest(`/relationships/${other.id}`, { intent: "add-note", organisationId: world.organisation.id, body: "Privat" }, { cookie, params: { counterpart: other.id } });
      },
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
  ]);
});

describe("a relationship between a vendor and a buyer", () => {
  let viktor: Person; // business development manager at the vendor
  let kollega: Person; // another vendor member
  let berit: Person; // buyer admin
  let vendor: { id: string; slug: string; name: string };
  let buyer: { id: string; slug: string; name: string };
  const page = (p: Person, counterpart: string, query = "") => routeArgs(`/relationships/${counterpart}${query}`, { cookie: p.cookie, params: { counterpart } });
  const post = (p: Person, counterpart: string, fields: Record<string, string>, organisationId: string) =>
    formRequest(`/relationships/${counterpart}`, { organisationId, ...fields }, { cookie: p.cookie, params: { counterpart } });

  beforeAll(async () => {
    [viktor, kollega, berit] = await Promise.all([createPerson(t.db, { name: "Viktor Leverandør" }), createPerson(t.db, { name: "Kari Kollega" }), createPerson(t.db, { name: "Berit Innkjøp" })]);
    vendor = await createOrganisationWith(
      t.db,
      [
        { person: viktor, role: "admin", commercialRole: "business_development_manager" },
        { person: kollega, role: "member" },
      ],
      { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" },
    );
    buyer = await createOrganisationWith(t.db, [{ person: berit, role: "admin", commercialRole: "commercial_lead" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });

    const now = Date.now();
    const event = (title: string, startsAt: Date, extra: Record<string, unknown> = {}) =>
      t.db
        .insertInto("events")
        .values({ buyerId: buyer.id, kind: "dialogue_meeting", status: "published", publishedAt: new Date(), title, description: "", startsAt, effortLevel: "none", ...extra })
        .returning("id")
        .executeTakeFirstOrThrow();
    const held = await event("Holdt dialogmøte", new Date(now - 40 * DAY));
    const coming = await event("Kommende dialogmøte", new Date(now + 10 * DAY));
    await event("Annet kommende møte", new Date(now + 20 * DAY));
    await t.db.insertInto("registrations").values([
      { eventId: held.id, organisationId: vendor.id, status: "registered" },
      { eventId: coming.id, organisationId: vendor.id, status: "registered" },
    ]).execute();
    await t.db.insertInto("eventQuestions").values({ eventId: coming.id, organisationId: vendor.id, originalText: "Kreves FHIR R4?" }).execute();
    await t.db.insertInto("effortReports").values({ vendorId: vendor.id, buyerId: buyer.id, eventId: held.id, hours: 12, people: 2 }).execute();
    // An earlier report, two years back: counts in total, not this year.
    const old = await event("Gammelt møte", new Date(now - 800 * DAY));
    await t.db.insertInto("effortReports").values({ vendorId: vendor.id, buyerId: buyer.id, eventId: old.id, hours: 30, people: 1, reportedAt: new Date(now - 790 * DAY) }).execute();
    await event("Anskaffelse av medisineringsstøtte", new Date(now - 100 * DAY), {
      status: "closed",
      closedAt: new Date(now - 30 * DAY),
      outcome: "procured",
      outcomeRecordedAt: new Date(now - 5 * DAY),
      outcomeWinnerId: vendor.id,
      outcomeContractValueNok: 4_500_000,
      outcomeContractDate: "2026-10-01",
    });
    const request = await t.db
      .insertInto("effortRequests")
      .values({ buyerId: buyer.id, title: "Demo av løsningen", kindsOfWork: ["demo"], hoursPerVendor: 6, deadline: new Date(now + 5 * DAY), expectationStatus: "none", compensationNok: 10_000 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("effortRequestRecipients").values({ requestId: request.id, organisationId: vendor.id }).execute();

    const base = { participants: [], eventId: null, summary: "Referat", clauses: [], concernCategory: null, concernDescription: null, supersedesId: null };
    const first = await logInteraction(t.db, { ...base, organisationId: vendor.id, counterpartId: buyer.id, loggedBy: viktor.id, occurredAt: new Date(now - 3 * DAY), channel: "meeting", subject: "Oppfølgingsmøte", assessment: "in_line" }, entryUrl);
    const second = await logInteraction(
      t.db,
      { ...base, organisationId: buyer.id, counterpartId: vendor.id, loggedBy: berit.id, occurredAt: new Date(now - 1 * DAY), channel: "call", subject: "Telefon om demo", assessment: "concern", concernCategory: "unpaid_advisory_work", concernDescription: "Ba om mye gratis arbeid" },
      entryUrl,
    );
    if (!first.ok || !second.ok) throw new Error("interactions not logged");
    await respondToInteraction(t.db, { entryId: first.value.id, organisationId: buyer.id, userId: berit.id, response: "confirm", account: null }, entryUrl);
    await respondToInteraction(t.db, { entryId: second.value.id, organisationId: vendor.id, userId: viktor.id, response: "dispute", account: "Vi ble ikke bedt om noe slikt." }, entryUrl);
  });

  it("lists the buyer with every figure of the relationship, from the vendor's side", async () => {
    const [row] = await listRelationships(t.db, vendor.id, { sort: "lastContact", show: "all" });
    expect(row).toMatchObject({
      id: buyer.id,
      name: "Bergvik kommune",
      lastContactChannel: "call",
      lastContactBy: "Berit Innkjøp",
      lastContactOrganisation: "Bergvik kommune",
      openFollowUps: 0,
      upcomingEvents: 2,
      openEffortRequests: 1,
      confirmed: 1,
      disputed: 1,
      concerns: 1,
      hoursThisYear: 12,
      hoursTotal: 42,
      procuredNok: 4_500_000,
      contracts: 1,
    });
    expect(row!.lastContactAt).toBeInstanceOf(Date);
  });

  it("lists the vendor from the buyer's side: their coming registrations and hours they reported to us", async () => {
    const rows = await listRelationships(t.db, buyer.id, { sort: "name", show: "all" });
    expect(rows.map((r) => r.name)).toEqual(["Nordlys Helse AS"]);
    expect(rows[0]).toMatchObject({ upcomingEvents: 1, openEffortRequests: 1, hoursTotal: 42, procuredNok: 4_500_000, concerns: 1 });
  });

  it("counts an open RFI the vendor registered for as coming on both sides, though it has no meeting, only a response deadline", async () => {
    const { id } = await t.db
      .insertInto("events")
      .values({ buyerId: buyer.id, kind: "rfi", status: "published", publishedAt: new Date(), title: "Åpen RFI", description: "", responseDeadline: new Date(Date.now() + 15 * DAY), effortLevel: "none", ...ipTermsColumns() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("registrations").values({ eventId: id, organisationId: vendor.id, status: "registered" }).execute();
    expect((await listRelationships(t.db, vendor.id, { sort: "name", show: "all" })).find((r) => r.id === buyer.id)).toMatchObject({ upcomingEvents: 3 });
    expect((await listRelationships(t.db, buyer.id, { sort: "name", show: "all" }))[0]).toMatchObject({ upcomingEvents: 2 });
    await t.db.deleteFrom("registrations").where("eventId", "=", id).execute();
    await t.db.deleteFrom("events").where("id", "=", id).execute();
  });

  it("filters and sorts through the URL, and ignores values it does not know", async () => {
    const other = await thirdOrganisation();
    await t.db.insertInto("relationshipContacts").values({ organisationId: vendor.id, counterpartId: other.id, name: "Ola Prospekt" }).execute();
    const names = async (query: string) => (await readJson(await respond(listLoader(await routeArgs(`/relationships${query}`, { cookie: viktor.cookie }))))).relationships.map((r: { name: string }) => r.name);
    expect(await names("")).toEqual(["Bergvik kommune", "Tredje kommune"]);
    expect(await names("?sort=name")).toEqual(["Bergvik kommune", "Tredje kommune"]);
    expect(await names("?show=concerns")).toEqual(["Bergvik kommune"]);
    expect(await names("?show=hours&sort=hours")).toEqual(["Bergvik kommune"]);
    expect(await names("?show=stale")).toEqual(["Tredje kommune"]);
    expect(await names("?show=followUps")).toEqual([]);
    expect(await names("?sort=drop-table&show=nonsense")).toEqual(["Bergvik kommune", "Tredje kommune"]);
    await t.db.deleteFrom("relationshipContacts").where("counterpartId", "=", other.id).execute();
  });

  it("merges everything into one timeline, newest first, filterable by type", async () => {
    const timeline = await relationshipTimeline(t.db, vendor.id, buyer.id);
    expect(timeline.map((i) => i.kind).sort()).toEqual(
      ["effort_report", "effort_report", "effort_request", "interaction", "interaction", "outcome", "question", "registration", "registration"].sort(),
    );
    const times = timeline.map((i) => new Date(i.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(timeline.find((i) => i.kind === "outcome")).toMatchObject({ status: "procured_between_us", nok: 4_500_000 });
    const data = await readJson(await respond(pageLoader(await page(viktor, buyer.slug, "?type=interaction"))));
    expect(data.type).toBe("interaction");
    expect(data.timeline.map((i: { title: string }) => i.title)).toEqual(["Telefon om demo", "Oppfølgingsmøte"]);
    const same = await readJson(await respond(pageLoader(await page(viktor, buyer.id))));
    expect(same.counterpart.id).toBe(buyer.id);
    expect(same.timeline).toHaveLength(9);
  });

  it("keeps notes, follow-ups and contacts private to the organisation that wrote them", async () => {
    const added = await Promise.all([
      respond(pageAction(await post(viktor, buyer.slug, { intent: "add-note", body: "Budsjettet for 2027 er ikke vedtatt" }, vendor.id))),
      respond(pageAction(await post(viktor, buyer.slug, { intent: "add-follow-up", title: "Send referat", dueOn: "2030-01-15", ownerId: kollega.id }, vendor.id))),
      respond(pageAction(await post(viktor, buyer.slug, { intent: "add-contact", name: "Per Prosjekt", role: "Prosjektleder", email: "per@bergvik.example", phone: "+47 912 34 567" }, vendor.id))),
    ]);
    expect(added.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(added[0]!.headers.get("Location")).toBe(`/relationships/${buyer.slug}?notice=notes.added#notes`);

    const mine = await readJson(await respond(pageLoader(await page(kollega, buyer.slug))));
    expect(mine.notes.map((n: { body: string }) => n.body)).toEqual(["Budsjettet for 2027 er ikke vedtatt"]);
    expect(mine.followUps).toMatchObject([{ title: "Send referat", dueOn: "2030-01-15", ownerName: "Kari Kollega" }]);
    expect(mine.contacts).toMatchObject([{ name: "Per Prosjekt", email: "per@bergvik.example" }]);

    // The counterpart sees its own (empty) records about the vendor, never the vendor's.
    const theirs = await respond(pageLoader(await page(berit, vendor.slug)));
    const text = await theirs.clone().text();
    const body = await readJson(theirs);
    expect(body.notes).toEqual([]);
    expect(body.followUps).toEqual([]);
    expect(body.contacts).toEqual([]);
    for (const secret of ["Budsjettet", "Send referat", "Per Prosjekt"]) expect(text).not.toContain(secret);
    // Their own organisation has no relationship page.
    expect((await respond(pageLoader(await page(berit, buyer.slug)))).status).toBe(404);

    // Nor can the counterpart change or delete the vendor's records by id, through its own page.
    const ids = { note: mine.notes[0].id, followUp: mine.followUps[0].id, contact: mine.contacts[0].id };
    for (const [intent, id] of [["edit-note", ids.note], ["delete-note", ids.note], ["toggle-follow-up", ids.followUp], ["delete-follow-up", ids.followUp], ["delete-contact", ids.contact]]) {
      const r = await respond(pageAction(await post(berit, vendor.slug, { intent: intent!, id: id!, body: "overskrevet" }, buyer.id)));
      expect(r.status, intent).toBe(404);
    }
    // …and acting for the vendor organisation is refused outright.
    expect((await respond(pageAction(await post(berit, buyer.slug, { intent: "delete-note", id: ids.note }, vendor.id)))).status).toBe(403);
    const after = await readJson(await respond(pageLoader(await page(viktor, buyer.slug))));
    expect(after.notes).toHaveLength(1);
    expect(after.followUps[0].doneAt).toBeNull();
    expect(after.contacts).toHaveLength(1);

    // /follow-ups: Kari's own, and under "others" for Viktor.
    const karis = await readJson(await respond(followUpsLoader(await routeArgs("/follow-ups", { cookie: kollega.cookie }))));
    expect(karis.mine.map((f: { title: string }) => f.title)).toEqual(["Send referat"]);
    const viktors = await readJson(await respond(followUpsLoader(await routeArgs("/follow-ups", { cookie: viktor.cookie }))));
    expect(viktors.mine).toEqual([]);
    expect(viktors.others.map((f: { title: string }) => f.title)).toEqual(["Send referat"]);
    const berits = await readJson(await respond(followUpsLoader(await routeArgs("/follow-ups", { cookie: berit.cookie }))));
    expect([...berits.mine, ...berits.others]).toEqual([]);
  });

  it("edits, marks done and deletes, each through the member's own organisation", async () => {
    const [note] = await t.db.selectFrom("relationshipNotes").select("id").where("organisationId", "=", vendor.id).execute();
    const [followUp] = await t.db.selectFrom("relationshipFollowUps").select("id").where("organisationId", "=", vendor.id).execute();
    const [contact] = await t.db.selectFrom("relationshipContacts").select("id").where("organisationId", "=", vendor.id).execute();
    const act = async (fields: Record<string, string>) => respond(pageAction(await post(viktor, buyer.slug, fields, vendor.id)));
    expect((await act({ intent: "edit-note", id: note!.id, body: "Budsjettet er vedtatt" })).status).toBe(302);
    expect((await act({ intent: "edit-follow-up", id: followUp!.id, title: "Send referat og tilbud", dueOn: "2030-02-01", ownerId: viktor.id })).status).toBe(302);
    expect((await act({ intent: "toggle-follow-up", id: followUp!.id, returnTo: "/follow-ups" })).headers.get("Location")).toBe("/follow-ups");
    expect((await act({ intent: "edit-contact", id: contact!.id, name: "Per Prosjekt", phone: "22 33 44 55" })).status).toBe(302);
    const data = await readJson(await respond(pageLoader(await page(viktor, buyer.slug))));
    expect(data.notes[0].body).toBe("Budsjettet er vedtatt");
    expect(data.followUps[0]).toMatchObject({ title: "Send referat og tilbud", dueOn: "2030-02-01", ownerName: "Viktor Leverandør" });
    expect(data.followUps[0].doneAt).not.toBeNull();
    expect(data.contacts[0]).toMatchObject({ role: null, email: null, phone: "22 33 44 55" });
    // A returnTo off the site is ignored.
    expect((await act({ intent: "toggle-follow-up", id: followUp!.id, returnTo: "https://evil.example/" })).headers.get("Location")).toMatch(/^\/relationships\//);
    for (const [intent, id] of [["delete-note", note!.id], ["delete-follow-up", followUp!.id], ["delete-contact", contact!.id]]) {
      expect((await act({ intent: intent!, id: id! })).status).toBe(302);
      expect((await act({ intent: intent!, id: id! })).status, `${intent} twice`).toBe(404);
    }
    expect((await act({ intent: "no-such-intent" })).status).toBe(400);
  });

  it("refuses bad input by the field and stores nothing", async () => {
    const count = async () => {
      const rows = await Promise.all(
        (["relationshipNotes", "relationshipFollowUps", "relationshipContacts"] as const).map((table) => t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()),
      );
      return rows.map((r) => Number(r.n));
    };
    const before = await count();
    const errors = async (fields: Record<string, string>) => {
      const r = await respond(pageAction(await post(viktor, buyer.slug, fields, vendor.id)));
      expect(r.status).toBe(400);
      const body = await readJson(r);
      return { form: body.form, errors: body.result.error };
    };
    expect(await errors({ intent: "add-note", body: "   " })).toEqual({ form: "add-note", errors: { body: ["required"] } });
    expect(await errors({ intent: "add-note", body: "x".repeat(10001) })).toEqual({ form: "add-note", errors: { body: ["too_long"] } });
    expect(await errors({ intent: "add-follow-up", title: "", dueOn: "2030-02-30", ownerId: viktor.id })).toEqual({
      form: "add-follow-up",
      errors: { title: ["required"], dueOn: ["invalid_date"] },
    });
    expect(await errors({ intent: "add-follow-up", title: "Ring", dueOn: "2030-02-01", ownerId: berit.id })).toEqual({
      form: "add-follow-up",
      errors: { ownerId: ["relationships_owner_not_member"] },
    });
    expect(await errors({ intent: "add-follow-up", title: "Ring", dueOn: "2030-02-01", ownerId: "not-a-uuid" })).toEqual({ form: "add-follow-up", errors: { ownerId: ["invalid_value"] } });
    expect(await errors({ intent: "add-contact", name: "", email: "ikke-epost", phone: "ring meg" })).toEqual({
      form: "add-contact",
      errors: { name: ["required"], email: ["invalid_email"], phone: ["invalid_phone"] },
    });
    const [note] = await t.db.insertInto("relationshipNotes").values({ organisationId: vendor.id, counterpartId: buyer.id, body: "Uendret" }).returning("id").execute();
    expect(await errors({ intent: "edit-note", id: note!.id, body: "" })).toEqual({ form: `edit-note-${note!.id}`, errors: { body: ["required"] } });
    expect(await count()).toEqual([before[0]! + 1, before[1], before[2]]);
    await t.db.deleteFrom("relationshipNotes").where("id", "=", note!.id).execute();
  });

  it("has the database refuse what the forms refuse", async () => {
    const base = { organisationId: vendor.id, counterpartId: buyer.id };
    await expect(t.db.insertInto("relationshipNotes").values({ ...base, body: " " }).execute()).rejects.toThrow(/relationship_notes_body_length/);
    await expect(t.db.insertInto("relationshipNotes").values({ ...base, counterpartId: vendor.id, body: "Selv" }).execute()).rejects.toThrow(/relationship_notes_not_self/);
    await expect(t.db.insertInto("relationshipFollowUps").values({ ...base, title: "Ring", dueOn: "2030-01-01", ownerId: berit.id }).execute()).rejects.toThrow(/relationship_follow_ups_owner_is_member/);
    await expect(t.db.insertInto("relationshipContacts").values({ ...base, name: "X", phone: "ring meg" }).execute()).rejects.toThrow(/relationship_contacts_phone_format/);
    await expect(t.db.insertInto("relationshipContacts").values({ ...base, name: "X", email: "x" }).execute()).rejects.toThrow(/relationship_contacts_email_format/);
  });

  it("keeps a follow-up with the organisation, without owner, when its owner leaves", async () => {
    const leaver = await createPerson(t.db, { name: "Lise Slutter" });
    await t.db.insertInto("memberships").values({ userId: leaver.id, organisationId: vendor.id, role: "member" }).execute();
    const row = await t.db.insertInto("relationshipFollowUps").values({ organisationId: vendor.id, counterpartId: buyer.id, title: "Overlevering", dueOn: "2030-03-01", ownerId: leaver.id }).returning("id").executeTakeFirstOrThrow();
    await t.db.deleteFrom("memberships").where("userId", "=", leaver.id).execute();
    const after = await t.db.selectFrom("relationshipFollowUps").select(["ownerId"]).where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(after.ownerId).toBeNull();
    await t.db.deleteFrom("relationshipFollowUps").where("id", "=", row.id).execute();
  });

  it("e-mails the owner once, on the due date in Oslo", async () => {
    const row = await t.db
      .insertInto("relationshipFollowUps")
      .values({ organisationId: vendor.id, counterpartId: buyer.id, title: "Ring Per om budsjettet", dueOn: "2031-03-10", ownerId: kollega.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("relationshipFollowUps").values({ organisationId: vendor.id, counterpartId: buyer.id, title: "Allerede gjort", dueOn: "2031-03-10", ownerId: viktor.id, doneAt: new Date() }).execute();
    const reminders = () => t.db.selectFrom("outbox").select(["toAddress", "subject", "text"]).where("template", "=", "follow-up-due").execute();

    // 22:59 UTC on the 9th is 23:59 in Oslo: the day before.
    expect(await followUpReminders.run(t.db, new Date("2031-03-09T22:59:00Z"))).toBe(0);
    // 23:00 UTC on the 9th is midnight in Oslo: the due date has begun.
    expect(await followUpReminders.run(t.db, new Date("2031-03-09T23:00:00Z"))).toBe(1);
    expect(await followUpReminders.run(t.db, new Date("2031-03-10T12:00:00Z"))).toBe(0);
    expect(await followUpReminders.run(t.db, new Date("2031-03-11T08:00:00Z"))).toBe(0);
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.toAddress).toBe(kollega.email);
    expect(sent[0]!.subject).toBe("Oppfølging i dag: Ring Per om budsjettet");
    expect(sent[0]!.text).toContain("10. mars 2031");
    expect(sent[0]!.text).toContain(`/relationships/${buyer.slug}#follow-ups`);
    const marked = await t.db.selectFrom("relationshipFollowUps").select("remindedAt").where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(marked.remindedAt).toEqual(new Date("2031-03-09T23:00:00Z"));

    // A new due date is a new reminder.
    expect((await respond(pageAction(await post(kollega, buyer.slug, { intent: "edit-follow-up", id: row.id, title: "Ring Per om budsjettet", dueOn: "2031-03-12", ownerId: kollega.id }, vendor.id)))).status).toBe(302);
    expect(await followUpReminders.run(t.db, new Date("2031-03-12T07:00:00Z"))).toBe(1);
    expect(await reminders()).toHaveLength(2);
  });
});

describe("coming events on the relationship card (issue 14)", () => {
  it("counts an open RFI the vendor is registered for, though it has no meeting, only deadlines, on both sides", async () => {
    const [seller, purchaser] = await Promise.all([createPerson(t.db), createPerson(t.db)]);
    const vendorOrg = await createOrganisationWith(t.db, [{ person: seller, role: "admin" }], { isBuyer: false, isVendor: true, name: "Åpen RFI AS" });
    const buyerOrg = await createOrganisationWith(t.db, [{ person: purchaser, role: "admin" }], { isBuyer: true, verified: true, name: "Fristvik kommune" });
    const now = Date.now();
    const rfi = await t.db
      .insertInto("events")
      .values({
        buyerId: buyerOrg.id,
        kind: "dialogue_meeting",
        status: "published",
        publishedAt: new Date(),
        title: "Åpen forespørsel uten møte",
        description: "",
        startsAt: null,
        registrationDeadline: new Date(now + 5 * DAY),
        responseDeadline: new Date(now + 20 * DAY),
        effortLevel: "none",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("registrations").values({ eventId: rfi.id, organisationId: vendorOrg.id, status: "registered" }).execute();
    const [fromVendor] = await listRelationships(t.db, vendorOrg.id, { sort: "lastContact", show: "all" });
    const [fromBuyer] = await listRelationships(t.db, buyerOrg.id, { sort: "lastContact", show: "all" });
    expect(fromVendor).toMatchObject({ id: buyerOrg.id, upcomingEvents: 1 });
    expect(fromBuyer).toMatchObject({ id: vendorOrg.id, upcomingEvents: 1 });
  });
});

describe("after login", () => {
  async function login(email: string, redirectTo = "") {
    return respond(loginAction(await formRequest("/login", { email, password: "correct horse battery", redirectTo })));
  }
  beforeAll(async () => {
    const passwordHash = await hashPassword("correct horse battery");
    for (const [email, commercialRole] of [["bdm@example.test", "business_development_manager"], ["plain@example.test", null]] as const) {
      const person = await createPerson(t.db, { email });
      await t.db.updateTable("users").set({ passwordHash }).where("id", "=", person.id).execute();
      await createOrganisationWith(t.db, [{ person, role: "admin", ...(commercialRole ? { commercialRole } : {}) }], { isBuyer: false, isVendor: true });
    }
  });

  it("sends commercial-role holders to their relationships, unless told where to go", async () => {
    expect((await login("bdm@example.test")).headers.get("Location")).toBe("/relationships");
    expect((await login("bdm@example.test", "/demand")).headers.get("Location")).toBe("/demand");
    expect((await login("plain@example.test")).headers.get("Location")).toBe("/");
  });
});
