import { describe, expect, it } from "vitest";
import { checkContractDuration, CONTRACT_FORMS, isContractForm, totalMonths, type ContractTerms } from "~/domain/contract";

const terms = (changes: Partial<ContractTerms> = {}): ContractTerms => ({
  form: "market_contract",
  baseMonths: 24,
  optionMonths: 24,
  horizonMonths: 48,
  justification: null,
  ...changes,
});

const THIRTY = "Budsjettet er bare vedtatt for to år";
const justificationNeeded = { ok: false, problems: [{ path: "contract.justification", code: "justification_required" }] };

describe("the short-contract rule", () => {
  it("adds base and options, treating missing options as none", () => {
    expect(totalMonths(24, 12)).toBe(36);
    expect(totalMonths(24, null)).toBe(24);
    expect(totalMonths(null, 12)).toBeNull();
  });

  it("accepts a contract exactly as long as the purpose, without a justification", () => {
    expect(checkContractDuration(terms({ horizonMonths: 48 }))).toEqual({ ok: true });
  });

  it("accepts a contract longer than the purpose", () => {
    expect(checkContractDuration(terms({ horizonMonths: 36 }))).toEqual({ ok: true });
  });

  it("wants a justification when the purpose lasts one month longer than base and options", () => {
    expect(checkContractDuration(terms({ horizonMonths: 49 }))).toEqual(justificationNeeded);
  });

  it("counts the options: 24 months base alone is short for a 48-month purpose", () => {
    expect(checkContractDuration(terms({ optionMonths: null }))).toEqual(justificationNeeded);
    expect(checkContractDuration(terms({ optionMonths: 0 }))).toEqual(justificationNeeded);
  });

  it.each(CONTRACT_FORMS)("applies to the contract form %s alike", (form) => {
    expect(checkContractDuration(terms({ form, horizonMonths: 120 }))).toEqual(justificationNeeded);
    expect(checkContractDuration(terms({ form, horizonMonths: 120, justification: THIRTY }))).toEqual({ ok: true });
  });

  it("does not apply when the purpose's horizon is not given", () => {
    expect(checkContractDuration(terms({ horizonMonths: null }))).toEqual({ ok: true });
  });

  it("does not apply when the base duration is not given", () => {
    expect(checkContractDuration(terms({ baseMonths: null, optionMonths: null }))).toEqual({ ok: true });
  });

  it("accepts a short contract with a justification of 30 characters besides spaces", () => {
    expect(THIRTY.replace(/\s/g, "")).toHaveLength(30);
    expect(checkContractDuration(terms({ optionMonths: 0, justification: THIRTY }))).toEqual({ ok: true });
  });

  it.each([
    ["29 characters", "Budsjettet er bare vedtatt for to å", 29],
    ["30 characters only when counting spaces", "Budsjettet gjelder bare to år.", 26],
    ["only whitespace", " \n\t                                   ", 0],
    ["nothing", "", 0],
  ])("refuses a short contract justified with %s", (_what, justification, significant) => {
    expect(justification.replace(/\s/g, "")).toHaveLength(significant);
    expect(checkContractDuration(terms({ optionMonths: 0, justification }))).toEqual(justificationNeeded);
  });

  it("counts æ, ø and å as one character each", () => {
    expect(checkContractDuration(terms({ optionMonths: 0, justification: "æøåæøåæøåæøåæøåæøåæøåæøåæøåæøå" }))).toEqual({ ok: true });
    expect(checkContractDuration(terms({ optionMonths: 0, justification: "æøåæøåæøåæøåæøåæøåæøåæøåæøåæø" }))).toEqual(justificationNeeded);
    // Format characters show nothing: 30 zero-width spaces justify nothing (issue 14).
    expect(checkContractDuration(terms({ optionMonths: 0, justification: "\u200b".repeat(30) }))).toEqual(justificationNeeded);
    expect(checkContractDuration(terms({ optionMonths: 0, justification: "æøå\u2060".repeat(9) + "æø" }))).toEqual(justificationNeeded);
  });

  it.each([
    [{ baseMonths: 0 }, "contract.baseMonths"],
    [{ baseMonths: -12 }, "contract.baseMonths"],
    [{ baseMonths: 12.5 }, "contract.baseMonths"],
    [{ optionMonths: -1 }, "contract.optionMonths"],
    [{ optionMonths: 1.5 }, "contract.optionMonths"],
    [{ horizonMonths: 0 }, "contract.horizonMonths"],
    [{ horizonMonths: Number.NaN }, "contract.horizonMonths"],
  ])("refuses %j as months, and judges no duration from it", (changes, path) => {
    expect(checkContractDuration(terms(changes))).toEqual({
      ok: false,
      problems: [{ path, code: "must_be_positive_whole_months" }],
    });
  });

  it("recognises the contract forms", () => {
    expect(CONTRACT_FORMS.every(isContractForm)).toBe(true);
    expect(isContractForm("concession")).toBe(false);
  });
});
