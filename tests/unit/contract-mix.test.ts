import { describe, expect, it } from "vitest";
import { CONTRACT_FORMS } from "~/domain/contract";
import { contractFormMix, MIX_CATEGORIES, NATIONAL_MIX } from "~/domain/contract-mix";

describe("a buyer's contract-form mix beside the national picture", () => {
  it("sorts every contract form into the report's four and shares the events between them", () => {
    const mix = contractFormMix([
      { form: "framework_agreement", count: 3, valued: 0, declaredNok: 0 },
      { form: "market_contract", count: 1, valued: 0, declaredNok: 0 },
      { form: "project_contract", count: 2, valued: 0, declaredNok: 0 },
      { form: "strategic_alliance", count: 1, valued: 0, declaredNok: 0 },
      { form: "relational_contract", count: 1, valued: 0, declaredNok: 0 },
      { form: "in_house", count: 2, valued: 0, declaredNok: 0 },
    ]);
    expect(mix.events).toBe(10);
    expect(Object.fromEntries(MIX_CATEGORIES.map((c) => [c, [mix.byCategory[c].events, mix.byCategory[c].share, mix.byCategory[c].national]]))).toEqual({
      in_house: [2, 0.2, 0.5],
      project: [2, 0.2, 0.2],
      market: [4, 0.4, 0.18],
      relational: [2, 0.2, 0.12],
    });
  });

  it("weights the groups by the expected value their events declare, which can differ wholly from the count", () => {
    // Nine small market dialogues and one large relational contract: most events, little of the money.
    const mix = contractFormMix([
      { form: "market_contract", count: 6, valued: 6, declaredNok: 600_000 },
      { form: "framework_agreement", count: 3, valued: 2, declaredNok: 400_000 },
      { form: "relational_contract", count: 1, valued: 1, declaredNok: 9_000_000 },
    ]);
    expect(mix).toMatchObject({ events: 10, valuedEvents: 9, declaredNok: 10_000_000 });
    expect(mix.byCategory.market).toEqual({ events: 9, share: 0.9, valuedEvents: 8, declaredNok: 1_000_000, valueShare: 0.1, national: 0.18 });
    expect(mix.byCategory.relational).toEqual({ events: 1, share: 0.1, valuedEvents: 1, declaredNok: 9_000_000, valueShare: 0.9, national: 0.12 });
    expect(mix.byCategory.in_house).toEqual({ events: 0, share: 0, valuedEvents: 0, declaredNok: 0, valueShare: 0, national: 0.5 });
    expect(MIX_CATEGORIES.reduce((sum, c) => sum + mix.byCategory[c].valueShare!, 0)).toBeCloseTo(1);
  });

  it("has no value shares when no event declares a value, though the events are counted", () => {
    const mix = contractFormMix([{ form: "in_house", count: 2, valued: 0, declaredNok: 0 }]);
    expect(mix.byCategory.in_house).toMatchObject({ events: 2, share: 1, valueShare: null });
    expect(mix.declaredNok).toBe(0);
  });

  it("has no shares without a stated form, and national shares that make the whole", () => {
    expect(contractFormMix([]).byCategory.market).toEqual({ events: 0, share: null, valuedEvents: 0, declaredNok: 0, valueShare: null, national: 0.18 });
    expect(MIX_CATEGORIES.reduce((sum, c) => sum + NATIONAL_MIX[c], 0)).toBeCloseTo(1);
    expect(contractFormMix(CONTRACT_FORMS.map((form) => ({ form, count: 1, valued: 1, declaredNok: 100 }))).declaredNok).toBe(CONTRACT_FORMS.length * 100);
  });
});
