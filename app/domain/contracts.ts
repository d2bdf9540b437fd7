import { gateResult, isBlank, type GateResult, type Problem } from "./problems";
import { compareQuarters } from "./quarters";

// The contract after award (issue 15): what a buyer indicated a vendor could expect, what it
// bound itself to, and what it then called off, quarter by quarter. Forutsigbarhet asks the
// declared and the realised to be compared like with like; these rules are the one source
// for the forms, the API and the CHECK constraints of db/migrations/2026-12-04-0014-contracts.ts
// (the type list as amended by 2026-12-06-0069-strategic-alliance-contracts.ts).

export const CONTRACT_TYPES = [
  "single_contract",
  "framework_agreement",
  "coalition_framework",
  "innovation_partnership",
  "operations_agreement",
  "project_contract",
  // Issue 15: the event form's contract forms include it, so the contract after award does too (CHECK since 0069).
  "strategic_alliance",
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const OPTION_STATUSES = ["open", "exercised", "declined"] as const;
export type OptionStatus = (typeof OPTION_STATUSES)[number];

export const CALL_OFF_RESPONSES = ["confirm", "dispute"] as const;
export type CallOffResponse = (typeof CALL_OFF_RESPONSES)[number];

/** Frameworks: the types where the volume is called off rather than bought once. */
export const FRAMEWORK_TYPES: readonly ContractType[] = ["framework_agreement", "coalition_framework"];

// What the rules below read of a declaration; the forms and API bodies that carry one are Zod schemas
// in contract-forms.ts, apart so that pages which only show contract figures (the scorecards,
// /insights) do not ship Zod to the browser (issue 20).

/** A contract as declared (ContractInput of the form and the API). */
export interface ContractDeclaration {
  start: string;
  baseEnd: string;
  options?: readonly { months: number; noticeDeadline: string }[];
  indicatedAnnualValueNok?: number | null;
  indicatedAnnualQuantity?: number | null;
  unit?: string | null;
  bindingMinimumNok?: number | null;
  bindingMinimumQuantity?: number | null;
}

/** One quarter's call-offs as recorded (CallOffInput). */
export interface CallOffDeclaration {
  quarter: string;
  valueNok?: number | null;
  quantity?: number | null;
}

export type ContractCode =
  | "base_end_before_start"
  | "indicated_volume_required"
  | "unit_required"
  | "binding_minimum_exceeds_indicated"
  | "notice_after_option_start";

/** "2027-01-31" plus 1 month is "2027-02-28": the day is kept where the month has it. */
export function addMonthsToDate(date: string, count: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + count;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(d, lastDay));
}

function iso(year: number, month: number, day: number) {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `date` plus `days` calendar days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day after a date. */
export const nextDay = (date: string) => addDays(date, 1);

/** When each option's period would begin: options follow the base period and each other. */
export function optionStarts(baseEnd: string, options: readonly { months: number }[]): string[] {
  let end = baseEnd;
  return options.map((option) => {
    const start = nextDay(end);
    end = addMonthsToDate(end, option.months);
    return start;
  });
}

/** The rules a contract's declaration must meet, each at its field. */
export function checkContract(input: ContractDeclaration): GateResult<ContractCode> {
  const problems: Problem<ContractCode>[] = [];
  const add = (path: string, code: ContractCode) => problems.push({ path, code });
  if (input.baseEnd <= input.start) add("baseEnd", "base_end_before_start");
  const value = input.indicatedAnnualValueNok ?? null;
  const qty = input.indicatedAnnualQuantity ?? null;
  // forutsigbarhet: a contract says what a vendor can expect a year, in kroner or in units.
  if (value === null && qty === null) add("indicatedAnnualValueNok", "indicated_volume_required");
  if ((qty !== null || (input.bindingMinimumQuantity ?? null) !== null) && isBlank(input.unit)) add("unit", "unit_required");
  // The binding minimum is part of the indication: binding more than is indicated is a contradiction.
  if (value !== null && (input.bindingMinimumNok ?? null) !== null && input.bindingMinimumNok! > value) {
    add("bindingMinimumNok", "binding_minimum_exceeds_indicated");
  }
  if (qty !== null && (input.bindingMinimumQuantity ?? null) !== null && input.bindingMinimumQuantity! > qty) {
    add("bindingMinimumQuantity", "binding_minimum_exceeds_indicated");
  }
  const options = input.options ?? [];
  const starts = optionStarts(input.baseEnd, options);
  options.forEach((option, i) => {
    if (option.noticeDeadline >= starts[i]!) add(`options.${i}.noticeDeadline`, "notice_after_option_start");
  });
  return gateResult(problems);
}

/** "Kapasitetskrav uten forpliktelse": capacity demanded of the vendor while the buyer binds itself to nothing. */
export function capacityWithoutCommitment(c: { capacityRequired: boolean; bindingMinimumNok: number | null; bindingMinimumQuantity: number | null }): boolean {
  return c.capacityRequired && (c.bindingMinimumNok ?? 0) === 0 && (c.bindingMinimumQuantity ?? 0) === 0;
}

/** The quarter a calendar date falls in. */
export function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export interface ContractPeriod {
  start: string;
  baseEnd: string;
  options: readonly { months: number; status: OptionStatus }[];
}

/** The last day of the contract as it stands: the base period and every option exercised. */
export function contractEnd(c: ContractPeriod): string {
  const exercised = c.options.filter((o) => o.status === "exercised").reduce((sum, o) => sum + o.months, 0);
  return addMonthsToDate(c.baseEnd, exercised);
}

/** Whether a call-off quarter overlaps the contract period (its start to its end with options exercised). */
export function quarterInContract(c: ContractPeriod, q: string): boolean {
  return compareQuarters(q, quarterOfDate(c.start)) >= 0 && compareQuarters(q, quarterOfDate(contractEnd(c))) <= 0;
}

export type CallOffCode = "call_off_volume_required" | "quarter_outside_contract" | "quarter_recorded";

/** A quarter's call-offs: a volume, inside the contract, once per quarter. */
export function checkCallOff(c: ContractPeriod, input: CallOffDeclaration, recorded: readonly string[]): GateResult<CallOffCode> {
  const problems: Problem<CallOffCode>[] = [];
  if ((input.valueNok ?? null) === null && (input.quantity ?? null) === null) problems.push({ path: "valueNok", code: "call_off_volume_required" });
  if (!quarterInContract(c, input.quarter)) problems.push({ path: "quarter", code: "quarter_outside_contract" });
  else if (recorded.includes(input.quarter)) problems.push({ path: "quarter", code: "quarter_recorded" });
  return gateResult(problems);
}

/** A dispute says why; a confirmation may stand alone. */
export function checkCallOffResponse(input: { response: CallOffResponse; account?: string | null }): GateResult<"dispute_account_required"> {
  return gateResult(input.response === "dispute" && isBlank(input.account) ? [{ path: "account", code: "dispute_account_required" as const }] : []);
}

/** Declining an option says why (the vendor planned for it); exercising it needs no reason. */
export function checkOptionDecision(input: { decision: "exercised" | "declined"; reason?: string | null }): GateResult<"decline_reason_required"> {
  return gateResult(input.decision === "declined" && isBlank(input.reason) ? [{ path: "reason", code: "decline_reason_required" as const }] : []);
}

export interface CallOffFigure {
  quarter: string;
  valueNok: number | null;
  quantity: number | null;
  response: CallOffResponse | null;
}

export interface ContractVolumes {
  start: string;
  indicatedAnnualValueNok: number | null;
  indicatedAnnualQuantity: number | null;
  callOffs: readonly CallOffFigure[];
}

export interface YearRealisation {
  /** 1 for the first contract year. */
  year: number;
  firstQuarter: string;
  lastQuarter: string;
  indicatedNok: number | null;
  realisedNok: number;
  indicatedQuantity: number | null;
  realisedQuantity: number;
  /** Realised ÷ indicated, in kroner where kroner were indicated, else in units; null without an indication above 0. */
  share: number | null;
  confirmed: number;
  disputed: number;
  unanswered: number;
}

/** Contract year of a quarter: the first four quarters from the start quarter are year 1. */
export function contractYearOf(start: string, q: string): number {
  const [sy, sq] = quarterOfDate(start).split("-Q").map(Number) as [number, number];
  const [y, n] = q.split("-Q").map(Number) as [number, number];
  return Math.floor((y * 4 + n - (sy * 4 + sq)) / 4) + 1;
}

const ratio = (part: number, whole: number | null) => (whole !== null && whole > 0 ? part / whole : null);

/** Realised against indicated per contract year, up to the last year `now` (a date) has reached or a call-off names. */
export function realisationByYear(c: ContractVolumes, now: string): YearRealisation[] {
  const years = Math.max(contractYearOf(c.start, quarterOfDate(now)), ...c.callOffs.map((o) => contractYearOf(c.start, o.quarter)), 0);
  const startQuarter = quarterOfDate(c.start);
  return Array.from({ length: years }, (_, i) => {
    const year = i + 1;
    const inYear = c.callOffs.filter((o) => contractYearOf(c.start, o.quarter) === year);
    const realisedNok = inYear.reduce((sum, o) => sum + (o.valueNok ?? 0), 0);
    const realisedQuantity = inYear.reduce((sum, o) => sum + (o.quantity ?? 0), 0);
    const [sy, sq] = startQuarter.split("-Q").map(Number) as [number, number];
    const first = (sy * 4 + sq - 1) + i * 4;
    const label = (index: number) => `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    return {
      year,
      firstQuarter: label(first),
      lastQuarter: label(first + 3),
      indicatedNok: c.indicatedAnnualValueNok,
      realisedNok,
      indicatedQuantity: c.indicatedAnnualQuantity,
      realisedQuantity,
      share: c.indicatedAnnualValueNok !== null ? ratio(realisedNok, c.indicatedAnnualValueNok) : ratio(realisedQuantity, c.indicatedAnnualQuantity),
      confirmed: inYear.filter((o) => o.response === "confirm").length,
      disputed: inYear.filter((o) => o.response === "dispute").length,
      unanswered: inYear.filter((o) => o.response === null).length,
    };
  });
}

export interface ContractSummary extends ContractVolumes {
  id: string;
  type: ContractType;
  capacityRequired: boolean;
  bindingMinimumNok: number | null;
  bindingMinimumQuantity: number | null;
  options: readonly { status: OptionStatus }[];
}

export interface ContractFigures {
  contracts: number;
  /** Kroner indicated for the contract years begun, against kroner called off in them. */
  realisation: { indicatedNok: number; realisedNok: number; share: number | null; disputedQuarters: number; quarters: number };
  options: { exercised: number; declined: number; open: number; share: number | null };
  capacity: { frameworks: number; withoutCommitment: number; share: number | null };
}

/** A buyer's contracts in figures for the scorecard, as of `now` (a date). */
export function contractFigures(contracts: readonly ContractSummary[], now: string): ContractFigures {
  let indicatedNok = 0;
  let realisedNok = 0;
  let disputedQuarters = 0;
  let quarters = 0;
  for (const c of contracts) {
    for (const y of realisationByYear(c, now)) {
      // Kroner only: a share in units cannot be added to one in kroner.
      if (y.indicatedNok === null) continue;
      indicatedNok += y.indicatedNok;
      realisedNok += y.realisedNok;
    }
    disputedQuarters += c.callOffs.filter((o) => o.response === "dispute").length;
    quarters += c.callOffs.length;
  }
  const options = contracts.flatMap((c) => c.options);
  const exercised = options.filter((o) => o.status === "exercised").length;
  const declined = options.filter((o) => o.status === "declined").length;
  const frameworks = contracts.filter((c) => FRAMEWORK_TYPES.includes(c.type));
  const withoutCommitment = frameworks.filter(capacityWithoutCommitment).length;
  return {
    contracts: contracts.length,
    realisation: { indicatedNok, realisedNok, share: ratio(realisedNok, indicatedNok), disputedQuarters, quarters },
    options: { exercised, declined, open: options.length - exercised - declined, share: ratio(exercised, exercised + declined) },
    capacity: { frameworks: frameworks.length, withoutCommitment, share: ratio(withoutCommitment, frameworks.length) },
  };
}

