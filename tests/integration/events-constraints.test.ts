import { sql, type RawBuilder } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { NewEvent } from "@db/schema";
import { jsonb } from "@db/jsonb";
import { visibleLength } from "~/domain/problems";
import { checkPublishable } from "~/domain/publishing";
import { toPublishable } from "~/models/event-row.server";
import { setupTestDatabase } from "../fixtures/database";
import { IP_TERMS_SQL, ipTermsColumns } from "../fixtures/ip-terms";
import { CONTRACT_CHOICE_COLUMNS, CONTRACT_CHOICE_SQL } from "../fixtures/contract-choice";
import { SCOPE_SQL } from "../fixtures/scope";

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

/** A published RFI asking nothing, with its IP terms, the buyer's undertaking and its contract choice: every rule holds. */
const base = (): Columns => ({ kind: "rfi", title: "Et arrangement", ...PUBLISHED, effort_level: "none", ...IP_TERMS_SQL, ...SCOPE_SQL, ...CONTRACT_CHOICE_SQL });

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

const CRITERION = { measure: "Svartid", threshold: "Under 2 sekunder", method: "Logg", judgedBy: "Prosjektleder" };
const CRITERIA = jsonb([CRITERION]);
/** What each vendor is expected to invest (0064): stated by every published pilot row. */
const INVESTED: Columns = { pilot_vendor_investment_hours: 40 };
const DECIDED: Columns = { pilot_budget_earmarked: true, pilot_budget_source: "Økonomiplan", pilot_decider_role: "Direktør", pilot_decider_organisation: "Testby kommune" };
const FOLLOW_ON: Columns = { pilot_plan: "follow_on_procurement", pilot_quarter: "2028-Q1", pilot_budget_nok: 3_000_000, ...DECIDED };
const OPTION: Columns = { pilot_plan: "purchase_option", pilot_option_max_price_nok: 3_000_000, pilot_option_window_from: "2027-Q3", pilot_option_window_to: "2027-Q4", ...DECIDED, pilot_budget_earmarked: false };

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
    constraint: "events_contract_choice",
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
  // Kontraktsvalg by the guaranteed base period (issue 15, migration 0059).
  {
    constraint: "events_contract_choice",
    rule: "an RFP with 12 months' base and 108 months of options for a 120-month need, unjustified",
    breaks: { kind: "rfp", contract_base_months: 12, contract_option_months: 108, contract_horizon_months: 120 },
    holds: { kind: "rfp", contract_base_months: 12, contract_option_months: 108, contract_horizon_months: 120, contract_justification: "Nasjonal løsning ventes; vi binder oss ikke lenger enn ett år." },
  },
  {
    constraint: "events_contract_choice",
    rule: "an RFP with a 60-month base against 84 months of depreciation, unjustified",
    breaks: { kind: "rfp", contract_base_months: 60, contract_option_months: 24, contract_horizon_months: 60, contract_depreciation_months: 84 },
    holds: { kind: "rfp", contract_base_months: 84, contract_option_months: 0, contract_horizon_months: 60, contract_depreciation_months: 84 },
  },
  {
    constraint: "events_contract_choice",
    rule: "an RFP without its contract form",
    breaks: { kind: "rfp", contract_form: null },
    holds: { kind: "rfp", contract_form: "project_contract" },
  },
  {
    constraint: "events_contract_choice",
    rule: "a demand notice declaring a purchase without its base period",
    breaks: { kind: "demand_notice", ...PLANNED, contract_base_months: null, contract_option_months: null },
    holds: { kind: "demand_notice", ...PLANNED, expectation_status: "none", budget_min_nok: null, budget_max_nok: null, expected_value_nok: null, contract_base_months: null, contract_option_months: null },
  },
  {
    constraint: "events_contract_choice",
    rule: "an innovation partnership without the need's horizon",
    breaks: { kind: "dialogue_meeting", contract_form: "innovation_partnership", pilot_criteria: CRITERIA, ...INVESTED, pilot_plan: "none_planned", contract_horizon_months: null },
    holds: { kind: "dialogue_meeting", contract_form: "strategic_alliance", contract_horizon_months: null },
  },
  {
    constraint: "events_contract_choice",
    rule: "a grandfathered event whose new depreciation period outlasts its base period, unjustified",
    breaks: { kind: "rfp", contract_choice_grandfathered: true, contract_form: null, contract_base_months: 12, contract_option_months: 36, contract_horizon_months: 48, contract_depreciation_months: 36 },
    holds: { kind: "rfp", contract_choice_grandfathered: true, contract_form: null, contract_base_months: 12, contract_option_months: 36, contract_horizon_months: 48 },
  },
  {
    // What still holds of a grandfathered row: base plus options against the horizon.
    constraint: "events_short_contract_justified",
    rule: "a grandfathered contract whose base and options fall short of the horizon without a justification",
    breaks: { contract_choice_grandfathered: true, contract_base_months: 12, contract_option_months: 12, contract_horizon_months: 48 },
    holds: { contract_choice_grandfathered: true, contract_base_months: 12, contract_option_months: 36, contract_horizon_months: 48 },
  },
  {
    constraint: "events_pilot_has_criteria",
    rule: "a pilot without acceptance criteria",
    breaks: { kind: "pilot", pilot_plan: "none_planned", ...INVESTED },
    holds: { kind: "pilot", pilot_plan: "none_planned", pilot_criteria: CRITERIA, ...INVESTED },
  },
  {
    constraint: "events_pilot_has_criteria",
    rule: "an R&D partnership whose criterion has an invisible threshold",
    breaks: { kind: "rnd_partnership", pilot_plan: "none_planned", pilot_criteria: jsonb([{ ...CRITERION, threshold: "\u200b " }]), ...INVESTED },
    holds: { kind: "rnd_partnership", pilot_plan: "none_planned", pilot_criteria: CRITERIA, ...INVESTED },
  },
  {
    constraint: "events_pilot_has_purchase_path",
    rule: "a pilot without a path to purchase",
    breaks: { kind: "pilot", pilot_criteria: CRITERIA, ...INVESTED },
    holds: { kind: "pilot", pilot_criteria: CRITERIA, ...INVESTED, pilot_plan: "none_planned" },
  },
  {
    constraint: "events_pilot_has_purchase_path",
    rule: "a planned follow-on purchase without saying who decides",
    breaks: { kind: "pilot", pilot_criteria: CRITERIA, ...INVESTED, ...FOLLOW_ON, pilot_decider_role: null },
    holds: { kind: "pilot", pilot_criteria: CRITERIA, ...INVESTED, ...FOLLOW_ON },
  },
  {
    constraint: "events_pilot_has_purchase_path",
    rule: "an innovation partnership's option whose window ends before it begins",
    breaks: { contract_form: "innovation_partnership", pilot_criteria: CRITERIA, ...INVESTED, ...OPTION, pilot_option_window_to: "2027-Q2" },
    holds: { contract_form: "innovation_partnership", pilot_criteria: CRITERIA, ...INVESTED, ...OPTION },
  },
  {
    constraint: "events_pilot_states_vendor_investment",
    rule: "a pilot that says nothing of what each vendor is expected to invest",
    breaks: { kind: "pilot", pilot_plan: "none_planned", pilot_criteria: jsonb([CRITERION]) },
    holds: { kind: "rnd_partnership", pilot_plan: "none_planned", pilot_criteria: jsonb([CRITERION]), pilot_vendor_investment_nok: 0 },
  },
  {
    constraint: "events_sourcing_departure_explained",
    rule: "in-house at medium risk with no outside need (market advice since 0045), without a reason",
    breaks: { sourcing_risk: "medium", sourcing_need: "none", sourcing_advice: "market_contract", contract_form: "in_house" },
    holds: { sourcing_risk: "medium", sourcing_need: "none", sourcing_advice: "market_contract", contract_form: "in_house", sourcing_reason: "Vi har kompetansen og kapasiteten selv." },
  },
  {
    constraint: "events_sourcing_departure_explained",
    rule: "in-house against market-contract advice, without a reason",
    breaks: { sourcing_risk: "low", sourcing_need: "lasting", sourcing_advice: "market_contract", contract_form: "in_house" },
    holds: { sourcing_risk: "low", sourcing_need: "lasting", sourcing_advice: "market_contract", contract_form: "framework_agreement" },
  },
  // Declarations that declare nothing (issue 14, migration 0013).
  {
    constraint: "events_declared_budget_above_zero",
    rule: "a committed purchase with a budget of 0–0 NOK and an expected value of 0",
    breaks: { ...PLANNED, expectation_status: "committed", budget_min_nok: 0, budget_max_nok: 0, expected_value_nok: 0 },
    holds: { ...PLANNED, expectation_status: "committed", budget_min_nok: 0 },
  },
  {
    constraint: "events_expected_volume_above_zero",
    rule: "a planned purchase whose only volume is a quantity of 0",
    breaks: { ...PLANNED, expected_value_nok: null, expected_quantity: 0, quantity_unit: "lisenser" },
    holds: { ...PLANNED, expected_value_nok: null, expected_quantity: 40, quantity_unit: "lisenser" },
  },
  {
    constraint: "events_expected_value_within_budget",
    rule: "an expected value above the budget frame",
    breaks: { ...PLANNED, expected_value_nok: 2_000_001 },
    holds: { ...PLANNED, expected_value_nok: 2_000_000 },
  },
  {
    constraint: "events_funding_source_visible",
    rule: "a funding source of one zero-width space",
    breaks: { ...PLANNED, funding_source: "\u200b" },
    holds: { ...PLANNED, funding_source: "Økonomiplan\u200b" },
  },
  {
    constraint: "events_quantity_unit_visible",
    rule: "a unit of a word joiner and a byte-order mark",
    breaks: { ...PLANNED, expected_quantity: 40, quantity_unit: "\u2060\ufeff" },
    holds: { ...PLANNED, expected_quantity: 40, quantity_unit: "sykehjem" },
  },
  {
    constraint: "events_significant_work_pay_meets_floor",
    rule: "400 hours of prototype work with no purchase expected, paid 1 NOK",
    breaks: { effort_level: "significant", effort_hours_per_vendor: 400, kinds_of_work: textArray(["prototype"]), expectation_status: "none", compensation_nok: 1 },
    holds: { effort_level: "significant", effort_hours_per_vendor: 400, kinds_of_work: textArray(["prototype"]), expectation_status: "none", compensation_nok: 200_000 },
  },
  {
    constraint: "events_significant_work_pay_meets_floor",
    rule: "pay below the floor with an invisible reason",
    breaks: { effort_level: "significant", effort_hours_per_vendor: 40, expectation_status: "none", compensation_nok: 5_000, compensation_reason: "\u200b" },
    holds: { effort_level: "significant", effort_hours_per_vendor: 40, expectation_status: "none", compensation_nok: 5_000, compensation_reason: "Leverandørene beholder rettighetene." },
  },
  {
    constraint: "events_hours_stated_for_effort",
    rule: "light effort with a purchase declared but no hours",
    breaks: { effort_level: "light", ...PLANNED },
    holds: { effort_level: "light", effort_hours_per_vendor: 2, ...PLANNED },
  },
  {
    constraint: "events_stated_level_covers_work",
    rule: "40 hours declared as light effort",
    breaks: { effort_level: "light", effort_hours_per_vendor: 40, ...PLANNED },
    holds: { effort_level: "significant", effort_hours_per_vendor: 40, ...PLANNED },
  },
  // IP terms and the buyer's undertaking (issue 17, migration 0042).
  {
    constraint: "events_ip_terms_stated",
    rule: "an RFI without saying what its input is used for",
    breaks: { ip_input_use: null },
    holds: { ip_input_use: "wider_planning" },
  },
  {
    constraint: "events_ip_terms_stated",
    rule: "a supplier conference asking a demo, without IP terms",
    breaks: { kind: "supplier_conference", effort_level: "significant", effort_hours_per_vendor: 6, kinds_of_work: textArray(["demo"]), ...PLANNED, ip_background_stays_with_vendor: null },
    holds: { kind: "supplier_conference", effort_level: "light", effort_hours_per_vendor: 6, kinds_of_work: textArray(["attend_meeting"]), ...PLANNED, ip_background_stays_with_vendor: null },
  },
  {
    constraint: "events_ip_licence_has_scope",
    rule: "results licensed to the buyer with an invisible scope",
    breaks: { ip_foreground_owner: "licence", ip_licence_scope: "\u200b " },
    holds: { ip_foreground_owner: "licence", ip_licence_scope: "Bruk i egen drift" },
  },
  {
    constraint: "events_ip_non_use_undertaking_given",
    rule: "an RFI without the buyer's non-use undertaking",
    breaks: { non_use_undertaking_at: null },
    holds: { kind: "rfp", non_use_undertaking_at: null },
  },
  {
    constraint: "events_ip_non_use_undertaking_given",
    rule: "an undertaking given by nobody",
    breaks: { kind: "pilot", pilot_plan: "none_planned", pilot_criteria: CRITERIA, ...INVESTED, non_use_undertaking_name: "\u2060" },
    holds: { kind: "pilot", pilot_plan: "none_planned", pilot_criteria: CRITERIA, ...INVESTED },
  },
  {
    constraint: "events_contract_choice",
    rule: "a short contract justified with 30 zero-width spaces",
    breaks: { contract_base_months: 12, contract_horizon_months: 48, contract_justification: "\u200b".repeat(30) },
    holds: { contract_base_months: 12, contract_horizon_months: 48, contract_justification: "x\u200b".repeat(30) },
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
    // The table before 0045 is no longer the rule for a new row.
    await expect(
      insertRaw({ ...base(), status: "draft", published_at: null, sourcing_risk: "medium", sourcing_need: "none", sourcing_advice: "in_house" }),
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
  // Declarations around the boundaries; deadlines, verification and how far the tender
  // quarter lies from now are not the table's to check (a CHECK cannot depend on the time).
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
    { kind: "pilot", pilotPlan: "none_planned", pilotCriteria: jsonb([CRITERION]) },
    { kind: "pilot", pilotPlan: "none_planned", pilotCriteria: jsonb([CRITERION]), pilotVendorInvestmentHours: 40 },
    { kind: "rnd_partnership", pilotPlan: "none_planned", pilotCriteria: jsonb([CRITERION]), pilotVendorInvestmentNok: 0 },
    { kind: "pilot", pilotPlan: "none_planned", pilotCriteria: jsonb([{ ...CRITERION, judgedBy: "\u2060" }]) },
    { kind: "pilot", pilotPlan: "follow_on_procurement", pilotQuarter: "2027-Q3", pilotBudgetNok: 0, pilotCriteria: jsonb([CRITERION]) },
    { kind: "rnd_partnership", pilotCriteria: jsonb([CRITERION]), pilotPlan: "follow_on_procurement", pilotQuarter: "2027-Q3", pilotBudgetNok: 1, pilotBudgetEarmarked: true, pilotDeciderRole: "Direktør", pilotDeciderOrganisation: "Testby" },
    { kind: "rnd_partnership", pilotCriteria: jsonb([CRITERION]), pilotPlan: "follow_on_procurement", pilotQuarter: "2027-Q3", pilotBudgetNok: 1, pilotBudgetEarmarked: true, pilotBudgetSource: "Økonomiplan", pilotDeciderRole: "Direktør", pilotDeciderOrganisation: "Testby" },
    { contractForm: "innovation_partnership", pilotCriteria: jsonb([CRITERION]), pilotPlan: "purchase_option", pilotOptionMaxPriceNok: 0, pilotOptionWindowFrom: "2027-Q3", pilotOptionWindowTo: "2027-Q4", pilotBudgetEarmarked: false, pilotDeciderRole: "Direktør", pilotDeciderOrganisation: "Testby" },
    { contractForm: "innovation_partnership", pilotCriteria: jsonb([CRITERION]), pilotPlan: "purchase_option", pilotOptionMaxPriceNok: 9, pilotOptionWindowFrom: "2027-Q3", pilotOptionWindowTo: "2027-Q4", pilotBudgetEarmarked: false, pilotDeciderRole: "Direktør", pilotDeciderOrganisation: "Testby" },
    { kind: "demand_notice", kindsOfWork: ["attend_meeting"] },
    { sourcingRisk: "medium", sourcingNeed: "none", sourcingAdvice: "market_contract", contractForm: "in_house" },
    { sourcingRisk: "medium", sourcingNeed: "none", sourcingAdvice: "market_contract", contractForm: "market_contract" },
    { sourcingRisk: "high", sourcingNeed: "temporary", sourcingAdvice: "in_house", contractForm: "in_house" },
    { sourcingRisk: "medium", sourcingNeed: "temporary", sourcingAdvice: "hybrid_relational", contractForm: "market_contract" },
    { effortLevel: "none", expectationStatus: "committed", budgetMinNok: 0, budgetMaxNok: 0, fundingSource: "x", expectedValueNok: 0, expectedTenderQuarter: "2027-Q1" },
    { effortLevel: "none", expectationStatus: "committed", budgetMinNok: 0, budgetMaxNok: 1, fundingSource: "x", expectedValueNok: 1, expectedTenderQuarter: "2001-Q1" },
    { effortLevel: "none", expectationStatus: "planned", budgetMinNok: 1, budgetMaxNok: 2, fundingSource: "x", expectedValueNok: 3, expectedTenderQuarter: "2027-Q1" },
    { effortLevel: "none", expectationStatus: "planned", budgetMinNok: 1, budgetMaxNok: 2, fundingSource: "\u200b\ufeff", expectedValueNok: 2, expectedTenderQuarter: "2027-Q1" },
    { effortLevel: "none", expectationStatus: "planned", budgetMinNok: 1, budgetMaxNok: 2, fundingSource: "x", expectedQuantity: 0, quantityUnit: "stk", expectedTenderQuarter: "2027-Q1" },
    { effortLevel: "significant", effortHoursPerVendor: 400, kindsOfWork: ["prototype"], expectationStatus: "none", compensationNok: 1 },
    { effortLevel: "significant", effortHoursPerVendor: 400, kindsOfWork: ["prototype"], expectationStatus: "none", compensationNok: 199_999, compensationReason: "Rettighetene blir hos leverandøren." },
    { effortLevel: "significant", effortHoursPerVendor: 400, kindsOfWork: ["prototype"], expectationStatus: "none", compensationNok: 200_000 },
    { effortLevel: "light", expectationStatus: "none" },
    { effortLevel: "light", effortHoursPerVendor: 20, expectationStatus: "none", compensationNok: 10_000 },
    { contractBaseMonths: 24, contractHorizonMonths: 48, contractJustification: "\u2060".repeat(40) },
    // IP terms and the undertaking (issue 17).
    { ipInputUse: null },
    { nonUseUndertakingAt: null },
    { kind: "rfp", ipInputUse: null, nonUseUndertakingAt: null },
    { kind: "rfp", effortLevel: "significant", effortHoursPerVendor: 9, expectationStatus: "none", compensationNok: 4_500, nonUseUndertakingAt: null },
    { kind: "dialogue_meeting", contractForm: "innovation_partnership", pilotCriteria: jsonb([CRITERION]), pilotPlan: "none_planned", ipBackgroundStaysWithVendor: null },
    { ipForegroundOwner: "licence", ipLicenceScope: " " },
    { kind: "demand_notice", ipForegroundOwner: "licence", ipLicenceScope: null, nonUseUndertakingAt: null },
    { ipTermsGrandfathered: true, ipBackgroundStaysWithVendor: null, nonUseUndertakingAt: null },
    // The contract choice (issue 15): stated where required, judged by the guaranteed base period.
    { kind: "rfp" },
    { kind: "rfp", ...CONTRACT_CHOICE_COLUMNS },
    { kind: "rfp", ...CONTRACT_CHOICE_COLUMNS, contractForm: null },
    { kind: "rfp", ...CONTRACT_CHOICE_COLUMNS, contractHorizonMonths: null },
    { kind: "rfp", ...CONTRACT_CHOICE_COLUMNS, contractBaseMonths: 12, contractOptionMonths: 108, contractHorizonMonths: 120 },
    { kind: "rfp", ...CONTRACT_CHOICE_COLUMNS, contractBaseMonths: 12, contractOptionMonths: 108, contractHorizonMonths: 120, contractJustification: "x".repeat(30) },
    { kind: "rfp", ...CONTRACT_CHOICE_COLUMNS, contractBaseMonths: 60, contractHorizonMonths: 60, contractDepreciationMonths: 84 },
    { kind: "rfp", ...CONTRACT_CHOICE_COLUMNS, contractBaseMonths: 84, contractHorizonMonths: 60, contractDepreciationMonths: 84 },
    { kind: "rfp", contractChoiceGrandfathered: true },
    { kind: "rfp", contractChoiceGrandfathered: true, contractBaseMonths: 12, contractOptionMonths: 108, contractHorizonMonths: 120 },
    { kind: "rfp", contractChoiceGrandfathered: true, contractBaseMonths: 12, contractOptionMonths: 100, contractHorizonMonths: 120 },
    { kind: "rfp", contractChoiceGrandfathered: true, contractBaseMonths: 12, contractOptionMonths: 108, contractHorizonMonths: 120, contractDepreciationMonths: 24 },
    { kind: "demand_notice", effortLevel: "none", expectationStatus: "uncertain", budgetMinNok: 1, budgetMaxNok: 2, fundingSource: "x", expectedValueNok: 1, expectedTenderQuarter: "2027-Q1" },
    { kind: "demand_notice", effortLevel: "none", expectationStatus: "none" },
    { kind: "dialogue_meeting", contractForm: "innovation_partnership", pilotCriteria: jsonb([CRITERION]), pilotPlan: "none_planned", contractBaseMonths: 36 },
    { contractBaseMonths: 36, contractDepreciationMonths: 48 },
    { sourcingRisk: "medium", sourcingNeed: "temporary", sourcingAdvice: "hybrid_relational", contractForm: "project_contract" },
    { sourcingRisk: "low", sourcingNeed: "lasting", sourcingAdvice: "market_contract", contractForm: "strategic_alliance" },
  ];

  for (const sample of samples) {
    it(`${JSON.stringify(sample, (_key, value: unknown) => (value instanceof Object && "toOperationNode" in value ? "jsonb" : value))}`, async () => {
      const values = { buyerId, kind: "rfi" as const, title: "Et arrangement", description: "", status: "draft" as const, ...ipTermsColumns(), ...sample };
      const { id } = await t.db.insertInto("events").values(values).returning("id").executeTakeFirstOrThrow();
      const row = await t.db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      const gate = checkPublishable(toPublishable(row), { buyerVerified: true, now: new Date(0) });
      const timeBound = ["deadline_in_future_required", "tender_quarter_in_past", "tender_quarter_beyond_horizon"];
      const domainOk = gate.ok || gate.problems.every((p) => timeBound.includes(p.code));
      const publish = t.db.updateTable("events").set({ status: "published", publishedAt: new Date() }).where("id", "=", id).execute();
      if (domainOk) await expect(publish).resolves.toBeDefined();
      else await expect(publish).rejects.toThrow(/events_/);
    });
  }
});

describe("effort requests keep the same rules in their table", () => {
  const columns = (changes: Columns): Columns => ({
    title: "Prototyp",
    kinds_of_work: textArray(["prototype"]),
    hours_per_vendor: 400,
    deadline: sql`now() + interval '30 days'`,
    ...PLANNED,
    ...changes,
  });
  function insertRequest(changes: Columns) {
    const entries = Object.entries({ buyer_id: buyerId, ...columns(changes) });
    return sql`insert into effort_requests (${sql.join(entries.map(([k]) => sql.id(k)))})
      values (${sql.join(entries.map(([, v]) => v as RawBuilder<unknown> | unknown))})`.execute(t.db);
  }

  it.each<[string, Columns, Columns]>([
    ["effort_requests_declared_budget_above_zero", { expectation_status: "committed", budget_min_nok: 0, budget_max_nok: 0, expected_value_nok: 0 }, { budget_min_nok: 0 }],
    ["effort_requests_expected_volume_above_zero", { expected_value_nok: null, expected_quantity: 0, quantity_unit: "stk" }, { expected_value_nok: null, expected_quantity: 3, quantity_unit: "stk" }],
    ["effort_requests_expected_value_within_budget", { expected_value_nok: 999_999 }, { expected_value_nok: 1_000_000 }],
    ["effort_requests_funding_source_visible", { funding_source: "\u200b" }, { funding_source: "Driftsbudsjett" }],
    ["effort_requests_quantity_unit_visible", { expected_quantity: 3, quantity_unit: "\u200d" }, { expected_quantity: 3, quantity_unit: "stk" }],
    [
      "effort_requests_significant_work_pay_meets_floor",
      { ...Object.fromEntries(Object.keys(PLANNED).map((k) => [k, null])), expectation_status: "none", compensation_nok: 1 },
      { ...Object.fromEntries(Object.keys(PLANNED).map((k) => [k, null])), expectation_status: "none", compensation_nok: 1, compensation_reason: "Leverandørene eier resultatet." },
    ],
    ["effort_requests_title_visible", { title: "\ufeff\u200b" }, { title: "Demo\u200b" }],
  ])("%s: refuses the loophole row by raw SQL", async (constraint, breaks, holds) => {
    await expect(insertRequest(breaks)).rejects.toThrow(new RegExp(constraint));
    await expect(insertRequest(holds)).resolves.toBeDefined();
  });
});

describe("visible_length, the database's copy of the domain's visibleLength", () => {
  it("counts the same characters as invisible as the domain does", async () => {
    // Every code point the database drops is one the domain drops (white space or Unicode Cf).
    const { rows } = await sql<{ cp: number }>`select cp from generate_series(1, 1114111) cp
      where (cp < 55296 or cp > 57343) and visible_length(chr(cp)) = 0`.execute(t.db);
    const database = rows.map((r) => r.cp);
    expect(database.filter((cp) => visibleLength(String.fromCodePoint(cp)) !== 0)).toEqual([]);
    // … and the characters issue 14 names are among them.
    for (const cp of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x00a0, 0x3000, 0xe0001]) expect(database).toContain(cp);
    expect(database).toHaveLength([...Array(0x110000).keys()].filter((cp) => (cp < 0xd800 || cp > 0xdfff) && cp > 0 && visibleLength(String.fromCodePoint(cp)) === 0).length);
  });
});
