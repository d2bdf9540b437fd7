import { describe, expect, it } from "vitest";
import { EXPECTATION_STATUSES, type ExpectationStatus } from "~/domain/events";
import { effortRequestGateProblems, type EffortRequestInput } from "~/domain/effort-requests";
import {
  checkPredictability,
  countsAsBlockedAttempt,
  checkTenderQuarter,
  COMPENSATION_FLOOR_NOK_PER_HOUR,
  compensationFloorNok,
  EFFORT_WORK,
  effectiveEffortLevel,
  minimumEffortLevel,
  type EffortDeclaration,
  type EffortWork,
  type PurchaseExpectation,
} from "~/domain/predictability";
import { fieldErrors, isBlank, visibleLength } from "~/domain/problems";

const noEffort: EffortDeclaration = { level: "none", hoursPerVendor: null, kindsOfWork: [], compensationNok: null };
const lightEffort: EffortDeclaration = { level: "light", hoursPerVendor: 3, kindsOfWork: ["attend_meeting"], compensationNok: null };
const rfiEffort: EffortDeclaration = {
  level: "significant",
  hoursPerVendor: 40,
  kindsOfWork: ["written_response"],
  compensationNok: null,
};

function expectation(status: ExpectationStatus, changes: Partial<PurchaseExpectation> = {}): PurchaseExpectation {
  return {
    status,
    budgetMinNok: 2_000_000,
    budgetMaxNok: 5_000_000,
    fundingSource: "Statsbudsjettet kap. 701",
    expectedValueNok: 4_000_000,
    quantity: null,
    unit: null,
    expectedTenderQuarter: "2027-Q2",
    expectedContractStart: "2027-10-01",
    ...changes,
  };
}

const noPurchase: PurchaseExpectation = {
  status: "none",
  budgetMinNok: null,
  budgetMaxNok: null,
  fundingSource: null,
  expectedValueNok: null,
  quantity: null,
  unit: null,
  expectedTenderQuarter: null,
  expectedContractStart: null,
};

const DECLARING = EXPECTATION_STATUSES.filter((s) => s !== "none");

describe("minimum effort level", () => {
  it.each([
    [null, [], "none"],
    [0, [], "none"],
    [1, [], "light"],
    [8, [], "light"],
    [8.5, [], "significant"],
    [9, [], "significant"],
    [40, [], "significant"],
    [null, ["attend_meeting"], "light"],
    [0, ["short_written_input"], "light"],
    [8, ["attend_meeting", "short_written_input"], "light"],
    [9, ["attend_meeting"], "significant"],
  ] as const)("counts %s hours of %j as %s", (hours, kinds, level) => {
    expect(minimumEffortLevel(hours, kinds)).toBe(level);
  });

  it.each(["written_response", "demo", "workshop_series", "pilot", "prototype"] as const)(
    "counts any %s as significant, even at one hour",
    (kind) => {
      expect(minimumEffortLevel(1, [kind])).toBe("significant");
      expect(minimumEffortLevel(null, ["attend_meeting", kind])).toBe("significant");
    },
  );

  it("knows every kind of work it is given", () => {
    const light: EffortWork[] = ["attend_meeting", "short_written_input"];
    for (const kind of EFFORT_WORK) {
      expect(minimumEffortLevel(1, [kind])).toBe(light.includes(kind) ? "light" : "significant");
    }
  });

  it("judges by the higher of the declared and the implied level", () => {
    expect(effectiveEffortLevel({ ...noEffort, level: "significant" })).toBe("significant");
    expect(effectiveEffortLevel({ ...noEffort, hoursPerVendor: 20 })).toBe("significant");
    expect(effectiveEffortLevel(noEffort)).toBe("none");
  });
});

describe("the predictability gate", () => {
  it("refuses to publish an RFI asking 40 hours without a purchase expectation", () => {
    expect(checkPredictability({ effort: rfiEffort, expectation: null })).toEqual({
      ok: false,
      problems: [{ path: "expectation", code: "expectation_required" }],
    });
  });

  it("lets an RFI asking 40 hours through with a fully declared planned purchase", () => {
    expect(checkPredictability({ effort: rfiEffort, expectation: expectation("planned") })).toEqual({ ok: true });
  });

  it("asks nothing of an event that asks nothing", () => {
    expect(checkPredictability({ effort: noEffort, expectation: null })).toEqual({ ok: true });
  });

  it("treats exactly 8 hours as light, which still needs an expectation", () => {
    const effort = { ...noEffort, level: "light", hoursPerVendor: 8 } as const;
    expect(checkPredictability({ effort, expectation: null })).toEqual({
      ok: false,
      problems: [{ path: "expectation", code: "expectation_required" }],
    });
    expect(checkPredictability({ effort, expectation: noPurchase })).toEqual({ ok: true });
  });

  it("refuses 9 hours declared as light, and then wants compensation when no purchase is expected", () => {
    const effort = { ...noEffort, level: "light", hoursPerVendor: 9 } as const;
    expect(checkPredictability({ effort, expectation: noPurchase })).toEqual({
      ok: false,
      problems: [
        { path: "effort.level", code: "effort_level_too_low" },
        { path: "effort.compensationNok", code: "compensation_required" },
      ],
    });
  });

  it.each<[EffortDeclaration["level"], number, EffortWork[]]>([
    ["none", 2, []],
    ["none", 0, ["attend_meeting"]],
    ["none", 2, ["demo"]],
    ["light", 2, ["prototype"]],
    ["light", 9, []],
  ])("refuses effort declared %s when %i hours of %j imply more", (level, hoursPerVendor, kindsOfWork) => {
    const effort: EffortDeclaration = { level, hoursPerVendor, kindsOfWork, compensationNok: null };
    expect(checkPredictability({ effort, expectation: expectation("committed") })).toEqual({
      ok: false,
      problems: [{ path: "effort.level", code: "effort_level_too_low" }],
    });
  });

  it("accepts a level declared higher than the work implies", () => {
    const effort: EffortDeclaration = { ...lightEffort, level: "significant" };
    expect(checkPredictability({ effort, expectation: expectation("uncertain") })).toEqual({ ok: true });
  });

  it.each(["light", "significant"] as const)("wants the hours per vendor for %s effort", (level) => {
    const effort: EffortDeclaration = { level, hoursPerVendor: null, kindsOfWork: [], compensationNok: null };
    expect(checkPredictability({ effort, expectation: expectation("planned") })).toEqual({
      ok: false,
      problems: [{ path: "effort.hoursPerVendor", code: "hours_required" }],
    });
  });

  it("wants hours when the kinds of work imply effort although none was declared", () => {
    const effort: EffortDeclaration = { ...noEffort, kindsOfWork: ["demo"] };
    expect(checkPredictability({ effort, expectation: null })).toEqual({
      ok: false,
      problems: [
        { path: "effort.level", code: "effort_level_too_low" },
        { path: "effort.hoursPerVendor", code: "hours_required" },
        { path: "expectation", code: "expectation_required" },
      ],
    });
  });

  it.each(DECLARING)("accepts a complete %s expectation behind significant effort", (status) => {
    expect(checkPredictability({ effort: rfiEffort, expectation: expectation(status) })).toEqual({ ok: true });
  });

  it.each(DECLARING)("lists everything a bare %s expectation lacks, at once", (status) => {
    const bare: PurchaseExpectation = { ...noPurchase, status };
    expect(checkPredictability({ effort: rfiEffort, expectation: bare })).toEqual({
      ok: false,
      problems: [
        { path: "expectation.budgetMinNok", code: "budget_required" },
        { path: "expectation.budgetMaxNok", code: "budget_required" },
        { path: "expectation.fundingSource", code: "funding_source_required" },
        { path: "expectation.expectedValueNok", code: "volume_required" },
        { path: "expectation.expectedTenderQuarter", code: "tender_quarter_required" },
      ],
    });
  });

  it.each(DECLARING)("checks a %s expectation even when the event asks no effort (a demand notice)", (status) => {
    const result = checkPredictability({ effort: noEffort, expectation: expectation(status, { budgetMaxNok: null }) });
    expect(result).toEqual({ ok: false, problems: [{ path: "expectation.budgetMaxNok", code: "budget_required" }] });
  });

  it.each([
    [{ budgetMinNok: null }, "expectation.budgetMinNok", "budget_required"],
    [{ budgetMaxNok: null }, "expectation.budgetMaxNok", "budget_required"],
    [{ budgetMinNok: 5_000_001 }, "expectation.budgetMaxNok", "budget_range_invalid"],
    [{ fundingSource: "   " }, "expectation.fundingSource", "funding_source_required"],
    [{ expectedValueNok: null }, "expectation.expectedValueNok", "volume_required"],
    [{ expectedValueNok: null, quantity: 12 }, "expectation.unit", "unit_required"],
    [{ quantity: 12, unit: " " }, "expectation.unit", "unit_required"],
    [{ expectedTenderQuarter: null }, "expectation.expectedTenderQuarter", "tender_quarter_required"],
    [{ expectedTenderQuarter: "2027-Q5" }, "expectation.expectedTenderQuarter", "tender_quarter_required"],
    [{ expectedTenderQuarter: "Q2 2027" }, "expectation.expectedTenderQuarter", "tender_quarter_required"],
    [{ expectedContractStart: "2027-02-30" }, "expectation.expectedContractStart", "contract_start_invalid"],
    [{ budgetMinNok: -1 }, "expectation.budgetMinNok", "must_not_be_negative"],
    [{ expectedValueNok: -100 }, "expectation.expectedValueNok", "must_not_be_negative"],
    [{ quantity: -3, unit: "lisenser" }, "expectation.quantity", "must_not_be_negative"],
  ] as const)("refuses a committed expectation with %j: only %s %s", (changes, path, code) => {
    const result = checkPredictability({ effort: rfiEffort, expectation: expectation("committed", changes) });
    expect(result).toEqual({ ok: false, problems: [{ path, code }] });
  });

  it("reports both budget bounds when both are negative, and no range problem on top", () => {
    const result = checkPredictability({
      effort: rfiEffort,
      expectation: expectation("committed", { budgetMinNok: -2, budgetMaxNok: -1 }),
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "expectation.budgetMinNok", code: "must_not_be_negative" },
        { path: "expectation.budgetMaxNok", code: "must_not_be_negative" },
      ],
    });
  });

  it("accepts a budget frame that is a single figure (min equal to max)", () => {
    const result = checkPredictability({
      effort: rfiEffort,
      expectation: expectation("committed", { budgetMinNok: 3_000_000, budgetMaxNok: 3_000_000, expectedValueNok: 3_000_000 }),
    });
    expect(result).toEqual({ ok: true });
  });

  it("accepts volume as a quantity with a unit instead of a value", () => {
    const result = checkPredictability({
      effort: rfiEffort,
      expectation: expectation("planned", { expectedValueNok: null, quantity: 350, unit: "brukerlisenser" }),
    });
    expect(result).toEqual({ ok: true });
  });

  it("accepts a declared purchase without an expected contract start", () => {
    const result = checkPredictability({ effort: rfiEffort, expectation: expectation("uncertain", { expectedContractStart: null }) });
    expect(result).toEqual({ ok: true });
  });

  describe("with no purchase expected", () => {
    it("accepts light effort without compensation: an honest declaration, not a loophole", () => {
      expect(checkPredictability({ effort: lightEffort, expectation: noPurchase })).toEqual({ ok: true });
    });

    it("refuses significant effort without compensation", () => {
      expect(checkPredictability({ effort: rfiEffort, expectation: noPurchase })).toEqual({
        ok: false,
        problems: [{ path: "effort.compensationNok", code: "compensation_required" }],
      });
    });

    it("refuses significant effort compensated with 0 kroner", () => {
      const effort = { ...rfiEffort, compensationNok: 0 };
      expect(checkPredictability({ effort, expectation: noPurchase })).toEqual({
        ok: false,
        problems: [{ path: "effort.compensationNok", code: "compensation_required" }],
      });
    });

    it("accepts significant effort with declared compensation", () => {
      const effort = { ...rfiEffort, compensationNok: 25_000 };
      expect(checkPredictability({ effort, expectation: noPurchase })).toEqual({ ok: true });
    });

    it("asks no budget, volume or timeline", () => {
      expect(checkPredictability({ effort: noEffort, expectation: noPurchase })).toEqual({ ok: true });
    });

    it("still wants a unit for a quantity that is given", () => {
      expect(checkPredictability({ effort: lightEffort, expectation: { ...noPurchase, quantity: 4 } })).toEqual({
        ok: false,
        problems: [{ path: "expectation.unit", code: "unit_required" }],
      });
    });
  });

  it.each(DECLARING)("does not demand compensation when a %s purchase is declared", (status) => {
    expect(checkPredictability({ effort: rfiEffort, expectation: expectation(status) })).toEqual({ ok: true });
  });

  it("refuses negative hours and compensation, without piling other codes on the same field", () => {
    const effort: EffortDeclaration = { level: "significant", hoursPerVendor: -5, kindsOfWork: ["demo"], compensationNok: -1 };
    expect(checkPredictability({ effort, expectation: noPurchase })).toEqual({
      ok: false,
      problems: [
        { path: "effort.hoursPerVendor", code: "must_not_be_negative" },
        { path: "effort.compensationNok", code: "must_not_be_negative" },
      ],
    });
  });

  it("groups problems by field for the form", () => {
    const result = checkPredictability({ effort: { ...noEffort, level: "light", hoursPerVendor: 12 }, expectation: null });
    expect(fieldErrors(result)).toEqual({
      "effort.level": ["effort_level_too_low"],
      expectation: ["expectation_required"],
    });
    expect(fieldErrors({ ok: true })).toEqual({});
  });
});

describe("declarations that declare nothing (issue 14)", () => {
  it("refuses a committed purchase with a budget of 0–0 NOK and an expected value of 0", () => {
    const result = checkPredictability({
      effort: rfiEffort,
      expectation: expectation("committed", { budgetMinNok: 0, budgetMaxNok: 0, expectedValueNok: 0 }),
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "expectation.budgetMaxNok", code: "budget_above_zero_required" },
        { path: "expectation.expectedValueNok", code: "volume_required" },
      ],
    });
  });

  it("accepts a frame starting at 0 NOK when it reaches above zero", () => {
    const result = checkPredictability({ effort: rfiEffort, expectation: expectation("planned", { budgetMinNok: 0 }) });
    expect(result).toEqual({ ok: true });
  });

  it.each([
    ["above the frame", { expectedValueNok: 5_000_001 }],
    ["below the frame", { expectedValueNok: 1_999_999 }],
    ["of 0 beside a quantity", { expectedValueNok: 0, quantity: 10, unit: "sykehjem" }],
  ])("refuses an expected value %s", (_what, changes) => {
    const result = checkPredictability({ effort: rfiEffort, expectation: expectation("uncertain", changes) });
    expect(result).toEqual({ ok: false, problems: [{ path: "expectation.expectedValueNok", code: "expected_value_outside_budget" }] });
  });

  it("accepts an expected value on the edges of the frame", () => {
    for (const expectedValueNok of [2_000_000, 5_000_000]) {
      expect(checkPredictability({ effort: rfiEffort, expectation: expectation("committed", { expectedValueNok }) })).toEqual({ ok: true });
    }
  });

  it("refuses a quantity of 0 as the only volume", () => {
    const result = checkPredictability({
      effort: rfiEffort,
      expectation: expectation("planned", { expectedValueNok: null, quantity: 0, unit: "lisenser" }),
    });
    expect(result).toEqual({ ok: false, problems: [{ path: "expectation.expectedValueNok", code: "volume_required" }] });
  });

  it.each([
    ["one zero-width space", "\u200b"],
    ["zero-width joiners", "\u200c\u200d"],
    ["a word joiner and a byte-order mark", "\u2060\ufeff"],
    ["a soft hyphen between no-break spaces", "\u00a0\u00ad\u00a0"],
    ["a direction mark and a line break", "\u200e\n"],
  ])("refuses a funding source or unit of %s", (_what, text) => {
    const result = checkPredictability({
      effort: rfiEffort,
      expectation: expectation("committed", { fundingSource: text, quantity: 5, unit: text }),
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "expectation.fundingSource", code: "funding_source_required" },
        { path: "expectation.unit", code: "unit_required" },
      ],
    });
  });

  it("counts only what a reader sees as text", () => {
    expect(isBlank("\u200b \ufeff")).toBe(true);
    expect(isBlank("Økonomiplan\u200b")).toBe(false);
    expect(visibleLength("a\u200b b\u2060")).toBe(2);
    expect(visibleLength("💶")).toBe(1);
    expect(isBlank(null)).toBe(true);
  });

  describe("compensation for significant work with no purchase expected", () => {
    const prototype: EffortDeclaration = { level: "significant", hoursPerVendor: 400, kindsOfWork: ["prototype"], compensationNok: 1 };
    const floor = 400 * COMPENSATION_FLOOR_NOK_PER_HOUR;

    it("refuses 400 hours of prototype work compensated with 1 NOK", () => {
      expect(checkPredictability({ effort: prototype, expectation: noPurchase })).toEqual({
        ok: false,
        problems: [{ path: "effort.compensationNok", code: "compensation_below_floor" }],
      });
    });

    it("wants at least the hourly floor times the hours per vendor", () => {
      expect(compensationFloorNok(400)).toBe(floor);
      expect(checkPredictability({ effort: { ...prototype, compensationNok: floor - 1 }, expectation: noPurchase }).ok).toBe(false);
      expect(checkPredictability({ effort: { ...prototype, compensationNok: floor }, expectation: noPurchase })).toEqual({ ok: true });
    });

    it("accepts less when the buyer says why, and not when the reason is invisible", () => {
      const compensationReason = "Leverandørene beholder alle rettigheter og får bruke prototypen i eget salg.";
      expect(checkPredictability({ effort: { ...prototype, compensationReason }, expectation: noPurchase })).toEqual({ ok: true });
      expect(checkPredictability({ effort: { ...prototype, compensationReason: "\u200b " }, expectation: noPurchase }).ok).toBe(false);
    });

    it("still wants compensation above zero, reason or not", () => {
      const effort = { ...prototype, compensationNok: 0, compensationReason: "Ingen budsjett." };
      expect(checkPredictability({ effort, expectation: noPurchase })).toEqual({
        ok: false,
        problems: [{ path: "effort.compensationNok", code: "compensation_required" }],
      });
    });

    it("asks no floor when a purchase is declared", () => {
      expect(checkPredictability({ effort: prototype, expectation: expectation("uncertain") })).toEqual({ ok: true });
    });
  });
});

describe("the expected tender quarter, at publishing", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  const at = (expectedTenderQuarter: string, status: ExpectationStatus = "planned") =>
    checkTenderQuarter(expectation(status, { expectedTenderQuarter }), { now });
  const path = "expectation.expectedTenderQuarter";

  it("refuses a quarter in the past, such as 2001-Q1", () => {
    expect(at("2001-Q1")).toEqual({ ok: false, problems: [{ path, code: "tender_quarter_in_past" }] });
    expect(at("2026-Q3")).toEqual({ ok: false, problems: [{ path, code: "tender_quarter_in_past" }] });
  });

  it("accepts the current quarter and the next five years", () => {
    expect(at("2026-Q4")).toEqual({ ok: true });
    expect(at("2031-Q4")).toEqual({ ok: true });
  });

  it("refuses a quarter beyond the five-year horizon", () => {
    expect(at("2032-Q1")).toEqual({ ok: false, problems: [{ path, code: "tender_quarter_beyond_horizon" }] });
  });

  it("reads the current quarter in Norwegian time", () => {
    const newYear = { now: new Date("2026-12-31T23:30:00Z") };
    expect(checkTenderQuarter(expectation("planned", { expectedTenderQuarter: "2026-Q4" }), newYear).ok).toBe(false);
  });

  it("asks nothing of an honest 'no purchase', a missing or malformed quarter (other codes say so)", () => {
    expect(at("2001-Q1", "none")).toEqual({ ok: true });
    expect(checkTenderQuarter(null, { now })).toEqual({ ok: true });
    expect(at("Q2 2027")).toEqual({ ok: true });
  });
});

describe("effort requests pass the same gate", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  const request = (changes: Partial<EffortRequestInput>): EffortRequestInput => ({
    title: "Prototyp av medisineringsstøtte",
    description: "",
    kindsOfWork: ["prototype"],
    hoursPerVendor: 400,
    deadline: "2027-01-15T12:00:00+01:00",
    compensationNok: 1,
    compensationReason: null,
    eventId: null,
    recipients: ["00000000-0000-4000-8000-000000000001"],
    expectation: noPurchase,
    ...changes,
  });
  const codes = (input: EffortRequestInput, eventExpectation: PurchaseExpectation | null = null) =>
    effortRequestGateProblems(input, { eventExpectation, now }).map((p) => `${p.path} ${p.code}`);

  it("refuses 400 hours of prototype work for 1 NOK, on the form's field, unless the buyer says why", () => {
    expect(codes(request({}))).toEqual(["compensationNok compensation_below_floor"]);
    expect(codes(request({ compensationReason: "Leverandørene eier resultatet og kan selge det videre." }))).toEqual([]);
  });

  it("refuses a declared purchase of 0–0 NOK, an invisible funding source and a past quarter", () => {
    const declared = expectation("committed", { budgetMinNok: 0, budgetMaxNok: 0, expectedValueNok: 0, fundingSource: "\u200b", expectedTenderQuarter: "2001-Q1" });
    expect(codes(request({ expectation: declared }))).toEqual([
      "expectation.budgetMaxNok budget_above_zero_required",
      "expectation.fundingSource funding_source_required",
      "expectation.expectedValueNok volume_required",
      "expectation.expectedTenderQuarter tender_quarter_in_past",
    ]);
  });

  it("checks the quarter of the event's expectation that a request relies on", () => {
    const stale = expectation("planned", { expectedTenderQuarter: "2025-Q1" });
    expect(codes(request({ expectation: null, compensationNok: null }), stale)).toEqual(["expectation.expectedTenderQuarter tender_quarter_in_past"]);
  });
});

describe("countsAsBlockedAttempt", () => {
  const p = (...codes: string[]) => codes.map((code) => ({ path: "x", code }));
  it("counts the rule's own refusal of a verified buyer's well-formed submission", () => {
    expect(countsAsBlockedAttempt(p("expectation_required"), { buyerVerified: true })).toBe(true);
    expect(countsAsBlockedAttempt(p("compensation_below_floor", "contract_too_long"), { buyerVerified: true })).toBe(true);
    expect(countsAsBlockedAttempt(p("demand_notice_asks_no_effort"), { buyerVerified: true })).toBe(true);
  });
  it("does not count an unverified buyer, a passed deadline, a malformed value, or other rules alone", () => {
    expect(countsAsBlockedAttempt(p("expectation_required"), { buyerVerified: false })).toBe(false);
    expect(countsAsBlockedAttempt(p("buyer_not_verified", "expectation_required"), { buyerVerified: true })).toBe(false);
    expect(countsAsBlockedAttempt(p("deadline_in_future_required", "expectation_required"), { buyerVerified: true })).toBe(false);
    expect(countsAsBlockedAttempt(p("must_not_be_negative", "budget_required"), { buyerVerified: true })).toBe(false);
    expect(countsAsBlockedAttempt(p("invalid_quarter"), { buyerVerified: true })).toBe(false);
    expect(countsAsBlockedAttempt(p("contract_too_long"), { buyerVerified: true })).toBe(false);
  });
});
