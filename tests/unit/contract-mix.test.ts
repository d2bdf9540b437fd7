import { describe, expect, it } from "vitest";
import { CONTRACT_FORMS } from "~/domain/contract";
import { contractFormMix, MIX_CATEGORIES, NATIONAL_MIX } from "~/domain/contract-mix";

describe("a buyer's contract-form mix beside the national picture", () => {
  it("sorts every contract form into the report's four and shares the events between them", () => {
    const mix = contractFormMix([
      { form: "framework_agreement", count: 3 },
      { form: "market_contract", count: 1 },
      { form: "project_contract", count: 2 },
      { form: "strategic_alliance", count: 1 },
      { form: "relational_contract", count: 1 },
      { form: "in_house", count: 2 },
    ]);
    expect(mix.events).toBe(10);
    expect(mix.byCategory).toEqual({
      in_house: { events: 2, share: 0.2, national: 0.5 },
      project: { events: 2, share: 0.2, national: 0.2 },
      market: { events: 4, share: 0.4, national: 0.18 },
      relational: { events: 2, share: 0.2, national: 0.12 },
    });
  });

  it("has no shares without a stated form, and national shares that make the whole", () => {
    expect(contractFormMix([]).byCategory.market).toEqual({ events: 0, share: null, national: 0.18 });
    expect(MIX_CATEGORIES.reduce((sum, c) => sum + NATIONAL_MIX[c], 0)).toBeCloseTo(1);
    expect(contractFormMix(CONTRACT_FORMS.map((form) => ({ form, count: 1 }))).events).toBe(CONTRACT_FORMS.length);
  });
});
