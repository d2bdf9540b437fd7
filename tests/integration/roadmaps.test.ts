import { beforeAll, describe, expect, it } from "vitest";
import { action as roadmapAction, loader as roadmapLoader } from "~/routes/standards.roadmaps.$slug";
import { loader as standardsLoader } from "~/routes/standards._index/route";
import { authorizationMatrix, createWorld, type World } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

let world: World;
beforeAll(async () => {
  await t.db
    .insertInto("standards")
    .values([
      { code: "hl7-fhir-r4", name: "HL7 FHIR R4", category: "interoperability", descriptionNb: "FHIR", descriptionEn: "FHIR" },
      { code: "snomed-ct", name: "SNOMED CT", category: "terminology", descriptionNb: "SNOMED", descriptionEn: "SNOMED" },
    ])
    .execute();
  world = await createWorld(t.db);
});

const save = async (cookie: string, fields: Record<string, string>, slug = world.organisation.slug) =>
  respond(roadmapAction(await formRequest(`/standards/roadmaps/${slug}`, { intent: "save", ...fields }, { cookie, params: { slug } })));

const changes = () => t.db.selectFrom("buyerRoadmapChanges").select(["status", "date", "note", "changedBy"]).where("organisationId", "=", world.organisation.id).orderBy("id").execute();

describe("a buyer's own standards roadmap", () => {
  it("is kept by the buyer's members, every change dated and kept, and shown on /standards per standard", async () => {
    const member = world.people.member;
    expect((await save(member.cookie, { standard: "hl7-fhir-r4", status: "planned", date: "2027-06-30", note: "Etter anskaffelse av ny EPJ" })).status).toBe(200);
    expect((await save(member.cookie, { standard: "hl7-fhir-r4", status: "required", date: "2028-01-01", note: "" })).status).toBe(200);
    expect((await save(world.people.admin.cookie, { standard: "snomed-ct", status: "implemented", date: "", note: "I bruk i journal" })).status).toBe(200);

    const page = await readJson(await respond(roadmapLoader(await routeArgs(`/standards/roadmaps/${world.organisation.slug}`, { params: { slug: world.organisation.slug } }))));
    expect(page.canEdit).toBe(false);
    expect(page.entries.map((e: { code: string; status: string; date: string | null }) => [e.code, e.status, e.date])).toEqual([
      ["hl7-fhir-r4", "required", "2028-01-01"],
      ["snomed-ct", "implemented", null],
    ]);
    expect(page.history.map((c: { code: string; status: string; organisationName: string }) => [c.code, c.status, c.organisationName])).toEqual([
      ["snomed-ct", "implemented", world.organisation.name],
      ["hl7-fhir-r4", "required", world.organisation.name],
      ["hl7-fhir-r4", "planned", world.organisation.name],
    ]);
    expect(await changes()).toEqual([
      { status: "planned", date: "2027-06-30", note: "Etter anskaffelse av ny EPJ", changedBy: member.id },
      { status: "required", date: "2028-01-01", note: "", changedBy: member.id },
      { status: "implemented", date: null, note: "I bruk i journal", changedBy: world.people.admin.id },
    ]);

    const standards = await readJson(await standardsLoader(await routeArgs("/standards")));
    expect(standards.roadmaps["hl7-fhir-r4"]).toEqual([
      expect.objectContaining({ buyerSlug: world.organisation.slug, buyerName: world.organisation.name, status: "required", date: "2028-01-01" }),
    ]);
    expect(standards.roadmaps["hl7-fhir-r4"][0].changedAt).toEqual(expect.any(String));
    expect(standards.buyers).toEqual([{ name: world.organisation.name, slug: world.organisation.slug }]);

    const asMember = await readJson(await respond(roadmapLoader(await routeArgs(`/standards/roadmaps/${world.organisation.slug}`, { cookie: member.cookie, params: { slug: world.organisation.slug } }))));
    expect(asMember.canEdit).toBe(true);
  });

  it("takes a standard off the roadmap and records that too", async () => {
    const remove = await respond(
      roadmapAction(await formRequest(`/standards/roadmaps/${world.organisation.slug}`, { intent: "remove", standard: "snomed-ct" }, { cookie: world.people.member.cookie, params: { slug: world.organisation.slug } })),
    );
    expect(remove.status).toBe(200);
    expect((await changes()).at(-1)).toEqual({ status: null, date: null, note: "", changedBy: world.people.member.id });
    const entries = await t.db.selectFrom("buyerRoadmapEntries").select("status").where("organisationId", "=", world.organisation.id).execute();
    expect(entries).toEqual([{ status: "required" }]);
    const again = await respond(
      roadmapAction(await formRequest(`/standards/roadmaps/${world.organisation.slug}`, { intent: "remove", standard: "snomed-ct" }, { cookie: world.people.member.cookie, params: { slug: world.organisation.slug } })),
    );
    expect(again.status).toBe(404);
  });

  it("refuses bad input by the field and stores nothing", async () => {
    const before = await changes();
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ standard: "hl7-fhir-r4", status: "required", date: "" }, { date: ["roadmap_date_required"] }],
      [{ standard: "hl7-fhir-r4", status: "planned", date: "2027-02-30" }, { date: ["invalid_date"] }],
      [{ standard: "hl7-fhir-r4", status: "sometime", date: "2027-01-01" }, { status: ["invalid_choice"] }],
      [{ standard: "no-such-standard", status: "required", date: "2027-01-01" }, { standard: ["unknown_standard"] }],
      [{ standard: "", status: "implemented" }, { standard: ["required"] }],
      [{ standard: "snomed-ct", status: "implemented", note: "x".repeat(1001) }, { note: ["too_long"] }],
    ];
    for (const [fields, errors] of cases) {
      const response = await save(world.people.member.cookie, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect((await readJson(response)).errors).toMatchObject(errors);
    }
    expect(await changes()).toEqual(before);
  });

  it("answers an unknown buyer, or an organisation that is not a buyer, with 404", async () => {
    const response = await respond(roadmapLoader(await routeArgs("/standards/roadmaps/nobody", { params: { slug: "nobody" } })));
    expect(response.status).toBe(404);
  });

  it("refuses a database row for a required entry without a date", async () => {
    const standard = await t.db.selectFrom("standards").select("id").where("code", "=", "snomed-ct").executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto("buyerRoadmapEntries")
        .values({ organisationId: world.organisation.id, standardId: standard.id, status: "required", date: null, changedAt: new Date(), changedBy: null })
        .execute(),
    ).rejects.toThrow(/buyer_roadmap_required_and_planned_are_dated/);
  });
});

authorizationMatrix(() => t.db, [
  {
    route: "GET /standards/roadmaps/{slug}",
    call: roadmapLoader,
    request: (w, cookie) => routeArgs(`/standards/roadmaps/${w.organisation.slug}`, { cookie, params: { slug: w.organisation.slug } }),
    expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
  },
  {
    route: "POST /standards/roadmaps/{slug} (save)",
    call: roadmapAction,
    request: (w, cookie) =>
      formRequest(`/standards/roadmaps/${w.organisation.slug}`, { intent: "save", standard: "hl7-fhir-r4", status: "planned", date: "2029-01-01" }, { cookie, params: { slug: w.organisation.slug } }),
    expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
  },
  {
    route: "GET /watches",
    call: (args) => import("~/routes/watches._index/route").then((m) => m.loader(args)),
    request: (_w, cookie) => routeArgs("/watches", { cookie }),
    expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
  },
  {
    route: "POST /watches (create)",
    call: (args) => import("~/routes/watches._index/route").then((m) => m.action(args)),
    request: (_w, cookie) => formRequest("/watches", { intent: "create", name: "Matrise", frequency: "daily", query: "region=oslo" }, { cookie }),
    expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
  },
]);
