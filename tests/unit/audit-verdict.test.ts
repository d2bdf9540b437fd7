import { describe, expect, it } from "vitest";
import { auditFindings } from "../../scripts/audit-verdict";

const report = {
  vulnerabilities: {
    express: { name: "express", severity: "high", via: ["body-parser"] },
    "body-parser": {
      name: "body-parser",
      severity: "high",
      via: [{ source: 1, name: "body-parser", title: "DoS", url: "https://github.com/advisories/GHSA-aaaa", severity: "high" }],
    },
    cookie: {
      name: "cookie",
      severity: "low",
      via: [{ source: 2, name: "cookie", title: "Out of bounds", url: "https://github.com/advisories/GHSA-bbbb", severity: "low" }],
    },
    marked: {
      name: "marked",
      severity: "critical",
      via: [{ source: 3, name: "marked", title: "ReDoS", url: "https://github.com/advisories/GHSA-cccc", severity: "critical" }],
    },
  },
};

describe("the dependency audit verdict", () => {
  it("blocks high and critical advisories, once each, and ignores low ones", () => {
    const findings = auditFindings(report, []);
    expect(findings.map((f) => [f.package, f.severity, f.allowed])).toEqual([
      ["body-parser", "high", false],
      ["marked", "critical", false],
    ]);
  });

  it("lets through an advisory the allow-list explains", () => {
    const findings = auditFindings(report, [{ url: "https://github.com/advisories/GHSA-cccc", reason: "not reachable" }]);
    expect(findings.filter((f) => !f.allowed).map((f) => f.package)).toEqual(["body-parser"]);
  });

  it("finds nothing in a clean report", () => {
    expect(auditFindings({ vulnerabilities: {} }, [])).toEqual([]);
  });
});
