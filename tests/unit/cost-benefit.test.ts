import { describe, expect, it } from "vitest";
import { costBenefitProblems, differenceBySector, ownersDiffer, type CostBenefit } from "~/domain/cost-benefit";
import { costBenefitFieldName, costBenefitFromForm, costBenefitToFormValues } from "~/domain/cost-benefit-form";

const bergvik = "11111111-1111-4111-8111-111111111111";
const vestfjord = "22222222-2222-4222-8222-222222222222";
const org = (organisationId: string, sharePercent: number | null = null) => ({
  organisationId,
  sector: null,
  sharePercent,
});
const sector = (s: "municipality" | "health_trust", sharePercent: number | null = null) => ({ organisationId: null, sector: s, sharePercent });
const gain = (p: { organisationId: string | null; sector: "municipality" | "health_trust" | null }) => ({ organisationId: p.organisationId, sector: p.sector });

describe("costBenefitProblems", () => {
  it("accepts one payer without a share, and several whose shares sum to 100", () => {
    expect(
      costBenefitProblems({
        costOwners: [org(bergvik)],
        benefitOwners: [gain(org(vestfjord))],
      }),
    ).toEqual([]);
    expect(
      costBenefitProblems({
        costOwners: [org(bergvik, 80), sector("health_trust", 20)],
        benefitOwners: [gain(sector("health_trust"))],
      }),
    ).toEqual([]);
    expect(
      costBenefitProblems({
        costOwners: [org(bergvik, 100)],
        benefitOwners: [gain(org(bergvik))],
      }),
    ).toEqual([]);
  });

  it("refuses shares that do not sum to 100, and a payer without a share beside others", () => {
    expect(
      costBenefitProblems({
        costOwners: [org(bergvik, 80), org(vestfjord, 30)],
        benefitOwners: [gain(org(vestfjord))],
      }),
    ).toEqual([{ path: "costBenefit.costOwners", code: "shares_must_sum_to_100" }]);
    expect(
      costBenefitProblems({
        costOwners: [org(bergvik, 60)],
        benefitOwners: [gain(org(vestfjord))],
      }),
    ).toEqual([{ path: "costBenefit.costOwners", code: "shares_must_sum_to_100" }]);
    expect(
      costBenefitProblems({
        costOwners: [org(bergvik, 80), org(vestfjord)],
        benefitOwners: [gain(org(vestfjord))],
      }),
    ).toEqual([{ path: "costBenefit.costOwners.1.sharePercent", code: "share_required" }]);
  });

  it("needs both sides, a party that is an organisation or a sector (not both, not neither), each once", () => {
    expect(costBenefitProblems({ costOwners: [], benefitOwners: [] })).toEqual([
      { path: "costBenefit.costOwners", code: "cost_owner_required" },
      { path: "costBenefit.benefitOwners", code: "benefit_owner_required" },
    ]);
    const both = {
      organisationId: bergvik,
      sector: "municipality" as const,
      sharePercent: null,
    };
    const neither = { organisationId: null, sector: null };
    expect(
      costBenefitProblems({
        costOwners: [both],
        benefitOwners: [neither, gain(org(vestfjord)), gain(org(vestfjord))],
      }),
    ).toEqual([
      { path: "costBenefit.costOwners.0.sector", code: "party_ambiguous" },
      {
        path: "costBenefit.benefitOwners.0.organisationId",
        code: "party_required",
      },
      { path: "costBenefit.benefitOwners.2.organisationId", code: "duplicate" },
    ]);
  });
});

describe("ownersDiffer and differenceBySector", () => {
  it("says the owners differ when those who pay are not those who benefit", () => {
    const cb = (costOwners: CostBenefit["costOwners"], benefitOwners: CostBenefit["benefitOwners"]) => ({ costOwners, benefitOwners });
    expect(ownersDiffer(cb([org(bergvik)], [gain(org(vestfjord))]))).toBe(true);
    expect(ownersDiffer(cb([org(bergvik, 50), org(vestfjord, 50)], [gain(org(vestfjord))]))).toBe(true);
    expect(ownersDiffer(cb([org(bergvik)], [gain(org(bergvik))]))).toBe(false);
  });

  it("counts, by paying sector, the events and those whose benefit lands in another sector", () => {
    expect(
      differenceBySector([
        {
          payerSectors: ["municipality"],
          beneficiarySectors: ["health_trust"],
        },
        {
          payerSectors: ["municipality"],
          beneficiarySectors: ["municipality"],
        },
        {
          payerSectors: ["municipality", "health_trust"],
          beneficiarySectors: ["health_trust"],
        },
      ]),
    ).toEqual([
      { sector: "municipality", events: 3, differ: 2 },
      { sector: "health_trust", events: 1, differ: 1 },
    ]);
  });
});

describe("the event form's cost and benefit step", () => {
  const fields = (values: Record<string, string>) => new URLSearchParams(values) as unknown as FormData;

  it("turns the rows into the API's costBenefit and back", () => {
    const input = costBenefitFromForm(
      fields({
        "costBenefit.costOwners.0.party": `organisation:${bergvik}`,
        "costBenefit.costOwners.0.sharePercent": "80",
        "costBenefit.costOwners.1.party": "sector:health_trust",
        "costBenefit.costOwners.1.sharePercent": "20",
        "costBenefit.benefitOwners.0.party": "sector:health_trust",
      }),
    );
    expect(input).toEqual({
      costOwners: [
        { organisationId: bergvik, sector: null, sharePercent: 80 },
        { organisationId: null, sector: "health_trust", sharePercent: 20 },
      ],
      benefitOwners: [{ organisationId: null, sector: "health_trust" }],
    });
    expect(costBenefitToFormValues(input as CostBenefit)).toEqual({
      "costBenefit.costOwners.0.party": `organisation:${bergvik}`,
      "costBenefit.costOwners.0.sharePercent": "80",
      "costBenefit.costOwners.1.party": "sector:health_trust",
      "costBenefit.costOwners.1.sharePercent": "20",
      "costBenefit.benefitOwners.0.party": "sector:health_trust",
    });
  });

  it("declares nothing when no row is filled, and names each problem's field", () => {
    expect(costBenefitFromForm(fields({ "costBenefit.costOwners.0.party": "" }))).toBeNull();
    expect(costBenefitFieldName("costBenefit.costOwners.1.organisationId")).toBe("costBenefit.costOwners.1.party");
    expect(costBenefitFieldName("costBenefit.benefitOwners.0.sector")).toBe("costBenefit.benefitOwners.0.party");
    expect(costBenefitFieldName("costBenefit.costOwners.0.sharePercent")).toBe("costBenefit.costOwners.0.sharePercent");
    expect(costBenefitFieldName("costBenefit.costOwners")).toBe("costBenefit.costOwners");
    expect(costBenefitFieldName("expectation.status")).toBeNull();
  });
});
