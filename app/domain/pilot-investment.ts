import { isNegative, type Problem } from "./problems";

// næringsutvikling (issue 16; draft principles, principle 3: R&D collaborations with the
// vendors' own investment lead to no contracts): before a pilot, an R&D partnership or an
// innovation partnership is published, the buyer says what each vendor is expected to put in
// (hours and/or NOK), and each participating vendor may correct the figure for itself, so
// the cost the buyer asks of the market is visible beside the purchase it promises.

/** The most hours one figure may state (the boundary's ceiling, also in the database); NOK as every amount (NOK_MAX). */
export const INVESTMENT_HOURS_MAX = 100_000;
export const INVESTMENT_NOTE_MAX = 1000;

/** What one vendor is expected to invest (the buyer's figure) or expects to invest (a vendor's correction). */
export interface VendorInvestment {
  hours: number | null;
  nok: number | null;
}

export type InvestmentCode = "vendor_investment_required" | "must_not_be_negative";

/** The fields a figure is asked in: the buyer's in the event form, a vendor's on the correction form. */
export const STATED_PATHS = { hours: "pilotPath.vendorInvestmentHours", nok: "pilotPath.vendorInvestmentNok" } as const;
export const CORRECTION_PATHS = { hours: "hours", nok: "nok" } as const;

/**
 * One figure's problems: hours and NOK not below zero, and at least one of them stated
 * (ceilings and whole numbers are the input schema's), named at `paths`.
 */
export function investmentProblems(investment: VendorInvestment, paths: { hours: string; nok: string }): Problem<InvestmentCode>[] {
  const problems: Problem<InvestmentCode>[] = [];
  if (isNegative(investment.hours)) problems.push({ path: paths.hours, code: "must_not_be_negative" });
  if (isNegative(investment.nok)) problems.push({ path: paths.nok, code: "must_not_be_negative" });
  if (investment.hours === null && investment.nok === null) problems.push({ path: paths.hours, code: "vendor_investment_required" });
  return problems;
}

/** The spread of one figure across the vendors that stated it; null when none did. */
export interface FigureSpread {
  count: number;
  median: number;
  min: number;
  max: number;
}

/** Median of a non-empty list (the mean of the middle two for an even count, rounded to whole). */
function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function spread(values: readonly (number | null)[]): FigureSpread | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { count: sorted.length, median: median(sorted), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** What the public sees of the vendors' corrections: how many corrected, and the median and range of hours and of NOK. */
export function summariseCorrections(corrections: readonly VendorInvestment[]): { count: number; hours: FigureSpread | null; nok: FigureSpread | null } {
  return { count: corrections.length, hours: spread(corrections.map((c) => c.hours)), nok: spread(corrections.map((c) => c.nok)) };
}
