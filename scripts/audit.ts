// npm run audit — `npm audit --omit=dev`, failing on any high or critical
// advisory that .ci/audit-allowlist.json does not explain (docs/decisions/0012).
// An audit that could not run is a failure too, not a pass.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { auditFindings, type AllowedAdvisory, type AuditReport } from "./audit-verdict";

const allowList = JSON.parse(readFileSync(".ci/audit-allowlist.json", "utf8")) as AllowedAdvisory[];
const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report: AuditReport & { error?: { summary?: string }; message?: string };
try {
  report = JSON.parse(run.stdout) as typeof report;
} catch {
  console.error(`npm audit gave no report (exit ${run.status}):\n${run.stderr}`);
  process.exit(2);
}
if (!report.vulnerabilities) {
  console.error(`npm audit could not run: ${report.message ?? report.error?.summary ?? "no vulnerabilities section in its answer"}`);
  process.exit(2);
}

const findings = auditFindings(report, allowList);
for (const f of findings) console.log(`${f.allowed ? "allowed " : "BLOCKING"} ${f.severity.padEnd(8)} ${f.package}: ${f.title} (${f.url})`);
const blocking = findings.filter((f) => !f.allowed);
console.log(`${findings.length} high/critical advisories, ${blocking.length} not explained in .ci/audit-allowlist.json.`);
if (blocking.length > 0) process.exit(1);
