import { beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "~/models/event-edits.server";
import { seedDemoData } from "@db/seed/demo";
import { action as eventAction, loader as eventLoader } from "~/routes/events.$eventId/route";
import { loader as calendarLoader } from "~/routes/events.$eventId[.ics]";
import { loader as workspaceLoader } from "~/routes/workspace.events";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

const RFI = "00000000-0000-4000-8000-000000000101"; // Bergvik, published, dated
const AMENDED = "00000000-0000-4000-8000-000000000102"; // Helse Vestfjord, published, one amendment
const DEMAND_NOTICE = "00000000-0000-4000-8000-000000000104"; // published, no dates
const RFP = "00000000-0000-4000-8000-000000000107"; // Bergvik, published
const DRAFT = "00000000-0000-4000-8000-000000000108"; // Helse Vestfjord, draft
const PROCURED = "00000000-0000-4000-8000-000000000109"; // Fjordheim, closed with an outcome
const NEEDS_OUTCOME = "00000000-0000-4000-8000-000000000110"; // Bergvik, closed without an outcome

const DAY = 24 * 60 * 60 * 1000;

let bergvikMember: Person, vestfjordMember: Person, fjordheimMember: Person, vendor: Person;
let nordlysId: string, bergvikId: string;

async function orgId(slug: string) {
  return (await t.db.selectFrom("organisations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

async function memberOf(slug: string): Promise<Person> {
  const person = await createPerson(t.db);
  const organisationId = await orgId(slug);
  await t.db.insertInto("memberships").values({ userId: person.id, organisationId, role: "member", commercialRole: null }).execute();
  await t.db.updateTable("users").set({ activeOrganisationId: organisationId }).where("id", "=", person.id).execute();
  return person;
}

const page = async (id: string, cookie?: string) => respond(eventLoader(await routeArgs(`/events/${id}`, { params: { eventId: id }, cookie })));
const ics = async (id: string, cookie?: string) => respond(calendarLoader(await routeArgs(`/events/${id}.ics`, { params: { eventId: id }, cookie })));
const post = async (id: string, fields: Record<string, string>, cookie?: string) =>
  respond(eventAction(await formRequest(`/events/${id}`, fields, { params: { eventId: id }, cookie })));

async function stored(id: string) {
  return t.db.selectFrom("events").select(["status", "outcome", "outcomeContractValueNok", "outcomeWinnerId", "outcomeWithdrawnReason", "closedAt"]).where("id", "=", id).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  await seedDemoData(t.db);
  [bergvikMember, vestfjordMember, fjordheimMember, vendor] = await Promise.all([
    memberOf("bergvik-kommune"),
    memberOf("helse-vestfjord-hf"),
    memberOf("fjordheim-kommune"),
    memberOf("nordlys-helse-as"),
  ]);
  [nordlysId, bergvikId] = await Promise.all([orgId("nordlys-helse-as"), orgId("bergvik-kommune")]);
});

describe("who sees the event page", () => {
  it("shows a published event to anyone, with its expectation and change log", async () => {
    const response = await page(AMENDED);
    expect(response.status).toBe(200);
    const data = await readJson(response);
    expect(data.event.title).toMatch(/Leverandørkonferanse/);
    expect(data.event.amendments).toHaveLength(1);
    expect(data.event.amendments[0].changes.map((c: { field: string }) => c.field)).toEqual(["location", "capacity"]);
    expect(data.metaDescription).toMatch(/^Kjøp forventet: finansiert, 35–50 MNOK/);
    expect(data.manage).toBeNull();
    expect(data.hasCalendar).toBe(true);
  });

  it("answers 404 for a draft to anonymous visitors, vendors and other buyers, and shows it to the buyer's members", async () => {
    for (const cookie of [undefined, vendor.cookie, bergvikMember.cookie]) {
      expect((await page(DRAFT, cookie)).status).toBe(404);
    }
    const response = await page(DRAFT, vestfjordMember.cookie);
    expect(response.status).toBe(200);
    expect((await readJson(response)).event.status).toBe("draft");
  });

  it("confirms a publish where publishing sends the buyer (?published=1), and says nothing of a draft (issue 14)", async () => {
    const shown = async (id: string, cookie: string) =>
      (await readJson(await respond(eventLoader(await routeArgs(`/events/${id}?published=1`, { params: { eventId: id }, cookie }))))).saved;
    expect(await shown(RFI, bergvikMember.cookie)).toBe("published");
    expect(await shown(DRAFT, vestfjordMember.cookie)).toBeNull();
    expect((await readJson(await page(RFI, bergvikMember.cookie))).saved).toBeNull();
  });

  it("answers 404 for an id that is not an event", async () => {
    expect((await page("00000000-0000-4000-8000-000000000999")).status).toBe(404);
    expect((await page("not-a-uuid")).status).toBe(404);
  });

  it("offers the buyer's members the forms on a closed event without an outcome, and nobody else", async () => {
    expect((await readJson(await page(NEEDS_OUTCOME, bergvikMember.cookie))).manage).toMatchObject({ canClose: false });
    expect((await readJson(await page(NEEDS_OUTCOME, bergvikMember.cookie))).manage.vendors.some((v: { id: string }) => v.id === nordlysId)).toBe(true);
    for (const cookie of [undefined, vendor.cookie, fjordheimMember.cookie]) {
      expect((await readJson(await page(NEEDS_OUTCOME, cookie))).manage).toBeNull();
    }
    // An outcome once recorded is final: no forms.
    expect((await readJson(await page(PROCURED, await memberOf("fjordheim-kommune").then((p) => p.cookie)))).manage).toBeNull();
  });
});

describe("the calendar file", () => {
  it("gives a published, dated event as text/calendar with the event's deadlines", async () => {
    const response = await ics(RFI);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain(".ics");
    const text = (await response.text()).replace(/\r\n /g, "");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain(`UID:${RFI}-registration@localhost`);
    expect(text).toContain(`UID:${RFI}-response@localhost`);
    expect(text).toContain("SUMMARY:Påmeldingsfrist: Digital hjemmeoppfølging for personer med kroniske sykdommer");
    expect(text).toContain("Kjøp forventet: planlagt\\, 4–6 MNOK");
    expect(text).toContain(`URL:http://localhost/events/${RFI}`);
  });

  it("gives the meeting itself with its place when the event has a time", async () => {
    const text = (await (await ics(AMENDED)).text()).replace(/\r\n /g, "");
    expect(text).toContain(`UID:${AMENDED}-event@localhost`);
    expect(text).toContain("LOCATION:Konferansesenteret\\, Strandkaien 4\\, Bergvik");
    // One amendment: calendars that have the first version take this one.
    expect(text).toContain("SEQUENCE:1");
  });

  it("answers 404 for an event without dates, and for a draft to outsiders", async () => {
    expect((await ics(DEMAND_NOTICE)).status).toBe(404);
    const draft = await createDraft(
      t.db,
      { user: { id: bergvikMember.id }, organisation: { id: bergvikId, isBuyer: true } },
      { kind: "dialogue_meeting", title: "Utkast med dato", registrationDeadline: new Date(Date.now() + 30 * DAY) },
    );
    if (!draft.ok) throw new Error("draft not created");
    expect((await ics(draft.value.id)).status).toBe(404);
    expect((await ics(draft.value.id, vendor.cookie)).status).toBe(404);
    expect((await ics(draft.value.id, bergvikMember.cookie)).status).toBe(200);
  });
});

describe("the buyer workspace", () => {
  it("lists the closed events waiting for an outcome, oldest first", async () => {
    // A second Bergvik event closed long ago, without an outcome.
    await t.db
      .updateTable("events")
      .set({ status: "closed", closedAt: new Date(Date.now() - 200 * DAY) })
      .where("id", "=", RFP)
      .execute();
    const response = await respond(workspaceLoader(await routeArgs("/workspace/events", { cookie: bergvikMember.cookie })));
    expect(response.status).toBe(200);
    const data = await readJson(response);
    expect(data.events.needsOutcome.map((e: { id: string }) => e.id)).toEqual([RFP, NEEDS_OUTCOME]);
    expect(data.events.published.map((e: { id: string }) => e.id)).toContain(RFI);
    expect(typeof data.blockedAttempts).toBe("number");
  });

  it("sends anonymous visitors to log in and refuses vendors", async () => {
    const anonymous = await respond(workspaceLoader(await routeArgs("/workspace/events")));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fworkspace%2Fevents");
    expect((await respond(workspaceLoader(await routeArgs("/workspace/events", { cookie: vendor.cookie })))).status).toBe(403);
  });
});

authorizationMatrix(() => t.db, [
  {
    route: "GET /workspace/events",
    call: workspaceLoader,
    request: (_world, cookie) => routeArgs("/workspace/events", { cookie }),
    // The world's organisation is a buyer; the outsider's is a vendor; the operator belongs to none.
    expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: "register" },
  },
]);

describe("closing and recording the outcome", () => {
  it("sends anonymous visitors to log in and refuses vendors and other buyers, changing nothing", async () => {
    const anonymous = await post(RFI, { intent: "close" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await post(RFI, { intent: "close" }, vendor.cookie)).status).toBe(403);
    expect((await post(RFI, { intent: "close" }, fjordheimMember.cookie)).status).toBe(403);
    expect((await post(NEEDS_OUTCOME, { intent: "outcome", outcome: "withdrawn", reason: "Nei" }, vendor.cookie)).status).toBe(403);
    expect((await post(DRAFT, { intent: "close" }, vendor.cookie)).status).toBe(404);
    expect((await stored(RFI)).status).toBe("published");
    expect((await stored(NEEDS_OUTCOME)).outcome).toBeNull();
  });

  it("keeps nothing from bad input, and says what is wrong by the field", async () => {
    const response = await post(
      NEEDS_OUTCOME,
      { intent: "outcome", outcome: "procured", contractValueNok: "mange", contractDate: "2026-02-30", noticeReference: "", winningVendorId: "" },
      bergvikMember.cookie,
    );
    expect(response.status).toBe(400);
    const data = await readJson(response);
    expect(data.form).toBe("procured");
    expect(data.result.error).toEqual({ contractValueNok: ["must_be_whole_number"], contractDate: ["invalid_date"] });
    expect((await stored(NEEDS_OUTCOME)).outcome).toBeNull();

    const blank = await post(NEEDS_OUTCOME, { intent: "outcome", outcome: "withdrawn", reason: "   " }, bergvikMember.cookie);
    expect(blank.status).toBe(400);
    expect((await readJson(blank)).result.error).toEqual({ reason: ["required"] });

    const notAVendor = await post(
      NEEDS_OUTCOME,
      { intent: "outcome", outcome: "procured", contractValueNok: "100000", contractDate: "2026-01-15", winningVendorId: bergvikId },
      bergvikMember.cookie,
    );
    expect(notAVendor.status).toBe(400);
    expect((await readJson(notAVendor)).result.error).toEqual({ winningVendorId: ["not_a_vendor"] });
    expect((await stored(NEEDS_OUTCOME)).outcome).toBeNull();
  });

  it("records a procurement with the value as people write it, and only once", async () => {
    const response = await post(
      NEEDS_OUTCOME,
      { intent: "outcome", outcome: "procured", contractValueNok: "1 650 000", contractDate: "2026-01-15", noticeReference: "2026-100200", winningVendorId: nordlysId },
      bergvikMember.cookie,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/events/${NEEDS_OUTCOME}?saved=outcome`);
    expect(await stored(NEEDS_OUTCOME)).toMatchObject({ outcome: "procured", outcomeContractValueNok: 1_650_000, outcomeWinnerId: nordlysId });

    const again = await post(NEEDS_OUTCOME, { intent: "outcome", outcome: "not_procured", reason: "postponed" }, bergvikMember.cookie);
    expect(again.status).toBe(409);
    expect((await readJson(again)).result.error).toEqual({ "": ["outcome_recorded"] });
    expect((await stored(NEEDS_OUTCOME)).outcome).toBe("procured");
  });

  it("closes a published event, which then takes an outcome; a procurement before the deadlines pass is refused", async () => {
    const early = await post(RFI, { intent: "outcome", outcome: "not_procured", reason: "postponed" }, bergvikMember.cookie);
    expect(early.status).toBe(409);
    expect((await readJson(early)).result.error).toEqual({ "": ["not_closed"] });

    // Irreversible: without the ticked confirmation nothing changes, and the page says why.
    const unconfirmed = await post(RFI, { intent: "close" }, bergvikMember.cookie);
    expect(unconfirmed.status).toBe(400);
    expect((await readJson(unconfirmed)).result.error).toEqual({ "": ["confirm_required"] });
    expect((await stored(RFI)).status).toBe("published");

    const closed = await post(RFI, { intent: "close", confirm: "yes" }, bergvikMember.cookie);
    expect(closed.status).toBe(302);
    expect(closed.headers.get("Location")).toBe(`/events/${RFI}?saved=closed`);
    expect((await stored(RFI)).status).toBe("closed");

    const twice = await post(RFI, { intent: "close", confirm: "yes" }, bergvikMember.cookie);
    expect(twice.status).toBe(409);
    expect((await readJson(twice)).result.error).toEqual({ "": ["not_published"] });

    const outcome = await post(RFI, { intent: "outcome", outcome: "not_procured", reason: "postponed" }, bergvikMember.cookie);
    expect(outcome.status).toBe(302);
    expect((await stored(RFI)).outcome).toBe("not_procured");
  });

  it("lets the buyer withdraw a published event with a reason", async () => {
    const other = await createPerson(t.db);
    await t.db.insertInto("memberships").values({ userId: other.id, organisationId: await orgId("statens-helsedataetat"), role: "member", commercialRole: null }).execute();
    const id = "00000000-0000-4000-8000-000000000106";
    const unconfirmed = await post(id, { intent: "outcome", outcome: "withdrawn", reason: "Finansieringen falt bort." }, other.cookie);
    expect(unconfirmed.status).toBe(400);
    expect((await readJson(unconfirmed)).result.error).toEqual({ confirm: ["confirm_required"] });
    expect(await stored(id)).toMatchObject({ status: "published", outcome: null });
    const response = await post(id, { intent: "outcome", outcome: "withdrawn", confirm: "yes", reason: "Finansieringen falt bort." }, other.cookie);
    expect(response.status).toBe(302);
    expect(await stored(id)).toMatchObject({ status: "closed", outcome: "withdrawn", outcomeWithdrawnReason: "Finansieringen falt bort." });
  });

  it("answers 400 to an unknown intent", async () => {
    expect((await post(AMENDED, { intent: "delete" }, vestfjordMember.cookie)).status).toBe(400);
  });
});
