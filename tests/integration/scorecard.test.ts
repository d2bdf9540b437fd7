import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { noteChange } from "@db/coordination";
import { jsonb } from "@db/jsonb";
import type { NewEvent } from "@db/schema";
import { logInteraction, respondToInteraction, type NewInteraction } from "~/models/interactions.server";
import { buyerScorecard, demandByQuarterAndDivision, getScorecardBuyer, groupedScorecards, scorecardEventsPage, procuredValueSources, buyerContractFormMix } from "~/models/scorecard.server";
import { CONCERN_ANSWER_DAYS } from "~/domain/scorecard";
import { cachedFigures } from "~/models/scorecard-cache.server";
import { loader as buyerLoader } from "~/routes/buyers.$id";
import { loader as insightsLoader } from "~/routes/insights";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond } from "../fixtures/people";
import { readJson, routeArgs } from "../fixtures/requests";
import { ipTermsColumns } from "../fixtures/ip-terms";
import { CONTRACT_CHOICE_COLUMNS } from "../fixtures/contract-choice";
import { SCOPE_COLUMNS } from "../fixtures/scope";

// A small hand-made history, dated around 24 November 2026 (Oslo). The 12-month window is
// 2025-12 … 2026-11 (quarters 2025-Q4 … 2026-Q4), the 36-month one 2023-12 … 2026-11.
const t = setupTestDatabase();
const NOW = new Date("2026-11-24T12:00:00Z");

let bergvik: { id: string };
let vestfjord: { id: string };
let vendor: { id: string };
const ids: Record<string, string> = {};

const committed = {
  budgetMinNok: 1_000_000,
  budgetMaxNok: 3_000_000,
  fundingSource: "Investeringsbudsjett",
  expectedValueNok: 2_000_000,
};

async function event(name: string, values: Partial<NewEvent> & Pick<NewEvent, "kind" | "buyerId">) {
  const row = await t.db
    .insertInto("events")
    .values({ title: `Hendelse ${name}`, description: "Testhendelse.", status: "published", cpvCodes: ["48814000-7"], ...ipTermsColumns(), ...values })
    .returning("id")
    .executeTakeFirstOrThrow();
  ids[name] = row.id;
  return row.id;
}

beforeAll(async () => {
  const person = await createPerson(t.db);
  bergvik = await createOrganisationWith(t.db, [{ person, role: "admin" }], { name: "Testvik kommune" });
  vestfjord = await createOrganisationWith(t.db, [], { name: "Test HF" });
  await t.db.updateTable("organisations").set({ buyerSector: "health_trust", region: "oslo" }).where("id", "=", vestfjord.id).execute();
  const seller = await createPerson(t.db);
  vendor = await createOrganisationWith(t.db, [{ person: seller, role: "admin" }], { isBuyer: false, isVendor: true, name: "Leverandør AS" });
  const closed = (at: string) => ({ status: "closed" as const, closedAt: new Date(at) });

  // E1: committed for 2026-Q1, procured 2026-04-15 (one quarter late: met within grace); a short, justified contract.
  await event("E1", {
    buyerId: bergvik.id, kind: "rfi", ...closed("2026-03-01T10:00:00Z"), publishedAt: new Date("2026-02-10T10:00:00Z"),
    effortLevel: "significant", effortHoursPerVendor: 10, kindsOfWork: ["written_response"],
    expectationStatus: "committed", ...committed, expectedTenderQuarter: "2026-Q1",
    contractBaseMonths: 24, contractOptionMonths: 12, contractHorizonMonths: 60,
    contractJustification: "Markedet endrer seg raskt, vi vil vurdere på nytt etter tre år.",
    outcome: "procured", outcomeRecordedAt: new Date("2026-04-20T10:00:00Z"), outcomeContractValueNok: 2_000_000, outcomeContractDate: "2026-04-15",
  });
  // E2: planned for 2026-Q2, ended not procured (budget withdrawn).
  await event("E2", {
    buyerId: bergvik.id, kind: "dialogue_meeting", ...closed("2026-04-01T10:00:00Z"), publishedAt: new Date("2026-03-01T10:00:00Z"),
    effortLevel: "light", effortHoursPerVendor: 4, kindsOfWork: ["attend_meeting"],
    expectationStatus: "planned", ...committed, expectedTenderQuarter: "2026-Q2",
    outcome: "not_procured", outcomeRecordedAt: new Date("2026-08-01T10:00:00Z"), outcomeNotProcuredReason: "budget_withdrawn",
  });
  // E3: committed for 2026-Q3, no outcome yet: still within the grace quarter.
  await event("E3", {
    buyerId: bergvik.id, kind: "rfi", publishedAt: new Date("2026-06-01T10:00:00Z"),
    effortLevel: "significant", effortHoursPerVendor: 20, kindsOfWork: ["written_response"],
    expectationStatus: "committed", ...committed, expectedTenderQuarter: "2026-Q3",
  });
  // E4: 2025-06, only in the 36-month window; expectation none.
  await event("E4", {
    buyerId: bergvik.id, kind: "dialogue_meeting", publishedAt: new Date("2025-06-01T10:00:00Z"),
    effortLevel: "light", effortHoursPerVendor: 2, kindsOfWork: ["attend_meeting"], expectationStatus: "none",
  });
  // E5: a pilot that ended 2025-03-31, its one criterion met and not bought for want of budget (E1, in a shared CPV code, is no purchase of it).
  await event("E5", {
    buyerId: bergvik.id, kind: "pilot", ...closed("2025-04-01T10:00:00Z"), publishedAt: new Date("2024-09-01T10:00:00Z"),
    endsAt: new Date("2025-03-31T10:00:00Z"), pilotPlan: "none_planned", pilotVendorInvestmentHours: 40,
    pilotCriteria: jsonb([{ measure: "Svartid", threshold: "Under 2 sekunder", method: "Logg", judgedBy: "Prosjektleder" }]),
    effortLevel: "significant", effortHoursPerVendor: 40, kindsOfWork: ["pilot"], expectationStatus: "none", compensationNok: 50_000,
  });
  await t.db.insertInto("pilotExits").values({ eventId: ids.E5!, results: jsonb([{ result: "met", note: null }]), decision: "stopped", stopReason: "no_budget" }).execute();
  // E6: committed for 2026-Q1, withdrawn.
  await event("E6", {
    buyerId: bergvik.id, kind: "rfi", ...closed("2026-02-01T10:00:00Z"), publishedAt: new Date("2026-01-10T10:00:00Z"),
    effortLevel: "light", effortHoursPerVendor: 3, kindsOfWork: ["short_written_input"],
    expectationStatus: "committed", ...committed, expectedTenderQuarter: "2026-Q1",
    outcome: "withdrawn", outcomeRecordedAt: new Date("2026-02-01T10:00:00Z"), outcomeWithdrawnReason: "Behovet ble dekket av en nasjonal avtale.",
  });
  // E7: a demand notice for 2027-Q1 (after the window's quarters), in two CPV divisions.
  await event("E7", {
    buyerId: bergvik.id, kind: "demand_notice", publishedAt: new Date("2026-05-01T10:00:00Z"), effortLevel: "none", ...SCOPE_COLUMNS, ...CONTRACT_CHOICE_COLUMNS,
    expectationStatus: "planned", ...committed, budgetMaxNok: 5_000_000, expectedTenderQuarter: "2027-Q1", cpvCodes: ["48814000-7", "85000000-9"],
  });
  // A draft is never counted.
  await event("draft", { buyerId: bergvik.id, kind: "rfi", status: "draft", effortLevel: "significant", effortHoursPerVendor: 30 });
  // The other buyer: one uncertain expectation, in another sector and region.
  await event("H1", {
    buyerId: vestfjord.id, kind: "rfi", publishedAt: new Date("2026-07-01T10:00:00Z"), effortLevel: "light", effortHoursPerVendor: 5,
    kindsOfWork: ["short_written_input"], expectationStatus: "uncertain", ...committed, expectedTenderQuarter: "2027-Q2",
  });

  // The vendor registered for E1 and E3 (10 + 20 hours asked) and reported 12 hours on E1.
  for (const name of ["E1", "E3"]) {
    await t.db.insertInto("registrations").values({ eventId: ids[name]!, organisationId: vendor.id, status: "registered" }).execute();
  }
  await t.db.insertInto("effortReports").values({ vendorId: vendor.id, buyerId: bergvik.id, eventId: ids.E1!, hours: 12, people: 2, reportedAt: new Date("2026-03-01T10:00:00Z") }).execute();
  // A direct request for 5 hours to the vendor (not declined): 5 more hours asked.
  const request = await t.db
    .insertInto("effortRequests")
    .values({ buyerId: bergvik.id, title: "Kort innspill", kindsOfWork: ["short_written_input"], hoursPerVendor: 5, deadline: new Date("2026-10-10T10:00:00Z"), expectationStatus: "none", createdAt: new Date("2026-10-01T10:00:00Z") })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db.insertInto("effortRequestRecipients").values({ requestId: request.id, organisationId: vendor.id }).execute();
  // Two questions on E1, answered after 4 and 10 hours: median 7.
  for (const [asked, hours] of [["2026-02-11T10:00:00Z", 4], ["2026-02-12T08:00:00Z", 10]] as const) {
    const askedAt = new Date(asked);
    await t.db
      .insertInto("eventQuestions")
      .values({ eventId: ids.E1!, organisationId: vendor.id, askedAt, originalText: "Spørsmål?", publishedText: "Spørsmål?", answer: "Svar.", answeredAt: new Date(askedAt.getTime() + hours * 3600_000) })
      .execute();
  }
  // The vendor raised a concern about the buyer, then corrected it (counts once); one older concern is outside 12 months.
  const concern = (occurredAt: string, supersedesId: string | null = null): NewInteraction => ({
    organisationId: vendor.id, counterpartId: bergvik.id, loggedBy: seller.id, occurredAt: new Date(occurredAt), channel: "call", participants: [],
    eventId: null, subject: "Gratis løsningsskisse", summary: "Vi ble bedt om en løsningsskisse uten forventet innkjøp.", clauses: [],
    assessment: "concern", concernCategory: "unpaid_advisory_work", concernDescription: "Anslått til 40 timer.", supersedesId,
  });
  const entryUrl = (id: string) => `/interactions/${id}`;
  const first = await logInteraction(t.db, concern("2026-09-01T10:00:00Z"), { entryUrl });
  if (!first.ok) throw new Error("could not log the concern");
  const corrections = [await logInteraction(t.db, concern("2026-09-02T10:00:00Z", first.value.id), { entryUrl }), await logInteraction(t.db, concern("2025-01-10T10:00:00Z"), { entryUrl })];
  if (!corrections.every((r) => r.ok)) throw new Error(`could not log: ${JSON.stringify(corrections)}`);
  // The buyer disputes the corrected concern (answered: it counts at once); the older one stays unanswered,
  // logged today (after NOW), so it is still inside its answer period: shown as awaiting, not counted.
  const corrected = corrections[0]!;
  if (!corrected.ok) throw new Error("no correction");
  const answer = { entryId: corrected.value.id, organisationId: bergvik.id, userId: person.id, response: "dispute" as const, account: "Vi ba om innspill, ikke en løsningsskisse." };
  if (!(await respondToInteraction(t.db, answer, { entryUrl })).ok) throw new Error("could not answer the concern");
  // Blocked publish attempts: one in each window's reach.
  await t.db.insertInto("blockedPublishAttempts").values({ buyerId: bergvik.id, at: new Date("2026-10-01T10:00:00Z"), codes: ["expectation_required"] }).execute();
  await t.db.insertInto("blockedPublishAttempts").values({ buyerId: bergvik.id, at: new Date("2025-01-01T10:00:00Z"), codes: ["expectation_required"] }).execute();
});

describe("a buyer's scorecard from the database", () => {
  it("computes the 12-month figures of the hand-made history", async () => {
    const card = await buyerScorecard(t.db, bergvik.id, 12, NOW);
    // E1, E2, E3, E6 asked effort in the window; E7 asked none; E4 and E5 are older.
    expect(card.effort).toEqual({ events: 4, byStatus: { committed: 3, planned: 1, uncertain: 0, none: 0, undeclared: 0 } });
    // E1 met (slip 1), E2 and E6 missed, E3 pending: 1 of 3.
    expect(card.fulfilment).toEqual({ due: 3, met: 1, missed: 2, pending: 1, withdrawn: 1, share: 1 / 3, medianSlipQuarters: 1 });
    expect(card.notProcured).toEqual({ total: 1, byReason: { in_house: 0, budget_withdrawn: 1, no_suitable_solution: 0, postponed: 0, cancelled: 0 } });
    // E1 declared 2 MNOK and was bought for 2 MNOK.
    expect(card.procuredValue).toEqual({
      events: 1,
      declaredNok: 2_000_000,
      procuredNok: 2_000_000,
      ratio: 1,
      byStatus: {
        committed: { events: 1, declaredNok: 2_000_000, procuredNok: 2_000_000, ratio: 1 },
        planned: { events: 0, declaredNok: 0, procuredNok: 0, ratio: null },
        uncertain: { events: 0, declaredNok: 0, procuredNok: 0, ratio: null },
      },
    });
    // The events behind it, each summing to the figure: E1 only (issue 15: a reader sees which purchases make it up).
    const sources = await procuredValueSources(t.db, bergvik.id, 12, NOW);
    expect(sources.map((e) => e.id)).toEqual([ids.E1]);
    expect(sources.reduce((sum, e) => sum + e.procuredNok, 0)).toBe(card.procuredValue.procuredNok);
    expect(sources.reduce((sum, e) => sum + e.declaredNok, 0)).toBe(card.procuredValue.declaredNok);
    for (const window of [36] as const) {
      const wider = await buyerScorecard(t.db, bergvik.id, window, NOW);
      const behind = await procuredValueSources(t.db, bergvik.id, window, NOW);
      expect(behind.length, String(window)).toBe(wider.procuredValue.events);
      expect(behind.reduce((sum, e) => sum + e.procuredNok, 0)).toBe(wider.procuredValue.procuredNok);
    }
    expect(card.hours).toEqual({ requestedHours: 35, reportedHours: 12, procuredNok: 2_000_000, nokPerReportedHour: 166_667 });
    // E5 ended before the 12-month window.
    expect(card.pilots).toMatchObject({ ended: 0, metButNotBought: 0 });
    // E7 states a base period as long as its need (measured, not short); the short one is justified.
    expect(card.contracts).toEqual({ measured: 2, short: 1, justified: 1 });
    expect(card.answers).toEqual({ answered: 2, medianHours: 7 });
    expect(card.blockedAttempts).toEqual({ attempts: 1, published: 5, perEvent: 1 / 5 });
    expect(card.conduct).toEqual({
      buyers: 1,
      adopted: 0,
      concernsReceived: 1,
      concernsRaised: 0,
      received: { unanswered: 0, confirmed: 0, disputed: 1 },
      receivedAwaitingAnswer: 0,
    });
  });

  it("adds the older events in the 36-month window", async () => {
    const card = await buyerScorecard(t.db, bergvik.id, 36, NOW);
    expect(card.effort).toEqual({ events: 6, byStatus: { committed: 3, planned: 1, uncertain: 0, none: 2, undeclared: 0 } });
    expect(card.blockedAttempts).toMatchObject({ attempts: 2 });
    expect(card.fulfilment.share).toBe(1 / 3);
    // E5 met its criterion and was not bought: counted from its exit record, not inferred from E1's CPV code.
    expect(card.pilots).toEqual({ ended: 1, bought: 0, metButNotBought: 1, notBought: 0, open: 0, missingExit: 0, awaitingExit: 0, optionsDecided: 0, optionsExercised: 0, externallyFunded: 0, externalWithoutPurchaseBudget: 0 });
    expect(card.conduct).toMatchObject({ concernsReceived: 1, received: { unanswered: 0, confirmed: 0, disputed: 1 }, receivedAwaitingAnswer: 1 });
    // Once the answer period has passed, the unanswered concern counts as unanswered.
    const later = await buyerScorecard(t.db, bergvik.id, 36, new Date(Date.now() + (CONCERN_ANSWER_DAYS + 1) * 24 * 3600_000));
    expect(later.conduct).toMatchObject({ received: { unanswered: 1, confirmed: 0, disputed: 1 }, receivedAwaitingAnswer: 0 });
  });

  it("gives the headline figures per quarter of the window, summing to the window's figures", async () => {
    const card = await buyerScorecard(t.db, bergvik.id, 12, NOW);
    expect(card.trend.map((q) => q.quarter)).toEqual(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    // Published: E6 in January, E1 in February, E2 in March, E3 in June.
    expect(card.trend.map((q) => q.effortEvents)).toEqual([0, 3, 1, 0, 0]);
    // Declared for 2026-Q1: E1 met, E6 withdrawn; for Q2: E2 not procured; for Q3: E3 still within grace.
    expect(card.trend.map((q) => [q.fulfilmentMet, q.fulfilmentDue, q.fulfilmentShare])).toEqual([[0, 0, null], [1, 2, 0.5], [0, 1, 0], [0, 0, null], [0, 0, null]]);
    // 10 hours at E1 (February), 20 at E3 (June), 5 asked directly in October.
    expect(card.trend.map((q) => q.requestedHours)).toEqual([0, 10, 20, 0, 5]);
    expect(card.trend.map((q) => q.procuredNok)).toEqual([0, 0, 2_000_000, 0, 0]);
    expect(card.trend.map((q) => q.medianAnswerHours)).toEqual([null, 7, null, null, null]);
    expect(card.trend.reduce((sum, q) => sum + q.requestedHours, 0)).toBe(card.hours.requestedHours);
    expect((await buyerScorecard(t.db, bergvik.id, 36, NOW)).trend).toHaveLength(13);
  });

  it("is empty for a buyer with nothing recorded", async () => {
    const other = await createOrganisationWith(t.db, [], { name: "Tom kommune" });
    const card = await buyerScorecard(t.db, other.id, 12, NOW);
    expect(card.effort.events).toBe(0);
    expect(card.fulfilment.share).toBeNull();
    expect(card.conduct.buyers).toBe(1);
  });

  it("lists the events behind the figures, without drafts", async () => {
    const { events, total, next } = await scorecardEventsPage(t.db, bergvik.id, 12, {}, NOW);
    expect([total, next]).toEqual([5, null]);
    expect(events.map((e) => e.title).sort()).toEqual(["Hendelse E1", "Hendelse E2", "Hendelse E3", "Hendelse E6", "Hendelse E7"]);
  });

  it("finds buyers only", async () => {
    expect((await getScorecardBuyer(t.db, bergvik.id))?.name).toBe("Testvik kommune");
    expect(await getScorecardBuyer(t.db, vendor.id)).toBeNull();
    expect(await getScorecardBuyer(t.db, randomUUID())).toBeNull();
    expect(await getScorecardBuyer(t.db, "not-an-id")).toBeNull();
  });
});

describe("the sector overview from the database", () => {
  it("groups the figures by sector and sums them for all buyers", async () => {
    const { groups, all } = await groupedScorecards(t.db, "sector", 12, NOW);
    const municipality = groups.find((g) => g.key === "municipality")!.scorecard;
    const healthTrust = groups.find((g) => g.key === "health_trust")!.scorecard;
    expect(municipality.effort.events).toBe(4);
    expect(healthTrust.effort).toEqual({ events: 1, byStatus: { committed: 0, planned: 0, uncertain: 1, none: 0, undeclared: 0 } });
    expect(all.effort.events).toBe(5);
    expect(all.fulfilment.share).toBe(1 / 3);
    expect(all.conduct.buyers).toBe(groups.reduce((sum, g) => sum + g.scorecard.conduct.buyers, 0));
  });

  it("groups by region", async () => {
    const { groups } = await groupedScorecards(t.db, "region", 12, NOW);
    expect(groups.find((g) => g.key === "oslo")!.scorecard.effort.events).toBe(1);
    expect(groups.find((g) => g.key === "vestland")!.scorecard.hours.requestedHours).toBe(35);
  });

  it("sums declared demand per quarter and CPV division, counting an event once per division", async () => {
    const cells = await demandByQuarterAndDivision(t.db, 12, NOW);
    expect(cells.map((c) => [c.quarter, c.division, c.events, c.budgetMaxNok])).toEqual([
      ["2026-Q1", "48", 2, 6_000_000],
      ["2026-Q2", "48", 1, 3_000_000],
      ["2026-Q3", "48", 1, 3_000_000],
      ["2027-Q1", "48", 1, 5_000_000],
      ["2027-Q1", "85", 1, 5_000_000],
      ["2027-Q2", "48", 1, 3_000_000],
    ]);
    expect(cells.find((c) => c.division === "85")?.divisionNb).toBe("Helse- og sosialtjenester");
  });
});

describe("the scorecard cache", () => {
  it("computes once while fresh and again after five minutes", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    const key = `test:${randomUUID()}`;
    expect((await cachedFigures(key, compute, 1_000_000)).value).toBe(1);
    expect((await cachedFigures(key, compute, 1_000_000 + 60_000)).value).toBe(1);
    expect((await cachedFigures(key, compute, 1_000_000 + 5 * 60_000 + 1)).value).toBe(2);
  });
});

describe("the public pages", () => {
  it("answers 404 for an unknown id and for an organisation that is not a buyer", async () => {
    for (const id of [randomUUID(), vendor.id, "x"]) {
      const response = await respond(buyerLoader(await routeArgs(`/buyers/${id}`, { params: { id } })));
      expect(response.status).toBe(404);
    }
  });

  it("serves a buyer's scorecard and the overview to visitors without an account", async () => {
    const response = await respond(buyerLoader(await routeArgs(`/buyers/${bergvik.id}?window=36`, { params: { id: bergvik.id } })));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.buyer.name).toBe("Testvik kommune");
    expect(data.scorecard.window.months).toBe(36);
    const overview = await respond(insightsLoader(await routeArgs("/insights")));
    expect(overview.status).toBe(200);
    expect((await overview.json()).figures.bySector.groups.length).toBeGreaterThan(0);
  });
});

// Public pages: everyone may read them, signed in or not, whatever their organisation.
authorizationMatrix(() => t.db, [
  {
    route: "GET /buyers/:id",
    call: buyerLoader,
    request: (world, cookie) => routeArgs(`/buyers/${world.organisation.id}`, { cookie, params: { id: world.organisation.id } }),
    expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
  },
  {
    route: "GET /insights",
    call: insightsLoader,
    request: (_world, cookie) => routeArgs("/insights?window=36", { cookie }),
    expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
  },
]);

// Last in the file: its events would change the sums over all buyers above.
describe("uncertain expectations", () => {
  it("counts uncertain expectations in the fulfilment share, as the database hands them over (issue 15)", async () => {
    const unsure = await createOrganisationWith(t.db, [], { name: "Usikker kommune" });
    const declared = { buyerId: unsure.id, kind: "dialogue_meeting" as const, effortLevel: "none" as const, expectationStatus: "uncertain" as const, ...committed };
    // U1: uncertain for 2026-Q1, procured 2026-02-20: met.
    await event("U1", {
      ...declared, status: "closed", closedAt: new Date("2026-02-01T10:00:00Z"), publishedAt: new Date("2026-01-05T10:00:00Z"), expectedTenderQuarter: "2026-Q1",
      outcome: "procured", outcomeContractDate: "2026-02-20", outcomeContractValueNok: 1_900_000, outcomeRecordedAt: new Date("2026-02-21T10:00:00Z"),
    });
    // U2: uncertain for 2026-Q2, ended not procured: missed.
    await event("U2", {
      ...declared, status: "closed", closedAt: new Date("2026-05-01T10:00:00Z"), publishedAt: new Date("2026-04-01T10:00:00Z"), expectedTenderQuarter: "2026-Q2",
      outcome: "not_procured", outcomeNotProcuredReason: "budget_withdrawn", outcomeRecordedAt: new Date("2026-06-01T10:00:00Z"),
    });
    const card = await buyerScorecard(t.db, unsure.id, 12, NOW);
    expect(card.fulfilment).toMatchObject({ due: 2, met: 1, missed: 1, share: 0.5 });
    // Procured value against declared counts the uncertain one too: 1.9 of 2 MNOK.
    expect(card.procuredValue).toMatchObject({ events: 1, declaredNok: 2_000_000, procuredNok: 1_900_000, ratio: 0.95 });
    expect(card.procuredValue.byStatus.uncertain).toEqual({ events: 1, declaredNok: 2_000_000, procuredNok: 1_900_000, ratio: 0.95 });
    expect(card.trend.reduce((sum, q) => sum + q.fulfilmentDue, 0)).toBe(2);
    // The figure's sources: the one procured expectation, linked, summing to the figure (issue 15).
    expect(await procuredValueSources(t.db, unsure.id, 12, NOW)).toEqual([
      { id: ids.U1, title: "Hendelse U1", status: "uncertain", declaredQuarter: "2026-Q1", declaredNok: 2_000_000, procuredNok: 1_900_000, ratio: 0.95 },
    ]);
  });
});

describe("the contract-form mix (issue 15)", () => {
  it("counts the buyer's published events by the report's four groups and weights them by declared value, beside the national shares, in the window only", async () => {
    const mixed = await createOrganisationWith(t.db, [], { name: "Miks kommune" });
    const base = { buyerId: mixed.id, kind: "dialogue_meeting" as const, effortLevel: "none" as const, publishedAt: new Date("2026-06-01T10:00:00Z") };
    const declaring = (expectedValueNok: number) => ({ ...committed, budgetMinNok: 0, budgetMaxNok: 10_000_000, expectationStatus: "planned" as const, expectedTenderQuarter: "2026-Q4", expectedValueNok });
    await event("M1", { ...base, contractForm: "framework_agreement", ...declaring(3_000_000) });
    await event("M2", { ...base, contractForm: "strategic_alliance", ...declaring(1_000_000) });
    await event("M3", { ...base, contractForm: "project_contract" });
    await event("M4", { ...base, contractForm: "in_house" });
    await event("M5", { ...base });
    await event("M6", { ...base, contractForm: "market_contract", publishedAt: new Date("2024-01-01T10:00:00Z"), ...declaring(5_000_000) });
    const mix = await buyerContractFormMix(t.db, mixed.id, 12, NOW);
    expect(mix).toMatchObject({ events: 4, valuedEvents: 2, declaredNok: 4_000_000 });
    expect(mix.byCategory).toEqual({
      in_house: { events: 1, share: 0.25, valuedEvents: 0, declaredNok: 0, valueShare: 0, national: 0.5 },
      project: { events: 1, share: 0.25, valuedEvents: 0, declaredNok: 0, valueShare: 0, national: 0.2 },
      market: { events: 1, share: 0.25, valuedEvents: 1, declaredNok: 3_000_000, valueShare: 0.75, national: 0.18 },
      relational: { events: 1, share: 0.25, valuedEvents: 1, declaredNok: 1_000_000, valueShare: 0.25, national: 0.12 },
    });
    expect((await buyerContractFormMix(t.db, mixed.id, 36, NOW)).byCategory.market).toMatchObject({ events: 2, declaredNok: 8_000_000 });
  });
});

describe("one computation behind a figure and what is shown beside it (issue 15)", () => {
  it("changes a contract and shows the figure, the purchases behind it and the contract-form mix from the same moment", async () => {
    const buyer = await createOrganisationWith(t.db, [], { name: "Samtidig kommune" });
    const now = new Date();
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const id = await event("S1", {
      buyerId: buyer.id, kind: "dialogue_meeting", effortLevel: "none", status: "closed", closedAt: new Date(now.getTime() - 86_400_000),
      publishedAt: new Date(now.getTime() - 30 * 86_400_000), expectationStatus: "committed", ...committed, expectedTenderQuarter: quarter,
      contractForm: "framework_agreement",
      outcome: "procured", outcomeRecordedAt: now, outcomeContractValueNok: 1_000_000, outcomeContractDate: now.toISOString().slice(0, 10),
    });
    const page = async () => readJson(await respond(buyerLoader(await routeArgs(`/buyers/${buyer.id}`, { params: { id: buyer.id } }))));
    const shown = (data: Awaited<ReturnType<typeof page>>) => ({
      computedAt: data.computedAt,
      figure: data.scorecard.procuredValue.procuredNok,
      table: data.scorecard.procuredValueSources.reduce((sum: number, s: { procuredNok: number }) => sum + s.procuredNok, 0),
      market: data.scorecard.contractMix.byCategory.market.events,
      relational: data.scorecard.contractMix.byCategory.relational.events,
    });
    const before = shown(await page());
    expect(before).toMatchObject({ figure: 1_000_000, table: 1_000_000, market: 1, relational: 0 });

    // The contract turns out larger, and relational: committed, not yet heard of by this process.
    await t.db.updateTable("events").set({ outcomeContractValueNok: 1_500_000, contractForm: "relational_contract" }).where("id", "=", id).execute();
    // The page is served from the cached computation: all three as they were, from the same moment, never a mix of old and new.
    expect(shown(await page())).toEqual(before);

    // The change is heard (NOTIFY on a PostgreSQL server, db/coordination.ts): all three move together.
    noteChange();
    const after = shown(await page());
    expect(after).toMatchObject({ figure: 1_500_000, table: 1_500_000, market: 0, relational: 1 });
  });
});

describe("a buyer with more than 200 events (the list used to stop at 200)", () => {
  const MANY = 230;
  let many: { id: string; slug: string };

  beforeAll(async () => {
    many = await createOrganisationWith(t.db, [], { name: "Mange kommune" });
    // Published every half hour, two at each instant (the id breaks the tie); the three published
    // first, far beyond the first 200, have base periods shorter than their need.
    await sql`
      insert into events (buyer_id, kind, status, title, description, effort_level, expectation_status, cpv_codes, published_at,
        contract_base_months, contract_horizon_months, contract_justification)
      select ${many.id}, 'dialogue_meeting', 'published', 'Møte ' || g, 'Dialog.', 'none', 'none', array['48814000-7'],
        date_trunc('second', now()) - (g / 2) * interval '1 hour',
        case when g > ${MANY - 3} then 12 end, case when g > ${MANY - 3} then 60 end, case when g > ${MANY - 3} then 'Vi prøver først i to år og vurderer så på nytt.' end
      from generate_series(1, ${MANY}) as g`.execute(t.db);
  });

  it("pages through every event once, the latest published first, with every figure counted over all of them", async () => {
    const seen: { id: string; publishedAt: Date | null }[] = [];
    let after = null;
    let pages = 0;
    do {
      const page = await scorecardEventsPage(t.db, many.id, 12, { after });
      expect(page.total).toBe(MANY);
      seen.push(...page.events);
      after = page.next;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen.map((e) => e.id)).size).toBe(MANY);
    const times = seen.map((e) => e.publishedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const card = await buyerScorecard(t.db, many.id, 12);
    expect(card.blockedAttempts.published).toBe(MANY);
    // The short contracts the figure counts are all listed, however far down the event list they are.
    expect(card.contracts).toEqual({ measured: 3, short: 3, justified: 3 });
    expect(card.shortContractSources.map((e) => e.title).sort()).toEqual([`Møte ${MANY - 2}`, `Møte ${MANY - 1}`, `Møte ${MANY}`]);
  });

  it("links each page of the public scorecard to the next, and starts again at the first for a cursor that is not ours", async () => {
    const load = async (search: string) => readJson(await respond(buyerLoader(await routeArgs(`/buyers/${many.slug}${search}`, { params: { id: many.slug } }))));
    const first = await load("");
    expect([first.events.length, first.eventsTotal, first.laterPage]).toEqual([100, MANY, false]);
    const second = await load(`?window=12&events=${first.olderEvents}`);
    expect([second.events.length, second.laterPage]).toEqual([100, true]);
    const third = await load(`?window=12&events=${second.olderEvents}`);
    expect([third.events.length, third.olderEvents]).toEqual([30, null]);
    expect(new Set([...first.events, ...second.events, ...third.events].map((e: { id: string }) => e.id)).size).toBe(MANY);
    expect(third.scorecard.shortContractSources).toHaveLength(3);
    for (const garbage of ["x", "W10", encodeURIComponent('["2026-01-01T00:00:00Z","1; drop table events"]')]) {
      const page = await load(`?events=${garbage}`);
      expect([page.events.length, page.laterPage]).toEqual([100, false]);
      expect(page.events[0].id).toBe(first.events[0].id);
    }
  });
});
