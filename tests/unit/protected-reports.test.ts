import { describe, expect, it } from "vitest";
import {
  PUBLICATION_THRESHOLD,
  isOtherSide,
  messageProblems,
  outcomeProblems,
  publicReportCounts,
  reportFormToInput,
  reportProblems,
  type ReportFacts,
  type ReportForCount,
} from "~/domain/protected-reports";

const vendor = { id: "v", isBuyer: false, isVendor: true };
const buyer = { id: "b", isBuyer: true, isVendor: false };
const facts = (over: Partial<ReportFacts> = {}): ReportFacts => ({ reporter: vendor, counterpart: buyer, clauseNumbers: [1, 2, 3], ...over });
const codes = (problems: { path: string; code: string }[]) => problems.map((p) => `${p.path}:${p.code}`);

describe("reportProblems", () => {
  it("accepts a vendor reporting a buyer on clauses of the current code", () => {
    expect(reportProblems({ counterpartId: "b", clauses: [1, 3], account: "Vi ble bedt om å holde kritikk for oss selv." }, facts())).toEqual([]);
  });

  it("accepts a buyer reporting a vendor", () => {
    expect(reportProblems({ counterpartId: "v", clauses: [2], account: "x" }, facts({ reporter: buyer, counterpart: vendor }))).toEqual([]);
  });

  it("refuses the reporter's own organisation and one on the same side", () => {
    expect(codes(reportProblems({ counterpartId: "v", clauses: [1], account: "x" }, facts({ counterpart: vendor })))).toEqual(["counterpartId:report_own_organisation"]);
    const otherVendor = { id: "v2", isBuyer: false, isVendor: true };
    expect(codes(reportProblems({ counterpartId: "v2", clauses: [1], account: "x" }, facts({ counterpart: otherVendor })))).toEqual(["counterpartId:report_counterpart_same_side"]);
  });

  it("asks for a counterpart that exists, known clauses and a visible account", () => {
    expect(codes(reportProblems({ counterpartId: "nobody", clauses: [], account: " \u200b " }, facts({ counterpart: null })))).toEqual([
      "counterpartId:required",
      "clauses:required",
      "account:required",
    ]);
    expect(codes(reportProblems({ counterpartId: "b", clauses: [1, 9], account: "x".repeat(8001) }, facts()))).toEqual(["clauses:report_clause_unknown", "account:too_long"]);
  });
});

describe("isOtherSide", () => {
  it("lets an organisation on both sides report either", () => {
    const both = { isBuyer: true, isVendor: true };
    expect(isOtherSide(both, vendor)).toBe(true);
    expect(isOtherSide(both, buyer)).toBe(true);
    expect(isOtherSide(buyer, buyer)).toBe(false);
  });
});

describe("reportFormToInput", () => {
  const form = (entries: [string, string][]) => new URLSearchParams(entries);

  it("reads the counterpart, the ticked clauses and the account", () => {
    expect(reportFormToInput(form([["counterpartId", "b"], ["clauses", "2"], ["clauses", "5"], ["account", "  Vi ble truet.  "]]))).toEqual({ counterpartId: "b", clauses: [2, 5], account: "Vi ble truet." });
  });

  it("turns a clause that is not a small number into one no code has, and no counterpart into null", () => {
    const input = reportFormToInput(form([["clauses", "1e3"], ["clauses", "99999999999999999999"], ["clauses", "-1"]]));
    expect(input.counterpartId).toBeNull();
    expect(input.clauses.every(Number.isNaN)).toBe(true);
    expect(codes(reportProblems(input, facts({ counterpart: null })))).toEqual(["counterpartId:required", "clauses:report_clause_unknown", "account:required"]);
  });
});

describe("messages and outcomes", () => {
  it("asks for words within the limit", () => {
    expect(codes(messageProblems("\u200b"))).toEqual(["text:required"]);
    expect(codes(messageProblems("x".repeat(4001)))).toEqual(["text:too_long"]);
    expect(messageProblems("Når skjedde dette?")).toEqual([]);
  });

  it("takes an outcome from the fixed list only", () => {
    expect(outcomeProblems("upheld", "")).toEqual([]);
    expect(codes(outcomeProblems("guilty", ""))).toEqual(["outcome:required"]);
  });
});

describe("publicReportCounts", () => {
  let next = 0;
  const report = (clauses: number[], outcome: ReportForCount["outcome"] = null, conductVersion = 1, reporterOrganisationId = `org-${next++}`): ReportForCount => ({
    reporterOrganisationId,
    conductVersion,
    clauses,
    outcome,
  });

  it("publishes nothing below the threshold, so one report cannot be traced", () => {
    expect(PUBLICATION_THRESHOLD).toBe(3);
    expect(publicReportCounts([])).toBeNull();
    expect(publicReportCounts([report([1])])).toBeNull();
    expect(publicReportCounts([report([1], "upheld"), report([2], "resolved")])).toBeNull();
  });

  it("counts reporting organisations, not reports: three from one organisation would name it", () => {
    expect(publicReportCounts([report([1], null, 1, "a"), report([1], null, 1, "a"), report([1], null, 1, "a")])).toBeNull();
    expect(publicReportCounts([report([1], null, 1, "a"), report([1], null, 1, "a"), report([1], null, 1, "b")])).toBeNull();
    expect(publicReportCounts([report([1], null, 1, "a"), report([1], null, 1, "a"), report([1], null, 1, "b"), report([2], null, 1, "c")])?.total).toBe(4);
  });

  it("from the threshold on, counts by clause and by outcome only", () => {
    const counts = publicReportCounts([report([2, 1, 1], "upheld"), report([1]), report([3], "not_upheld", 2)]);
    expect(counts).toEqual({
      total: 3,
      byClause: [
        { conductVersion: 1, clause: 1, count: 2 },
        { conductVersion: 1, clause: 2, count: 1 },
        { conductVersion: 2, clause: 3, count: 1 },
      ],
      byOutcome: [
        { outcome: "open", count: 1 },
        { outcome: "upheld", count: 1 },
        { outcome: "not_upheld", count: 1 },
      ],
    });
    expect(Object.keys(counts!)).toEqual(["total", "byClause", "byOutcome"]);
  });
});
