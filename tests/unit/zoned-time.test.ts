import { describe, expect, it } from "vitest";
import { toZonedLocal, zonedLocalToIso } from "~/domain/zoned-time";

describe("Norwegian wall-clock time", () => {
  it("reads winter times as CET (+01:00) and summer times as CEST (+02:00)", () => {
    expect(zonedLocalToIso("2027-01-15T09:30")).toBe("2027-01-15T09:30:00+01:00");
    expect(zonedLocalToIso("2027-07-01T12:00")).toBe("2027-07-01T12:00:00+02:00");
  });

  it("handles the days the clocks change", () => {
    // 28 March 2027: 02:00 CET becomes 03:00 CEST.
    expect(zonedLocalToIso("2027-03-28T01:30")).toBe("2027-03-28T01:30:00+01:00");
    expect(zonedLocalToIso("2027-03-28T03:30")).toBe("2027-03-28T03:30:00+02:00");
    // 31 October 2027: 03:00 CEST becomes 02:00 CET.
    expect(zonedLocalToIso("2027-10-31T04:00")).toBe("2027-10-31T04:00:00+01:00");
  });

  it("refuses what is not a time", () => {
    for (const bad of ["", "2027-02-30T10:00", "2027-01-01 10:00", "2027-01-01T24:00", "i morgen"]) {
      expect(zonedLocalToIso(bad)).toBeNull();
    }
  });

  it("shows an instant as Oslo wall-clock time, round trip", () => {
    expect(toZonedLocal(new Date("2027-01-15T08:30:00Z"))).toBe("2027-01-15T09:30");
    expect(toZonedLocal("2027-07-01T10:00:00Z")).toBe("2027-07-01T12:00");
    for (const local of ["2027-01-15T09:30", "2027-07-01T12:00", "2027-10-31T04:00"]) {
      expect(toZonedLocal(zonedLocalToIso(local)!)).toBe(local);
    }
  });
});

// Formerly the interaction log's own converter (oslo-time.ts); the same cases, through the one module.
const osloLocalToDate = (value: string) => {
  const iso = zonedLocalToIso(value);
  return iso ? new Date(iso) : null;
};

describe("Oslo wall-clock time from a form", () => {
  it("reads winter time as UTC+1 and summer time as UTC+2", () => {
    expect(osloLocalToDate("2026-11-20T14:30")?.toISOString()).toBe("2026-11-20T13:30:00.000Z");
    expect(osloLocalToDate("2026-06-20T14:30")?.toISOString()).toBe("2026-06-20T12:30:00.000Z");
  });

  it("refuses malformed and impossible times", () => {
    expect(osloLocalToDate("20.11.2026 14:30")).toBeNull();
    expect(osloLocalToDate("2026-02-30T10:00")).toBeNull();
    expect(osloLocalToDate("2026-11-20T25:00")).toBeNull();
  });

  it("writes an instant back as Oslo wall-clock time", () => {
    expect(toZonedLocal(new Date("2026-11-20T13:30:00Z"))).toBe("2026-11-20T14:30");
    expect(toZonedLocal(new Date("2026-06-20T12:30:00Z"))).toBe("2026-06-20T14:30");
  });

  it("keeps seconds when the field has them", () => {
    expect(zonedLocalToIso("2026-11-20T14:30:15")).toBe("2026-11-20T14:30:15+01:00");
  });
});
