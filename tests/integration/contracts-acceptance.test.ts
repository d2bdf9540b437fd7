import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { action as closeAction } from "~/routes/api.v1.events.$eventId.close";
import { action as outcomeAction } from "~/routes/api.v1.events.$eventId.outcome";
import { loader as contractApi } from "~/routes/api.v1.contracts.$contractId";
import { action as callOffAction } from "~/routes/api.v1.contracts.$contractId.call-offs";
import { action as responseAction } from "~/routes/api.v1.contracts.$contractId.call-offs.$quarter.response";
import { loader as contractPage } from "~/routes/contracts.$contractId/route";
import { loader as eventPage } from "~/routes/events.$eventId/route";
import { loader as scorecardPage } from "~/routes/buyers.$id";
import { loader as ocdsReleases } from "~/routes/api.v1.ocds.releases";
import { setupTestDatabase } from "../fixtures/database";
import { ocdsPackageValidator } from "../fixtures/ocds-schema";
import { respond } from "../fixtures/people";
import { jsonRequest, readJson, routeArgs } from "../fixtures/requests";

// Issue 15's acceptance, end to end on the demo data, as the demo accounts would do it through
// the JSON API: the demo buyer closes the demo RFP as procured with a framework (10 MNOK a year
// indicated, binding minimum 0, capacity required), records 2 MNOK in Q1 and 1 MNOK in Q2; the
// demo vendor confirms Q1 and disputes Q2. The pages, the scorecard, an anonymous visitor and
// the OCDS release then tell it as the issue says.

const t = setupTestDatabase();
const BUYER = "demo-buyer-token"; // Berit Innkjøp, Bergvik kommune
const VENDOR = "demo-vendor-token"; // Viktor Leverandør, Nordlys Helse AS
const RFP = "00000000-0000-4000-8000-000000000107"; // Bergvik's RFP for medication support
const year = new Date().getUTCFullYear();
const Q1 = `${year}-Q1`;
const Q2 = `${year}-Q2`;
const ACCOUNT = "Vi leverte for 1,4 MNOK i andre kvartal; fakturaene er sendt.";

let contractId: string;

beforeAll(async () => {
  await seedDemoData(t.db);
  const nordlys = await t.db.selectFrom("organisations").select("id").where("slug", "=", "nordlys-helse-as").executeTakeFirstOrThrow();

  expect((await respond(closeAction(await jsonRequest(`/api/v1/events/${RFP}/close`, "POST", undefined, BUYER, { eventId: RFP })))).status).toBe(200);
  const outcome = await respond(
    outcomeAction(
      await jsonRequest(
        `/api/v1/events/${RFP}/outcome`,
        "POST",
        {
          outcome: "procured",
          contractValueNok: 20_000_000,
          contractDate: `${year}-01-01`,
          contract: {
            type: "framework_agreement",
            vendorOrganisationIds: [nordlys.id],
            start: `${year}-01-01`,
            baseEnd: `${year + 5}-12-31`,
            options: [{ months: 24, noticeDeadline: `${year + 5}-06-30` }],
            indicatedAnnualValueNok: 10_000_000,
            bindingMinimumNok: 0,
            capacityRequired: true,
            capacityLeadTimeWeeks: 8,
          },
        },
        BUYER,
        { eventId: RFP },
      ),
    ),
  );
  expect(outcome.status).toBe(201);
  contractId = (await readJson(outcome)).contractId;

  const callOff = async (quarter: string, valueNok: number) =>
    respond(callOffAction(await jsonRequest(`/api/v1/contracts/${contractId}/call-offs`, "POST", { quarter, valueNok }, BUYER, { contractId })));
  expect((await callOff(Q1, 2_000_000)).status).toBe(201);
  expect((await callOff(Q2, 1_000_000)).status).toBe(201);
  const answer = async (quarter: string, body: unknown) =>
    respond(responseAction(await jsonRequest(`/api/v1/contracts/${contractId}/call-offs/${quarter}/response`, "POST", body, VENDOR, { contractId, quarter })));
  expect((await answer(Q1, { response: "confirm" })).status).toBe(201);
  expect((await answer(Q2, { response: "dispute", account: ACCOUNT })).status).toBe(201);
});

describe("issue 15's acceptance on the demo data", () => {
  it("shows the volumes and the 'capacity without commitment' mark on the event page and the contract page", async () => {
    const event = await readJson(await respond(eventPage(await routeArgs(`/events/${RFP}`, { params: { eventId: RFP } }))));
    const onEvent = event.contracts.find((c: { id: string }) => c.id === contractId);
    expect(onEvent).toMatchObject({ capacityWithoutCommitment: true, indicatedAnnualValueNok: 10_000_000, bindingMinimumNok: 0 });
    const page = await readJson(await respond(contractPage(await routeArgs(`/contracts/${contractId}`, { params: { contractId } }))));
    expect(JSON.stringify(page)).toContain('"capacityWithoutCommitment":true');
    expect(JSON.stringify(page)).toContain('"indicatedAnnualValueNok":10000000');
  });

  it("puts 30 % of the first year's indication, one quarter disputed, on the buyer's scorecard with this contract among the sources", async () => {
    const scorecard = await readJson(await respond(scorecardPage(await routeArgs("/buyers/bergvik-kommune", { params: { id: "bergvik-kommune" } }))));
    const source = scorecard.contracts.contracts.find((c: { id: string }) => c.id === contractId);
    expect(source).toMatchObject({ indicatedNok: 10_000_000, realisedNok: 3_000_000, share: 0.3, disputedQuarters: 1, capacityWithoutCommitment: true });
    expect(scorecard.contracts.figures.realisation.disputedQuarters).toBeGreaterThanOrEqual(1);
  });

  it("tells an anonymous visitor the rate and that a quarter is disputed, never the vendor's account", async () => {
    const response = await respond(contractApi(await routeArgs(`/api/v1/contracts/${contractId}`, { params: { contractId } })));
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.realisation[0]).toMatchObject({ year: 1, indicatedNok: 10_000_000, realisedNok: 3_000_000, share: 0.3, confirmed: 1, disputed: 1 });
    expect(body.callOffs.map((c: { quarter: string; response: string }) => [c.quarter, c.response])).toEqual([
      [Q1, "confirm"],
      [Q2, "dispute"],
    ]);
    expect(JSON.stringify(body)).not.toContain("1,4 MNOK");
    const page = await readJson(await respond(contractPage(await routeArgs(`/contracts/${contractId}`, { params: { contractId } }))));
    expect(JSON.stringify(page)).not.toContain("1,4 MNOK");
    // The parties read it.
    const buyerView = await readJson(
      await respond(contractApi(await routeArgs(`/api/v1/contracts/${contractId}`, { params: { contractId }, headers: { Authorization: `Bearer ${BUYER}` } }))),
    );
    expect(buyerView.callOffs[1].account).toBe(ACCOUNT);
  });

  it("carries the award, the contract and two transactions in the event's OCDS release, which validates", async () => {
    const body = await readJson(await ocdsReleases(await routeArgs("/api/v1/ocds/releases?limit=100")));
    expect(ocdsPackageValidator()(body)).toEqual([]);
    const release = body.releases.find((r: { ocid: string }) => r.ocid === `ocds-markedsdialog-${RFP}`);
    expect(release.tag).toEqual(expect.arrayContaining(["award", "contract", "implementation"]));
    expect(release.awards).toHaveLength(1);
    expect(release.awards[0].suppliers.map((s: { name: string }) => s.name)).toEqual(["Nordlys Helse AS"]);
    expect(release.contracts).toHaveLength(1);
    const contract = release.contracts[0];
    expect(contract.awardID).toBe(release.awards[0].id);
    expect(contract.implementation.transactions.map((x: { value: { amount: number } }) => x.value.amount)).toEqual([2_000_000, 1_000_000]);
  });
});
