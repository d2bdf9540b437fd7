import { parseQuarter } from "./events";
import { type Problem } from "./problems";
import { compareQuarters, quarterOf } from "./quarters";

// forutsigbarhet (issue 19): buyers say which standards they will demand; vendors say which
// they can deliver. Each standard in the catalogue says where it comes from and its status in
// the Directorate's reference catalogue; each vendor says per standard whether it supports it
// today, plans it for a quarter, or not. /standards shows only the counts across vendors.

export const STANDARD_ORIGINS = ["international", "nordic", "norwegian"] as const;
export type StandardOrigin = (typeof STANDARD_ORIGINS)[number];

/** Status in the Directorate of e-health's reference catalogue; "none" also where the catalogue says nothing we know. */
export const NATIONAL_STATUSES = ["mandatory", "recommended", "under_consideration", "none"] as const;
export type NationalStatus = (typeof NATIONAL_STATUSES)[number];

export const READINESS = ["supported", "planned", "not_supported"] as const;
export type Readiness = (typeof READINESS)[number];

export interface ReadinessEntry {
  standardId: string;
  readiness: Readiness;
  /** "2027-Q2"; required for planned, absent otherwise. */
  plannedQuarter: string | null;
}

export type ReadinessCode =
  "unknown_standard" | "planned_quarter_required" | "planned_quarter_invalid" | "planned_quarter_in_past" | "planned_quarter_not_planned" | "duplicate";

/** Field path of one standard's entry in the readiness form and the problems about it. */
export const readinessPath = (standardId: string, part: "readiness" | "plannedQuarter") => `standards.${standardId}.${part}`;

/**
 * The declarations as stored: a planned standard has a well-formed quarter that has not yet
 * passed (the current one counts: the work may finish this quarter), the others have none.
 */
export function readinessProblems(entries: readonly ReadinessEntry[], now: Date): Problem<ReadinessCode>[] {
  const problems: Problem<ReadinessCode>[] = [];
  const seen = new Set<string>();
  const current = quarterOf(now);
  for (const entry of entries) {
    const path = readinessPath(entry.standardId, "plannedQuarter");
    if (seen.has(entry.standardId))
      problems.push({
        path: readinessPath(entry.standardId, "readiness"),
        code: "duplicate",
      });
    seen.add(entry.standardId);
    const quarter = entry.plannedQuarter?.trim() || null;
    if (entry.readiness !== "planned") {
      if (quarter !== null) problems.push({ path, code: "planned_quarter_not_planned" });
      continue;
    }
    if (quarter === null) problems.push({ path, code: "planned_quarter_required" });
    else if (parseQuarter(quarter) === null) problems.push({ path, code: "planned_quarter_invalid" });
    else if (compareQuarters(quarter, current) < 0) problems.push({ path, code: "planned_quarter_in_past" });
  }
  return problems;
}

export interface ReadinessCounts {
  supported: number;
  planned: number;
  notSupported: number;
}

const FIELD = /^standards\.([^.]{1,64})\.(readiness|plannedQuarter)$/;
const MAX_ENTRIES = 500;

/**
 * The readiness form (`standards.<id>.readiness`, `standards.<id>.plannedQuarter`) as entries:
 * a standard left at "not stated" is not declared; an unknown choice, or a quarter given
 * without "planned", is a problem at its field. Whether the ids exist is the model's to check.
 */
export function readinessFromForm(form: { keys(): IterableIterator<string>; get(name: string): FormDataEntryValue | null }): {
  entries: ReadinessEntry[];
  problems: Problem<ReadinessCode | "invalid_choice" | "too_many">[];
} {
  const ids = new Set<string>();
  for (const key of form.keys()) {
    const match = FIELD.exec(key);
    if (match) ids.add(match[1]!);
  }
  if (ids.size > MAX_ENTRIES) return { entries: [], problems: [{ path: "", code: "too_many" }] };
  const entries: ReadinessEntry[] = [];
  const problems: Problem<ReadinessCode | "invalid_choice" | "too_many">[] = [];
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  for (const standardId of ids) {
    const readiness = value(readinessPath(standardId, "readiness"));
    const plannedQuarter = value(readinessPath(standardId, "plannedQuarter")) || null;
    if (readiness === "") {
      if (plannedQuarter !== null)
        problems.push({
          path: readinessPath(standardId, "plannedQuarter"),
          code: "planned_quarter_not_planned",
        });
    } else if (!(READINESS as readonly string[]).includes(readiness)) {
      problems.push({
        path: readinessPath(standardId, "readiness"),
        code: "invalid_choice",
      });
    } else {
      entries.push({
        standardId,
        readiness: readiness as Readiness,
        plannedQuarter,
      });
    }
  }
  return { entries, problems };
}
