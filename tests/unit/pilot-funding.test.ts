import { describe, expect, it } from "vitest";
import { checkPilotPath, EMPTY_PILOT_PATH } from "~/domain/pilot";
import { fundingProblems, isExternallyFunded, noPurchaseBudgetAfterPilot, unbudgetedExternalShare, withFundingMark } from "~/domain/pilot-funding";
import { pilotFigures, windowBounds, type PilotFact } from "~/domain/scorecard";

const own = { source: "own_budget" as const, amountNok: 200_000, otherText: null };
const innovasjonNorge = { source: "innovation_norway" as const, amountNok: 1_000_000, otherText: null };

describe("noPurchaseBudgetAfterPilot", () => {
  it("marks a pilot paid for from outside with no money earmarked for the purchase", () => {
    expect(noPurchaseBudgetAfterPilot({ funding: [innovasjonNorge], budgetEarmarked: false })).toBe(true);
    expect(noPurchaseBudgetAfterPilot({ funding: [own, innovasjonNorge], budgetEarmarked: false })).toBe(true);
    // "none planned" leaves earmarked unstated: still nothing set aside.
    expect(noPurchaseBudgetAfterPilot({ funding: [innovasjonNorge], budgetEarmarked: null })).toBe(true);
  });

  it("does not mark a pilot whose purchase is budgeted, one paid from its own budget, or one that declares no funding", () => {
    expect(noPurchaseBudgetAfterPilot({ funding: [innovasjonNorge], budgetEarmarked: true })).toBe(false);
    expect(noPurchaseBudgetAfterPilot({ funding: [own], budgetEarmarked: false })).toBe(false);
    expect(noPurchaseBudgetAfterPilot({ funding: [], budgetEarmarked: false })).toBe(false);
  });

  it("counts every source but the buyer's own budget as outside money, 'other' included", () => {
    expect(isExternallyFunded([{ source: "other" }])).toBe(true);
    expect(isExternallyFunded([{ source: "eu" }, { source: "own_budget" }])).toBe(true);
    expect(isExternallyFunded([{ source: "own_budget" }])).toBe(false);
  });

  it("puts the mark beside the funding in the API body", () => {
    const event = withFundingMark({ id: "x", pilotPath: { ...EMPTY_PILOT_PATH, funding: [innovasjonNorge], budgetEarmarked: false } });
    expect(event.pilotPath.noPurchaseBudgetAfterPilot).toBe(true);
    expect(event.pilotPath.funding).toEqual([innovasjonNorge]);
  });
});

describe("fundingProblems", () => {
  it("accepts named sources with or without an amount", () => {
    expect(fundingProblems([own, { source: "eu", amountNok: null, otherText: null }])).toEqual([]);
  });

  it("asks what 'other' is, by the row's field", () => {
    expect(fundingProblems([own, { source: "other", amountNok: 5, otherText: " \u200b " }])).toEqual([{ path: "pilotPath.funding.1.otherText", code: "funding_other_text_required" }]);
  });

  it("refuses negative amounts, a source twice, and more than four rows", () => {
    expect(fundingProblems([{ ...own, amountNok: -1 }])).toEqual([{ path: "pilotPath.funding.0.amountNok", code: "must_not_be_negative" }]);
    expect(fundingProblems([own, own])).toEqual([{ path: "pilotPath.funding.1.source", code: "duplicate" }]);
    const five = (["own_budget", "research_council", "innovation_norway", "eu", "regional_innovation_fund"] as const).map((source) => ({ source, amountNok: null, otherText: null }));
    expect(fundingProblems(five)).toEqual([{ path: "pilotPath.funding", code: "too_many" }]);
  });

  it("is part of the pilot path's check, and funding stays optional at publishing", () => {
    const base = {
      ...EMPTY_PILOT_PATH,
      acceptanceCriteria: [{ measure: "m", threshold: "t", method: "x", judgedBy: "j" }],
      plan: "none_planned" as const,
      vendorInvestmentHours: 40,
    };
    expect(checkPilotPath({ kind: "pilot", pilotPath: base })).toEqual({ ok: true });
    expect(checkPilotPath({ kind: "pilot", pilotPath: { ...base, funding: [{ source: "other", amountNok: null, otherText: null }] } })).toEqual({
      ok: false,
      problems: [{ path: "pilotPath.funding.0.otherText", code: "funding_other_text_required" }],
    });
  });
});

describe("the scorecard's share of externally funded pilots without purchase budget", () => {
  it("counts, of the externally funded pilots, those with nothing earmarked", () => {
    expect(
      unbudgetedExternalShare([
        { funding: [innovasjonNorge], budgetEarmarked: false },
        { funding: [innovasjonNorge], budgetEarmarked: true },
        { funding: [own], budgetEarmarked: false },
      ]),
    ).toEqual({ unbudgeted: 1, externallyFunded: 2 });
  });

  it("is in the pilot figures of the window", () => {
    const fact = (externallyFunded: boolean, purchaseBudgeted: boolean): PilotFact => ({
      endedOn: "2026-10-01",
      plan: "purchase_option",
      decision: "stopped",
      criteriaMet: true,
      externallyFunded,
      purchaseBudgeted,
      count: 1,
    });
    const figure = pilotFigures([fact(true, false), fact(true, true), fact(false, false)], windowBounds(new Date("2026-12-06T12:00:00Z"), 12), "2026-12-06");
    expect(figure.externallyFunded).toBe(2);
    expect(figure.externalWithoutPurchaseBudget).toBe(1);
  });
});
