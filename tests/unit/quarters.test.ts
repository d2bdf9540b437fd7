import { describe, expect, it } from "vitest";
import {
  addQuarters,
  comingQuarters,
  compareQuarters,
  isIsoDate,
  isQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
} from "~/domain/quarters";

describe("calendar quarters", () => {
  it.each([
    ["2027-Q1", true],
    ["2027-Q4", true],
    ["2027-Q0", false],
    ["2027-Q5", false],
    ["2027-q2", false],
    ["27-Q2", false],
    ["2027-Q2 ", false],
    ["2027Q2", false],
    ["", false],
    [null, false],
    [20272, false],
  ])("recognises %j as a quarter: %s", (value, expected) => {
    expect(isQuarter(value)).toBe(expected);
  });

  it.each([
    ["2026-01-01T00:00:00+01:00", "2026-Q1"],
    ["2026-03-31T23:59:59+02:00", "2026-Q1"],
    // 22:30 UTC on 31 March is already 1 April in Oslo (summer time, UTC+2).
    ["2026-03-31T22:30:00Z", "2026-Q2"],
    ["2026-06-30T21:59:59Z", "2026-Q2"],
    ["2026-06-30T22:00:00Z", "2026-Q3"],
    ["2026-09-30T22:00:00Z", "2026-Q4"],
    // New Year's Eve 23:30 UTC is past midnight in Oslo (winter time, UTC+1).
    ["2026-12-31T23:30:00Z", "2027-Q1"],
    ["2026-12-31T22:59:59Z", "2026-Q4"],
  ])("places %s in %s, reading the clock in Europe/Oslo", (iso, quarter) => {
    expect(quarterOf(new Date(iso))).toBe(quarter);
  });

  it("refuses an invalid date rather than inventing a quarter", () => {
    expect(() => quarterOf(new Date("not a date"))).toThrow(RangeError);
  });

  it.each([
    ["2027-Q4", 1, "2028-Q1"],
    ["2027-Q1", -1, "2026-Q4"],
    ["2027-Q2", 0, "2027-Q2"],
    ["2027-Q2", 4, "2028-Q2"],
    ["2027-Q3", 10, "2030-Q1"],
    ["2027-Q3", -11, "2024-Q4"],
  ])("adds to %s %i quarters giving %s", (start, count, expected) => {
    expect(addQuarters(start, count)).toBe(expected);
  });

  it("refuses to add to something that is not a quarter, or a fraction of a quarter", () => {
    expect(() => addQuarters("2027-Q5", 1)).toThrow(RangeError);
    expect(() => addQuarters("2027-Q1", 0.5)).toThrow(RangeError);
  });

  it("orders quarters by time, across years", () => {
    expect(compareQuarters("2027-Q1", "2027-Q2")).toBe(-1);
    expect(compareQuarters("2027-Q2", "2027-Q2")).toBe(0);
    expect(compareQuarters("2028-Q1", "2027-Q4")).toBe(1);
    expect(["2028-Q1", "2026-Q4", "2027-Q3"].sort(compareQuarters)).toEqual(["2026-Q4", "2027-Q3", "2028-Q1"]);
    expect(() => compareQuarters("2027", "2027-Q1")).toThrow(RangeError);
  });

  it.each([
    ["2027-Q1", "2027-01-01", "2027-03-31"],
    ["2027-Q2", "2027-04-01", "2027-06-30"],
    ["2027-Q3", "2027-07-01", "2027-09-30"],
    ["2027-Q4", "2027-10-01", "2027-12-31"],
    ["2028-Q1", "2028-01-01", "2028-03-31"],
  ])("gives %s as the days %s to %s", (quarter, start, end) => {
    expect(quarterStart(quarter)).toBe(start);
    expect(quarterEnd(quarter)).toBe(end);
  });

  it.each([
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2027-04-31", false],
    ["2027-12-31", true],
    ["2027-13-01", false],
    ["2027-1-01", false],
    ["01.03.2027", false],
    [null, false],
  ])("recognises %j as a calendar date written YYYY-MM-DD: %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it("offers the quarter a form is filled in and the eleven after it, counted in Oslo time", () => {
    const quarters = comingQuarters(new Date("2026-12-31T23:30:00Z"));
    expect(quarters).toHaveLength(12);
    expect(quarters[0]).toBe("2027-Q1");
    expect(quarters[11]).toBe("2029-Q4");
    expect(comingQuarters(new Date("2027-05-01T12:00:00Z"), 3)).toEqual(["2027-Q2", "2027-Q3", "2027-Q4"]);
  });
});
