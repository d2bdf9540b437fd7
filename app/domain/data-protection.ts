import { type DataResidency } from "./events";
import { gateResult, isBlank, type GateResult, type Problem } from "./problems";

// The event's data protection (issue 19). After Schrems II "nobody takes responsibility": vendors
// need to know which data the solution processes, where it may be hosted and transferred,
// whether a DPIA exists, who is the data controller and who decides on privacy (by role and
// organisation). The older yes/no fields (health data, residency, DPIA needed) stay and follow
// the new ones (migration 0047 moved stored events into the new shape).

export const DATA_CATEGORIES = ["health_data", "personal_data", "none"] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const HOSTING_CONSTRAINTS = ["norway", "eea", "adequacy", "none"] as const;
export type HostingConstraint = (typeof HOSTING_CONSTRAINTS)[number];

export const DPIA_STATUSES = ["exists", "planned", "not_needed"] as const;
export type DpiaStatus = (typeof DPIA_STATUSES)[number];

export const PRIVACY_TEXT_MAX = 200;

export interface DataProtection {
  healthData: boolean | null;
  dataResidency: DataResidency | null;
  cloudAllowed: boolean | null;
  dpiaNeeded: boolean | null;
  dataCategories: DataCategory[];
  hostingConstraint: HostingConstraint | null;
  dpiaStatus: DpiaStatus | null;
  dataController: string | null;
  privacyOwnerRole: string | null;
  privacyOwnerOrganisation: string | null;
}

export type DataProtectionCode = "data_categories_conflict" | "data_protection_required" | "privacy_owner_required";

/** Personal data of any kind (health data is personal data too). */
export function processesPersonalData(categories: readonly DataCategory[]): boolean {
  return categories.includes("health_data") || categories.includes("personal_data");
}

/** "None" says no personal data at all, so it stands alone (also a CHECK constraint). */
export function dataCategoryProblems(categories: readonly DataCategory[]): Problem<DataProtectionCode>[] {
  return categories.includes("none") && categories.length > 1 ? [{ path: "dataProtection.dataCategories", code: "data_categories_conflict" }] : [];
}

/**
 * Judged where the scope step is required (requiresScope): the data categories, and when personal
 * data is processed, hosting, the DPIA, the data controller and the privacy decision owner.
 */
export function checkDataProtection(d: DataProtection, { required }: { required: boolean }): GateResult<DataProtectionCode> {
  const problems: Problem<DataProtectionCode>[] = [...dataCategoryProblems(d.dataCategories)];
  if (!required) return gateResult(problems);
  const add = (field: string, code: DataProtectionCode) => problems.push({ path: `dataProtection.${field}`, code });
  if (d.dataCategories.length === 0) add("dataCategories", "data_protection_required");
  if (!processesPersonalData(d.dataCategories)) return gateResult(problems);
  if (d.hostingConstraint === null) add("hostingConstraint", "data_protection_required");
  if (d.dpiaStatus === null) add("dpiaStatus", "data_protection_required");
  // Somebody answers for the data: the controller, and who decides on privacy (§4.11.4).
  if (isBlank(d.dataController)) add("dataController", "privacy_owner_required");
  if (isBlank(d.privacyOwnerRole)) add("privacyOwnerRole", "privacy_owner_required");
  if (isBlank(d.privacyOwnerOrganisation)) add("privacyOwnerOrganisation", "privacy_owner_required");
  return gateResult(problems);
}

export const DATA_PROTECTION_FIELD_ORDER = [
  "dataProtection.dataCategories",
  "dataProtection.hostingConstraint",
  "dataProtection.dpiaStatus",
  "dataProtection.dataController",
  "dataProtection.privacyOwnerRole",
  "dataProtection.privacyOwnerOrganisation",
];

/** The older fields' values, as migration 0047 mapped them, to the new shape's. */
export const legacyToCategories = (healthData: boolean | null): DataCategory[] => (healthData ? ["health_data"] : []);
export const legacyToHosting = (residency: DataResidency | null): HostingConstraint | null => (residency === "norway" || residency === "eea" ? residency : null);
export const legacyToDpia = (dpiaNeeded: boolean | null): DpiaStatus | null => (dpiaNeeded === false ? "not_needed" : null);

/** …and the new shape's values as the older fields say them. */
export const categoriesToHealthData = (categories: readonly DataCategory[]): boolean | null =>
  categories.includes("health_data") ? true : categories.length > 0 ? false : null;
export const hostingToResidency = (hosting: HostingConstraint | null): DataResidency | null =>
  hosting === null ? null : hosting === "norway" || hosting === "eea" ? hosting : "other";
export const dpiaToNeeded = (status: DpiaStatus | null): boolean | null => (status === null ? null : status !== "not_needed");

type Given<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * A create's or patch's data protection with the older and newer fields agreeing: a new field
 * given sets its older one; an older field given alone sets its new one. Undefined: unchanged.
 */
export function alignDataProtection(d: Given<DataProtection>): Given<DataProtection> {
  const out = { ...d };
  if (d.dataCategories !== undefined) out.healthData = categoriesToHealthData(d.dataCategories);
  else if (d.healthData !== undefined) out.dataCategories = legacyToCategories(d.healthData);
  if (d.hostingConstraint !== undefined) out.dataResidency = hostingToResidency(d.hostingConstraint);
  else if (d.dataResidency !== undefined) out.hostingConstraint = legacyToHosting(d.dataResidency);
  if (d.dpiaStatus !== undefined) out.dpiaNeeded = dpiaToNeeded(d.dpiaStatus);
  else if (d.dpiaNeeded !== undefined) out.dpiaStatus = legacyToDpia(d.dpiaNeeded);
  return out;
}
