export const EVENT_KINDS = [
  "rfi",
  "rfp",
  "supplier_conference",
  "dialogue_meeting",
  "pilot",
  "rnd_partnership",
  "demand_notice",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ["draft", "published", "closed"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EFFORT_LEVELS = ["none", "light", "significant"] as const;
export type EffortLevel = (typeof EFFORT_LEVELS)[number];

export const EXPECTATION_STATUSES = ["committed", "planned", "uncertain", "none"] as const;
export type ExpectationStatus = (typeof EXPECTATION_STATUSES)[number];

export const OUTCOMES = ["procured", "not_procured", "withdrawn"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const NOT_PROCURED_REASONS = ["in_house", "budget_withdrawn", "no_suitable_solution", "postponed", "cancelled"] as const;
export type NotProcuredReason = (typeof NOT_PROCURED_REASONS)[number];

/** Where personal data may be stored and processed. */
export const DATA_RESIDENCIES = ["norway", "eea", "other"] as const;
export type DataResidency = (typeof DATA_RESIDENCIES)[number];

export const STANDARD_LEVELS = ["required", "recommended", "planned"] as const;
export type StandardLevel = (typeof STANDARD_LEVELS)[number];

/** "2027-Q2" → { year: 2027, quarter: 2 }, or null. */
export function parseQuarter(value: string): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as 1 | 2 | 3 | 4 };
}
