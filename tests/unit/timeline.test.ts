import { describe, expect, it } from "vitest";
import { timelineSpan, timelineX, yearTicks } from "~/domain/timeline";

describe("timeline geometry", () => {
  it("covers the dates, today's year and the next, within the limits back and ahead", () => {
    expect(timelineSpan([], "2026-12-04")).toEqual({ fromYear: 2026, toYear: 2027 });
    expect(timelineSpan(["2025-03-01", "2029-06-30"], "2026-12-04")).toEqual({ fromYear: 2025, toYear: 2029 });
    expect(timelineSpan(["1999-01-01", "2099-01-01"], "2026-12-04", { yearsBack: 2, yearsAhead: 6 })).toEqual({ fromYear: 2024, toYear: 2032 });
  });

  it("places dates by day, and dates outside the span at the edge, saying which side", () => {
    const span = { fromYear: 2026, toYear: 2027 };
    expect(timelineX("2026-01-01", span, 730)).toEqual({ x: 0, beyond: null });
    expect(timelineX("2027-01-01", span, 730)).toEqual({ x: 365, beyond: null });
    expect(timelineX("2027-12-31", span, 730).x).toBeCloseTo(729, 0);
    expect(timelineX("2025-12-31", span, 730)).toEqual({ x: 0, beyond: "before" });
    expect(timelineX("2028-01-01", span, 730)).toEqual({ x: 730, beyond: "after" });
  });

  it("ticks every 1 January", () => {
    expect(yearTicks({ fromYear: 2026, toYear: 2028 }, 300).map((t) => [t.year, Math.round(t.x)])).toEqual([
      [2026, 0],
      [2027, 100],
      [2028, 200],
    ]);
  });
});
