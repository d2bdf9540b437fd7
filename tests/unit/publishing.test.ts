import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "~/domain/events";
import { EMPTY_PILOT_PATH, type AcceptanceCriterion } from "~/domain/pilot";
import { checkAmendment, checkPublishable, orderProblems, type PublishableEvent } from "~/domain/publishing";
import { CONTRACT_RISKS, OUTSIDE_NEEDS } from "~/domain/sourcing";
import { PUBLISHABLE_IP } from "../fixtures/ip-terms";
import { PUBLISHABLE_SCOPE, UNSCOPED } from "../fixtures/scope";

const now = new Date("2026-11-24T12:00:00+01:00");
const later = new Date("2026-12-15T12:00:00+01:00");
const earlier = new Date("2026-11-01T12:00:00+01:00");
const verified = { buyerVerified: true, now };

const criterion: AcceptanceCriterion = {
  measure: "Andel henvisninger vurdert innen fristen",
  threshold: "Minst 95 %",
  method: "Uttrekk fra PAS etter seks måneder",
  judgedBy: "Klinikkleder",
};

// An RFI asking 40 hours, fully declared: the baseline every test changes one thing in.
const rfi: PublishableEvent = {
  kind: "rfi",
  registrationDeadline: null,
  responseDeadline: later,
  effort: { level: "significant", hoursPerVendor: 40, kindsOfWork: ["written_response"], compensationNok: null },
  expectation: {
    status: "planned",
    budgetMinNok: 10_000_000,
    budgetMaxNok: 15_000_000,
    fundingSource: "Økonomiplan 2027–2030",
    expectedValueNok: 12_000_000,
    quantity: null,
    unit: null,
    expectedTenderQuarter: "2027-Q3",
    expectedContractStart: "2028-01-01",
  },
  contract: {
    form: "relational_contract",
    baseMonths: 72,
    optionMonths: 24,
    horizonMonths: 72,
    justification: null,
  },
  sourcing: { risk: "high", need: "lasting", reason: null },
  pilotPath: null,
  ...PUBLISHABLE_IP,
  ...UNSCOPED,
};

const demandNotice: PublishableEvent = {
  ...rfi,
  kind: "demand_notice",
  responseDeadline: null,
  effort: { level: "none", hoursPerVendor: null, kindsOfWork: [], compensationNok: null },
  // A demand notice that declares a purchase fills in the scope step (issue 19).
  ...PUBLISHABLE_SCOPE,
};

describe("publishing an event", () => {
  it("publishes a fully declared RFI from a verified buyer", () => {
    expect(checkPublishable(rfi, verified)).toEqual({ ok: true });
  });

  it("refuses to publish an RFI asking 40 hours without a purchase expectation", () => {
    expect(checkPublishable({ ...rfi, expectation: null }, verified)).toEqual({
      ok: false,
      problems: [{ path: "expectation", code: "expectation_required" }],
    });
  });

  it("refuses to publish for a buyer organisation not yet verified as a public body", () => {
    expect(checkPublishable(rfi, { buyerVerified: false, now })).toEqual({
      ok: false,
      problems: [{ path: "buyer", code: "buyer_not_verified" }],
    });
  });

  describe("deadlines", () => {
    const deadlineNeeded = { ok: false, problems: [{ path: "registrationDeadline", code: "deadline_in_future_required" }] };

    it.each([
      ["a future registration deadline", later, null],
      ["a future response deadline", null, later],
      ["a past registration deadline but a future response deadline", earlier, later],
      ["a future registration deadline and a past response deadline", later, earlier],
    ])("accepts %s", (_what, registrationDeadline, responseDeadline) => {
      expect(checkPublishable({ ...rfi, registrationDeadline, responseDeadline }, verified)).toEqual({ ok: true });
    });

    it.each([
      ["no deadline at all", null, null],
      ["only past deadlines", earlier, earlier],
      ["a deadline that is this very moment", now, null],
    ])("refuses %s", (_what, registrationDeadline, responseDeadline) => {
      expect(checkPublishable({ ...rfi, registrationDeadline, responseDeadline }, verified)).toEqual(deadlineNeeded);
    });

    it.each(EVENT_KINDS.filter((kind) => kind !== "demand_notice"))("asks a %s for a deadline", (kind) => {
      const event = { ...rfi, ...PUBLISHABLE_SCOPE, kind, responseDeadline: null, pilotPath: { ...EMPTY_PILOT_PATH, vendorInvestmentHours: 40, acceptanceCriteria: [criterion], plan: "none_planned" } } as const;
      expect(checkPublishable(event, verified)).toEqual(deadlineNeeded);
    });
  });

  describe("demand notices", () => {
    it("publishes a demand notice without a deadline", () => {
      expect(checkPublishable(demandNotice, verified)).toEqual({ ok: true });
    });

    it("publishes a demand notice with no purchase expected at all", () => {
      expect(checkPublishable({ ...demandNotice, ...UNSCOPED, expectation: null, contract: null, sourcing: null }, verified)).toEqual({
        ok: true,
      });
    });

    it("refuses a demand notice that asks light effort, and still wants that effort's expectation", () => {
      const effort = { level: "light", hoursPerVendor: 2, kindsOfWork: ["attend_meeting"], compensationNok: null } as const;
      expect(checkPublishable({ ...demandNotice, ...UNSCOPED, effort, expectation: null }, verified)).toEqual({
        ok: false,
        problems: [
          { path: "effort.level", code: "demand_notice_asks_no_effort" },
          { path: "expectation", code: "expectation_required" },
        ],
      });
    });

    it("refuses a demand notice whose work implies effort though it declares none", () => {
      const effort = { level: "none", hoursPerVendor: null, kindsOfWork: ["demo"], compensationNok: null } as const;
      expect(checkPublishable({ ...demandNotice, effort }, verified)).toEqual({
        ok: false,
        problems: [
          { path: "effort.level", code: "demand_notice_asks_no_effort" },
          { path: "effort.level", code: "effort_level_too_low" },
          { path: "effort.hoursPerVendor", code: "hours_required" },
        ],
      });
    });
  });

  it("refuses a contract whose guaranteed base period is shorter than its purpose without a justification, options or not", () => {
    const contract = { ...rfi.contract!, baseMonths: 24, optionMonths: 48 };
    expect(checkPublishable({ ...rfi, contract }, verified)).toEqual({
      ok: false,
      problems: [{ path: "contract.justification", code: "justification_required" }],
    });
  });

  describe("the contract-choice rule (principle 2, issue 15)", () => {
    const rfp: PublishableEvent = { ...rfi, kind: "rfp", ...PUBLISHABLE_SCOPE };
    const justified = "Behovet vurderes på nytt når den nasjonale løsningen kommer.";

    it("publishes the baseline RFP", () => {
      expect(checkPublishable(rfp, verified)).toEqual({ ok: true });
    });

    it("refuses an RFP with 12 months' base and 108 months of options for a 120-month need without a justification", () => {
      const contract = { ...rfp.contract!, baseMonths: 12, optionMonths: 108, horizonMonths: 120 };
      expect(checkPublishable({ ...rfp, contract }, verified)).toEqual({ ok: false, problems: [{ path: "contract.justification", code: "justification_required" }] });
      expect(checkPublishable({ ...rfp, contract: { ...contract, justification: justified } }, verified)).toEqual({ ok: true });
    });

    it("refuses an RFP with a 60-month base against 84 months of depreciation without a justification", () => {
      const contract = { ...rfp.contract!, baseMonths: 60, optionMonths: 24, horizonMonths: 60, depreciationMonths: 84 };
      expect(checkPublishable({ ...rfp, contract }, verified)).toEqual({ ok: false, problems: [{ path: "contract.justification", code: "justification_required" }] });
      expect(checkPublishable({ ...rfp, contract: { ...contract, justification: justified } }, verified)).toEqual({ ok: true });
    });

    it("names form, base period and horizon by their fields, in form order, for an RFP and a demand notice that declares a purchase", () => {
      const missing = {
        ok: false,
        problems: [
          { path: "contract.form", code: "contract_form_required" },
          { path: "contract.baseMonths", code: "base_period_required" },
          { path: "contract.horizonMonths", code: "horizon_required" },
        ],
      };
      expect(checkPublishable({ ...rfp, contract: null, sourcing: null }, verified)).toEqual(missing);
      expect(checkPublishable({ ...demandNotice, contract: null, sourcing: null }, verified)).toEqual(missing);
      const noPurchase = { ...demandNotice.expectation!, status: "none" as const };
      expect(checkPublishable({ ...demandNotice, expectation: noPurchase, contract: null, sourcing: null }, verified)).toEqual({ ok: true });
    });

    it("still asks it of an amendment, unless the event is grandfathered, and then by base plus options", () => {
      const contract = { ...rfp.contract!, baseMonths: 12, optionMonths: 108, horizonMonths: 120 };
      const amend = { now, tenderQuarterChanged: false };
      expect(checkAmendment({ ...rfp, contract: null, sourcing: null }, amend).ok).toBe(false);
      expect(checkAmendment({ ...rfp, contract, sourcing: null }, amend).ok).toBe(false);
      expect(checkAmendment({ ...rfp, contract: null, sourcing: null, contractChoiceGrandfathered: true }, amend)).toEqual({ ok: true });
      expect(checkAmendment({ ...rfp, contract, sourcing: null, contractChoiceGrandfathered: true }, amend)).toEqual({ ok: true });
    });
  });

  it("asks a reason when the chosen contract form departs from the sourcing advice", () => {
    const contract = { ...rfi.contract!, form: "framework_agreement" } as const;
    expect(checkPublishable({ ...rfi, contract }, verified)).toEqual({
      ok: false,
      problems: [{ path: "sourcing.reason", code: "sourcing_reason_required" }],
    });
    const sourcing = { ...rfi.sourcing!, reason: "Eksisterende rammeavtale dekker behovet til 2029" };
    expect(checkPublishable({ ...rfi, contract, sourcing }, verified)).toEqual({ ok: true });
  });

  it("judges the sourcing answer on its own when no contract is declared: every answer has advice, so none asks a reason", () => {
    for (const risk of CONTRACT_RISKS) {
      for (const need of OUTSIDE_NEEDS) {
        expect(checkPublishable({ ...rfi, contract: null, sourcing: { risk, need, reason: null } }, verified), `${risk}/${need}`).toEqual({ ok: true });
      }
    }
  });

  it.each(["pilot", "rnd_partnership"] as const)("refuses a %s without acceptance criteria and a path to purchase", (kind) => {
    expect(checkPublishable({ ...rfi, kind }, verified)).toEqual({
      ok: false,
      problems: [
        { path: "pilotPath.acceptanceCriteria", code: "acceptance_criteria_required" },
        { path: "pilotPath.plan", code: "purchase_path_required" },
        { path: "pilotPath.vendorInvestmentHours", code: "vendor_investment_required" },
      ],
    });
  });

  it("asks the same of an RFI whose contract form is an innovation partnership", () => {
    const contract = { form: "innovation_partnership", baseMonths: 60, optionMonths: 24, horizonMonths: 60, justification: null } as const;
    expect(checkPublishable({ ...rfi, contract }, verified)).toEqual({
      ok: false,
      problems: [
        // A short contract form (the report), against the relational advice for a lasting high-risk need.
        { path: "sourcing.reason", code: "sourcing_reason_required" },
        { path: "pilotPath.acceptanceCriteria", code: "acceptance_criteria_required" },
        { path: "pilotPath.plan", code: "purchase_path_required" },
        { path: "pilotPath.vendorInvestmentHours", code: "vendor_investment_required" },
      ],
    });
  });

  it("refuses at publishing an option window that has already closed, but not in an amendment that leaves it alone", () => {
    const option = {
      ...EMPTY_PILOT_PATH,
      vendorInvestmentHours: 40,
      acceptanceCriteria: [criterion],
      plan: "purchase_option",
      optionMaxPriceNok: 3_000_000,
      optionWindowFrom: "2025-Q3",
      optionWindowTo: "2025-Q4",
      budgetEarmarked: false,
      deciderRole: "Direktør",
      deciderOrganisation: "Testby kommune",
    } as const;
    const pilot = { ...rfi, kind: "pilot", pilotPath: option } as const;
    const windowPassed = { ok: false, problems: [{ path: "pilotPath.optionWindowTo", code: "option_window_in_past" }] };
    expect(checkPublishable(pilot, verified)).toEqual(windowPassed);
    expect(checkAmendment(pilot, { now, tenderQuarterChanged: false })).toEqual({ ok: true });
    expect(checkAmendment(pilot, { now, tenderQuarterChanged: false, optionWindowChanged: true })).toEqual(windowPassed);
    expect(checkPublishable({ ...pilot, pilotPath: { ...option, optionWindowTo: "2027-Q4" } }, verified)).toEqual({ ok: true });
  });

  it("returns every problem at once, in the order of the form", () => {
    const event: PublishableEvent = {
      kind: "pilot",
      registrationDeadline: earlier,
      responseDeadline: null,
      effort: { level: "light", hoursPerVendor: 120, kindsOfWork: ["pilot"], compensationNok: -5 },
      expectation: { ...rfi.expectation!, status: "committed", budgetMinNok: 9, budgetMaxNok: 1, fundingSource: "" },
      contract: { form: "market_contract", baseMonths: 12, optionMonths: 0, horizonMonths: 60, justification: "kort" },
      sourcing: { risk: "high", need: "temporary", reason: null },
      pilotPath: { ...EMPTY_PILOT_PATH, acceptanceCriteria: [{ ...criterion, threshold: " " }], plan: "follow_on_procurement" },
      ...PUBLISHABLE_IP,
  ...UNSCOPED,
    };
    expect(checkPublishable(event, { buyerVerified: false, now })).toEqual({
      ok: false,
      problems: [
        { path: "buyer", code: "buyer_not_verified" },
        { path: "registrationDeadline", code: "deadline_in_future_required" },
        { path: "effort.level", code: "effort_level_too_low" },
        { path: "effort.compensationNok", code: "must_not_be_negative" },
        { path: "expectation.budgetMaxNok", code: "budget_range_invalid" },
        { path: "expectation.fundingSource", code: "funding_source_required" },
        { path: "contract.justification", code: "justification_required" },
        { path: "sourcing.reason", code: "sourcing_reason_required" },
        { path: "pilotPath.acceptanceCriteria.0.threshold", code: "criterion_part_required" },
        { path: "pilotPath.quarter", code: "pilot_path_quarter_required" },
        { path: "pilotPath.budgetNok", code: "pilot_path_budget_required" },
        { path: "pilotPath.budgetEarmarked", code: "budget_earmarked_required" },
        { path: "pilotPath.deciderRole", code: "decider_required" },
        { path: "pilotPath.deciderOrganisation", code: "decider_required" },
        { path: "pilotPath.vendorInvestmentHours", code: "vendor_investment_required" },
      ],
    });
  });

  it("lists a repeated problem once and keeps the order within a field", () => {
    expect(
      orderProblems([
        { path: "pilotPath.plan", code: "purchase_path_required" },
        { path: "effort.level", code: "b" },
        { path: "somewhere.new", code: "x" },
        { path: "effort.level", code: "a" },
        { path: "pilotPath.plan", code: "purchase_path_required" },
        { path: "buyer", code: "buyer_not_verified" },
      ]),
    ).toEqual([
      { path: "buyer", code: "buyer_not_verified" },
      { path: "effort.level", code: "b" },
      { path: "effort.level", code: "a" },
      { path: "pilotPath.plan", code: "purchase_path_required" },
      { path: "somewhere.new", code: "x" },
    ]);
  });
});

describe("amending a published event", () => {
  const passed = { ...rfi, registrationDeadline: null, responseDeadline: earlier };

  it("does not ask again about the publisher or a deadline that has passed since publishing", () => {
    expect(checkPublishable(passed, { buyerVerified: false, now }).ok).toBe(false);
    expect(checkAmendment(passed, { now, tenderQuarterChanged: false })).toEqual({ ok: true });
  });

  it("still refuses an amendment that takes back the purchase expectation", () => {
    expect(checkAmendment({ ...passed, expectation: null }, { now, tenderQuarterChanged: false })).toEqual({
      ok: false,
      problems: [{ path: "expectation", code: "expectation_required" }],
    });
  });

  it("refuses a tender quarter in the past only when the amendment sets it", () => {
    const pastQuarter = { ...passed, expectation: { ...rfi.expectation!, expectedTenderQuarter: "2026-Q1" } };
    expect(checkAmendment(pastQuarter, { now, tenderQuarterChanged: false })).toEqual({ ok: true });
    expect(checkAmendment(pastQuarter, { now, tenderQuarterChanged: true })).toEqual({
      ok: false,
      problems: [{ path: "expectation.expectedTenderQuarter", code: "tender_quarter_in_past" }],
    });
  });
});
