import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMonth, formatNok, formatNokRangeMillions, formatNumber, formatPercent, formatQuarter } from "~/i18n/format";

describe("formatting for Norwegian users", () => {
  it("shows winter times in Oslo time with CET named", () => {
    expect(formatDateTime(new Date("2026-12-01T08:00:00Z"), "nb")).toBe("1. desember 2026 kl. 09:00 CET");
    expect(formatDateTime(new Date("2026-12-01T08:00:00Z"), "en")).toBe("1 December 2026 at 09:00 CET");
  });

  it("shows summer times with CEST named", () => {
    expect(formatDateTime(new Date("2027-06-15T08:30:00Z"), "nb")).toBe("15. juni 2027 kl. 10:30 CEST");
  });

  it("keeps a calendar date on its day", () => {
    expect(formatDate("2027-01-01", "nb")).toBe("1. januar 2027");
    // 23:30 UTC on 31 December is already New Year's Day in Oslo.
    expect(formatDate(new Date("2026-12-31T23:30:00Z"), "nb")).toBe("1. januar 2027");
  });

  it("writes kroner the Norwegian way", () => {
    expect(formatNok(4_500_000, "nb")).toBe("4\u00a0500\u00a0000\u00a0kr");
    expect(formatNok(4_500_000, "en")).toBe("NOK\u00a04,500,000");
  });

  it("summarises budget frames in millions", () => {
    expect(formatNokRangeMillions(4_000_000, 6_000_000, "nb")).toBe("4–6 MNOK");
    expect(formatNokRangeMillions(800_000, 1_500_000, "nb")).toBe("0,8–1,5 MNOK");
    expect(formatNokRangeMillions(800_000, 1_500_000, "en")).toBe("0.8–1.5 MNOK");
    expect(formatNokRangeMillions(null, 42_000_000, "nb")).toBe("42 MNOK");
    expect(formatNokRangeMillions(5_000_000, 5_000_000, "nb")).toBe("5 MNOK");
    expect(formatNokRangeMillions(null, null, "nb")).toBeNull();
  });
});

describe("shares and months", () => {
  it("writes a share in whole percent, Norwegian style with a space before the sign", () => {
    expect(formatPercent(1 / 3, "nb").replace(/\s/g, " ")).toBe("33 %");
    expect(formatPercent(0.5, "en")).toBe("50%");
  });
  it("names a month with its year", () => {
    expect(formatMonth("2026-11", "nb")).toBe("november 2026");
    expect(formatMonth("2025-12", "en")).toBe("December 2025");
  });

  it("names a quarter as people say it, and shows anything else as it was written", () => {
    expect(formatQuarter("2027-Q2", "nb")).toBe("2. kvartal 2027");
    expect(formatQuarter("2027-Q2", "en")).toBe("Q2 2027");
    expect(formatQuarter("2. kvartal 2027", "nb")).toBe("2. kvartal 2027");
  });

  it("keeps each language's formatter its own, whichever language asked first", () => {
    for (let i = 0; i < 2; i++) {
      expect(formatNumber(1234.5, "en")).toBe("1,234.5");
      expect(formatNumber(1234.5, "nb")).toBe("1\u00a0234,5");
      expect(formatDate("2027-01-01", "en")).toBe("1 January 2027");
      expect(formatDate("2027-01-01", "nb")).toBe("1. januar 2027");
    }
  });
});
