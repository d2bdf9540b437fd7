import { describe, expect, it } from "vitest";
import { barLengths, columnStrip } from "~/domain/chart-geometry";

describe("bar lengths", () => {
  it("scales the largest value to the whole length", () => {
    expect(barLengths([3, 6, 1.5])).toEqual([50, 100, 25]);
    expect(barLengths([1, 2], { length: 10 })).toEqual([5, 10]);
  });

  it("scales against a fixed maximum, such as 1 for shares, and never past it", () => {
    expect(barLengths([0.5, 1 / 3, 1.2], { max: 1 })).toEqual([50, 33.33, 100]);
  });

  it("keeps a small value visible and draws nothing for zero, negative or no figure", () => {
    expect(barLengths([1, 10_000])).toEqual([1, 100]);
    expect(barLengths([0.001, 100], { minimum: 2 })).toEqual([2, 100]);
    expect(barLengths([0, -3, null])).toEqual([0, 0, null]);
  });

  it("draws all-zero charts empty instead of dividing by zero", () => {
    expect(barLengths([0, 0])).toEqual([0, 0]);
    expect(barLengths([])).toEqual([]);
  });
});

describe("column strips", () => {
  it("places one column per value left to right with the gap between, rising from the bottom", () => {
    const columns = columnStrip([1, 2, null, 0], { width: 100, height: 40, gap: 4 });
    expect(columns.map((c) => c.x)).toEqual([0, 26, 52, 78]);
    expect(columns.every((c) => c.width === 22)).toBe(true);
    expect(columns.map((c) => [c.y, c.height, c.missing])).toEqual([
      [20, 20, false],
      [0, 40, false],
      [40, 0, true],
      [40, 0, false],
    ]);
  });

  it("fills the whole width, the last column ending at its edge", () => {
    const columns = columnStrip([5, 5, 5], { width: 100, height: 10, gap: 2 });
    const last = columns[columns.length - 1]!;
    expect(last.x + last.width).toBeCloseTo(100, 1);
  });

  it("draws shares against a full column of 100 %", () => {
    expect(columnStrip([0.25], { width: 10, height: 32, gap: 2, max: 1 })[0]).toEqual({ x: 0, y: 24, width: 10, height: 8, missing: false });
    expect(columnStrip([], { width: 10, height: 32, gap: 2 })).toEqual([]);
  });
});
