// Reads `npm audit --json` (format 2) and decides whether CI passes: no high or
// critical advisory against a production dependency unless the allow-list
// (.ci/audit-allowlist.json, reasons in docs/decisions/0012) explains it.

export interface AllowedAdvisory {
  /** The advisory's address, e.g. https://github.com/advisories/GHSA-xxxx-xxxx-xxxx */
  url: string;
  reason: string;
}

interface AuditVia {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
}

export interface AuditReport {
  vulnerabilities?: Record<string, { name: string; severity: string; via: (string | AuditVia)[] }>;
}

export interface Finding {
  package: string;
  severity: string;
  title: string;
  url: string;
  allowed: boolean;
}

const BLOCKING = new Set(["high", "critical"]);

export function auditFindings(report: AuditReport, allowList: AllowedAdvisory[]): Finding[] {
  const allowed = new Set(allowList.map((a) => a.url));
  const findings = new Map<string, Finding>();
  for (const vulnerability of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via) {
      // A string names another vulnerable package; its own entry carries the advisory.
      if (typeof via === "string" || !via.url) continue;
      const severity = via.severity ?? vulnerability.severity;
      if (!BLOCKING.has(severity)) continue;
      findings.set(`${via.url} ${vulnerability.name}`, {
        package: vulnerability.name,
        severity,
        title: via.title ?? "",
        url: via.url,
        allowed: allowed.has(via.url),
      });
    }
  }
  return [...findings.values()];
}
