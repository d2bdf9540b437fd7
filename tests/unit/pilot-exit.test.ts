import { describe, expect, it } from "vitest";
import { allCriteriaMet, checkExitResponse, checkPilotExit, exitOutcome, exitOverdue, metButNotBought, normalisePilotExit, type PilotExit } from "~/domain/pilot-exit";
import { PilotExitSchema } from "~/domain/pilot-exit-forms";
import { problemsOf } from "~/domain/problems";

const met = { result: "met" as const, note: null };
const notMet = { result: "not_met" as const, note: "2 av 5 brukere" };
const unassessed = { result: "not_assessed" as const, note: null };

const exit = (extra: Partial<PilotExit> = {}): PilotExit => ({
  results: [met, met],
  decision: "stopped",
  stopReason: "no_budget",
  stopReasonText: null,
  followOnEventId: null,
  contractId: null,
  ...extra,
});
const codes = (e: PilotExit, plan: "purchase_option" | "follow_on_procurement" | "none_planned" = "purchase_option", criteria = 2) =>
  problemsOf(checkPilotExit(e, { criteria, plan })).map((p) => `${p.path}:${p.code}`);

describe("metButNotBought", () => {
  it("is a stopped pilot whose every criterion was met", () => {
    expect(metButNotBought(exit())).toBe(true);
  });
  it("is not a pilot with one criterion not met or not assessed", () => {
    expect(metButNotBought(exit({ results: [met, notMet], stopReason: "criteria_not_met" }))).toBe(false);
    expect(metButNotBought(exit({ results: [met, unassessed] }))).toBe(false);
  });
  it("is not a bought, extended or undecided pilot", () => {
    for (const decision of ["purchase_started", "option_exercised", "extended", "undecided"] as const) expect(metButNotBought(exit({ decision }))).toBe(false);
  });
  it("needs at least one criterion", () => {
    expect(allCriteriaMet([])).toBe(false);
    expect(metButNotBought(exit({ results: [] }))).toBe(false);
  });
});

describe("exitOutcome", () => {
  it("sorts an exit into bought, met but not bought, not met, or open", () => {
    expect(exitOutcome(exit({ decision: "option_exercised" }))).toBe("bought");
    expect(exitOutcome(exit())).toBe("met_not_bought");
    expect(exitOutcome(exit({ results: [met, notMet] }))).toBe("not_met_not_bought");
    expect(exitOutcome(exit({ decision: "extended" }))).toBe("open");
  });
});

describe("checkPilotExit", () => {
  it("accepts a met pilot stopped for want of budget", () => {
    expect(codes(exit())).toEqual([]);
  });
  it("wants a judgement for every criterion the pilot declared", () => {
    expect(codes(exit({ results: [met] }))).toEqual(["results:results_incomplete"]);
    expect(codes(exit(), "purchase_option", 3)).toEqual(["results:results_incomplete"]);
  });
  it("wants a reason for a stop, and words for 'other'", () => {
    expect(codes(exit({ stopReason: null }))).toEqual(["stopReason:stop_reason_required"]);
    expect(codes(exit({ stopReason: "other" }))).toEqual(["stopReasonText:stop_reason_text_required"]);
    expect(codes(exit({ stopReason: "other", stopReasonText: " \u200b " }))).toEqual(["stopReasonText:stop_reason_text_required"]);
    expect(codes(exit({ stopReason: "other", stopReasonText: "Fylkessammenslåing" }))).toEqual([]);
  });
  it("refuses 'criteria not met' for a pilot whose criteria were met", () => {
    expect(codes(exit({ stopReason: "criteria_not_met" }))).toEqual(["stopReason:criteria_were_met"]);
    expect(codes(exit({ stopReason: "criteria_not_met", results: [met, unassessed] }))).toEqual(["stopReason:criteria_were_met"]);
    expect(codes(exit({ stopReason: "criteria_not_met", results: [met, notMet] }))).toEqual([]);
  });
  it("wants a purchase linked to the procurement or contract it started", () => {
    expect(codes(exit({ decision: "purchase_started", stopReason: null }))).toEqual(["followOnEventId:follow_on_required"]);
    expect(codes(exit({ decision: "purchase_started", stopReason: null, contractId: "c" }))).toEqual([]);
    expect(codes(exit({ decision: "purchase_started", stopReason: null, followOnEventId: "e" }))).toEqual([]);
  });
  it("wants an exercised option to have been planned, and its contract", () => {
    expect(codes(exit({ decision: "option_exercised", stopReason: null }), "follow_on_procurement")).toEqual(["decision:option_not_planned", "contractId:option_contract_required"]);
    expect(codes(exit({ decision: "option_exercised", stopReason: null, contractId: "c" }))).toEqual([]);
  });
});

describe("normalisePilotExit", () => {
  it("drops what the decision does not use", () => {
    const input = PilotExitSchema.parse({
      results: [{ result: "met", note: " " }],
      decision: "extended",
      stopReason: "no_budget",
      stopReasonText: "x",
      followOnEventId: "00000000-0000-4000-8000-000000000001",
      contractId: "00000000-0000-4000-8000-000000000002",
    });
    expect(normalisePilotExit(input)).toEqual({ results: [{ result: "met", note: null }], decision: "extended", stopReason: null, stopReasonText: null, followOnEventId: null, contractId: null });
  });
  it("keeps the reason's text only for 'other'", () => {
    expect(normalisePilotExit({ decision: "stopped", stopReason: "no_budget", stopReasonText: "x" }).stopReasonText).toBeNull();
    expect(normalisePilotExit({ decision: "stopped", stopReason: "other", stopReasonText: "x" }).stopReasonText).toBe("x");
  });
  it("refuses an unknown result or decision in the schema", () => {
    expect(PilotExitSchema.safeParse({ decision: "bought" }).success).toBe(false);
    expect(PilotExitSchema.safeParse({ decision: "stopped", results: [{ result: "maybe" }] }).success).toBe(false);
  });
});

describe("checkExitResponse", () => {
  it("wants an answer per judgement and an account with a dispute", () => {
    expect(problemsOf(checkExitResponse({ responses: [{ response: "confirm" }] }, 2)).map((p) => p.code)).toEqual(["responses_incomplete"]);
    expect(problemsOf(checkExitResponse({ responses: [{ response: "confirm" }, { response: "dispute", account: null }] }, 2))).toEqual([
      { path: "responses[1].account", code: "account_required" },
    ]);
    expect(checkExitResponse({ responses: [{ response: "confirm" }, { response: "dispute", account: "Målt feil" }] }, 2).ok).toBe(true);
  });
});

describe("exitOverdue", () => {
  const now = new Date("2027-06-30T12:00:00Z");
  it("is a pilot ended more than 90 days ago without an exit record", () => {
    expect(exitOverdue(new Date("2027-03-01T00:00:00Z"), false, now)).toBe(true);
    expect(exitOverdue(new Date("2027-03-01T00:00:00Z"), true, now)).toBe(false);
    expect(exitOverdue(new Date("2027-05-01T00:00:00Z"), false, now)).toBe(false);
    expect(exitOverdue(null, false, now)).toBe(false);
  });
});

describe("the pilot register's outcome and filter", async () => {
  const { registerOutcome, outcomeCounts, parsePilotRegisterFilter, pilotRegisterSearch } = await import("~/domain/pilot-register");
  const now = new Date("2027-06-30T12:00:00Z");
  it("says where a pilot stands", () => {
    expect(registerOutcome({ endedAt: new Date("2027-07-30T00:00:00Z"), exit: null }, now)).toBe("running");
    expect(registerOutcome({ endedAt: null, exit: null }, now)).toBe("running");
    expect(registerOutcome({ endedAt: new Date("2027-06-01T00:00:00Z"), exit: null }, now)).toBe("awaiting");
    expect(registerOutcome({ endedAt: new Date("2027-01-01T00:00:00Z"), exit: null }, now)).toBe("missing");
    expect(registerOutcome({ endedAt: new Date("2027-01-01T00:00:00Z"), exit: exit() }, now)).toBe("met_not_bought");
  });
  it("counts the ended outcomes for the chart, leaving running ones out", () => {
    expect(outcomeCounts(["bought", "met_not_bought", "met_not_bought", "running", "awaiting", "missing"])).toEqual({ bought: 1, met_not_bought: 2, not_met_not_bought: 0, open: 0, missing: 1 });
  });
  it("reads a filter from the query, dropping what it does not know", () => {
    const filter = parsePilotRegisterFilter(new URLSearchParams("cpv=33190000-8&region=vestland&buyer=bergvik-kommune&outcome=met_not_bought&decision=stopped"));
    expect(filter).toEqual({ cpv: "3319", region: "vestland", buyer: "bergvik-kommune", outcome: "met_not_bought", decision: "stopped" });
    expect(parsePilotRegisterFilter(new URLSearchParams("cpv=xx&region=mars&buyer=%00&outcome=1&decision=bought"))).toEqual({ cpv: null, region: null, buyer: null, outcome: null, decision: null });
    expect(pilotRegisterSearch(filter)).toBe("?cpv=3319&region=vestland&buyer=bergvik-kommune&outcome=met_not_bought&decision=stopped");
  });
});
