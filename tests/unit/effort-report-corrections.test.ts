import { describe, expect, it } from "vitest";
import { EFFORT_REPORT_CORRECTION_DAYS, effortReportChanged, effortReportCorrectable, effortReportCorrectableUntil } from "~/domain/effort-requests";

describe("correcting reported effort", () => {
  const reportedAt = new Date("2026-11-01T10:00:00Z");
  it("is open for EFFORT_REPORT_CORRECTION_DAYS after the report, to the millisecond", () => {
    const until = effortReportCorrectableUntil(reportedAt);
    expect(until.getTime() - reportedAt.getTime()).toBe(EFFORT_REPORT_CORRECTION_DAYS * 86_400_000);
    expect(effortReportCorrectable(reportedAt, until)).toBe(true);
    expect(effortReportCorrectable(reportedAt, new Date(until.getTime() + 1))).toBe(false);
  });
  it("changes something only when hours, people or the note differ", () => {
    const report = { hours: 10, people: 2, note: null };
    expect(effortReportChanged(report, { ...report })).toBe(false);
    expect(effortReportChanged(report, { ...report, hours: 11 })).toBe(true);
    expect(effortReportChanged(report, { ...report, people: 3 })).toBe(true);
    expect(effortReportChanged(report, { ...report, note: "Mer" })).toBe(true);
  });
});
