import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createApiToken } from "~/models/api-tokens.server";
import { action as outcomeAction } from "~/routes/api.v1.events.$eventId.outcome";
import { action as createAction, loader as listLoader } from "~/routes/api.v1.contracts";
import { CONTRACT_TYPES } from "~/domain/contracts";
import { loader as getLoader } from "~/routes/api.v1.contracts.$contractId";
import { action as callOffAction } from "~/routes/api.v1.contracts.$contractId.call-offs";
import { action as responseAction } from "~/routes/api.v1.contracts.$contractId.call-offs.$quarter.response";
import { action as optionAction } from "~/routes/api.v1.contracts.$contractId.options.$number";
import { action as pageAction, loader as pageLoader } from "~/routes/contracts.$contractId/route";
import { loader as callOffsCsvLoader } from "~/routes/contracts.$contractId_.call-offs[.csv]";
import { action as newAction, loader as newLoader } from "~/routes/contracts.new/route";
import { loader as scorecardLoader } from "~/routes/buyers.$id";
import { loader as eventLoader } from "~/routes/events.$eventId/route";
import { loader as workspaceLoader } from "~/routes/workspace.contracts";
import { loader as relationshipLoader } from "~/routes/relationships.$counterpart/route";
import { getContractWorkspace } from "~/models/contract-reads.server";
import { authorizationMatrix, type World } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs } from "../fixtures/requests";
import { CONTRACT_CHOICE_COLUMNS } from "../fixtures/contract-choice";
import { SCOPE_COLUMNS } from "../fixtures/scope";

const t = setupTestDatabase();
const NOW = new Date();
const year = NOW.getUTCFullYear();
// A contract that began this January: the first contract year is the one in progress.
const START = `${year}-01-01`;
const Q1 = `${year}-Q1`;
const Q2 = `${year}-Q2`;

let berit: Person; // buyer admin
let viktor: Person; // vendor on the contract
let other: Person; // a vendor not on the contract
let buyer: { id: string; slug: string };
let vendor: { id: string };
const tokens = {} as Record<"berit" | "viktor" | "other", string>;

async function closedRfp(title = "Tilbudsforespørsel om trygghetsalarmer") {
  const past = new Date(Date.now() - 30 * 86_400_000);
  const row = await t.db
    .insertInto("events")
    .values({
      buyerId: buyer.id,
      kind: "rfp",
      ...SCOPE_COLUMNS,
      ...CONTRACT_CHOICE_COLUMNS,
      status: "closed",
      publishedAt: past,
      closedAt: past,
      title,
      description: "Rammeavtale.",
      responseDeadline: past,
      effortLevel: "none",
      expectationStatus: "committed",
      budgetMinNok: 5_000_000,
      budgetMaxNok: 12_000_000,
      expectedValueNok: 10_000_000,
      fundingSource: "Driftsbudsjett",
      expectedTenderQuarter: `${year - 1}-Q3`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const framework = (extra: Record<string, unknown> = {}) => ({
  type: "framework_agreement",
  vendorOrganisationIds: [vendor.id],
  start: START,
  baseEnd: `${year + 1}-12-31`,
  options: [{ months: 24, noticeDeadline: `${year + 1}-09-30` }],
  indicatedAnnualValueNok: 10_000_000,
  bindingMinimumNok: 0,
  capacityRequired: true,
  ...extra,
});

const procured = (contract: unknown) => ({ outcome: "procured", contractValueNok: 20_000_000, contractDate: START, contract });

beforeAll(async () => {
  [berit, viktor, other] = await Promise.all([createPerson(t.db, { name: "Berit Innkjøp" }), createPerson(t.db, { name: "Viktor Leverandør" }), createPerson(t.db)]);
  buyer = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  vendor = await createOrganisationWith(t.db, [{ person: viktor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  await createOrganisationWith(t.db, [{ person: other, role: "admin" }], { isBuyer: false, isVendor: true, name: "Annen Leverandør AS" });
  for (const [name, p] of Object.entries({ berit, viktor, other }) as ["berit" | "viktor" | "other", Person][]) tokens[name] = (await createApiToken(t.db, p.id, "test")).token;
});

const countAll = async () =>
  Number(
    (
      await sql<{ n: string }>`select (select count(*) from contracts) + (select count(*) from contract_call_offs) + (select count(*) from contract_options) + (select count(*) from contract_vendors) as n`.execute(t.db)
    ).rows[0]!.n,
  );

describe("a framework with capacity demanded and no commitment, called off at 30 %", () => {
  let eventId: string;
  let contractId: string;

  it("is recorded with the procured outcome: 201 and the contract's id", async () => {
    eventId = await closedRfp();
    const response = await respond(outcomeAction(await jsonRequest(`/api/v1/events/${eventId}/outcome`, "POST", procured(framework()), tokens.berit, { eventId })));
    expect(response.status).toBe(201);
    const body = await readJson(response);
    contractId = body.contractId;
    const row = await t.db.selectFrom("contracts").selectAll().where("id", "=", contractId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ eventId, buyerId: buyer.id, title: "Tilbudsforespørsel om trygghetsalarmer", bindingMinimumNok: 0, capacityRequired: true });
  });

  it("refuses a binding minimum above the indication with 422, and records neither the contract nor the outcome", async () => {
    const id = await closedRfp("Annen forespørsel");
    const before = await countAll();
    const response = await respond(outcomeAction(await jsonRequest(`/api/v1/events/${id}/outcome`, "POST", procured(framework({ bindingMinimumNok: 11_000_000 })), tokens.berit, { eventId: id })));
    expect(response.status).toBe(422);
    expect((await readJson(response)).errors[0]).toMatchObject({ path: "contract.bindingMinimumNok", code: "binding_minimum_exceeds_indicated" });
    expect(await countAll()).toBe(before);
    expect((await t.db.selectFrom("events").select("outcome").where("id", "=", id).executeTakeFirstOrThrow()).outcome).toBeNull();
  });

  it("takes 2 MNOK in Q1 and 1 MNOK in Q2 from the buyer, and refuses a duplicate, an outside quarter and a vendor", async () => {
    const post = async (body: unknown, token: string) => respond(callOffAction(await jsonRequest(`/api/v1/contracts/${contractId}/call-offs`, "POST", body, token, { contractId })));
    expect((await post({ quarter: Q1, valueNok: 2_000_000 }, tokens.berit)).status).toBe(201);
    expect((await post({ quarter: Q2, valueNok: 1_000_000 }, tokens.berit)).status).toBe(201);
    const duplicate = await post({ quarter: Q1, valueNok: 5 }, tokens.berit);
    expect(duplicate.status).toBe(422);
    expect((await readJson(duplicate)).errors[0]).toMatchObject({ path: "quarter", code: "quarter_recorded" });
    expect((await readJson(await post({ quarter: `${year - 1}-Q4`, valueNok: 5 }, tokens.berit))).errors[0].code).toBe("quarter_outside_contract");
    expect((await post({ quarter: `${year}-Q3`, valueNok: -1 }, tokens.berit)).status).toBe(400);
    expect((await post({ quarter: `${year}-Q3`, valueNok: 1 }, tokens.viktor)).status).toBe(403);
    expect((await post({ quarter: `${year}-Q3`, valueNok: 1 }, tokens.other)).status).toBe(403);
    expect(await t.db.selectFrom("contractCallOffs").select("quarter").where("contractId", "=", contractId).orderBy("quarter").execute()).toEqual([{ quarter: Q1 }, { quarter: Q2 }]);
  });

  it("lets the vendor confirm Q1 and dispute Q2 with an account, and nobody else", async () => {
    const answer = async (quarter: string, body: unknown, token: string) =>
      respond(responseAction(await jsonRequest(`/api/v1/contracts/${contractId}/call-offs/${quarter}/response`, "POST", body, token, { contractId, quarter })));
    expect((await answer(Q1, { response: "confirm" }, tokens.berit)).status).toBe(403);
    expect((await answer(Q1, { response: "confirm" }, tokens.other)).status).toBe(403);
    expect((await answer(Q1, { response: "confirm" }, tokens.viktor)).status).toBe(201);
    expect((await readJson(await answer(Q2, { response: "dispute" }, tokens.viktor))).errors[0].code).toBe("dispute_account_required");
    expect((await answer(Q2, { response: "dispute", account: "Vi leverte for 1,4 MNOK i Q2." }, tokens.viktor)).status).toBe(201);
    expect((await answer(Q1, { response: "dispute", account: "Likevel ikke" }, tokens.viktor)).status).toBe(409);
  });

  it("shows anyone the 30 % and the disputed quarter, and only the parties the vendor's account", async () => {
    const publicView = await readJson(await respond(getLoader(await routeArgs(`/api/v1/contracts/${contractId}`, { params: { contractId } }))));
    expect(publicView.realisation[0]).toMatchObject({ year: 1, realisedNok: 3_000_000, indicatedNok: 10_000_000, share: 0.3, disputed: 1, confirmed: 1 });
    expect(publicView.capacityWithoutCommitment).toBe(true);
    expect(publicView.callOffs.map((c: { response: string; account: string | null }) => [c.response, c.account])).toEqual([
      ["confirm", null],
      ["dispute", null],
    ]);
    const buyerView = await readJson(await respond(getLoader(await routeArgs(`/api/v1/contracts/${contractId}`, { params: { contractId }, cookie: berit.cookie }))));
    expect(buyerView.callOffs[1].account).toBe("Vi leverte for 1,4 MNOK i Q2.");
    const page = await readJson(await respond(pageLoader(await routeArgs(`/contracts/${contractId}`, { params: { contractId } }))));
    expect(page.party).toBeNull();
    expect(JSON.stringify(page)).not.toContain("1,4 MNOK");
  });

  it("puts the contract among the buyer scorecard's sources and on the event page", async () => {
    const scorecard = await readJson(await respond(scorecardLoader(await routeArgs(`/buyers/${buyer.id}`, { params: { id: buyer.id } }))));
    expect(scorecard.contracts.figures.realisation).toMatchObject({ indicatedNok: 10_000_000, realisedNok: 3_000_000, share: 0.3, disputedQuarters: 1 });
    expect(scorecard.contracts.figures.capacity).toMatchObject({ frameworks: 1, withoutCommitment: 1 });
    expect(scorecard.contracts.contracts.map((c: { id: string }) => c.id)).toContain(contractId);
    const event = await readJson(await respond(eventLoader(await routeArgs(`/events/${eventId}`, { params: { eventId } }))));
    expect(event.contracts.map((c: { id: string }) => c.id)).toEqual([contractId]);
    expect(event.mayRecordContract).toBe(false);
  });

  it("lets the buyer decline the option with a reason, on the page's form", async () => {
    const post = (fields: Record<string, string>) => formRequest(`/contracts/${contractId}`, fields, { cookie: berit.cookie, params: { contractId } });
    const missing = await respond(pageAction(await post({ intent: "option", number: "1", decision: "declined" })));
    expect(missing.status).toBe(422);
    expect(JSON.stringify(await readJson(missing))).toContain("decline_reason_required");
    const decided = await respond(pageAction(await post({ intent: "option", number: "1", decision: "declined", reason: "Behovet flyttes til en regional avtale." })));
    expect(decided.status).toBe(302);
    expect(await t.db.selectFrom("contractOptions").select(["status", "reason"]).where("contractId", "=", contractId).executeTakeFirstOrThrow()).toEqual({
      status: "declined",
      reason: "Behovet flyttes til en regional avtale.",
    });
    expect((await respond(optionAction(await jsonRequest(`/api/v1/contracts/${contractId}/options/1`, "POST", { decision: "exercised" }, tokens.berit, { contractId, number: "1" })))).status).toBe(409);
  });
});

describe("a contract that predates the portal", () => {
  it("is recorded through the form with a translated message by each bad field, and nothing half-saved", async () => {
    const before = await countAll();
    const bad = await respond(
      newAction(
        await formRequest(
          "/contracts/new",
          {
            organisationId: buyer.id,
            type: "single_contract",
            title: "Driftsavtale for pasientvarsling",
            vendorOrganisationIds: vendor.id,
            start: START,
            baseEnd: `${year + 2}-12-31`,
            "options[0].months": "12",
            "options[0].noticeDeadline": `${year + 3}-02-01`,
            indicatedAnnualValueNok: "2 000 000",
            bindingMinimumNok: "3 000 000",
          },
          { cookie: berit.cookie },
        ),
      ),
    );
    expect(bad.status).toBe(422);
    const reply = await readJson(bad);
    expect(reply.error).toMatchObject({ bindingMinimumNok: ["binding_minimum_exceeds_indicated"], "options[0].noticeDeadline": ["notice_after_option_start"] });
    expect(await countAll()).toBe(before);

    const good = await respond(
      newAction(
        await formRequest(
          "/contracts/new",
          {
            organisationId: buyer.id,
            type: "single_contract",
            title: "Driftsavtale for pasientvarsling",
            vendorOrganisationIds: vendor.id,
            start: START,
            baseEnd: `${year + 2}-12-31`,
            indicatedAnnualValueNok: "2 000 000",
            bindingMinimumNok: "2 000 000",
            depreciationMonths: "60",
          },
          { cookie: berit.cookie },
        ),
      ),
    );
    expect(good.status).toBe(302);
    const id = good.headers.get("Location")!.split("/")[2]!.split("?")[0]!;
    expect(await t.db.selectFrom("contracts").select(["eventId", "bindingMinimumNok", "depreciationMonths"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({
      eventId: null,
      bindingMinimumNok: 2_000_000,
      depreciationMonths: 60,
    });
  });

  it("takes a strategic alliance, as the event form's contract forms do (issue 15)", async () => {
    const created = await respond(createAction(await jsonRequest("/api/v1/contracts", "POST", framework({ type: "strategic_alliance", title: "Strategisk allianse om pasientflyt", capacityRequired: false }), tokens.berit)));
    expect(created.status, await created.clone().text()).toBe(201);
    const { contractId } = await readJson(created);
    const shown = await readJson(await respond(getLoader(await routeArgs(`/api/v1/contracts/${contractId}`, { params: { contractId } }))));
    expect(shown.type).toBe("strategic_alliance");
  });

  it("is refused to a vendor through the API", async () => {
    const response = await respond(createAction(await jsonRequest("/api/v1/contracts", "POST", framework(), tokens.viktor)));
    expect(response.status).toBe(403);
  });
});

describe("the database refuses what the rules refuse", () => {
  const insert = (values: Record<string, unknown>) =>
    t.db
      .insertInto("contracts")
      .values({ buyerId: buyer.id, type: "framework_agreement", title: "x", startDate: "2027-01-01", baseEnd: "2028-01-01", indicatedAnnualValueNok: 10, ...values })
      .execute();

  it("takes every contract type the domain lists, and no other", async () => {
    for (const type of CONTRACT_TYPES) await expect(insert({ type }), type).resolves.toBeDefined();
    await expect(insert({ type: "alliance" })).rejects.toThrow(/contracts_type_known/);
  });

  it("a binding minimum above the indication, no indication, a base end before the start", async () => {
    await expect(insert({ bindingMinimumNok: 11 })).rejects.toThrow(/contracts_binding_minimum_within_indicated/);
    await expect(insert({ indicatedAnnualValueNok: null })).rejects.toThrow(/contracts_indicated_volume_required/);
    await expect(insert({ baseEnd: "2026-12-31" })).rejects.toThrow(/contracts_base_end_after_start/);
    await expect(insert({ indicatedAnnualQuantity: 5 })).rejects.toThrow(/contracts_quantity_has_unit/);
  });

  it("a dispute without an account, a declined option without a reason, two rows for one quarter", async () => {
    const { id } = await t.db
      .insertInto("contracts")
      .values({ buyerId: buyer.id, type: "single_contract", title: "y", startDate: "2027-01-01", baseEnd: "2028-01-01", indicatedAnnualValueNok: 10 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("contractCallOffs").values({ contractId: id, quarter: "2027-Q1", valueNok: 1 }).execute();
    await expect(t.db.insertInto("contractCallOffs").values({ contractId: id, quarter: "2027-Q1", valueNok: 1 }).execute()).rejects.toThrow(/contract_call_offs_one_per_quarter/);
    await expect(
      t.db.updateTable("contractCallOffs").set({ response: "dispute", respondedAt: new Date() }).where("contractId", "=", id).execute(),
    ).rejects.toThrow(/contract_call_offs_dispute_has_account/);
    await expect(
      t.db.insertInto("contractOptions").values({ contractId: id, number: 1, months: 12, noticeDeadline: "2027-10-01", status: "declined", decidedAt: new Date() }).execute(),
    ).rejects.toThrow(/contract_options_declined_with_reason/);
  });
});

describe("the contracts workspace", () => {
  // As of 5 December: Q1 and Q2 are recorded (Q1 confirmed, Q2 disputed), Q3 ended on
  // 30 September without a record, Q4 is still running.
  const december = new Date(`${year}-12-05T12:00:00Z`);

  it("asks the buyer for the quarter it has not recorded, overdue 30 days after the quarter ended", async () => {
    const [contract] = (await getContractWorkspace(t.db, buyer.id, { now: december })).filter((c) => c.title === "Tilbudsforespørsel om trygghetsalarmer");
    expect(contract).toMatchObject({ party: "buyer", counterparts: [{ name: "Nordlys Helse AS" }], indicatedNok: 10_000_000, realisedNok: 3_000_000, disputedQuarters: 1 });
    expect(contract!.tasks).toEqual([{ kind: "record_call_off", quarter: `${year}-Q3`, due: `${year}-10-30`, overdue: true }]);
  });

  it("shows the vendor the same contract from its side, with nothing to answer once both quarters are answered, and the next quarter once recorded", async () => {
    const vendorSide = async () => (await getContractWorkspace(t.db, vendor.id, { now: december })).find((c) => c.title === "Tilbudsforespørsel om trygghetsalarmer")!;
    expect(await vendorSide()).toMatchObject({ party: "vendor", counterparts: [{ name: "Bergvik kommune" }], tasks: [] });
    const { id } = await t.db.selectFrom("contracts").select("id").where("title", "=", "Tilbudsforespørsel om trygghetsalarmer").executeTakeFirstOrThrow();
    await t.db.insertInto("contractCallOffs").values({ contractId: id, quarter: `${year}-Q3`, valueNok: 0, recordedAt: new Date(`${year}-11-20T10:00:00Z`) }).execute();
    expect((await vendorSide()).tasks).toEqual([{ kind: "answer_call_off", quarter: `${year}-Q3`, due: `${year}-12-20`, overdue: false }]);
    expect((await getContractWorkspace(t.db, buyer.id, { now: december })).find((c) => c.id === id)!.tasks).toEqual([]);
  });

  it("lists only the organisation's own contracts on the page", async () => {
    const body = await readJson(await respond(workspaceLoader(await routeArgs("/workspace/contracts", { cookie: other.cookie }))));
    expect(body.contracts).toEqual([]);
    const mine = await readJson(await respond(workspaceLoader(await routeArgs("/workspace/contracts", { cookie: viktor.cookie }))));
    expect(mine.contracts.map((c: { party: string }) => c.party)).toContain("vendor");
    expect(mine.contracts.every((c: { party: string }) => c.party === "vendor")).toBe(true);
  });

  it("serves the buyer scorecard by slug as by id, and no scorecard for a vendor's slug", async () => {
    const bySlug = await readJson(await respond(scorecardLoader(await routeArgs(`/buyers/${buyer.slug}`, { params: { id: buyer.slug } }))));
    const byId = await readJson(await respond(scorecardLoader(await routeArgs(`/buyers/${buyer.id}`, { params: { id: buyer.id } }))));
    expect(bySlug.buyer).toEqual(byId.buyer);
    const vendorSlug = (await t.db.selectFrom("organisations").select("slug").where("id", "=", vendor.id).executeTakeFirstOrThrow()).slug;
    expect((await respond(scorecardLoader(await routeArgs(`/buyers/${vendorSlug}`, { params: { id: vendorSlug } })))).status).toBe(404);
  });

  it("shows the contracts between two organisations on each side's relationship page, and none to a third", async () => {
    const page = async (who: Person, counterpart: string) =>
      readJson(await respond(relationshipLoader(await routeArgs(`/relationships/${counterpart}`, { cookie: who.cookie, params: { counterpart } }))));
    const fromVendor = await page(viktor, buyer.slug);
    expect(fromVendor.contracts.map((c: { title: string; party: string }) => [c.title, c.party])).toContainEqual(["Tilbudsforespørsel om trygghetsalarmer", "vendor"]);
    const fromBuyer = await page(berit, vendor.id);
    expect(fromBuyer.contracts.every((c: { party: string }) => c.party === "buyer")).toBe(true);
    expect(fromBuyer.contracts.length).toBe(fromVendor.contracts.length);
    expect((await page(other, buyer.slug)).contracts).toEqual([]);
  });

  it("answers GET /api/v1/contracts with the token owner's contracts and tasks, and 401 without a token", async () => {
    const list = async (token?: string) => respond(listLoader(await jsonRequest("/api/v1/contracts", "GET", undefined, token)));
    const body = await readJson(await list(tokens.berit));
    const contract = body.contracts.find((c: { title: string }) => c.title === "Tilbudsforespørsel om trygghetsalarmer");
    expect(contract).toMatchObject({ party: "buyer", realisedNok: 3_000_000 });
    expect(Array.isArray(contract.tasks)).toBe(true);
    expect((await readJson(await list(tokens.other))).contracts).toEqual([]);
    expect((await list()).status).toBe(401);
  });
});

describe("call-offs imported from CSV", () => {
  let contractId: string;
  const quarters = async () => (await t.db.selectFrom("contractCallOffs").select(["quarter", "valueNok"]).where("contractId", "=", contractId).orderBy("quarter").execute());
  const post = async (fields: Record<string, string>, who: Person = berit) => respond(pageAction(await formRequest(`/contracts/${contractId}`, fields, { cookie: who.cookie, params: { contractId } })));

  beforeAll(async () => {
    ({ id: contractId } = await t.db
      .insertInto("contracts")
      .values({ buyerId: buyer.id, type: "framework_agreement", title: "Importavtale", startDate: "2025-01-01", baseEnd: "2025-12-31", indicatedAnnualValueNok: 4_000_000 })
      .returning("id")
      .executeTakeFirstOrThrow());
    await t.db.insertInto("contractVendors").values({ contractId, organisationId: vendor.id }).execute();
    await t.db.insertInto("contractCallOffs").values({ contractId, quarter: "2025-Q1", valueNok: 1 }).execute();
  });

  it("previews every row with its problems and saves nothing", async () => {
    const response = await post({ intent: "import-preview", csv: "kvartal;verdi;mengde;merknad\n2025-Q1;100;;\n2025-Q2;1 000 000;;\n2025-Q2;5;;\n2026-Q1;5;;\n2025-Q3;abc;;" });
    expect(response.status).toBe(200);
    const { preview } = await readJson(response);
    expect(preview.rows.map((r: { line: number; problems: { code: string }[] }) => [r.line, r.problems.map((p) => p.code)])).toEqual([
      [2, ["quarter_recorded"]],
      [3, []],
      [4, ["quarter_recorded"]],
      [5, ["quarter_outside_contract"]],
      [6, ["must_be_whole_number"]],
    ]);
    expect(await quarters()).toEqual([{ quarter: "2025-Q1", valueNok: 1 }]);
  });

  it("imports nothing when a row is wrong, and answers 422 with the rows", async () => {
    const response = await post({ intent: "import", csv: "2025-Q2;1000\n2025-Q9;1" });
    expect(response.status).toBe(422);
    expect((await readJson(response)).preview.rows[1].problems[0].code).toBe("invalid_quarter");
    expect(await quarters()).toHaveLength(1);
  });

  it("imports every row of a clean file, uploaded as a file, and says how many", async () => {
    const body = new FormData();
    body.set("intent", "import-preview");
    body.set("file", new File(["quarter;valueNok;quantity;note\r\n2025-Q2;1 000 000;;\r\n2025-Q3;0;;Ingenting kjøpt\r\n"], "avrop.csv", { type: "text/csv" }));
    const preview = await respond(pageAction(await routeArgs(`/contracts/${contractId}`, { method: "POST", body, cookie: berit.cookie, params: { contractId }, headers: { Origin: "http://localhost" } })));
    const { preview: shown } = await readJson(preview);
    expect(shown.rows.every((r: { problems: unknown[] }) => r.problems.length === 0)).toBe(true);
    const done = await post({ intent: "import", csv: shown.csv });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/contracts/${contractId}?saved=imported&count=2`);
    expect(await quarters()).toEqual([
      { quarter: "2025-Q1", valueNok: 1 },
      { quarter: "2025-Q2", valueNok: 1_000_000 },
      { quarter: "2025-Q3", valueNok: 0 },
    ]);
  });

  it("refuses the vendor and anyone else, and an empty file by its field", async () => {
    expect((await post({ intent: "import", csv: "2025-Q4;1" }, viktor)).status).toBe(403);
    expect((await post({ intent: "import", csv: "2025-Q4;1" }, other)).status).toBe(403);
    const empty = await post({ intent: "import-preview", csv: "kvartal;verdi\n" });
    expect(empty.status).toBe(400);
    expect((await readJson(empty)).result.error.csv).toEqual(["import_empty"]);
    expect(await quarters()).toHaveLength(3);
  });
});

describe("call-offs as CSV, for the contract's parties", () => {
  let contractId: string;
  const get = async (who: Person | null, id = contractId) =>
    respond(callOffsCsvLoader(await routeArgs(`/contracts/${id}/call-offs.csv`, { cookie: who?.cookie, params: { contractId: id } })));

  beforeAll(async () => {
    ({ id: contractId } = await t.db
      .insertInto("contracts")
      .values({ buyerId: buyer.id, type: "framework_agreement", title: "Eksportavtale", startDate: "2025-01-01", baseEnd: "2026-12-31", indicatedAnnualValueNok: 4_000_000, unit: "lisenser" })
      .returning("id")
      .executeTakeFirstOrThrow());
    await t.db.insertInto("contractVendors").values({ contractId, organisationId: vendor.id }).execute();
    await t.db
      .insertInto("contractCallOffs")
      .values([
        { contractId, quarter: "2025-Q2", valueNok: 500_000, quantity: 12, note: null, response: "dispute", account: 'Vi leverte mer; se "faktura 7"', respondedAt: new Date("2025-07-02T08:00:00Z") },
        { contractId, quarter: "2025-Q1", valueNok: 1_000_000, quantity: null, note: "=SUM(A1:A9)", response: "confirm", respondedAt: new Date("2025-04-03T08:00:00Z"), recordedAt: new Date("2025-04-01T22:30:00Z") },
        { contractId, quarter: "2025-Q3", valueNok: 0, quantity: null, note: "Ingenting kjøpt" },
      ])
      .execute();
  });

  it("gives the buyer every quarter in order, with the vendor's answer and account, in the one CSV form", async () => {
    const response = await get(berit);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="avrop-${contractId}.csv"; filename*=UTF-8''avrop-${contractId}.csv`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split("\r\n")).toEqual([
      "Kvartal;Avropt verdi (kr);Avropt mengde;Enhet;Merknad;Leverandørens svar;Leverandørens framstilling;Registrert (norsk tid)",
      // A note a spreadsheet would run as a formula is made inert; 22:30 UTC on 1 April is 00:30 on 2 April in Oslo.
      "2025-Q1;1000000;;lisenser;'=SUM(A1:A9);Bekreftet;;2025-04-02 00:30",
      expect.stringMatching(/^2025-Q2;500000;12;lisenser;;Bestridt;"Vi leverte mer; se ""faktura 7""";\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      expect.stringMatching(/^2025-Q3;0;;lisenser;Ingenting kjøpt;Ikke besvart;;/),
      "",
    ]);
  });

  it("gives the vendor on the contract the same file", async () => {
    const response = await get(viktor);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Vi leverte mer");
  });

  it("refuses a vendor not on the contract (403) and sends an anonymous visitor to log in; a contract that is none is 404", async () => {
    expect((await get(other)).status).toBe(403);
    const anonymous = await get(null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    expect((await get(berit, "00000000-0000-4000-8000-00000000dead")).status).toBe(404);
    expect((await get(berit, "not-a-uuid")).status).toBe(404);
  });

  it("is linked from the contract page for the parties, and not for anyone else", async () => {
    const page = async (who: Person | null) => readJson(await respond(pageLoader(await routeArgs(`/contracts/${contractId}`, { cookie: who?.cookie, params: { contractId } }))));
    expect((await page(berit)).callOffsCsvHref).toBe(`/contracts/${contractId}/call-offs.csv`);
    expect((await page(viktor)).callOffsCsvHref).toBe(`/contracts/${contractId}/call-offs.csv`);
    expect((await page(other)).callOffsCsvHref).toBeNull();
    expect((await page(null)).callOffsCsvHref).toBeNull();
  });
});

async function worldContract(world: World) {
  const { id } = await t.db
    .insertInto("contracts")
    .values({ buyerId: world.organisation.id, type: "framework_agreement", title: "Matrise", startDate: START, baseEnd: `${year + 1}-12-31`, indicatedAnnualValueNok: 100 })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db.insertInto("contractVendors").values({ contractId: id, organisationId: vendor.id }).execute();
  return id;
}

describe("authorization", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /contracts/:contractId (public)",
      call: pageLoader,
      request: async (world, cookie) => {
        const contractId = await worldContract(world);
        return routeArgs(`/contracts/${contractId}`, { cookie, params: { contractId } });
      },
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /contracts/:contractId (record a call-off for organisation A)",
      call: pageAction,
      request: async (world, cookie) => {
        const contractId = await worldContract(world);
        return formRequest(`/contracts/${contractId}`, { intent: "call-off", quarter: Q1, valueNok: "100" }, { cookie, params: { contractId } });
      },
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "GET /contracts/:contractId/call-offs.csv (organisation A's contract: its parties only)",
      call: callOffsCsvLoader,
      request: async (world, cookie) => {
        const contractId = await worldContract(world);
        return routeArgs(`/contracts/${contractId}/call-offs.csv`, { cookie, params: { contractId } });
      },
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "GET /workspace/contracts",
      call: workspaceLoader,
      request: async (_w, cookie) => routeArgs("/workspace/contracts", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "GET /contracts/new",
      call: newLoader,
      request: async (_w, cookie) => routeArgs("/contracts/new", { cookie }),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "POST /contracts/new (for organisation A)",
      call: newAction,
      request: async (world, cookie) =>
        formRequest(
          "/contracts/new",
          { organisationId: world.organisation.id, type: "single_contract", title: "Matrise", vendorOrganisationIds: vendor.id, start: START, baseEnd: `${year + 1}-12-31`, indicatedAnnualValueNok: "100" },
          { cookie },
        ),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
  ]);
});
