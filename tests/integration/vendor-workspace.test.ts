import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/workspace.participation";
import { loader as buyerWorkspace } from "~/routes/workspace.events";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

type Persona = "anonymous" | "vendor" | "otherVendor" | "buyer";
let people: Record<Exclude<Persona, "anonymous">, Person>;
let vendorOrg: { id: string };
let buyerOrg: { id: string };
let pastEvent: string;
const cookie = (p: Persona) => (p === "anonymous" ? undefined : people[p].cookie);
const DAY = 86_400_000;

async function event(startsAt: Date, title: string) {
  const row = await t.db
    .insertInto("events")
    .values({ buyerId: buyerOrg.id, kind: "dialogue_meeting", status: "published", publishedAt: new Date(), title, description: "", startsAt, effortLevel: "none" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db.insertInto("registrations").values({ eventId: row.id, organisationId: vendorOrg.id, status: "registered" }).execute();
  return row.id;
}

beforeAll(async () => {
  const [vendor, otherVendor, buyer] = await Promise.all([createPerson(t.db), createPerson(t.db), createPerson(t.db)]);
  people = { vendor, otherVendor, buyer };
  vendorOrg = await createOrganisationWith(t.db, [{ person: vendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  await createOrganisationWith(t.db, [{ person: otherVendor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Annen AS" });
  buyerOrg = await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  await event(new Date(Date.now() + 10 * DAY), "Kommende dialogmøte");
  pastEvent = await event(new Date(Date.now() - 2 * DAY), "Holdt dialogmøte");
});

describe("the vendor workspace", () => {
  it("is for vendor members only", async () => {
    const seen: Record<string, unknown> = {};
    for (const p of ["anonymous", "vendor", "otherVendor", "buyer"] as const) {
      const r = await respond(loader(await routeArgs("/workspace/participation", { cookie: cookie(p) })));
      seen[p] = r.headers.get("Location")?.startsWith("/login") ? "login" : r.status;
    }
    expect(seen).toEqual({ anonymous: "login", vendor: 200, otherVendor: 200, buyer: 403 });
  });

  it("splits registrations into upcoming and past, and reports effort for a held event once", async () => {
    const before = await readJson(await respond(loader(await routeArgs("/workspace/participation", { cookie: cookie("vendor") }))));
    expect(before.upcoming.map((r: { title: string }) => r.title)).toEqual(["Kommende dialogmøte"]);
    expect(before.past.map((r: { title: string }) => r.title)).toEqual(["Holdt dialogmøte"]);

    const post = async (p: Persona, fields: Record<string, string>) => respond(action(await formRequest("/workspace/participation", fields, { cookie: cookie(p) })));
    expect((await post("otherVendor", { eventId: pastEvent, hours: "5", people: "1" })).status).toBe(404);
    expect((await post("buyer", { eventId: pastEvent, hours: "5", people: "1" })).status).toBe(403);
    const bad = await post("vendor", { eventId: pastEvent, hours: "fem", people: "1" });
    expect((await readJson(bad)).errors).toEqual({ hours: ["must_be_whole_number"] });
    expect((await post("vendor", { eventId: pastEvent, hours: "6", people: "2" })).status).toBe(302);
    expect((await post("vendor", { eventId: pastEvent, hours: "6", people: "2" })).status).toBe(409);

    const after = await readJson(await respond(loader(await routeArgs("/workspace/participation", { cookie: cookie("vendor") }))));
    expect(after.hours).toEqual([{ buyerId: buyerOrg.id, buyerName: "Bergvik kommune", hours: 6, people: 2 }]);
    const other = await readJson(await respond(loader(await routeArgs("/workspace/participation", { cookie: cookie("otherVendor") }))));
    expect(other.hours).toEqual([]);

    // The report shows on the page and can be corrected there (issue 14), by its vendor only.
    const report = after.past[0].report;
    expect(report).toMatchObject({ hours: 6, people: 2, corrections: [] });
    expect(report.correctableUntil).not.toBeNull();
    expect((await post("otherVendor", { intent: "correct", reportId: report.id, eventId: pastEvent, hours: "9", people: "2" })).status).toBe(404);
    expect((await post("vendor", { intent: "correct", reportId: report.id, eventId: pastEvent, hours: "9", people: "2", note: "Glemte reisetid." })).status).toBe(302);
    const corrected = await readJson(await respond(loader(await routeArgs("/workspace/participation", { cookie: cookie("vendor") }))));
    expect(corrected.past[0].report).toMatchObject({ hours: 9, people: 2, note: "Glemte reisetid.", corrections: [{ hours: 6, people: 2, note: null }] });
    expect(corrected.hours).toEqual([{ buyerId: buyerOrg.id, buyerName: "Bergvik kommune", hours: 9, people: 2 }]);
  });

  it("does not take reports for an event not yet held", async () => {
    const upcoming = await t.db.selectFrom("events").select("id").where("title", "=", "Kommende dialogmøte").executeTakeFirstOrThrow();
    const r = await respond(action(await formRequest("/workspace/participation", { eventId: upcoming.id, hours: "5", people: "1" }, { cookie: cookie("vendor") })));
    expect(r.status).toBe(409);
  });

  it("lists effort requests in the buyer workspace", async () => {
    const data = await readJson(await respond(buyerWorkspace(await routeArgs("/workspace/events", { cookie: cookie("buyer") }))));
    expect(data.effortRequests).toEqual([]);
  });
});
