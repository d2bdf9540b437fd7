import { shareFraction, type Share } from "./co-buyers";
import { isShortContract } from "./contract";
import { addDays } from "./contracts";
import type { EffortLevel, ExpectationStatus, NotProcuredReason, Outcome } from "./events";
import { EXPECTATION_STATUSES, NOT_PROCURED_REASONS } from "./events";
import type { PilotPlan } from "./pilot";
import { EXIT_OVERDUE_DAYS, PURCHASE_DECISIONS, type PilotDecision } from "./pilot-exit";
import { addQuarters, compareQuarters, quarterOf, type Quarter } from "./quarters";
import { osloDate, toZonedLocal } from "./zoned-time";

// The public predictability scorecard (forutsigbarhet): how a buyer's declarations turned
// out. Plain facts in (already grouped by the database, each row with a `count`), figures
// out. The same functions serve one buyer's page and the sector overview.

export const SCORECARD_WINDOWS = [12, 36] as const;
export type ScorecardWindow = (typeof SCORECARD_WINDOWS)[number];

/** The window named in the URL (`?window=36`), 12 months for anything else. */
export function parseWindow(value: string | null | undefined): ScorecardWindow {
  return value === "36" ? 36 : 12;
}

/** "YYYY-MM" in Europe/Oslo. */
export type Month = string;

export interface WindowBounds {
  months: ScorecardWindow;
  /** The first month counted; the window is this month through the current one. */
  firstMonth: Month;
  lastMonth: Month;
  /** The quarters the first and the current month fall in. */
  firstQuarter: Quarter;
  lastQuarter: Quarter;
}

export function monthOf(instant: Date): Month {
  return toZonedLocal(instant).slice(0, 7);
}

function shiftMonth(month: Month, count: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function quarterOfMonth(month: Month): Quarter {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}` as Quarter;
}

/** The current Oslo month and the `months − 1` before it: 12 months at 2026-11-24 are 2025-12 … 2026-11. */
export function windowBounds(now: Date, months: ScorecardWindow): WindowBounds {
  const lastMonth = monthOf(now);
  const firstMonth = shiftMonth(lastMonth, -(months - 1));
  return { months, firstMonth, lastMonth, firstQuarter: quarterOfMonth(firstMonth), lastQuarter: quarterOf(now) };
}

export function inWindow(month: Month | null, bounds: WindowBounds): boolean {
  return month !== null && month >= bounds.firstMonth && month <= bounds.lastMonth;
}

function quarterInWindow(quarter: string, bounds: WindowBounds): boolean {
  return compareQuarters(quarter, bounds.firstQuarter) >= 0 && compareQuarters(quarter, bounds.lastQuarter) <= 0;
}

/** The median of values that occur `count` times each (null for none). */
export function weightedMedian(values: readonly { value: number; count: number }[]): number | null {
  const sorted = values.filter((v) => v.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, v) => sum + v.count, 0);
  if (total === 0) return null;
  // The value at a 0-based position in the sorted multiset.
  const at = (position: number) => {
    let seen = 0;
    for (const v of sorted) {
      seen += v.count;
      if (position < seen) return v.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

// --- Facts -------------------------------------------------------------------------------

/** Published events by the month they were published. */
export interface EffortFact {
  month: Month;
  effortLevel: EffortLevel;
  expectationStatus: ExpectationStatus | null;
  count: number;
}

/** Declared purchase expectations (events with any status but none, and a tender quarter). */
export interface ExpectationFact {
  status: ExpectationStatus;
  declaredQuarter: string;
  outcome: Outcome | null;
  /** The quarter of the contract date, for procured ones. */
  contractQuarter: string | null;
  count: number;
}

/** One procured expectation behind "Kjøpt mot erklært verdi", as the scorecard lists it (a ProcuredValueFact of its own). */
export interface ProcuredValueSource {
  id: string;
  title: string;
  status: Exclude<ExpectationStatus, "none">;
  declaredQuarter: string;
  declaredNok: number;
  procuredNok: number;
  ratio: number;
}

/** Procured expectations whose declared expected value and contract value are both known (issue 15). */
export interface ProcuredValueFact {
  status: ExpectationStatus;
  declaredQuarter: string;
  declaredNok: number;
  procuredNok: number;
  count: number;
}

/** Events with a declared purchase (not `none`) that ended not procured, by the month the outcome was recorded. */
export interface NotProcuredFact {
  month: Month;
  reason: NotProcuredReason;
  count: number;
}

/** Hours asked of vendors (hours per vendor × vendors taking part), hours vendors reported, contract value procured. */
export interface HoursFact {
  month: Month;
  kind: "requested" | "reported" | "procured";
  amount: number;
}

/**
 * A pilot, R&D partnership or innovation partnership that has ended: when, its purchase path,
 * and its exit record (the decision and whether every criterion was met), grouped.
 */
export interface PilotFact {
  /** YYYY-MM-DD */
  endedOn: string;
  plan: PilotPlan | null;
  /** The recorded decision, or null when no exit record exists. */
  decision: PilotDecision | null;
  /** Every criterion judged and met (false without an exit record). */
  criteriaMet: boolean;
  /** Paid for wholly or partly from outside the buyer's own budget (app/domain/pilot-funding.ts); absent: not known. */
  externallyFunded?: boolean;
  /** Money earmarked for the purchase after the pilot. */
  purchaseBudgeted?: boolean;
  count: number;
}

/** Published events that declared contract terms, by month published. */
export interface ContractFact {
  month: Month;
  baseMonths: number | null;
  optionMonths: number | null;
  horizonMonths: number | null;
  /** The vendors' depreciation period (migration 0059); absent: not stated. */
  depreciationMonths?: number | null;
  justified: boolean;
  count: number;
}

/** Answered questions by month answered, with the time to answer rounded to whole hours. */
export interface AnswerFact {
  month: Month;
  hours: number;
  count: number;
}

export interface MonthCount {
  month: Month;
  count: number;
}

/** Where a concern stands: the latest answer of the party it concerns. */
export const CONCERN_STATES = ["unanswered", "confirmed", "disputed"] as const;
export type ConcernState = (typeof CONCERN_STATES)[number];

/**
 * samspill, fairly: the days the party a concern is about has to answer it (confirm or
 * dispute) before the concern counts on its public scorecard. A vendor's one-sided concern
 * is shown at once as awaiting an answer, but counted only when answered or after this.
 */
export const CONCERN_ANSWER_DAYS = 14;

export interface ConcernFact {
  month: Month;
  /** Logged by others about the buyer, or by the buyer about others. */
  direction: "received" | "raised";
  state: ConcernState;
  /** The Oslo day the concern was logged (YYYY-MM-DD): the answer period runs from it. */
  recordedOn: string;
  count: number;
}

/** Counted publicly: answered, or left unanswered for CONCERN_ANSWER_DAYS full days. */
export function concernCounts({ state, recordedOn }: Pick<ConcernFact, "state" | "recordedOn">, today: string): boolean {
  return state !== "unanswered" || addDays(recordedOn, CONCERN_ANSWER_DAYS) <= today;
}

/** Dialogues whose outcome was recorded, by month, and whether the need was met in-house (not procured, reason in_house). */
export interface OutcomeFact {
  month: string;
  inHouse: boolean;
  count: number;
}

export interface ScorecardFacts {
  outcomes: OutcomeFact[];
  effort: EffortFact[];
  expectations: ExpectationFact[];
  procuredValues: ProcuredValueFact[];
  notProcured: NotProcuredFact[];
  hours: HoursFact[];
  pilots: PilotFact[];
  contracts: ContractFact[];
  answers: AnswerFact[];
  blockedAttempts: MonthCount[];
  /** Every published event, by the month it was published (what blocked attempts are measured against). */
  published: MonthCount[];
  concerns: ConcernFact[];
  /** Buyers in scope, and how many of them have adopted the code of conduct (now). */
  conduct: { buyers: number; adopted: number };
  /** Published events the buyer holds jointly as a co-buyer that accepted (issue 19), one row each. */
  joint: JointFact[];
}

export interface JointFact {
  month: Month;
  share: Share | null;
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  quantity: number | null;
}

// --- Figures -----------------------------------------------------------------------------

export type StatusOrUndeclared = ExpectationStatus | "undeclared";

export interface EffortFigure {
  events: number;
  byStatus: Record<StatusOrUndeclared, number>;
}

/** Events published in the window that asked vendors for effort (light or significant), by declared expectation. */
export function effortEvents(facts: readonly EffortFact[], bounds: WindowBounds): EffortFigure {
  const byStatus = Object.fromEntries([...EXPECTATION_STATUSES, "undeclared"].map((s) => [s, 0])) as Record<StatusOrUndeclared, number>;
  let events = 0;
  for (const f of facts) {
    if (f.effortLevel === "none" || !inWindow(f.month, bounds)) continue;
    events += f.count;
    byStatus[f.expectationStatus ?? "undeclared"] += f.count;
  }
  return { events, byStatus };
}

/** Quarters of grace after the declared tender quarter before an expectation counts as missed. */
export const GRACE_QUARTERS = 1;

/** The statuses that declare a purchase: all but none. */
const DECLARES_PURCHASE: ReadonlySet<ExpectationStatus> = new Set(EXPECTATION_STATUSES.filter((s) => s !== "none"));

export interface FulfilmentFigure {
  /** Decided: procured, ended otherwise, or past the declared quarter plus grace. */
  due: number;
  met: number;
  missed: number;
  /** Not yet decided and still within the declared quarter plus grace. */
  pending: number;
  /** Of the missed: events withdrawn. */
  withdrawn: number;
  /** met / due, null when nothing is due. */
  share: number | null;
  /** Median quarters from the declared quarter to the contract, over procured ones (early counts as 0). */
  medianSlipQuarters: number | null;
}

/**
 * forutsigbarhet: of the declared purchase expectations (committed, planned and uncertain)
 * whose declared tender quarter lies in the window, how many reached a recorded procurement by
 * the end of the quarter after it. Withdrawn and not-procured ones count as missed; ones still
 * within the grace period and without an outcome are pending and left out of the share. An
 * uncertain expectation counts too (issue 15): it declared a purchase vendors could plan for,
 * and leaving it out would let a buyer keep its share by calling every purchase uncertain.
 */
export function expectationFulfilment(facts: readonly ExpectationFact[], bounds: WindowBounds): FulfilmentFigure {
  const figure = { due: 0, met: 0, missed: 0, pending: 0, withdrawn: 0 };
  const slips: { value: number; count: number }[] = [];
  for (const f of facts) {
    if (!DECLARES_PURCHASE.has(f.status) || !quarterInWindow(f.declaredQuarter, bounds)) continue;
    const deadline = addQuarters(f.declaredQuarter, GRACE_QUARTERS);
    if (f.outcome === "procured" && f.contractQuarter) {
      const slip = Math.max(0, compareQuarterDistance(f.declaredQuarter, f.contractQuarter));
      slips.push({ value: slip, count: f.count });
      figure.due += f.count;
      if (compareQuarters(f.contractQuarter, deadline) <= 0) figure.met += f.count;
      else figure.missed += f.count;
    } else if (f.outcome === "not_procured" || f.outcome === "withdrawn") {
      figure.due += f.count;
      figure.missed += f.count;
      if (f.outcome === "withdrawn") figure.withdrawn += f.count;
    } else if (compareQuarters(bounds.lastQuarter, deadline) > 0) {
      figure.due += f.count;
      figure.missed += f.count;
    } else {
      figure.pending += f.count;
    }
  }
  return { ...figure, share: figure.due === 0 ? null : figure.met / figure.due, medianSlipQuarters: weightedMedian(slips) };
}

/** Whole quarters from a to b (negative when b is earlier). */
function compareQuarterDistance(a: string, b: string): number {
  const index = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6));
  return index(b) - index(a);
}

type DeclaringStatus = Exclude<ExpectationStatus, "none">;
const DECLARING_STATUSES = EXPECTATION_STATUSES.filter((s): s is DeclaringStatus => s !== "none");

export interface ValueTotals {
  events: number;
  declaredNok: number;
  procuredNok: number;
  /** Procured ÷ declared; null when nothing was declared. */
  ratio: number | null;
}

export interface ProcuredValueFigure extends ValueTotals {
  byStatus: Record<DeclaringStatus, ValueTotals>;
}

function totals(events: number, declaredNok: number, procuredNok: number): ValueTotals {
  return { events, declaredNok, procuredNok, ratio: declaredNok > 0 ? procuredNok / declaredNok : null };
}

/**
 * What was bought against what was declared: for every procured expectation (committed,
 * planned and uncertain alike) with its tender quarter in the window, the contract value
 * summed against the declared expected value, in all and per status.
 */
export function procuredAgainstDeclared(facts: readonly ProcuredValueFact[], bounds: WindowBounds): ProcuredValueFigure {
  const sums = Object.fromEntries(DECLARING_STATUSES.map((s) => [s, { events: 0, declared: 0, procured: 0 }])) as Record<DeclaringStatus, { events: number; declared: number; procured: number }>;
  for (const f of facts) {
    if (f.status === "none" || !quarterInWindow(f.declaredQuarter, bounds)) continue;
    const sum = sums[f.status];
    sum.events += f.count;
    sum.declared += f.declaredNok;
    sum.procured += f.procuredNok;
  }
  const all = Object.values(sums).reduce((a, b) => ({ events: a.events + b.events, declared: a.declared + b.declared, procured: a.procured + b.procured }), { events: 0, declared: 0, procured: 0 });
  const byStatus = Object.fromEntries(DECLARING_STATUSES.map((s) => [s, totals(sums[s].events, sums[s].declared, sums[s].procured)])) as Record<DeclaringStatus, ValueTotals>;
  return { ...totals(all.events, all.declared, all.procured), byStatus };
}

export interface NotProcuredFigure {
  total: number;
  byReason: Record<NotProcuredReason, number>;
}

/** Declared purchases recorded as not procured in the window, by the reason given. */
export function notProcuredByReason(facts: readonly NotProcuredFact[], bounds: WindowBounds): NotProcuredFigure {
  const byReason = Object.fromEntries(NOT_PROCURED_REASONS.map((r) => [r, 0])) as Record<NotProcuredReason, number>;
  let total = 0;
  for (const f of facts) {
    if (!inWindow(f.month, bounds)) continue;
    byReason[f.reason] += f.count;
    total += f.count;
  }
  return { total, byReason };
}

export interface InHouseFigure {
  /** Dialogues whose outcome was recorded in the window. */
  ended: number;
  /** Of those, the ones recorded as not procured because the need was met in-house. */
  inHouse: number;
  /** inHouse / ended, null when none ended. */
  share: number | null;
}

/** Issue 19 (rollebalanse): how often the buyer's dialogues ended with doing it itself. */
export function endedInHouse(facts: readonly OutcomeFact[], bounds: WindowBounds): InHouseFigure {
  let ended = 0;
  let inHouse = 0;
  for (const f of facts) {
    if (!inWindow(f.month, bounds)) continue;
    ended += f.count;
    if (f.inHouse) inHouse += f.count;
  }
  return { ended, inHouse, share: ended === 0 ? null : inHouse / ended };
}

export interface HoursFigure {
  requestedHours: number;
  reportedHours: number;
  procuredNok: number;
  /** Contract value procured per hour vendors reported; null without reported hours. */
  nokPerReportedHour: number | null;
}

/** næringsutvikling: the effort asked of vendors set against what the buyer then bought. */
export function hoursAgainstPurchases(facts: readonly HoursFact[], bounds: WindowBounds): HoursFigure {
  const sums = { requested: 0, reported: 0, procured: 0 };
  for (const f of facts) if (inWindow(f.month, bounds)) sums[f.kind] += f.amount;
  return {
    requestedHours: sums.requested,
    reportedHours: sums.reported,
    procuredNok: sums.procured,
    nokPerReportedHour: sums.reported > 0 ? Math.round(sums.procured / sums.reported) : null,
  };
}

export interface PilotFigure {
  /** Pilots, R&D and innovation partnerships that ended in the window. */
  ended: number;
  /** Of those, bought by an explicit link: a procurement or contract started, or the option exercised. */
  bought: number;
  /** næringsutvikling: every agreed criterion met, and still not bought (the heart of "pilotsyken"). */
  metButNotBought: number;
  /** Not bought for another reason, or with a criterion not met. */
  notBought: number;
  /** Extended or not yet decided. */
  open: number;
  /** Ended more than 90 days ago with no exit record ("mangler sluttføring"). */
  missingExit: number;
  /** Ended less than 90 days ago with no exit record yet. */
  awaitingExit: number;
  /** Pilots with a purchase option whose decision was taken (exercised or not bought), and of those, exercised. */
  optionsDecided: number;
  optionsExercised: number;
  /** næringsutvikling: ended pilots paid for (wholly or partly) from outside, and of those, with no budget for the purchase after them. */
  externallyFunded: number;
  externalWithoutPurchaseBudget: number;
}

/**
 * næringsutvikling: how the pilots that ended in the window ended, from their exit records
 * (issue 16). A follow-on purchase counts only by the explicit link the buyer recorded; the
 * old inference from a later procurement sharing a CPV code is gone.
 */
export function pilotFigures(facts: readonly PilotFact[], bounds: WindowBounds, today: string): PilotFigure {
  const figure: PilotFigure = { ended: 0, bought: 0, metButNotBought: 0, notBought: 0, open: 0, missingExit: 0, awaitingExit: 0, optionsDecided: 0, optionsExercised: 0, externallyFunded: 0, externalWithoutPurchaseBudget: 0 };
  const overdueBefore = addDays(today, -EXIT_OVERDUE_DAYS);
  for (const f of facts) {
    if (!inWindow(f.endedOn.slice(0, 7), bounds) || f.endedOn > today) continue;
    figure.ended += f.count;
    // næringsutvikling: outside money for the pilot with none set aside for the purchase (noPurchaseBudgetAfterPilot).
    if (f.externallyFunded) {
      figure.externallyFunded += f.count;
      if (!f.purchaseBudgeted) figure.externalWithoutPurchaseBudget += f.count;
    }
    if (f.decision === null) {
      if (f.endedOn < overdueBefore) figure.missingExit += f.count;
      else figure.awaitingExit += f.count;
      continue;
    }
    if (PURCHASE_DECISIONS.includes(f.decision)) figure.bought += f.count;
    else if (f.decision === "stopped") figure[f.criteriaMet ? "metButNotBought" : "notBought"] += f.count;
    else figure.open += f.count;
    if (f.plan === "purchase_option" && (f.decision === "option_exercised" || f.decision === "stopped")) {
      figure.optionsDecided += f.count;
      if (f.decision === "option_exercised") figure.optionsExercised += f.count;
    }
  }
  return figure;
}

export interface ShortContractFigure {
  /** Events in the window that declared the base period and the purpose's horizon or the vendors' depreciation period. */
  measured: number;
  /** Of those, a guaranteed base period shorter than the horizon or the depreciation period (options do not count). */
  short: number;
  /** Of the short ones, with a written justification. */
  justified: number;
}

/** kontraktsvalg: contracts whose guaranteed base period is shorter than their purpose or the vendors' write-off, and how many say why. */
export function shortContracts(facts: readonly ContractFact[], bounds: WindowBounds): ShortContractFigure {
  const figure = { measured: 0, short: 0, justified: 0 };
  for (const f of facts) {
    if (!inWindow(f.month, bounds)) continue;
    if (f.baseMonths === null || (f.horizonMonths === null && (f.depreciationMonths ?? null) === null)) continue;
    figure.measured += f.count;
    if (isShortContract(f)) {
      figure.short += f.count;
      if (f.justified) figure.justified += f.count;
    }
  }
  return figure;
}

export interface AnswerFigure {
  answered: number;
  medianHours: number | null;
}

/** Median hours from a vendor's question to the published answer, over questions answered in the window. */
export function answerTime(facts: readonly AnswerFact[], bounds: WindowBounds): AnswerFigure {
  const inside = facts.filter((f) => inWindow(f.month, bounds));
  return {
    answered: inside.reduce((sum, f) => sum + f.count, 0),
    medianHours: weightedMedian(inside.map((f) => ({ value: f.hours, count: f.count }))),
  };
}

export function countInWindow(facts: readonly MonthCount[], bounds: WindowBounds): number {
  return facts.reduce((sum, f) => sum + (inWindow(f.month, bounds) ? f.count : 0), 0);
}

/**
 * forutsigbarhet: refused attempts the rule counts (countsAsBlockedAttempt), per event
 * published in the window: one refusal on the way to ten events is not one refusal for one.
 */
export interface BlockedFigure {
  attempts: number;
  published: number;
  /** Attempts per published event; null when nothing was published (then `attempts` stands alone). */
  perEvent: number | null;
}

export function blockedPerPublished(facts: Pick<ScorecardFacts, "blockedAttempts" | "published">, bounds: WindowBounds): BlockedFigure {
  const attempts = countInWindow(facts.blockedAttempts, bounds);
  const published = countInWindow(facts.published, bounds);
  return { attempts, published, perEvent: published === 0 ? null : attempts / published };
}

export interface JointFigure {
  /** Events published in the window that the buyer holds as a co-buyer. */
  events: number;
  /** The same events counted for the buyer's share (40 % of one event counts 0.4); events whose share cannot be told count whole. */
  weightedEvents: number;
  /** The buyer's part of those events' budget frames (upper bound, NOK). */
  budgetMaxNok: number;
}

/** forutsigbarhet: a co-buyer's scorecard counts a joint event for the share it stated, not for the whole. */
export function jointFigure(facts: readonly JointFact[], bounds: WindowBounds): JointFigure {
  let events = 0;
  let weightedEvents = 0;
  let budgetMaxNok = 0;
  for (const f of facts) {
    if (!inWindow(f.month, bounds)) continue;
    const fraction = shareFraction(f.share, { budgetMinNok: f.budgetMinNok, budgetMaxNok: f.budgetMaxNok, quantity: f.quantity, unit: null });
    events += 1;
    weightedEvents += fraction ?? 1;
    if (f.budgetMaxNok !== null && fraction !== null) budgetMaxNok += Math.round(f.budgetMaxNok * fraction);
  }
  return { events, weightedEvents: Math.round(weightedEvents * 100) / 100, budgetMaxNok };
}

export interface ConductFigure {
  buyers: number;
  adopted: number;
  /** Counted concerns (see concernCounts). */
  concernsReceived: number;
  concernsRaised: number;
  /** Concerns about the buyer in the window by state, counted ones only … */
  received: Record<ConcernState, number>;
  /** … and those still inside the answer period, shown but not counted. */
  receivedAwaitingAnswer: number;
}

export function conductFigure(facts: Pick<ScorecardFacts, "concerns" | "conduct">, bounds: WindowBounds, today: string): ConductFigure {
  let concernsRaised = 0;
  let receivedAwaitingAnswer = 0;
  const received = Object.fromEntries(CONCERN_STATES.map((state) => [state, 0])) as Record<ConcernState, number>;
  for (const f of facts.concerns) {
    if (!inWindow(f.month, bounds)) continue;
    const counted = concernCounts(f, today);
    if (f.direction === "raised") concernsRaised += counted ? f.count : 0;
    else if (counted) received[f.state] += f.count;
    else receivedAwaitingAnswer += f.count;
  }
  const concernsReceived = CONCERN_STATES.reduce((sum, state) => sum + received[state], 0);
  return { ...facts.conduct, concernsReceived, concernsRaised, received, receivedAwaitingAnswer };
}

export interface Scorecard {
  window: WindowBounds;
  effort: EffortFigure;
  fulfilment: FulfilmentFigure;
  procuredValue: ProcuredValueFigure;
  notProcured: NotProcuredFigure;
  inHouse: InHouseFigure;
  hours: HoursFigure;
  pilots: PilotFigure;
  contracts: ShortContractFigure;
  answers: AnswerFigure;
  blockedAttempts: BlockedFigure;
  conduct: ConductFigure;
  joint: JointFigure;
}

/** Every figure of the scorecard for one window. */
export function computeScorecard(facts: ScorecardFacts, now: Date, months: ScorecardWindow): Scorecard {
  const bounds = windowBounds(now, months);
  const today = osloDate(now);
  return {
    window: bounds,
    effort: effortEvents(facts.effort, bounds),
    fulfilment: expectationFulfilment(facts.expectations, bounds),
    procuredValue: procuredAgainstDeclared(facts.procuredValues, bounds),
    notProcured: notProcuredByReason(facts.notProcured, bounds),
    inHouse: endedInHouse(facts.outcomes, bounds),
    hours: hoursAgainstPurchases(facts.hours, bounds),
    pilots: pilotFigures(facts.pilots, bounds, today),
    contracts: shortContracts(facts.contracts, bounds),
    answers: answerTime(facts.answers, bounds),
    blockedAttempts: blockedPerPublished(facts, bounds),
    conduct: conductFigure(facts, bounds, today),
    joint: jointFigure(facts.joint, bounds),
  };
}

/** Facts with nothing in them: a buyer that has not published yet. */
export function emptyFacts(): ScorecardFacts {
  return { outcomes: [], effort: [], expectations: [], procuredValues: [], notProcured: [], hours: [], pilots: [], contracts: [], answers: [], blockedAttempts: [], published: [], concerns: [], conduct: { buyers: 0, adopted: 0 }, joint: [] };
}
