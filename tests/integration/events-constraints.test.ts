import { sql, type RawBuilder } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { NewEvent } from "@db/schema";
import { checkPublishable } from "~/domain/publishing";
import { toPublishable } from "~/models/event-row.server";
import { setupTestDatabase } from "../fixtures/database";

// The database is the last line: whatever code path writes an event, a published or closed
// row breaking a publishing rule is refused, naming the rule.

const t = setupTestDatabase();
let buyerId: string;

beforeAll(async () => {
  const org = await t.db
    .insertInto("organisations")
    .values({ slug: "testby-kommune", name: "Testby kommune", orgNumber: "944100125", isBuyer: true, buyerSector: "municipality" })
    .returning("id")
    .executeTakeFirstOrThrow();
  buyerId = org.id;
});

type Columns = Record<string, unknown>;

const PUBLISHED: Columns = { status: "published", published_at: sql`now()` };

/** A published RFI asking nothing: every rule holds. */
const base = (): Columns => ({ kind: "rfi", title: "Et arrangement", ...PUBLISHED, effort_level: "none" });

const PLANNED: Columns = {
  expectation_status: "planned",
  budget_min_nok: 1_000_000,
  budget_max_nok: 2_000_000,
  funding_source: "Økonomiplan",
  expected_value_nok: 1_500_000,
  expected_tender_quarter: "2027-Q2",
};

function insertRaw(columns: Columns) {
  const entries = Object.entries({ buyer_id: buyerId, ...columns });
  return sql<{ id: string }>`insert into events (${sql.join(entries.map(([k]) => sql.id(k)))})
    values (${sql.join(entries.map(([, v]) => v as RawBuilder<unknown> | unknown))}) returning id`.execute(t.db);
}

const textArray = (values: string[]) => sql`${sql.raw(`array[${values.map((v) => `'${v}'`).join(",")}]::text[]`)}`;

const cases: { constraint: string; rule: string; breaks: Columns; holds: Columns }[] = [
  {
    constraint: "events_effort_requires_expectation",
    rule: "significant effort without a purchase expectation",
    breaks: { effort_level: "significant", effort_hours_per_vendor: 40 },
    holds: { effort_level: "significant", effort_hours_per_vendor: 40, ...PLANNED },
  },
  {
    constraint: "events_effort_requires_expectation",
    rule: "effort declared as none while asking 40 hours",
    breaks: { effort_level: "none", effort_hours_per_vendor: 40 },
    holds: { effort_level: "none", effort_hours_per_vendor: 0 },
  },
  {
    constraint: "events_effort_requires_expectation",
    rule: "a demo asked without any hours or expectation",
    breaks: { kinds_of_work: textArray(["demo"]) },
    holds: { kinds_of_work: textArray(["demo"]), effort_level: "significant", effort_hours_per_vendor: 8, ...PLANNED },
  },
  {
    constraint: "events_expectation_declared",
    rule: "a planned purchase without a budget frame",
    breaks: { effort_level: "light", effort_hours_per_vendor: 4, ...PLANNED, budget_min_nok: null },
    holds: { effort_level: "light", effort_hours_per_vendor: 4, ...PLANNED },
  },
  {
    constraint: "events_expectation_declared",
    rule: "a committed purchase without value or quantity",
    breaks: { ...PLANNED, expectation_status: "committed", expected_value_nok: null },
    holds: { ...PLANNED, expectation_status: "committed", expected_value_nok: null, expected_quantity: 40, quantity_unit: "lisenser" },
  },
  {
    constraint: "events_expectation_declared",
    rule: "an uncertain purchase with a blank funding source and no tender quarter",
    breaks: { ...PLANNED, expectation_status: "uncertain", funding_source: "  ", expected_tender_quarter: null },
    holds: { ...PLANNED, expectation_status: "uncertain" },
  },
  {
    constraint: "events_quantity_has_unit",
    rule: "a quantity without a unit",
    breaks: { ...PLANNED, expected_quantity: 40 },
    holds: { ...PLANNED, expected_quantity: 40, quantity_unit: "lisenser" },
  },
  {
    constraint: "events_none_significant_requires_compensation",
    rule: "significant effort with no purchase expected and no compensation",
    breaks: { effort_level: "significant", effort_hours_per_vendor: 40, expectation_status: "none" },
    holds: { effort_level: "significant", effort_hours_per_vendor: 40, expectation_status: "none", compensation_nok: 20_000 },
  },
  {
    constraint: "events_none_significant_requires_compensation",
    rule: "9 light-declared hours (significant) with no purchase expected and zero compensation",
    breaks: { effort_level: "light", effort_hours_per_vendor: 9, expectation_status: "none", compensation_nok: 0 },
    holds: { effort_level: "light", effort_hours_per_vendor: 8, expectation_status: "none" },
  },
  {
    constraint: "events_demand_notice_no_effort",
    rule: "a demand notice asking for effort",
    breaks: { kind: "demand_notice", effort_level: "light", effort_hours_per_vendor: 2, ...PLANNED },
    holds: { kind: "demand_notice", ...PLANNED },
  },
  {
    constraint: "events_short_contract_justified",
    rule: "a contract shorter than its horizon without a justification",
    breaks: { contract_form: "market_contract", contract_base_months: 12, contract_option_months: 12, contract_horizon_months: 48, contract_justification: "Fordi." },
    holds: {
      contract_form: "market_contract",
      contract_base_months: 12,
      contract_option_months: 12,
      contract_horizon_months: 48,
      contract_justification: "Teknologien endrer seg raskt, og vi vil konkurranseutsette igjen etter to år.",
    },
  },
  {
    constraint: "events_pilot_has_path",
    rule: "a pilot without a path to purchase",
    breaks: { kind: "pilot" },
    holds: { kind: "pilot", pilot_plan: "none_planned" },
  },
  {
    constraint: "events_pilot_has_path",
    rule: "a planned follow-on purchase without a budget",
    breaks: { kind: "pilot", pilot_plan: "follow_on_procurement", pilot_quarter: "2028-Q1" },
    holds: { kind: "pilot", pilot_plan: "follow_on_procurement", pilot_quarter: "2028-Q1", pilot_budget_nok: 3_000_000 },
  },
  {
    constraint: "events_sourcing_departure_explained",
    rule: "sourcing the rule does not cover, without a reason",
    breaks: { sourcing_risk: "low", sourcing_need: "none", sourcing_advice: "not_covered" },
    holds: { sourcing_risk: "low", sourcing_need: "none", sourcing_advice: "not_covered", sourcing_reason: "Vi trenger bare et kortvarig verktøy." },
  },
  {
    constraint: "events_sourcing_departure_explained",
    rule: "in-house against market-contract advice, without a reason",
    breaks: { sourcing_risk: "low", sourcing_need: "lasting", sourcing_advice: "market_contract", contract_form: "in_house" },
    holds: { sourcing_risk: "low", sourcing_need: "lasting", sourcing_advice: "market_contract", contract_form: "framework_agreement" },
  },
];

describe("the publishing rules as CHECK constraints", () => {
  for (const { constraint, rule, breaks, holds } of cases) {
    it(`${constraint}: refuses a published row with ${rule}, even by raw SQL`, async () => {
      await expect(insertRaw({ ...base(), ...breaks })).rejects.toThrow(new RegExp(constraint));
      await expect(insertRaw({ ...base(), ...holds })).resolves.toBeDefined();
    });

    it(`${constraint}: keeps a draft with ${rule}, and refuses to publish it by UPDATE`, async () => {
      const draft = await insertRaw({ ...base(), ...breaks, status: "draft", published_at: null });
      const id = draft.rows[0]!.id;
      await expect(sql`update events set status = 'published', published_at = now() where id = ${id}`.execute(t.db)).rejects.toThrow(
        new RegExp(constraint),
      );
      const row = await t.db.selectFrom("events").select("status").where("id", "=", id).executeTakeFirstOrThrow();
      expect(row.status).toBe("draft");
    });
  }

  it("refuses to break a rule on a published row by UPDATE", async () => {
    const { rows } = await insertRaw({ ...base(), effort_level: "light", effort_hours_per_vendor: 4, ...PLANNED });
    await expect(sql`update events set expectation_status = null where id = ${rows[0]!.id}`.execute(t.db)).rejects.toThrow(
      /events_effort_requires_expectation/,
    );
    await expect(sql`update events set status = 'closed' where id = ${rows[0]!.id}`.execute(t.db)).rejects.toThrow(/events_closed_has_date/);
  });

  it("stores sourcing advice only as the rule gives it, even in a draft", async () => {
    await expect(
      insertRaw({ ...base(), status: "draft", published_at: null, sourcing_risk: "high", sourcing_need: "lasting", sourcing_advice: "in_house" }),
    ).rejects.toThrow(/events_sourcing_advice_follows_rule/);
  });

  it("keeps outcomes to closed events, with the details each outcome needs", async () => {
    const closed: Columns = { ...base(), status: "closed", closed_at: sql`now()`, outcome_recorded_at: sql`now()` };
    await expect(insertRaw({ ...base(), outcome: "withdrawn", outcome_recorded_at: sql`now()`, outcome_withdrawn_reason: "Stanset." })).rejects.toThrow(
      /events_outcome_only_when_closed/,
    );
    await expect(insertRaw({ ...closed, outcome: "procured", outcome_contract_value_nok: 100 })).rejects.toThrow(/events_procured_has_contract/);
    await expect(insertRaw({ ...closed, outcome: "not_procured" })).rejects.toThrow(/events_not_procured_has_reason/);
    await expect(insertRaw({ ...closed, outcome: "withdrawn", outcome_withdrawn_reason: " " })).rejects.toThrow(/events_withdrawn_has_reason/);
    await expect(insertRaw({ ...closed, outcome: "not_procured", outcome_not_procured_reason: "postponed" })).resolves.toBeDefined();
  });
});

describe("the constraints and the domain agree", () => {
  // Declarations around the boundaries; deadlines and verification are not the table's to check.
  const samples: Partial<NewEvent>[] = [
    { effortLevel: "light", effortHoursPerVendor: 8 },
    { effortLevel: "light", effortHoursPerVendor: 8, expectationStatus: "none" },
    { effortLevel: "significant", effortHoursPerVendor: 9, expectationStatus: "none" },
    { effortLevel: "significant", effortHoursPerVendor: 9, expectationStatus: "none", compensationNok: 1 },
    { effortLevel: "none", expectationStatus: "planned" },
    { effortLevel: "none", expectationStatus: "planned", budgetMinNok: 1, budgetMaxNok: 2, fundingSource: "x", expectedValueNok: 1, expectedTenderQuarter: "2027-Q1" },
    { effortLevel: "light", effortHoursPerVendor: 2, expectationStatus: "committed", budgetMinNok: 1, budgetMaxNok: 2, fundingSource: "x", expectedQuantity: 3, quantityUnit: "stk", expectedTenderQuarter: "2027-Q1" },
    { contractBaseMonths: 24, contractOptionMonths: 24, contractHorizonMonths: 48 },
    { contractBaseMonths: 24, contractOptionMonths: 23, contractHorizonMonths: 48 },
    { contractBaseMonths: 24, contractHorizonMonths: 48, contractJustification: "x".repeat(30) },
    { contractBaseMonths: 24, contractHorizonMonths: 48, contractJustification: "x ".repeat(29) },
    { kind: "pilot", pilotPlan: "none_planned" },
    { kind: "pilot", pilotPlan: "follow_on_procurement", pilotQuarter: "2027-Q3", pilotBudgetNok: 0 },
    { kind: "demand_notice", kindsOfWork: ["attend_meeting"] },
    { sourcingRisk: "medium", sourcingNeed: "none", sourcingAdvice: "in_house", contractForm: "in_house" },
    { sourcingRisk: "medium", sourcingNeed: "none", sourcingAdvice: "in_house", contractForm: "market_contract" },
  ];

  for (const sample of samples) {
    it(`${JSON.stringify(sample)}`, async () => {
      const values = { buyerId, kind: "rfi" as const, title: "Et arrangement", description: "", status: "draft" as const, ...sample };
      const { id } = await t.db.insertInto("events").values(values).returning("id").executeTakeFirstOrThrow();
      const row = await t.db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      const gate = checkPublishable(toPublishable(row), { buyerVerified: true, now: new Date(0) });
      const domainOk = gate.ok || gate.problems.every((p) => p.code === "deadline_in_future_required");
      const publish = t.db.updateTable("events").set({ status: "published", publishedAt: new Date() }).where("id", "=", id).execute();
      if (domainOk) await expect(publish).resolves.toBeDefined();
      else await expect(publish).rejects.toThrow(/events_/);
    });
  }
});
