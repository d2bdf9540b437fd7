import { describe, expect, it } from "vitest";
import { dateToOsloLocal, osloLocalToDate } from "~/domain/oslo-time";

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
    expect(dateToOsloLocal(new Date("2026-11-20T13:30:00Z"))).toBe("2026-11-20T14:30");
    expect(dateToOsloLocal(new Date("2026-06-20T12:30:00Z"))).toBe("2026-06-20T14:30");
  });
});
