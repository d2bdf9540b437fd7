import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "~/domain/events";
import { checkOptionWindow, checkPilotPath, EMPTY_PILOT_PATH, needsPilotTerms, purchaseBudgetStatus, type AcceptanceCriterion, type PilotPath } from "~/domain/pilot";

const criterion: AcceptanceCriterion = {
  measure: "Andel henvisninger vurdert innen fristen",
  threshold: "Minst 95 %",
  method: "Uttrekk fra PAS etter seks måneder",
  judgedBy: "Klinikkleder og leverandøren",
};
// What each vendor is expected to put in: required of every pilot, so each fixture states it.
const STATED = { ...EMPTY_PILOT_PATH, vendorInvestmentHours: 40 };
const decided = { budgetEarmarked: true, budgetSource: "Økonomiplan 2028", deciderRole: "Direktør", deciderOrganisation: "Innlandsdal sykehus HF" };
const followOn: PilotPath = { ...STATED, ...decided, acceptanceCriteria: [criterion], plan: "follow_on_procurement", quarter: "2028-Q1", budgetNok: 8_000_000 };
const option: PilotPath = {
  ...STATED,
  ...decided,
  acceptanceCriteria: [criterion, { ...criterion, measure: "Brukertilfredshet" }],
  plan: "purchase_option",
  budgetEarmarked: false,
  budgetSource: null,
  optionMaxPriceNok: 3_000_000,
  optionWindowFrom: "2027-Q3",
  optionWindowTo: "2027-Q4",
};
const nonePlanned: PilotPath = { ...STATED, acceptanceCriteria: [criterion], plan: "none_planned" };

describe("acceptance criteria and the purchase path", () => {
  it("asks them of pilots, R&D partnerships and innovation partnerships, and of nothing else", () => {
    expect(EVENT_KINDS.filter((kind) => needsPilotTerms(kind, null))).toEqual(["pilot", "rnd_partnership"]);
    expect(needsPilotTerms("rfi", "innovation_partnership")).toBe(true);
    expect(needsPilotTerms("rfi", "framework_agreement")).toBe(false);
    for (const kind of EVENT_KINDS.filter((k) => k !== "pilot" && k !== "rnd_partnership")) {
      expect(checkPilotPath({ kind, pilotPath: null })).toEqual({ ok: true });
    }
  });

  it("refuses a pilot that names no criterion and no path, naming both", () => {
    const expected = {
      ok: false,
      problems: [
        { path: "pilotPath.acceptanceCriteria", code: "acceptance_criteria_required" },
        { path: "pilotPath.plan", code: "purchase_path_required" },
        { path: "pilotPath.vendorInvestmentHours", code: "vendor_investment_required" },
      ],
    };
    expect(checkPilotPath({ kind: "pilot", pilotPath: null })).toEqual(expected);
    expect(checkPilotPath({ kind: "rnd_partnership", pilotPath: EMPTY_PILOT_PATH })).toEqual(expected);
    expect(checkPilotPath({ kind: "rfi", contractForm: "innovation_partnership", pilotPath: null })).toEqual(expected);
  });

  it("accepts a pilot that honestly plans no purchase, with a criterion", () => {
    expect(checkPilotPath({ kind: "pilot", pilotPath: nonePlanned })).toEqual({ ok: true });
  });

  it("names each blank part of each criterion, invisible characters counting as blank", () => {
    const blanks = [criterion, { measure: "Svartid", threshold: "\u200b ", method: "", judgedBy: "Fagleder" }];
    expect(checkPilotPath({ kind: "pilot", pilotPath: { ...nonePlanned, acceptanceCriteria: blanks } })).toEqual({
      ok: false,
      problems: [
        { path: "pilotPath.acceptanceCriteria.1.threshold", code: "criterion_part_required" },
        { path: "pilotPath.acceptanceCriteria.1.method", code: "criterion_part_required" },
      ],
    });
  });

  it("refuses more than ten criteria", () => {
    const eleven = Array.from({ length: 11 }, () => criterion);
    expect(checkPilotPath({ kind: "pilot", pilotPath: { ...nonePlanned, acceptanceCriteria: eleven } })).toEqual({
      ok: false,
      problems: [{ path: "pilotPath.acceptanceCriteria", code: "too_many" }],
    });
  });

  it("accepts a follow-on procurement with quarter, value, earmarked money and its source, and who decides", () => {
    expect(checkPilotPath({ kind: "pilot", pilotPath: followOn })).toEqual({ ok: true });
    expect(checkPilotPath({ kind: "pilot", pilotPath: { ...followOn, budgetEarmarked: false, budgetSource: null } })).toEqual({ ok: true });
  });

  it("refuses a follow-on procurement that says nothing of when, how much, whose money and who decides", () => {
    const bare = { ...STATED, acceptanceCriteria: [criterion], plan: "follow_on_procurement" } as const;
    expect(checkPilotPath({ kind: "pilot", pilotPath: bare })).toEqual({
      ok: false,
      problems: [
        { path: "pilotPath.quarter", code: "pilot_path_quarter_required" },
        { path: "pilotPath.budgetNok", code: "pilot_path_budget_required" },
        { path: "pilotPath.budgetEarmarked", code: "budget_earmarked_required" },
        { path: "pilotPath.deciderRole", code: "decider_required" },
        { path: "pilotPath.deciderOrganisation", code: "decider_required" },
      ],
    });
  });

  it.each([
    [{ quarter: "2028-Q5" }, "pilotPath.quarter", "pilot_path_quarter_required"],
    [{ budgetNok: 0 }, "pilotPath.budgetNok", "pilot_path_budget_required"],
    [{ budgetNok: -1 }, "pilotPath.budgetNok", "must_not_be_negative"],
    [{ budgetSource: " " }, "pilotPath.budgetSource", "budget_source_required"],
    [{ deciderOrganisation: "\u2060" }, "pilotPath.deciderOrganisation", "decider_required"],
  ])("refuses a follow-on procurement with %j", (changes, path, code) => {
    expect(checkPilotPath({ kind: "pilot", pilotPath: { ...followOn, ...changes } })).toEqual({ ok: false, problems: [{ path, code }] });
  });

  it("accepts an innovation partnership's purchase option with a ceiling, a window and no money set aside", () => {
    expect(checkPilotPath({ kind: "rnd_partnership", contractForm: "innovation_partnership", pilotPath: option })).toEqual({ ok: true });
  });

  it.each([
    [{ optionMaxPriceNok: null }, "pilotPath.optionMaxPriceNok", "option_max_price_required"],
    [{ optionMaxPriceNok: -1 }, "pilotPath.optionMaxPriceNok", "must_not_be_negative"],
    [{ optionWindowFrom: null }, "pilotPath.optionWindowFrom", "option_window_required"],
    [{ optionWindowTo: "2027" }, "pilotPath.optionWindowTo", "option_window_required"],
    [{ optionWindowTo: "2027-Q2" }, "pilotPath.optionWindowTo", "option_window_order"],
    [{ budgetEarmarked: null }, "pilotPath.budgetEarmarked", "budget_earmarked_required"],
  ])("refuses a purchase option with %j", (changes, path, code) => {
    expect(checkPilotPath({ kind: "pilot", pilotPath: { ...option, ...changes } })).toEqual({ ok: false, problems: [{ path, code }] });
  });

  it("refuses an option window that ended before the current quarter (Oslo time), and accepts one ending in it", () => {
    const inQ4 = new Date("2027-12-31T23:30:00Z"); // already 2028-Q1 in Oslo
    expect(checkOptionWindow(option, { now: new Date("2027-12-31T12:00:00Z") })).toEqual({ ok: true });
    expect(checkOptionWindow(option, { now: inQ4 })).toEqual({ ok: false, problems: [{ path: "pilotPath.optionWindowTo", code: "option_window_in_past" }] });
    expect(checkOptionWindow(followOn, { now: inQ4 })).toEqual({ ok: true });
  });

  it("tells vendors whether the purchase is budgeted", () => {
    expect(purchaseBudgetStatus(option)).toBe("not_budgeted");
    expect(purchaseBudgetStatus(followOn)).toBe("budgeted");
    expect(purchaseBudgetStatus({ ...followOn, budgetEarmarked: null })).toBe("not_budgeted");
    expect(purchaseBudgetStatus(nonePlanned)).toBeNull();
  });
});
