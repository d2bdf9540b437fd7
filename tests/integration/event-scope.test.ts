import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { seedDemoData } from "@db/seed/demo";
import { action as createEvent } from "~/routes/api.v1.events";
import { action as patchEvent, loader as getEvent } from "~/routes/api.v1.events.$eventId";
import { action as publishEvent } from "~/routes/api.v1.events.$eventId.publish";
import { loader as apiDemand } from "~/routes/api.v1.demand";
import { loader as csvDemand } from "~/routes/demand[.]csv";
import { loader as ocdsReleases } from "~/routes/api.v1.ocds.releases";
import { parseDemandFilter } from "~/domain/demand-filter";
import { checkAmendment } from "~/domain/publishing";
import { toPublishable } from "~/models/event-row.server";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { jsonRequest, readJson, routeArgs, type RouteArgs } from "../fixtures/requests";
import { ocdsPackageValidator } from "../fixtures/ocds-schema";
import { CONTRACT_CHOICE } from "../fixtures/contract-choice";
import { DATA_PROTECTION, SCOPE } from "../fixtures/scope";

// Scope, integration and data protection on events (issue 19): an RFP is published only with
// the scope step, bad input is refused by the field with nothing stored, /demand filters on an
// integration budget inside the frame, and the API reads back what it wrote.

const t = setupTestDatabase();
beforeAll(() => seedDemoData(t.db));

const BUYER = "demo-buyer-token";
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const BERGVIK_RFP = "00000000-0000-4000-8000-000000000107";
const GRANDFATHERED_NOTICE = "00000000-0000-4000-8000-000000000104";

async function call(handler: (args: RouteArgs) => Promise<Response> | Response, args: Promise<RouteArgs>): Promise<Response> {
  return respond(handler(await args));
}
const post = (body: unknown) => call(createEvent, jsonRequest("/api/v1/events", "POST", body, BUYER));
const patch = (id: string, body: unknown) => call(patchEvent, jsonRequest(`/api/v1/events/${id}`, "PATCH", body, BUYER, { eventId: id }));
const publish = (id: string) => call(publishEvent, jsonRequest(`/api/v1/events/${id}/publish`, "POST", { nonUseUndertaking: true }, BUYER, { eventId: id }));
const get = async (id: string) => readJson(await call(getEvent, routeArgs(`/api/v1/events/${id}`, { params: { eventId: id }, headers: { Authorization: `Bearer ${BUYER}` } })));
const pathsAndCodes = (errors: { path: string; code: string }[]) => errors.map((e) => `${e.path}:${e.code}`);

/** An RFP with everything but the scope step: light effort, a 2–4 MNOK frame. */
const rfp = () => ({
  kind: "rfp",
  title: "Forespørsel om tilbud: digitalt tilsyn",
  description: "Tilbud på digitalt tilsyn i sykehjem.",
  cpv: ["48814000-7"],
  region: "vestland",
  responseDeadline: inDays(30),
  effort: { level: "light", hoursPerVendor: 6, kindsOfWork: ["short_written_input"] },
  expectation: {
    status: "committed",
    budgetMinNok: 2_000_000,
    budgetMaxNok: 4_000_000,
    fundingSource: "Driftsbudsjett",
    expectedValueNok: 3_000_000,
    expectedTenderQuarter: `${new Date().getFullYear() + 1}-Q2`,
  },
  contract: { ...CONTRACT_CHOICE },
});

describe("an RFP and the scope step", () => {
  it("is refused without the step (422 scope_required by each field), stays a draft, and publishes once it is filled in", async () => {
    const { id } = await readJson(await post(rfp()));
    const refused = await publish(id);
    expect(refused.status).toBe(422);
    const { errors } = await readJson(refused);
    expect(pathsAndCodes(errors)).toEqual([
      "scope.items:scope_required",
      "scope.integrationBudgetIncluded:scope_required",
      "scope.serviceOwnerRole:scope_required",
      "scope.tcoHorizonYears:scope_required",
      "dataProtection.dataCategories:data_protection_required",
    ]);
    for (const e of errors) expect(e.message).toMatch(/\S/);
    expect(await get(id)).toMatchObject({ status: "draft" });

    // Health data: who answers for it is part of the step.
    expect((await patch(id, { scope: { ...SCOPE }, dataProtection: { dataCategories: ["health_data"] } })).status).toBe(200);
    expect(pathsAndCodes((await readJson(await publish(id))).errors)).toEqual([
      "dataProtection.hostingConstraint:data_protection_required",
      "dataProtection.dpiaStatus:data_protection_required",
      "dataProtection.dataController:privacy_owner_required",
      "dataProtection.privacyOwnerRole:privacy_owner_required",
      "dataProtection.privacyOwnerOrganisation:privacy_owner_required",
    ]);
    expect((await patch(id, { dataProtection: { ...DATA_PROTECTION } })).status).toBe(200);
    expect((await publish(id)).status).toBe(200);

    // The API reads back what it wrote; the older answers follow the new shape.
    const event = await get(id);
    expect(event.status).toBe("published");
    expect(event.scope).toEqual(SCOPE);
    expect(event.dataProtection).toEqual({ ...DATA_PROTECTION, healthData: true, dataResidency: "eea", cloudAllowed: null, dpiaNeeded: true });
  });

  it("amends the scope of a published RFP with a reason, lists the change and tells the vendors taking part", async () => {
    const vendor = await t.db.selectFrom("organisations").select("id").where("slug", "=", "nordlys-helse-as").executeTakeFirstOrThrow();
    await t.db.insertInto("registrations").values({ eventId: BERGVIK_RFP, organisationId: vendor.id, status: "registered" }).onConflict((oc) => oc.doNothing()).execute();
    const before = await t.db.selectFrom("outbox").select("id").where("template", "=", "event-amended").execute();
    const response = await patch(BERGVIK_RFP, { scope: { tcoHorizonYears: 10, integrationBudgetNok: 500_000 }, reason: "Lengre levetid for dispenserne." });
    expect(response.status).toBe(200);
    const { amendment } = await readJson(response);
    expect(amendment.changes).toEqual([
      { field: "scope.integrationBudgetNok", before: 450_000, after: 500_000 },
      { field: "scope.tcoHorizonYears", before: 8, after: 10 },
    ]);
    // forutsigbarhet: every vendor taking part hears of it, the field named in words.
    const after = await t.db.selectFrom("outbox").select(["id", "text", "language"]).where("template", "=", "event-amended").execute();
    const mails = after.filter((m) => !before.some((b) => b.id === m.id));
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(mail.text).toContain(mail.language === "en" ? "Cost of ownership counted over (years)" : "Eierkostnad beregnes over (år)");
    // Taking the step back is refused like publishing without it.
    const back = await patch(BERGVIK_RFP, { scope: null, reason: "Vi fjerner omfanget." });
    expect(back.status).toBe(422);
    expect(pathsAndCodes((await readJson(back)).errors)).toContain("scope.items:scope_required");
  });

  it("leaves an event published before the rule grandfathered: the rules and the database let it change without the step", async () => {
    const row = await t.db.selectFrom("events").selectAll().where("id", "=", GRANDFATHERED_NOTICE).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "published", kind: "demand_notice", scopeGrandfathered: true, scopeItems: [] });
    expect(checkAmendment(toPublishable(row), { now: new Date(), tenderQuarterChanged: false })).toEqual({ ok: true });
    expect(checkAmendment({ ...toPublishable(row), scopeGrandfathered: false }, { now: new Date(), tenderQuarterChanged: false }).ok).toBe(false);
    await sql`update events set description = 'Oppdatert beskrivelse av behovet.' where id = ${GRANDFATHERED_NOTICE}`.execute(t.db);
    await expect(sql`update events set scope_grandfathered = false where id = ${GRANDFATHERED_NOTICE}`.execute(t.db)).rejects.toThrow(/events_scope_stated/);
  });
});

describe("bad input", () => {
  it("refuses an integration budget inside the frame larger than the frame, by the field, storing nothing of the change", async () => {
    const { id } = await readJson(await post(rfp()));
    const response = await patch(id, { title: "Endret tittel", scope: { integrationBudgetIncluded: true, integrationBudgetNok: 4_000_001 } });
    expect(response.status).toBe(400);
    expect(pathsAndCodes((await readJson(response)).errors)).toEqual(["scope.integrationBudgetNok:integration_budget_over_frame"]);
    const event = await get(id);
    expect(event.title).toBe("Forespørsel om tilbud: digitalt tilsyn");
    expect(event.scope.integrationBudgetNok).toBeNull();
    // Lowering the frame under a stored integration budget is refused the same way.
    expect((await patch(id, { scope: { integrationBudgetIncluded: true, integrationBudgetNok: 1_000_000 } })).status).toBe(200);
    const lowered = await patch(id, { expectation: { ...rfp().expectation, budgetMinNok: 500_000, budgetMaxNok: 900_000, expectedValueNok: 800_000 } });
    expect(pathsAndCodes((await readJson(lowered)).errors)).toEqual(["scope.integrationBudgetNok:integration_budget_over_frame"]);
    // … and the database holds the rule on its own.
    await expect(sql`update events set integration_budget_nok = 5000000 where id = ${id}`.execute(t.db)).rejects.toThrow(/events_integration_budget_within_frame/);
  });

  it("refuses unknown choices (400, by the field) and 'no personal data' with other data, creating nothing", async () => {
    const count = async () => (await t.db.selectFrom("events").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n;
    const n = await count();
    const response = await post({ ...rfp(), scope: { items: ["licence", "hosting"], identityAccess: ["bankid"] }, dataProtection: { hostingConstraint: "usa", dpiaStatus: "done" } });
    expect(response.status).toBe(400);
    expect(pathsAndCodes((await readJson(response)).errors)).toEqual([
      "dataProtection.hostingConstraint:invalid_choice",
      "dataProtection.dpiaStatus:invalid_choice",
      "scope.items.1:invalid_choice",
      "scope.identityAccess.0:invalid_choice",
    ]);
    const conflict = await post({ ...rfp(), dataProtection: { dataCategories: ["none", "personal_data"] } });
    expect(conflict.status).toBe(400);
    expect(pathsAndCodes((await readJson(conflict)).errors)).toEqual(["dataProtection.dataCategories:data_categories_conflict"]);
    expect(await count()).toBe(n);
  });
});

describe("/demand: integration budget included", () => {
  it("shows only events whose integration budget is inside the frame, in the page's filter, the API and the CSV", async () => {
    const api = await readJson(await apiDemand(await routeArgs("/api/v1/demand?integrationBudget=included")));
    const ids = api.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(BERGVIK_RFP);
    for (const item of api.items) expect(item.scope.integrationBudgetIncluded).toBe(true);
    expect(api.filter.integrationBudget).toBe("included");
    const all = await readJson(await apiDemand(await routeArgs("/api/v1/demand")));
    expect(all.items.length).toBeGreaterThan(api.items.length);

    expect(parseDemandFilter(new URLSearchParams("integrationBudget=kanskje")).ignored).toEqual([{ param: "integrationBudget", value: "kanskje", code: "invalid_value" }]);

    const csv = (await (await csvDemand(await routeArgs("/demand.csv?integrationBudget=included"))).text()).replace(/^\uFEFF/, "");
    const [header, ...rows] = csv.trimEnd().split("\r\n").map((line) => line.split(";"));
    const column = header!.indexOf("Integrasjonsbudsjett innenfor rammen");
    expect(column).toBeGreaterThan(-1);
    expect(rows.length).toBe(api.items.length);
    expect(rows.every((r) => r[column] === "ja")).toBe(true);
  });
});

describe("OCDS", () => {
  it("tells the Bergvik RFP's scope and data protection as tender documents, and the package still validates", async () => {
    const body = await readJson(await ocdsReleases(await routeArgs("/api/v1/ocds/releases")));
    expect(ocdsPackageValidator()(body)).toEqual([]);
    const release = body.releases.find((r: { ocid: string }) => r.ocid === `ocds-markedsdialog-${BERGVIK_RFP}`);
    const documents = release.tender.documents as { id: string; documentType: string; description: string }[];
    expect(documents.find((d) => d.id === "scope")).toMatchObject({ documentType: "technicalSpecifications", description: expect.stringContaining("Tjenesteansvarlig") });
    expect(documents.find((d) => d.id === "data-protection")).toMatchObject({ documentType: "otherParticipationRequirements", description: expect.stringContaining("Personvernombud") });
  });
});
