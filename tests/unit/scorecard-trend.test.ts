import { describe, expect, it } from "vitest";
import { emptyFacts, windowBounds, type ScorecardFacts } from "~/domain/scorecard";
import { quartersOfWindow, quarterlyTrend } from "~/domain/scorecard-trend";

// 24 November 2026 in Oslo: the 12-month window is 2025-12 … 2026-11, touching 2025-Q4 … 2026-Q4.
const NOW = new Date("2026-11-24T11:00:00Z");
const w12 = windowBounds(NOW, 12);

function facts(partial: Partial<ScorecardFacts>): ScorecardFacts {
  return { ...emptyFacts(), ...partial };
}

describe("the scorecard's trend per quarter", () => {
  it("covers every quarter the window touches, the partial first and last included", () => {
    expect(quartersOfWindow(w12)).toEqual(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(quartersOfWindow(windowBounds(NOW, 36))).toHaveLength(13);
  });

  it("counts month-based figures in the quarter of their month, and only the window's months of a partial quarter", () => {
    const trend = quarterlyTrend(
      facts({
        effort: [
          // October and November 2025 lie before the window although 2025-Q4 is in it.
          { month: "2025-11", effortLevel: "light", expectationStatus: "planned", count: 5 },
          { month: "2025-12", effortLevel: "light", expectationStatus: "planned", count: 1 },
          { month: "2026-03", effortLevel: "significant", expectationStatus: null, count: 2 },
          { month: "2026-04", effortLevel: "none", expectationStatus: null, count: 9 },
        ],
        hours: [
          { month: "2026-05", kind: "requested", amount: 30 },
          { month: "2026-06", kind: "requested", amount: 10 },
          { month: "2026-08", kind: "procured", amount: 1_500_000 },
          { month: "2026-12", kind: "requested", amount: 99 },
        ],
        answers: [
          { month: "2026-10", hours: 2, count: 1 },
          { month: "2026-11", hours: 10, count: 2 },
        ],
      }),
      w12,
    );
    expect(trend.map((q) => q.effortEvents)).toEqual([1, 2, 0, 0, 0]);
    expect(trend.map((q) => q.requestedHours)).toEqual([0, 0, 40, 0, 0]);
    expect(trend.map((q) => q.procuredNok)).toEqual([0, 0, 0, 1_500_000, 0]);
    expect(trend.map((q) => q.medianAnswerHours)).toEqual([null, null, null, null, 10]);
  });

  it("judges expectations by their declared quarter, against today's quarter and its grace", () => {
    const trend = quarterlyTrend(
      facts({
        expectations: [
          { status: "committed", declaredQuarter: "2026-Q1", outcome: "procured", contractQuarter: "2026-Q2", count: 1 },
          { status: "planned", declaredQuarter: "2026-Q1", outcome: null, contractQuarter: null, count: 1 },
          // Declared for 2026-Q3: still within its grace quarter (2026-Q4, today's), so not yet decided.
          { status: "committed", declaredQuarter: "2026-Q3", outcome: null, contractQuarter: null, count: 3 },
          { status: "planned", declaredQuarter: "2026-Q4", outcome: "withdrawn", contractQuarter: null, count: 1 },
        ],
      }),
      w12,
    );
    expect(trend.map((q) => [q.quarter, q.fulfilmentMet, q.fulfilmentDue, q.fulfilmentShare])).toEqual([
      ["2025-Q4", 0, 0, null],
      ["2026-Q1", 1, 2, 0.5],
      ["2026-Q2", 0, 0, null],
      ["2026-Q3", 0, 0, null],
      ["2026-Q4", 0, 1, 0],
    ]);
  });
});
