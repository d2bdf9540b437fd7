import { describe, expect, it } from "vitest";
import { addMonthsToDate, capacityWithoutCommitment, checkCallOff, checkCallOffResponse, checkContract, checkOptionDecision, contractEnd, contractFigures, contractYearOf, optionStarts, quarterInContract, realisationByYear, type ContractSummary } from "~/domain/contracts";
import { ContractSchema, type ContractInput } from "~/domain/contract-forms";
import { problemsOf } from "~/domain/problems";

const VENDOR = "5b0c7c1e-8a4f-4a57-9d55-3f3f4c0f2a11";
const framework = (extra: Partial<ContractInput> = {}): ContractInput => ({
  type: "framework_agreement",
  vendorOrganisationIds: [VENDOR],
  start: "2027-01-01",
  baseEnd: "2028-12-31",
  options: [{ months: 12, noticeDeadline: "2028-09-30" }],
  indicatedAnnualValueNok: 10_000_000,
  bindingMinimumNok: 0,
  capacityRequired: true,
  ...extra,
});
const codes = (input: ContractInput) => problemsOf(checkContract(input)).map((p) => `${p.path}:${p.code}`);

describe("checkContract", () => {
  it("accepts a framework with 10 MNOK indicated, a binding minimum of 0 and capacity demanded", () => {
    expect(codes(framework())).toEqual([]);
  });

  it("refuses a binding minimum above the indicated volume, in kroner and in units", () => {
    expect(codes(framework({ bindingMinimumNok: 12_000_000 }))).toEqual(["bindingMinimumNok:binding_minimum_exceeds_indicated"]);
    expect(codes(framework({ indicatedAnnualQuantity: 100, unit: "lisenser", bindingMinimumQuantity: 101 }))).toEqual([
      "bindingMinimumQuantity:binding_minimum_exceeds_indicated",
    ]);
  });

  it("asks for an indicated volume and for a unit with a quantity", () => {
    expect(codes(framework({ indicatedAnnualValueNok: null, bindingMinimumNok: null }))).toEqual(["indicatedAnnualValueNok:indicated_volume_required"]);
    expect(codes(framework({ indicatedAnnualQuantity: 40, unit: " " }))).toEqual(["unit:unit_required"]);
  });

  it("refuses a base period that ends before it starts", () => {
    expect(codes(framework({ baseEnd: "2026-12-31", options: [] }))).toEqual(["baseEnd:base_end_before_start"]);
  });

  it("refuses an option whose notice deadline is not before the option begins, counting the options before it", () => {
    expect(codes(framework({ options: [{ months: 12, noticeDeadline: "2029-01-01" }] }))).toEqual(["options.0.noticeDeadline:notice_after_option_start"]);
    const two = [
      { months: 12, noticeDeadline: "2028-10-01" },
      { months: 12, noticeDeadline: "2030-01-01" },
    ];
    expect(codes(framework({ options: two }))).toEqual(["options.1.noticeDeadline:notice_after_option_start"]);
    expect(optionStarts("2028-12-31", two)).toEqual(["2029-01-01", "2030-01-01"]);
  });

  it("reads the API's JSON through one schema: unknown fields and bad vendor ids are refused", () => {
    expect(ContractSchema.safeParse({ ...framework(), surprise: 1 }).success).toBe(false);
    expect(ContractSchema.safeParse({ ...framework(), vendorOrganisationIds: ["x"] }).success).toBe(false);
    expect(ContractSchema.safeParse({ ...framework(), vendorOrganisationIds: [] }).success).toBe(false);
    expect(ContractSchema.safeParse(framework()).success).toBe(true);
  });
});

describe("capacity without commitment", () => {
  it("marks capacity demanded with a binding minimum of 0 or none, and not one with a minimum", () => {
    expect(capacityWithoutCommitment({ capacityRequired: true, bindingMinimumNok: 0, bindingMinimumQuantity: null })).toBe(true);
    expect(capacityWithoutCommitment({ capacityRequired: true, bindingMinimumNok: null, bindingMinimumQuantity: null })).toBe(true);
    expect(capacityWithoutCommitment({ capacityRequired: true, bindingMinimumNok: 1_000_000, bindingMinimumQuantity: null })).toBe(false);
    expect(capacityWithoutCommitment({ capacityRequired: false, bindingMinimumNok: 0, bindingMinimumQuantity: null })).toBe(false);
  });
});

describe("periods and quarters", () => {
  const period = { start: "2027-02-15", baseEnd: "2028-02-14", options: [{ months: 12, status: "open" as const }] };

  it("adds months keeping the day where the month has it", () => {
    expect(addMonthsToDate("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonthsToDate("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonthsToDate("2027-12-31", 12)).toBe("2028-12-31");
  });

  it("takes a call-off quarter inside the period, and one in an option period only once the option is exercised", () => {
    expect(quarterInContract(period, "2027-Q1")).toBe(true);
    expect(quarterInContract(period, "2028-Q1")).toBe(true);
    expect(quarterInContract(period, "2026-Q4")).toBe(false);
    expect(quarterInContract(period, "2028-Q3")).toBe(false);
    const exercised = { ...period, options: [{ months: 12, status: "exercised" as const }] };
    expect(contractEnd(exercised)).toBe("2029-02-14");
    expect(quarterInContract(exercised, "2028-Q3")).toBe(true);
  });

  it("refuses a call-off without a volume, outside the contract, or for a quarter already recorded", () => {
    const check = (input: Parameters<typeof checkCallOff>[1], recorded: string[] = []) => problemsOf(checkCallOff(period, input, recorded)).map((p) => p.code);
    expect(check({ quarter: "2027-Q2", valueNok: 2_000_000 })).toEqual([]);
    expect(check({ quarter: "2027-Q2" })).toEqual(["call_off_volume_required"]);
    expect(check({ quarter: "2030-Q1", valueNok: 1 })).toEqual(["quarter_outside_contract"]);
    expect(check({ quarter: "2027-Q2", valueNok: 1 }, ["2027-Q2"])).toEqual(["quarter_recorded"]);
  });

  it("asks a dispute for an account and a declined option for a reason", () => {
    expect(problemsOf(checkCallOffResponse({ response: "dispute", account: " " })).map((p) => p.code)).toEqual(["dispute_account_required"]);
    expect(checkCallOffResponse({ response: "confirm" }).ok).toBe(true);
    expect(problemsOf(checkOptionDecision({ decision: "declined" })).map((p) => p.code)).toEqual(["decline_reason_required"]);
    expect(checkOptionDecision({ decision: "exercised" }).ok).toBe(true);
  });
});

describe("realisation", () => {
  const volumes = {
    start: "2027-01-01",
    indicatedAnnualValueNok: 10_000_000,
    indicatedAnnualQuantity: null,
    callOffs: [
      { quarter: "2027-Q1", valueNok: 2_000_000, quantity: null, response: "confirm" as const },
      { quarter: "2027-Q2", valueNok: 1_000_000, quantity: null, response: "dispute" as const },
    ],
  };

  it("counts contract years from the start quarter", () => {
    expect(contractYearOf("2027-02-15", "2027-Q1")).toBe(1);
    expect(contractYearOf("2027-02-15", "2027-Q4")).toBe(1);
    expect(contractYearOf("2027-02-15", "2028-Q1")).toBe(2);
  });

  it("shows 3 of 10 MNOK in the first year as 30 %, with one quarter disputed", () => {
    const [year] = realisationByYear(volumes, "2027-08-01");
    expect(year).toMatchObject({ year: 1, firstQuarter: "2027-Q1", lastQuarter: "2027-Q4", realisedNok: 3_000_000, share: 0.3, confirmed: 1, disputed: 1, unanswered: 0 });
  });

  it("has no year before the contract begins, and measures in units when no kroner were indicated", () => {
    expect(realisationByYear({ ...volumes, callOffs: [] }, "2026-06-01")).toEqual([]);
    const units = realisationByYear({ start: "2027-01-01", indicatedAnnualValueNok: null, indicatedAnnualQuantity: 40, callOffs: [{ quarter: "2027-Q1", valueNok: null, quantity: 10, response: null }] }, "2027-03-01");
    expect(units[0]).toMatchObject({ share: 0.25, unanswered: 1 });
  });

  it("sums a buyer's contracts: realisation in kroner, disputed quarters, option exercise rate and capacity without commitment", () => {
    const base: ContractSummary = { id: "a", type: "framework_agreement", capacityRequired: true, bindingMinimumNok: 0, bindingMinimumQuantity: null, options: [], ...volumes };
    const single: ContractSummary = {
      ...base,
      id: "b",
      type: "single_contract",
      capacityRequired: false,
      indicatedAnnualValueNok: 2_000_000,
      callOffs: [{ quarter: "2027-Q1", valueNok: 2_000_000, quantity: null, response: "confirm" }],
      options: [{ status: "exercised" }, { status: "declined" }, { status: "open" }],
    };
    const figures = contractFigures([base, single], "2027-08-01");
    expect(figures.realisation).toEqual({ indicatedNok: 12_000_000, realisedNok: 5_000_000, share: 5 / 12, disputedQuarters: 1, quarters: 3 });
    expect(figures.options).toEqual({ exercised: 1, declined: 1, open: 1, share: 0.5 });
    expect(figures.capacity).toEqual({ frameworks: 1, withoutCommitment: 1, share: 1 });
    expect(contractFigures([], "2027-01-01").realisation.share).toBeNull();
  });
});
