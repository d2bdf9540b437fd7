import { describe, expect, it } from "vitest";
import { checkPilotPath, EMPTY_PILOT_PATH, type PilotPath } from "~/domain/pilot";
import { CORRECTION_PATHS, investmentProblems, summariseCorrections } from "~/domain/pilot-investment";

const nonePlanned: PilotPath = {
  ...EMPTY_PILOT_PATH,
  acceptanceCriteria: [{ measure: "Svartid", threshold: "Under 2 s", method: "Logg", judgedBy: "Fagleder" }],
  plan: "none_planned",
};

describe("the vendor's own expected investment", () => {
  it("refuses to publish a pilot that says nothing of what each vendor is expected to put in", () => {
    expect(checkPilotPath({ kind: "pilot", pilotPath: nonePlanned })).toEqual({
      ok: false,
      problems: [{ path: "pilotPath.vendorInvestmentHours", code: "vendor_investment_required" }],
    });
  });

  it.each([
    ["hours only", { vendorInvestmentHours: 120 }],
    ["NOK only", { vendorInvestmentNok: 250_000 }],
    ["both", { vendorInvestmentHours: 120, vendorInvestmentNok: 250_000 }],
    ["zero hours, said honestly", { vendorInvestmentHours: 0 }],
  ])("accepts a pilot that states %s", (_name, stated) => {
    expect(checkPilotPath({ kind: "rnd_partnership", pilotPath: { ...nonePlanned, ...stated } })).toEqual({ ok: true });
  });

  it("asks nothing of an event that is not a pilot", () => {
    expect(checkPilotPath({ kind: "rfi", pilotPath: null })).toEqual({ ok: true });
  });

  it("names a negative figure by its field", () => {
    expect(investmentProblems({ hours: -1, nok: -5 }, CORRECTION_PATHS)).toEqual([
      { path: "hours", code: "must_not_be_negative" },
      { path: "nok", code: "must_not_be_negative" },
    ]);
    expect(investmentProblems({ hours: null, nok: 0 }, CORRECTION_PATHS)).toEqual([]);
    expect(investmentProblems({ hours: null, nok: null }, CORRECTION_PATHS)).toEqual([{ path: "hours", code: "vendor_investment_required" }]);
  });

  it("sums up the vendors' corrections as a count with the median and range of each figure", () => {
    expect(summariseCorrections([])).toEqual({ count: 0, hours: null, nok: null });
    expect(
      summariseCorrections([
        { hours: 200, nok: null },
        { hours: 80, nok: 100_000 },
        { hours: 150, nok: 300_000 },
        { hours: null, nok: 50_000 },
      ]),
    ).toEqual({ count: 4, hours: { count: 3, median: 150, min: 80, max: 200 }, nok: { count: 3, median: 100_000, min: 50_000, max: 300_000 } });
    expect(summariseCorrections([{ hours: 10, nok: null }, { hours: 25, nok: null }]).hours).toEqual({ count: 2, median: 18, min: 10, max: 25 });
  });
});
