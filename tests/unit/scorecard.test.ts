import { describe, expect, it } from "vitest";
import {
  answerTime,
  computeScorecard,
  CONCERN_ANSWER_DAYS,
  conductFigure,
  countInWindow,
  effortEvents,
  emptyFacts,
  expectationFulfilment,
  hoursAgainstPurchases,
  inWindow,
  notProcuredByReason,
  parseWindow,
  pilotFigures,
  procuredAgainstDeclared,
  type PilotFact,
  shortContracts,
  weightedMedian,
  windowBounds,
  type ExpectationFact,
} from "~/domain/scorecard";

// 24 November 2026, midday in Oslo: the 12-month window is 2025-12 … 2026-11 (2025-Q4 … 2026-Q4).
const NOW = new Date("2026-11-24T11:00:00Z");
const TODAY = "2026-11-24";
const w12 = windowBounds(NOW, 12);
const w36 = windowBounds(NOW, 36);

describe("scorecard windows", () => {
  it("counts the current Oslo month and the 11 or 35 before it", () => {
    expect(w12).toEqual({ months: 12, firstMonth: "2025-12", lastMonth: "2026-11", firstQuarter: "2025-Q4", lastQuarter: "2026-Q4" });
    expect(w36).toEqual({ months: 36, firstMonth: "2023-12", lastMonth: "2026-11", firstQuarter: "2023-Q4", lastQuarter: "2026-Q4" });
  });

  it("includes the first month and leaves the month before it out", () => {
    expect(inWindow("2025-12", w12)).toBe(true);
    expect(inWindow("2025-11", w12)).toBe(false);
    expect(inWindow("2023-12", w36)).toBe(true);
    expect(inWindow("2023-11", w36)).toBe(false);
    expect(inWindow("2026-12", w12)).toBe(false);
    expect(inWindow(null, w12)).toBe(false);
  });

  it("reads the month in Oslo: 31 December 23:30 UTC is already January", () => {
    expect(windowBounds(new Date("2026-12-31T23:30:00Z"), 12).lastMonth).toBe("2027-01");
    expect(windowBounds(new Date("2026-12-31T23:30:00Z"), 12).firstMonth).toBe("2026-02");
  });

  it("takes 36 from the URL and 12 for anything else", () => {
    expect(parseWindow("36")).toBe(36);
    expect(parseWindow("12")).toBe(12);
    expect(parseWindow("24")).toBe(12);
    expect(parseWindow(null)).toBe(12);
  });
});

describe("weighted median", () => {
  it("takes the middle value of an odd count", () => {
    expect(weightedMedian([{ value: 5, count: 1 }, { value: 1, count: 1 }, { value: 3, count: 1 }])).toBe(3);
  });
  it("averages the two middle values of an even count", () => {
    expect(weightedMedian([{ value: 1, count: 1 }, { value: 4, count: 1 }, { value: 2, count: 1 }, { value: 10, count: 1 }])).toBe(3);
  });
  it("counts each value as often as its weight", () => {
    // 0, 0, 0, 2 → (0 + 0) / 2
    expect(weightedMedian([{ value: 2, count: 1 }, { value: 0, count: 3 }])).toBe(0);
    // 1, 1, 3, 3 → 2
    expect(weightedMedian([{ value: 3, count: 2 }, { value: 1, count: 2 }])).toBe(2);
  });
  it("has no median without values", () => {
    expect(weightedMedian([])).toBeNull();
    expect(weightedMedian([{ value: 4, count: 0 }])).toBeNull();
  });
});

describe("events asking vendor effort", () => {
  it("counts events with light or significant effort by declared expectation, in the window only", () => {
    const figure = effortEvents(
      [
        { month: "2026-03", effortLevel: "significant", expectationStatus: "committed", count: 2 },
        { month: "2025-12", effortLevel: "light", expectationStatus: "none", count: 1 },
        { month: "2026-01", effortLevel: "light", expectationStatus: null, count: 1 },
        { month: "2026-01", effortLevel: "none", expectationStatus: null, count: 7 },
        { month: "2025-11", effortLevel: "significant", expectationStatus: "planned", count: 4 },
      ],
      w12,
    );
    expect(figure).toEqual({ events: 4, byStatus: { committed: 2, planned: 0, uncertain: 0, none: 1, undeclared: 1 } });
    expect(effortEvents([{ month: "2025-11", effortLevel: "significant", expectationStatus: "planned", count: 4 }], w36).byStatus.planned).toBe(4);
  });
});

describe("expectations that reached a procurement", () => {
  const fact = (over: Partial<ExpectationFact>): ExpectationFact => ({
    status: "committed",
    declaredQuarter: "2026-Q1",
    outcome: null,
    contractQuarter: null,
    count: 1,
    ...over,
  });

  it("counts a procurement in the declared quarter or the one after as met, later as missed", () => {
    const figure = expectationFulfilment(
      [
        fact({ outcome: "procured", contractQuarter: "2026-Q1" }), // slip 0, met
        fact({ status: "planned", outcome: "procured", contractQuarter: "2026-Q2" }), // slip 1, met (grace)
        fact({ outcome: "procured", contractQuarter: "2026-Q3" }), // slip 2, missed
        fact({ outcome: "procured", contractQuarter: "2025-Q4" }), // early: slip 0, met
      ],
      w12,
    );
    expect(figure).toEqual({ due: 4, met: 3, missed: 1, pending: 0, withdrawn: 0, share: 0.75, medianSlipQuarters: 0.5 });
  });

  it("counts withdrawn and not procured as missed, and no outcome after the grace quarter as missed", () => {
    const figure = expectationFulfilment(
      [
        fact({ outcome: "withdrawn" }),
        fact({ outcome: "not_procured", declaredQuarter: "2026-Q4" }),
        fact({ declaredQuarter: "2026-Q2" }), // grace ended with 2026-Q3: missed
        fact({ declaredQuarter: "2026-Q3" }), // grace runs to the end of 2026-Q4: pending
      ],
      w12,
    );
    expect(figure).toEqual({ due: 3, met: 0, missed: 3, pending: 1, withdrawn: 1, share: 0, medianSlipQuarters: null });
  });

  it("counts an uncertain expectation like a committed or planned one: it declared a purchase too (issue 15)", () => {
    const figure = expectationFulfilment(
      [
        fact({ status: "uncertain", outcome: "procured", contractQuarter: "2026-Q1" }), // met
        fact({ status: "uncertain", outcome: "not_procured" }), // missed
        fact({ status: "uncertain", declaredQuarter: "2026-Q2" }), // no outcome after the grace quarter: missed
        fact({ status: "uncertain", declaredQuarter: "2026-Q4" }), // pending
      ],
      w12,
    );
    expect(figure).toEqual({ due: 3, met: 1, missed: 2, pending: 1, withdrawn: 0, share: 1 / 3, medianSlipQuarters: 0 });
  });

  it("leaves expectation none out, and quarters outside the window", () => {
    const figure = expectationFulfilment(
      [
        fact({ status: "none", outcome: "procured", contractQuarter: "2026-Q1" }),
        fact({ declaredQuarter: "2025-Q3", outcome: "procured", contractQuarter: "2025-Q3" }),
        fact({ status: "uncertain", declaredQuarter: "2025-Q3", outcome: "procured", contractQuarter: "2025-Q3" }),
      ],
      w12,
    );
    expect(figure).toEqual({ due: 0, met: 0, missed: 0, pending: 0, withdrawn: 0, share: null, medianSlipQuarters: null });
    // The first quarter of the window counts; 2025-Q3 is in the 36-month window.
    expect(expectationFulfilment([fact({ declaredQuarter: "2025-Q4", outcome: "procured", contractQuarter: "2025-Q4" })], w12).met).toBe(1);
    expect(expectationFulfilment([fact({ declaredQuarter: "2025-Q3", outcome: "procured", contractQuarter: "2025-Q3" })], w36).met).toBe(1);
  });

  it("has nothing due when no outcomes are recorded yet and the quarters have not passed", () => {
    expect(expectationFulfilment([fact({ declaredQuarter: "2026-Q4", count: 5 })], w12)).toEqual({
      due: 0,
      met: 0,
      missed: 0,
      pending: 5,
      withdrawn: 0,
      share: null,
      medianSlipQuarters: null,
    });
  });

  it("weighs grouped rows by their count in the share and the median slip", () => {
    const figure = expectationFulfilment(
      [fact({ outcome: "procured", contractQuarter: "2026-Q1", count: 3 }), fact({ outcome: "procured", contractQuarter: "2026-Q4", count: 2 })],
      w12,
    );
    // slips 0, 0, 0, 3, 3 → median 0; met 3 of 5
    expect(figure.share).toBe(0.6);
    expect(figure.medianSlipQuarters).toBe(0);
  });
});

describe("declared purchases that ended not procured", () => {
  it("counts them by reason, in the window only", () => {
    expect(
      notProcuredByReason(
        [
          { month: "2026-02", reason: "budget_withdrawn", count: 2 },
          { month: "2026-11", reason: "postponed", count: 1 },
          { month: "2025-11", reason: "cancelled", count: 9 },
        ],
        w12,
      ),
    ).toEqual({ total: 3, byReason: { in_house: 0, budget_withdrawn: 2, no_suitable_solution: 0, postponed: 1, cancelled: 0 } });
  });
  it("is all zeros without outcomes", () => {
    expect(notProcuredByReason([], w12).total).toBe(0);
  });
});

describe("hours asked against purchases", () => {
  it("sums requested and reported hours and procured value, with value per reported hour", () => {
    expect(
      hoursAgainstPurchases(
        [
          { month: "2026-01", kind: "requested", amount: 120 },
          { month: "2026-02", kind: "reported", amount: 100 },
          { month: "2026-02", kind: "reported", amount: 60 },
          { month: "2026-05", kind: "procured", amount: 1_600_000 },
          { month: "2025-10", kind: "procured", amount: 9_000_000 },
        ],
        w12,
      ),
    ).toEqual({ requestedHours: 120, reportedHours: 160, procuredNok: 1_600_000, nokPerReportedHour: 10_000 });
  });
  it("has no value per hour when no hours were reported", () => {
    expect(hoursAgainstPurchases([{ month: "2026-05", kind: "procured", amount: 500 }], w12).nokPerReportedHour).toBeNull();
  });
});

describe("pilot figures from exit records", () => {
  const fact = (endedOn: string, decision: PilotFact["decision"], extra: Partial<PilotFact> = {}): PilotFact => ({ endedOn, plan: "none_planned", decision, criteriaMet: false, count: 1, ...extra });
  it("sorts the pilots that ended in the window by their recorded decision", () => {
    const figure = pilotFigures(
      [
        fact("2026-03-01", "stopped", { criteriaMet: true, plan: "purchase_option", count: 2 }), // met, option not exercised
        fact("2026-04-01", "option_exercised", { criteriaMet: true, plan: "purchase_option" }),
        fact("2026-05-01", "purchase_started", { criteriaMet: true }),
        fact("2026-05-02", "stopped"), // a criterion not met
        fact("2026-06-01", "extended", { criteriaMet: true }),
        fact("2026-07-01", null), // no exit record, 146 days ago: missing
        fact("2026-10-01", null), // no exit record, 54 days ago: awaiting
        fact("2025-01-01", "stopped", { criteriaMet: true }), // ended before the 12-month window
      ],
      w12,
      TODAY,
    );
    expect(figure).toEqual({ ended: 8, bought: 2, metButNotBought: 2, notBought: 1, open: 1, missingExit: 1, awaitingExit: 1, optionsDecided: 3, optionsExercised: 1, externallyFunded: 0, externalWithoutPurchaseBudget: 0 });
    expect(pilotFigures([fact("2025-01-01", "stopped", { criteriaMet: true })], w36, TODAY).metButNotBought).toBe(1);
  });

  it("counts an exit record as missing from the 91st day", () => {
    expect(pilotFigures([fact("2026-08-26", null)], w12, TODAY)).toMatchObject({ awaitingExit: 1, missingExit: 0 }); // 90 days
    expect(pilotFigures([fact("2026-08-25", null)], w12, TODAY)).toMatchObject({ awaitingExit: 0, missingExit: 1 }); // 91 days
  });

  it("leaves out a pilot that has not ended, and an option still open", () => {
    expect(pilotFigures([fact("2026-12-01", null), fact("2026-05-01", "undecided", { plan: "purchase_option" })], w12, TODAY)).toMatchObject({ ended: 1, open: 1, optionsDecided: 0 });
  });
});


describe("short contracts", () => {
  it("counts a guaranteed base period shorter than the horizon or the depreciation, options left out, and the justified ones", () => {
    expect(
      shortContracts(
        [
          { month: "2026-01", baseMonths: 24, optionMonths: 12, horizonMonths: 60, justified: true, count: 1 }, // 24 < 60
          { month: "2026-02", baseMonths: 24, optionMonths: null, horizonMonths: 48, justified: false, count: 2 }, // short, unjustified
          { month: "2026-03", baseMonths: 48, optionMonths: 12, horizonMonths: 60, justified: false, count: 1 }, // 48 < 60: the options do not count
          { month: "2026-03", baseMonths: 12, optionMonths: 108, horizonMonths: 120, justified: false, count: 1 }, // short for all its options
          { month: "2026-04", baseMonths: 60, optionMonths: 0, horizonMonths: 60, justified: false, count: 1 }, // 60 = 60: not short
          { month: "2026-04", baseMonths: 60, optionMonths: 0, horizonMonths: 60, depreciationMonths: 84, justified: true, count: 1 }, // shorter than the write-off
          { month: "2026-04", baseMonths: 36, optionMonths: 0, horizonMonths: null, depreciationMonths: 36, justified: false, count: 1 }, // measured by depreciation alone
          { month: "2026-03", baseMonths: null, optionMonths: null, horizonMonths: 60, justified: false, count: 1 }, // not measurable
          { month: "2025-11", baseMonths: 12, optionMonths: 0, horizonMonths: 60, justified: true, count: 1 }, // outside
        ],
        w12,
      ),
    ).toEqual({ measured: 8, short: 6, justified: 2 });
  });
});

describe("time to answer questions", () => {
  it("takes the median hours over questions answered in the window", () => {
    expect(
      answerTime(
        [
          { month: "2026-01", hours: 2, count: 1 },
          { month: "2026-02", hours: 30, count: 1 },
          { month: "2026-03", hours: 8, count: 2 },
          { month: "2025-01", hours: 500, count: 1 },
        ],
        w12,
      ),
    ).toEqual({ answered: 4, medianHours: 8 });
    expect(answerTime([], w12)).toEqual({ answered: 0, medianHours: null });
  });
});

describe("blocked publish attempts and conduct", () => {
  it("counts blocked attempts and concerns in the window", () => {
    expect(countInWindow([{ month: "2026-11", count: 2 }, { month: "2025-11", count: 5 }], w12)).toBe(2);
    const concern = (month: string, direction: "received" | "raised", state: "unanswered" | "confirmed" | "disputed", recordedOn: string, count: number) => ({ month, direction, state, recordedOn, count });
    expect(
      conductFigure(
        {
          concerns: [
            concern("2026-06", "received", "disputed", "2026-06-02", 2),
            concern("2026-06", "received", "unanswered", "2026-06-02", 1),
            concern("2026-06", "raised", "confirmed", "2026-06-02", 1),
            concern("2024-01", "received", "confirmed", "2024-01-02", 4),
            // Logged 13 days before "today": still in its answer period; 14 days: counted.
            concern("2026-11", "received", "unanswered", "2026-11-11", 5),
            concern("2026-11", "received", "unanswered", "2026-11-10", 7),
          ],
          conduct: { buyers: 1, adopted: 1 },
        },
        w12,
        "2026-11-24",
      ),
    ).toEqual({ buyers: 1, adopted: 1, concernsReceived: 10, concernsRaised: 1, received: { unanswered: 8, confirmed: 0, disputed: 2 }, receivedAwaitingAnswer: 5 });
    expect(CONCERN_ANSWER_DAYS).toBe(14);
  });
});

describe("the whole scorecard", () => {
  it("is all zeros and nulls for a buyer with no events", () => {
    const card = computeScorecard(emptyFacts(), NOW, 36);
    expect(card.window.months).toBe(36);
    expect(card.effort.events).toBe(0);
    expect(card.fulfilment.share).toBeNull();
    expect(card.hours).toEqual({ requestedHours: 0, reportedHours: 0, procuredNok: 0, nokPerReportedHour: null });
    expect(card.pilots).toEqual({ ended: 0, bought: 0, metButNotBought: 0, notBought: 0, open: 0, missingExit: 0, awaitingExit: 0, optionsDecided: 0, optionsExercised: 0, externallyFunded: 0, externalWithoutPurchaseBudget: 0 });
    expect(card.answers.medianHours).toBeNull();
    expect(card.blockedAttempts).toEqual({ attempts: 0, published: 0, perEvent: null });
    expect(card.conduct).toEqual({ buyers: 0, adopted: 0, concernsReceived: 0, concernsRaised: 0, received: { unanswered: 0, confirmed: 0, disputed: 0 }, receivedAwaitingAnswer: 0 });
  });
});

describe("procured against declared value (issue 15)", () => {
  const bounds = windowBounds(new Date("2026-11-24T12:00:00Z"), 12);
  it("sums contract values against declared values for every declaring status, leaving out quarters outside the window", () => {
    const figure = procuredAgainstDeclared(
      [
        { status: "committed", declaredQuarter: "2026-Q1", declaredNok: 10_000_000, procuredNok: 3_000_000, count: 1 },
        { status: "uncertain", declaredQuarter: "2026-Q2", declaredNok: 2_000_000, procuredNok: 2_000_000, count: 2 },
        { status: "planned", declaredQuarter: "2024-Q1", declaredNok: 5_000_000, procuredNok: 5_000_000, count: 1 },
      ],
      bounds,
    );
    expect(figure).toMatchObject({ events: 3, declaredNok: 12_000_000, procuredNok: 5_000_000 });
    expect(figure.ratio).toBeCloseTo(5 / 12);
    expect(figure.byStatus.committed.ratio).toBeCloseTo(0.3);
    expect(figure.byStatus.uncertain).toEqual({ events: 2, declaredNok: 2_000_000, procuredNok: 2_000_000, ratio: 1 });
    expect(figure.byStatus.planned).toEqual({ events: 0, declaredNok: 0, procuredNok: 0, ratio: null });
  });
  it("has no ratio when nothing was declared", () => {
    expect(procuredAgainstDeclared([], bounds)).toMatchObject({ events: 0, ratio: null });
  });
});
