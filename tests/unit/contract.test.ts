import { describe, expect, it } from "vitest";
import {
  checkContractChoice,
  contractShortness,
  CONTRACT_FORMS,
  isContractForm,
  requiresContractChoice,
  totalMonths,
  type ContractChoiceInput,
  type ContractTerms,
} from "~/domain/contract";
import { EVENT_KINDS } from "~/domain/events";

// Kontraktsvalg (principle 2, issue 15): form, base period and horizon stated where the purchase
// is near; shortness judged by the guaranteed base period, options left out, against the need's
// horizon and the vendors' depreciation period.

const terms = (changes: Partial<ContractTerms> = {}): ContractTerms => ({
  form: "market_contract",
  baseMonths: 48,
  optionMonths: 24,
  horizonMonths: 48,
  depreciationMonths: null,
  justification: null,
  ...changes,
});

const check = (changes: Partial<ContractTerms> = {}, input: Partial<ContractChoiceInput> = {}) =>
  checkContractChoice({ kind: "rfp", expectation: { status: "committed" }, contract: terms(changes), ...input });

const THIRTY = "Budsjettet er bare vedtatt for to år";
const justificationNeeded = { ok: false, problems: [{ path: "contract.justification", code: "justification_required" }] };

describe("the contract-choice rule: what is short", () => {
  it("refuses 12 months' base and 108 months of options for a 120-month need without a justification", () => {
    expect(check({ baseMonths: 12, optionMonths: 108, horizonMonths: 120 })).toEqual(justificationNeeded);
    expect(check({ baseMonths: 12, optionMonths: 108, horizonMonths: 120, justification: THIRTY })).toEqual({ ok: true });
  });

  it("refuses a 60-month base against 84 months of depreciation without a justification, whatever the horizon and options", () => {
    expect(check({ baseMonths: 60, optionMonths: 0, horizonMonths: 60, depreciationMonths: 84 })).toEqual(justificationNeeded);
    expect(check({ baseMonths: 60, optionMonths: 36, horizonMonths: 48, depreciationMonths: 84 })).toEqual(justificationNeeded);
    expect(check({ baseMonths: 60, optionMonths: 0, horizonMonths: 60, depreciationMonths: 84, justification: THIRTY })).toEqual({ ok: true });
  });

  it("accepts a base period as long as the need and the depreciation, without a justification", () => {
    expect(check({ baseMonths: 84, optionMonths: 0, horizonMonths: 84, depreciationMonths: 84 })).toEqual({ ok: true });
    expect(check({ baseMonths: 96, optionMonths: null, horizonMonths: 84, depreciationMonths: 60 })).toEqual({ ok: true });
  });

  it("wants a justification when the need lasts one month longer than the base period", () => {
    expect(check({ baseMonths: 48, horizonMonths: 49 })).toEqual(justificationNeeded);
  });

  it("tells the two shortnesses apart, and counts no options", () => {
    expect(contractShortness({ baseMonths: 12, horizonMonths: 120, depreciationMonths: null })).toEqual({ ofHorizon: true, ofDepreciation: false });
    expect(contractShortness({ baseMonths: 60, horizonMonths: 60, depreciationMonths: 84 })).toEqual({ ofHorizon: false, ofDepreciation: true });
    expect(contractShortness({ baseMonths: null, horizonMonths: 60, depreciationMonths: 84 })).toEqual({ ofHorizon: false, ofDepreciation: false });
    expect(totalMonths(24, 12)).toBe(36);
    expect(totalMonths(24, null)).toBe(24);
    expect(totalMonths(null, 12)).toBeNull();
  });

  it.each(CONTRACT_FORMS)("applies to the contract form %s alike", (form) => {
    expect(check({ form, horizonMonths: 120 })).toEqual(justificationNeeded);
    expect(check({ form, horizonMonths: 120, justification: THIRTY })).toEqual({ ok: true });
  });

  it("judges an event that need not state its terms by the terms it states", () => {
    const rfi = { kind: "rfi" as const, expectation: { status: "planned" as const } };
    expect(check({ baseMonths: 12, horizonMonths: 120 }, rfi)).toEqual(justificationNeeded);
    expect(check({ baseMonths: 12, horizonMonths: null, depreciationMonths: 36 }, rfi)).toEqual(justificationNeeded);
    expect(check({ baseMonths: 12, horizonMonths: null }, rfi)).toEqual({ ok: true });
    expect(checkContractChoice({ ...rfi, contract: null })).toEqual({ ok: true });
  });

  it.each([
    ["29 characters", "Budsjettet er bare vedtatt for to å"],
    ["30 characters only when counting spaces", "Budsjettet gjelder bare to år."],
    ["only whitespace", " \n\t                                   "],
    ["30 zero-width spaces", "\u200b".repeat(30)],
    ["nothing", ""],
  ])("refuses a short contract justified with %s", (_what, justification) => {
    expect(check({ optionMonths: 0, horizonMonths: 60, justification })).toEqual(justificationNeeded);
  });

  it("counts æ, ø and å as one character each", () => {
    expect(check({ horizonMonths: 60, justification: "æøåæøåæøåæøåæøåæøåæøåæøåæøåæøå" })).toEqual({ ok: true });
    expect(check({ horizonMonths: 60, justification: "æøåæøåæøåæøåæøåæøåæøåæøåæøåæø" })).toEqual(justificationNeeded);
  });

  it.each([
    [{ baseMonths: 0 }, "contract.baseMonths"],
    [{ baseMonths: -12 }, "contract.baseMonths"],
    [{ baseMonths: 12.5 }, "contract.baseMonths"],
    [{ optionMonths: -1 }, "contract.optionMonths"],
    [{ optionMonths: 1.5 }, "contract.optionMonths"],
    [{ horizonMonths: 0 }, "contract.horizonMonths"],
    [{ horizonMonths: Number.NaN }, "contract.horizonMonths"],
    [{ depreciationMonths: 0 }, "contract.depreciationMonths"],
    [{ depreciationMonths: 7.5 }, "contract.depreciationMonths"],
  ])("refuses %j as months, and judges no duration from it", (changes, path) => {
    expect(check({ horizonMonths: 120, ...changes })).toEqual({ ok: false, problems: [{ path, code: "must_be_positive_whole_months" }] });
  });
});

describe("the contract-choice rule: what must be stated", () => {
  const nothing = { form: null, baseMonths: null, optionMonths: null, horizonMonths: null, depreciationMonths: null, justification: null };
  const allRequired = {
    ok: false,
    problems: [
      { path: "contract.form", code: "contract_form_required" },
      { path: "contract.baseMonths", code: "base_period_required" },
      { path: "contract.horizonMonths", code: "horizon_required" },
    ],
  };

  it("asks RFPs, demand notices that declare a purchase, and innovation partnerships", () => {
    const asked = EVENT_KINDS.filter((kind) => requiresContractChoice({ kind, expectation: { status: "uncertain" }, contractForm: null }));
    expect(asked).toEqual(["rfp", "demand_notice"]);
    expect(requiresContractChoice({ kind: "demand_notice", expectation: { status: "none" }, contractForm: null })).toBe(false);
    expect(requiresContractChoice({ kind: "demand_notice", expectation: null, contractForm: null })).toBe(false);
    expect(requiresContractChoice({ kind: "rfp", expectation: null, contractForm: null })).toBe(true);
    for (const kind of EVENT_KINDS) {
      expect(requiresContractChoice({ kind, expectation: null, contractForm: "innovation_partnership" }), kind).toBe(true);
    }
  });

  it("names each missing part by its field, for an RFP with no terms or with blank ones", () => {
    expect(checkContractChoice({ kind: "rfp", expectation: { status: "committed" }, contract: null })).toEqual(allRequired);
    expect(checkContractChoice({ kind: "rfp", expectation: { status: "committed" }, contract: nothing })).toEqual(allRequired);
    expect(checkContractChoice({ kind: "demand_notice", expectation: { status: "planned" }, contract: null })).toEqual(allRequired);
  });

  it("asks an innovation partnership for its base period and horizon, whatever its kind", () => {
    expect(checkContractChoice({ kind: "rnd_partnership", expectation: { status: "committed" }, contract: { ...nothing, form: "innovation_partnership" } })).toEqual({
      ok: false,
      problems: [
        { path: "contract.baseMonths", code: "base_period_required" },
        { path: "contract.horizonMonths", code: "horizon_required" },
      ],
    });
  });

  it("does not ask a demand notice without a purchase, nor an RFI", () => {
    expect(checkContractChoice({ kind: "demand_notice", expectation: { status: "none" }, contract: null })).toEqual({ ok: true });
    expect(checkContractChoice({ kind: "rfi", expectation: { status: "committed" }, contract: null })).toEqual({ ok: true });
  });

  it("leaves the options and the depreciation optional", () => {
    expect(check({ optionMonths: null, depreciationMonths: null })).toEqual({ ok: true });
  });

  it("judges a grandfathered event as it was published: nothing required, the horizon met by base plus options", () => {
    const grandfathered = { grandfathered: true };
    expect(checkContractChoice({ kind: "rfp", expectation: { status: "committed" }, contract: null, grandfathered: true })).toEqual({ ok: true });
    expect(check({ baseMonths: 12, optionMonths: 108, horizonMonths: 120 }, grandfathered)).toEqual({ ok: true });
    expect(check({ baseMonths: 12, optionMonths: 100, horizonMonths: 120 }, grandfathered)).toEqual(justificationNeeded);
    // Depreciation is new with the rule: judged by the base period all the same.
    expect(check({ baseMonths: 60, optionMonths: 60, horizonMonths: 60, depreciationMonths: 84 }, grandfathered)).toEqual(justificationNeeded);
  });
});

describe("contract forms", () => {
  it("recognises the forms, project contract and strategic alliance among them", () => {
    expect(CONTRACT_FORMS.every(isContractForm)).toBe(true);
    expect(isContractForm("project_contract")).toBe(true);
    expect(isContractForm("strategic_alliance")).toBe(true);
    expect(isContractForm("concession")).toBe(false);
  });
});
