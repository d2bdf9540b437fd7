import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "~/domain/events";
import { checkPilotPath, type PilotPath } from "~/domain/pilot";

const followOn: PilotPath = { plan: "follow_on_procurement", quarter: "2028-Q1", budgetNok: 8_000_000 };

describe("a pilot's path to purchase", () => {
  it("refuses a pilot that does not say whether a purchase may follow", () => {
    const expected = { ok: false, problems: [{ path: "pilotPath.plan", code: "pilot_path_required" }] };
    expect(checkPilotPath({ kind: "pilot", pilotPath: null })).toEqual(expected);
    expect(checkPilotPath({ kind: "pilot", pilotPath: { plan: null, quarter: null, budgetNok: null } })).toEqual(expected);
  });

  it("accepts a pilot that honestly plans no purchase", () => {
    expect(checkPilotPath({ kind: "pilot", pilotPath: { plan: "none_planned", quarter: null, budgetNok: null } })).toEqual({
      ok: true,
    });
  });

  it("accepts a follow-on procurement with a quarter and a budget", () => {
    expect(checkPilotPath({ kind: "pilot", pilotPath: followOn })).toEqual({ ok: true });
  });

  it("refuses a follow-on procurement without quarter and budget, naming both", () => {
    expect(checkPilotPath({ kind: "pilot", pilotPath: { ...followOn, quarter: null, budgetNok: null } })).toEqual({
      ok: false,
      problems: [
        { path: "pilotPath.quarter", code: "pilot_path_quarter_required" },
        { path: "pilotPath.budgetNok", code: "pilot_path_budget_required" },
      ],
    });
  });

  it.each([
    [{ quarter: "2028-Q5" }, "pilotPath.quarter", "pilot_path_quarter_required"],
    [{ quarter: "2028" }, "pilotPath.quarter", "pilot_path_quarter_required"],
    [{ budgetNok: 0 }, "pilotPath.budgetNok", "pilot_path_budget_required"],
    [{ budgetNok: -1 }, "pilotPath.budgetNok", "must_not_be_negative"],
  ])("refuses a follow-on procurement with %j", (changes, path, code) => {
    expect(checkPilotPath({ kind: "pilot", pilotPath: { ...followOn, ...changes } })).toEqual({
      ok: false,
      problems: [{ path, code }],
    });
  });

  it.each(EVENT_KINDS.filter((kind) => kind !== "pilot"))("asks no pilot path of a %s", (kind) => {
    expect(checkPilotPath({ kind, pilotPath: null })).toEqual({ ok: true });
  });
});
