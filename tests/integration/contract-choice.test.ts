import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { seedDemoData } from "@db/seed/demo";
import { checkContractChoice, requiresContractChoice } from "~/domain/contract";
import { checkAmendment } from "~/domain/publishing";
import { toPublishable } from "~/models/event-row.server";
import { action as createEvent } from "~/routes/api.v1.events";
import { action as patchEvent, loader as getEvent } from "~/routes/api.v1.events.$eventId";
import { action as publishEvent } from "~/routes/api.v1.events.$eventId.publish";
import { action as editAction } from "~/routes/events.$eventId_.edit";
import { action as newAction } from "~/routes/events.new";
import { loader as eventPage } from "~/routes/events.$eventId/route";
import { setupTestDatabase } from "../fixtures/database";
import { createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs, type RouteArgs } from "../fixtures/requests";
import { CONTRACT_CHOICE, CONTRACT_CHOICE_FORM } from "../fixtures/contract-choice";
import { expectationForm } from "../fixtures/rfi-form";
import { DATA_PROTECTION, SCOPE, SCOPE_FORM } from "../fixtures/scope";
import { toZonedLocal } from "~/domain/zoned-time";

// The contract-choice rule done properly (issue 15, principle 2; ADR 0030), end to end through
// the JSON API and the guided form on the demo data: form, base period and horizon stated where
// the purchase is near, shortness judged by the guaranteed base period against the need and the
// vendors' depreciation, options at the buyer's discretion; bad input refused by the field with
// nothing stored, nobody but the buyer's members changes the terms, and the demo data keeps it.

const t = setupTestDatabase();

const BUYER = "demo-buyer-token";
const VENDOR = "demo-vendor-token";
const OPERATOR = "demo-admin-token";
const BERGVIK_RFP = "00000000-0000-4000-8000-000000000107";
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const JUSTIFIED = "Nasjonal løsning for medisineringsstøtte ventes; vi binder oss ikke lenger før den er avklart.";

async function call(handler: (args: RouteArgs) => Promise<Response> | Response, args: Promise<RouteArgs>): Promise<Response> {
  return respond(handler(await args));
}
const post = (body: unknown, token = BUYER) => call(createEvent, jsonRequest("/api/v1/events", "POST", body, token));
const patch = (id: string, body: unknown, token = BUYER) => call(patchEvent, jsonRequest(`/api/v1/events/${id}`, "PATCH", body, token, { eventId: id }));
const publish = (id: string) => call(publishEvent, jsonRequest(`/api/v1/events/${id}/publish`, "POST", { nonUseUndertaking: true }, BUYER, { eventId: id }));
const get = async (id: string) => readJson(await call(getEvent, routeArgs(`/api/v1/events/${id}`, { params: { eventId: id }, headers: { Authorization: `Bearer ${BUYER}` } })));
const pathsAndCodes = (errors: { path: string; code: string }[]) => errors.map((e) => `${e.path}:${e.code}`);
const contractColumns = (id: string) =>
  t.db
    .selectFrom("events")
    .select(["status", "contractForm", "contractBaseMonths", "contractOptionMonths", "contractHorizonMonths", "contractDepreciationMonths", "contractJustification"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();

/** An RFP with everything declared but what the test gives as its contract. */
const rfp = (contract: unknown) => ({
  kind: "rfp",
  title: "Forespørsel om tilbud: medisindispensere",
  description: "Tilbud på medisindispensere med varsling.",
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
  scope: { ...SCOPE },
  dataProtection: { ...DATA_PROTECTION },
  contract,
});

let berit: Person;

beforeAll(async () => {
  await seedDemoData(t.db);
  // A member of Bergvik kommune (the demo buyer) with a session, for the guided form.
  berit = await createPerson(t.db);
  const bergvik = await t.db.selectFrom("organisations").select("id").where("slug", "=", "bergvik-kommune").executeTakeFirstOrThrow();
  await t.db.insertInto("memberships").values({ userId: berit.id, organisationId: bergvik.id, role: "member", commercialRole: null }).execute();
  await t.db.updateTable("users").set({ activeOrganisationId: bergvik.id }).where("id", "=", berit.id).execute();
});

describe("the JSON API", () => {
  it("refuses an RFP with 12 months' base and 108 months of options for a 120-month need without a justification, and publishes it with one", async () => {
    const { id } = await readJson(await post(rfp({ form: "framework_agreement", baseMonths: 12, optionMonths: 108, horizonMonths: 120 })));
    const refused = await publish(id);
    expect(refused.status).toBe(422);
    const { errors } = await readJson(refused);
    expect(pathsAndCodes(errors)).toEqual(["contract.justification:justification_required"]);
    expect(errors[0].message).toContain("grunnperioden");
    expect(errors[0].message).toContain("Opsjoner teller ikke");
    expect(errors[0].principle).toMatch(/^Kontraktsvalg/);
    expect(await contractColumns(id)).toMatchObject({ status: "draft" });

    expect((await patch(id, { contract: { justification: JUSTIFIED } })).status).toBe(200);
    expect((await publish(id)).status).toBe(200);
    expect((await get(id)).contract).toEqual({ form: "framework_agreement", baseMonths: 12, optionMonths: 108, horizonMonths: 120, depreciationMonths: null, justification: JUSTIFIED });
  });

  it("refuses a 60-month base against 84 months of depreciation without a justification, and reads the depreciation back", async () => {
    const { id } = await readJson(await post(rfp({ form: "market_contract", baseMonths: 60, optionMonths: 24, horizonMonths: 60, depreciationMonths: 84 })));
    const refused = await publish(id);
    expect(refused.status).toBe(422);
    expect(pathsAndCodes((await readJson(refused)).errors)).toEqual(["contract.justification:justification_required"]);
    expect((await get(id)).contract).toMatchObject({ baseMonths: 60, depreciationMonths: 84 });

    // A base period as long as the write-off needs no justification.
    expect((await patch(id, { contract: { baseMonths: 84 } })).status).toBe(200);
    expect((await publish(id)).status).toBe(200);
    expect(await contractColumns(id)).toMatchObject({ status: "published", contractBaseMonths: 84, contractDepreciationMonths: 84, contractJustification: null });
  });

  it("names form, base period and horizon by their fields for an RFP without terms, storing nothing", async () => {
    const { id } = await readJson(await post(rfp(null)));
    const refused = await publish(id);
    expect(refused.status).toBe(422);
    const { errors } = await readJson(refused);
    expect(pathsAndCodes(errors)).toEqual([
      "contract.form:contract_form_required",
      "contract.baseMonths:base_period_required",
      "contract.horizonMonths:horizon_required",
    ]);
    for (const e of errors) expect(e.message).toMatch(/\S/);
    expect(await contractColumns(id)).toMatchObject({ status: "draft", contractForm: null });

    // The two new forms are among the choices.
    expect((await patch(id, { contract: { form: "strategic_alliance", baseMonths: 120, horizonMonths: 120 } })).status).toBe(200);
    expect((await publish(id)).status).toBe(200);
  });

  it("asks it of a demand notice that declares a purchase, not of one that declares none", async () => {
    const notice = (status: string, contract: unknown) => ({
      kind: "demand_notice",
      title: "Behovsmelding: digitalt tilsyn",
      effort: { level: "none" },
      expectation:
        status === "none"
          ? { status }
          : { status, budgetMinNok: 2_000_000, budgetMaxNok: 4_000_000, fundingSource: "Økonomiplan", expectedValueNok: 3_000_000, expectedTenderQuarter: `${new Date().getFullYear() + 1}-Q3` },
      // Without a frame there is no integration budget inside it.
      scope: status === "none" ? null : { ...SCOPE },
      dataProtection: { ...DATA_PROTECTION },
      contract,
    });
    const uncertain = (await readJson(await post(notice("uncertain", null)))).id;
    expect(pathsAndCodes((await readJson(await publish(uncertain))).errors)).toEqual([
      "contract.form:contract_form_required",
      "contract.baseMonths:base_period_required",
      "contract.horizonMonths:horizon_required",
    ]);
    const created = await readJson(await post(notice("none", null)));
    expect(created).toMatchObject({ status: "draft" });
    const published = await publish(created.id);
    expect(await readJson(published)).toMatchObject({ status: "published" });
  });

  it("asks an innovation partnership for its base period and horizon, whatever its kind", async () => {
    const { id } = await readJson(await post({ kind: "dialogue_meeting", title: "Dialog om innovasjonspartnerskap", contract: { form: "innovation_partnership" } }));
    const { errors } = await readJson(await publish(id));
    expect(pathsAndCodes(errors)).toEqual(expect.arrayContaining(["contract.baseMonths:base_period_required", "contract.horizonMonths:horizon_required"]));
    expect(pathsAndCodes(errors)).not.toContain("contract.form:contract_form_required");
  });

  it("holds an amendment to a published RFP to the rule, changing nothing when it refuses", async () => {
    const before = await contractColumns(BERGVIK_RFP);
    expect(before).toMatchObject({ status: "published", contractForm: "framework_agreement", contractBaseMonths: 72, contractHorizonMonths: 72, contractDepreciationMonths: 60 });
    const reason = "Leverandørene har bedt om avskrivningstiden.";
    const noHorizon = await patch(BERGVIK_RFP, { contract: { horizonMonths: null }, reason });
    expect(noHorizon.status).toBe(422);
    expect(pathsAndCodes((await readJson(noHorizon)).errors)).toEqual(["contract.horizonMonths:horizon_required"]);
    const longer = await patch(BERGVIK_RFP, { contract: { depreciationMonths: 84 }, reason });
    expect(longer.status).toBe(422);
    expect(pathsAndCodes((await readJson(longer)).errors)).toEqual(["contract.justification:justification_required"]);
    expect(await contractColumns(BERGVIK_RFP)).toEqual(before);

    const justified = await patch(BERGVIK_RFP, { contract: { depreciationMonths: 84, justification: JUSTIFIED }, reason });
    expect(justified.status).toBe(200);
    const { amendment } = await readJson(justified);
    expect(amendment.changes).toEqual(
      expect.arrayContaining([
        { field: "contract.depreciationMonths", before: 60, after: 84 },
        { field: "contract.justification", before: null, after: JUSTIFIED },
      ]),
    );
  });

  it.each([
    [0, "must_be_positive_whole_months"],
    [-12, "must_be_positive_whole_months"],
    [7.5, "must_be_whole_number"],
    ["84", "must_be_whole_number"],
    [1201, "too_large"],
  ])("refuses a depreciation period of %j (400 %s by the field), storing nothing", async (depreciationMonths, code) => {
    const { id } = await readJson(await post(rfp({ ...CONTRACT_CHOICE })));
    const response = await patch(id, { title: "Endret", contract: { depreciationMonths } });
    expect(response.status).toBe(400);
    expect(pathsAndCodes((await readJson(response)).errors)).toEqual([`contract.depreciationMonths:${code}`]);
    expect(await contractColumns(id)).toMatchObject({ contractDepreciationMonths: null });
    expect((await get(id)).title).toBe("Forespørsel om tilbud: medisindispensere");
  });

  it("refuses an unknown contract form, and a new event with a bad depreciation creates nothing", async () => {
    const count = async () => (await t.db.selectFrom("events").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n;
    const before = await count();
    const response = await post(rfp({ ...CONTRACT_CHOICE, form: "concession", depreciationMonths: -1 }));
    expect(response.status).toBe(400);
    expect(pathsAndCodes((await readJson(response)).errors)).toEqual(["contract.form:invalid_choice", "contract.depreciationMonths:must_be_positive_whole_months"]);
    expect(await count()).toBe(before);
  });

  it("lets nobody but the buyer's members change the contract terms", async () => {
    const before = await contractColumns(BERGVIK_RFP);
    const change = { contract: { depreciationMonths: 12 }, reason: "Forsøk utenfra." };
    expect((await patch(BERGVIK_RFP, change, VENDOR)).status).toBe(403);
    expect((await patch(BERGVIK_RFP, change, OPERATOR)).status).toBe(403);
    expect((await call(patchEvent, jsonRequest(`/api/v1/events/${BERGVIK_RFP}`, "PATCH", change, undefined, { eventId: BERGVIK_RFP }))).status).toBe(401);
    const { id: draft } = await readJson(await post(rfp({ ...CONTRACT_CHOICE })));
    expect((await patch(draft, { contract: { depreciationMonths: 12 } }, VENDOR)).status).toBe(404);
    expect(await contractColumns(BERGVIK_RFP)).toEqual(before);
    expect(await contractColumns(draft)).toMatchObject({ contractDepreciationMonths: null });
  });
});

describe("the guided form", () => {
  const rfpForm = (contract: Record<string, string>) => ({
    kind: "rfp",
    title: "Forespørsel om tilbud: trygghetsalarmer",
    description: "Tilbud på digitale trygghetsalarmer.",
    responseDeadline: toZonedLocal(new Date(Date.now() + 30 * DAY)),
    "effort.level": "light",
    "effort.hoursPerVendor": "6",
    "effort.kindsOfWork": "short_written_input",
    ...expectationForm(),
    ...SCOPE_FORM,
    ...contract,
  });
  const save = async (fields: Record<string, string | string[]>) => {
    const response = await respond(newAction(await formRequest("/events/new", { ...fields, intent: "save" }, { cookie: berit.cookie })));
    expect(response.status).toBe(302);
    return response.headers.get("Location")!.split("/")[2]!;
  };
  const publishForm = async (id: string, fields: Record<string, string | string[]>) =>
    respond(editAction(await formRequest(`/events/${id}/edit`, { ...fields, intent: "publish" }, { cookie: berit.cookie, params: { eventId: id } })));

  it("refuses 12 months' base and 108 of options for a 120-month need by the justification field, and publishes once justified", async () => {
    const contract = { ...CONTRACT_CHOICE_FORM, "contract.baseMonths": "12", "contract.optionMonths": "108", "contract.horizonMonths": "120" };
    const id = await save(rfpForm(contract));
    const refused = await publishForm(id, rfpForm(contract));
    expect(refused.status).toBe(422);
    const { errors } = await readJson(refused);
    expect(errors).toEqual({ "contract.justification": ["justification_required"] });
    expect(await contractColumns(id)).toMatchObject({ status: "draft" });

    const published = await publishForm(id, rfpForm({ ...contract, "contract.justification": JUSTIFIED }));
    expect(published.status).toBe(302);
    expect(published.headers.get("Location")).toBe(`/events/${id}?published=1`);
  });

  it("refuses a 60-month base against 84 months of depreciation, and stores the depreciation the form gives", async () => {
    const contract = { ...CONTRACT_CHOICE_FORM, "contract.baseMonths": "60", "contract.horizonMonths": "60", "contract.depreciationMonths": "84" };
    const id = await save(rfpForm(contract));
    expect(await contractColumns(id)).toMatchObject({ contractBaseMonths: 60, contractDepreciationMonths: 84 });
    const refused = await publishForm(id, rfpForm(contract));
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).errors).toEqual({ "contract.justification": ["justification_required"] });
    expect((await publishForm(id, rfpForm({ ...contract, "contract.depreciationMonths": "60" }))).status).toBe(302);
    expect(await contractColumns(id)).toMatchObject({ status: "published", contractDepreciationMonths: 60 });
  });

  it("names the form, base period and horizon the RFP leaves out, each by its field", async () => {
    const id = await save(rfpForm({}));
    const refused = await publishForm(id, rfpForm({ "contract.optionMonths": "24" }));
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).errors).toEqual({
      "contract.form": ["contract_form_required"],
      "contract.baseMonths": ["base_period_required"],
      "contract.horizonMonths": ["horizon_required"],
    });
    expect(await contractColumns(id)).toMatchObject({ status: "draft" });
    // A project contract as long as the need publishes.
    expect((await publishForm(id, rfpForm({ "contract.form": "project_contract", "contract.baseMonths": "36", "contract.horizonMonths": "36" }))).status).toBe(302);
  });

  it("refuses a depreciation period in words by its field, storing nothing", async () => {
    const count = async () => (await t.db.selectFrom("events").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n;
    const before = await count();
    const response = await respond(
      newAction(await formRequest("/events/new", { ...rfpForm({ ...CONTRACT_CHOICE_FORM, "contract.depreciationMonths": "sju år" }), intent: "save" }, { cookie: berit.cookie })),
    );
    expect(response.status).toBe(400);
    expect((await readJson(response)).errors["contract.depreciationMonths"]).toEqual(["must_be_whole_number"]);
    expect(await count()).toBe(before);
  });
});

describe("the event page and the demo data", () => {
  it("hands the page the guaranteed base period, the options and the depreciation apart", async () => {
    const response = await respond(eventPage(await routeArgs(`/events/${BERGVIK_RFP}`, { params: { eventId: BERGVIK_RFP } })));
    const { event } = await readJson(response);
    expect(event.contract).toMatchObject({ form: "framework_agreement", baseMonths: 72, optionMonths: 24, horizonMonths: 72 });
    expect(event.contract.depreciationMonths).toEqual(expect.any(Number));
  });

  it("keeps every published demo event within the rule, stating the terms wherever they are required, none grandfathered", async () => {
    const rows = await t.db.selectFrom("events").selectAll().where("status", "=", "published").execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const event = toPublishable(row);
      expect(row.contractChoiceGrandfathered, row.title).toBe(false);
      expect(checkContractChoice({ kind: event.kind, expectation: event.expectation, contract: event.contract }), row.title).toEqual({ ok: true });
      const required = requiresContractChoice({ kind: event.kind, expectation: event.expectation, contractForm: event.contract?.form });
      if (required) expect([row.contractForm, row.contractBaseMonths, row.contractHorizonMonths].every((v) => v !== null), row.title).toBe(true);
      const contractProblems = checkAmendment(event, { now: new Date(), tenderQuarterChanged: false });
      expect(contractProblems.ok ? [] : contractProblems.problems.filter((p) => p.path.startsWith("contract.")), row.title).toEqual([]);
    }
    // The demo shows the rule at work: a short base period justified, a depreciation period, a project contract.
    expect(rows.some((r) => r.contractJustification !== null && r.contractBaseMonths! < r.contractHorizonMonths!)).toBe(true);
    expect(rows.some((r) => r.contractDepreciationMonths !== null)).toBe(true);
    expect(rows.some((r) => r.contractForm === "project_contract")).toBe(true);
  });
});
