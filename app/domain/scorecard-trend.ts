import { addQuarters, compareQuarters, quarterEnd, quarterStart, type Quarter } from "./quarters";
import { answerTime, effortEvents, expectationFulfilment, hoursAgainstPurchases, type ScorecardFacts, type WindowBounds } from "./scorecard";

// The scorecard's headline figures quarter by quarter, so a reader sees at a glance whether a
// buyer is getting more or less predictable. Computed from the same facts and with the same
// rules as the figures for the whole window (app/domain/scorecard.ts), one quarter at a time.

export interface QuarterFigures {
  quarter: Quarter;
  /** Events published in the quarter that asked vendors for effort. */
  effortEvents: number;
  /** Of the expectations (committed, planned, uncertain) declared for the quarter: met in time, and decided. */
  fulfilmentMet: number;
  fulfilmentDue: number;
  /** met / due, null when none was decided yet. */
  fulfilmentShare: number | null;
  requestedHours: number;
  procuredNok: number;
  medianAnswerHours: number | null;
}

/** The quarters the window touches, oldest first; the first and the last may be partial. */
export function quartersOfWindow(bounds: WindowBounds): Quarter[] {
  const quarters: Quarter[] = [];
  for (let q = bounds.firstQuarter; compareQuarters(q, bounds.lastQuarter) <= 0; q = addQuarters(q, 1)) quarters.push(q);
  return quarters;
}

/** The window narrowed to the months of one quarter (month-based figures read only the months). */
function quarterBounds(quarter: Quarter, bounds: WindowBounds): WindowBounds {
  const first = quarterStart(quarter).slice(0, 7);
  const last = quarterEnd(quarter).slice(0, 7);
  return {
    ...bounds,
    firstMonth: first > bounds.firstMonth ? first : bounds.firstMonth,
    lastMonth: last < bounds.lastMonth ? last : bounds.lastMonth,
    firstQuarter: quarter,
    lastQuarter: quarter,
  };
}

/** The headline figures for each quarter of the window. */
export function quarterlyTrend(facts: Pick<ScorecardFacts, "effort" | "expectations" | "hours" | "answers">, bounds: WindowBounds): QuarterFigures[] {
  return quartersOfWindow(bounds).map((quarter) => {
    const inQuarter = quarterBounds(quarter, bounds);
    // Judged against the whole window (today's quarter decides what is past its grace), counted by declared quarter.
    const fulfilment = expectationFulfilment(
      facts.expectations.filter((f) => f.declaredQuarter === quarter),
      bounds,
    );
    const hours = hoursAgainstPurchases(facts.hours, inQuarter);
    return {
      quarter,
      effortEvents: effortEvents(facts.effort, inQuarter).events,
      fulfilmentMet: fulfilment.met,
      fulfilmentDue: fulfilment.due,
      fulfilmentShare: fulfilment.share,
      requestedHours: hours.requestedHours,
      procuredNok: hours.procuredNok,
      medianAnswerHours: answerTime(facts.answers, inQuarter).medianHours,
    };
  });
}
