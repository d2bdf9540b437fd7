import { describe, expect, it } from "vitest";
import { alignDataProtection, checkDataProtection, dataCategoryProblems } from "~/domain/data-protection";
import { EventPatchSchema, inputProblems } from "~/domain/event-input";
import { checkScope, EMPTY_SCOPE, requiresScope, scopeStorableProblems } from "~/domain/scope";
import { DATA_PROTECTION_FULL, NO_DATA_PROTECTION, PUBLISHABLE_SCOPE } from "../fixtures/scope";

const planned = { status: "planned" as const, budgetMaxNok: 4_000_000 };
const codes = (result: ReturnType<typeof checkScope>) => (result.ok ? [] : result.problems.map((p) => `${p.path}:${p.code}`));

describe("which events must fill in the scope step", () => {
  it.each([
    ["rfp", planned, true],
    ["rfp", null, true],
    ["demand_notice", planned, true],
    ["demand_notice", { status: "none" as const, budgetMaxNok: null }, false],
    ["demand_notice", null, false],
    ["rfi", planned, false],
    ["pilot", planned, false],
  ] as const)("%s with %o: %s", (kind, expectation, required) => {
    expect(requiresScope({ kind, expectation })).toBe(required);
  });
});

describe("the scope rule", () => {
  it("refuses an RFP without the step, by each field", () => {
    expect(codes(checkScope({ kind: "rfp", expectation: planned, scope: EMPTY_SCOPE }))).toEqual([
      "scope.items:scope_required",
      "scope.integrationBudgetIncluded:scope_required",
      "scope.serviceOwnerRole:scope_required",
      "scope.tcoHorizonYears:scope_required",
    ]);
  });

  it("asks for systems, documentation and identity when integration is in scope, and the amount when the budget is inside the frame", () => {
    const scope = { ...EMPTY_SCOPE, items: ["integration" as const], integrationBudgetIncluded: true, serviceOwnerRole: "Tjenesteansvarlig", tcoHorizonYears: 5 };
    expect(codes(checkScope({ kind: "rfp", expectation: planned, scope }))).toEqual([
      "scope.integrations:scope_required",
      "scope.interfaceDocs:scope_required",
      "scope.identityAccess:scope_required",
      "scope.integrationBudgetNok:scope_required",
    ]);
  });

  it("publishes a filled-in step, and does not judge a grandfathered event or an RFI", () => {
    expect(checkScope({ kind: "rfp", expectation: planned, scope: PUBLISHABLE_SCOPE.scope })).toEqual({ ok: true });
    expect(checkScope({ kind: "rfp", expectation: planned, scope: EMPTY_SCOPE, grandfathered: true })).toEqual({ ok: true });
    expect(checkScope({ kind: "rfi", expectation: planned, scope: EMPTY_SCOPE })).toEqual({ ok: true });
  });

  it("refuses an integration budget inside the frame larger than the frame, or without a frame, whatever the event", () => {
    const over = { integrationBudgetIncluded: true, integrationBudgetNok: 4_000_001 };
    expect(scopeStorableProblems(over, 4_000_000)).toEqual([{ path: "scope.integrationBudgetNok", code: "integration_budget_over_frame" }]);
    expect(scopeStorableProblems({ ...over, integrationBudgetNok: 4_000_000 }, 4_000_000)).toEqual([]);
    expect(scopeStorableProblems(over, null)).toEqual([{ path: "scope.integrationBudgetNok", code: "integration_budget_without_frame" }]);
    // Outside the frame, the amount is its own budget: not compared.
    expect(scopeStorableProblems({ integrationBudgetIncluded: false, integrationBudgetNok: 9_000_000 }, 4_000_000)).toEqual([]);
    expect(codes(checkScope({ kind: "rfi", expectation: planned, scope: { ...EMPTY_SCOPE, ...over } }))).toEqual(["scope.integrationBudgetNok:integration_budget_over_frame"]);
  });

  it("asks what the other identity solution is, and refuses a link to documentation that is not available", () => {
    const scope = { ...PUBLISHABLE_SCOPE.scope, identityAccess: ["other" as const], identityAccessOther: " \u200b", interfaceDocs: "not_available" as const };
    expect(codes(checkScope({ kind: "rfp", expectation: planned, scope }))).toEqual([
      "scope.identityAccessOther:identity_access_other_required",
      "scope.interfaceDocsUrl:interface_docs_url_without_docs",
    ]);
  });
});

describe("data protection", () => {
  it("takes 'no personal data' only alone", () => {
    expect(dataCategoryProblems(["none", "health_data"])).toEqual([{ path: "dataProtection.dataCategories", code: "data_categories_conflict" }]);
    expect(dataCategoryProblems(["none"])).toEqual([]);
  });

  it("asks, where scope is required, for the categories and, with personal data, for hosting, DPIA, controller and privacy decision owner", () => {
    const result = checkDataProtection({ ...NO_DATA_PROTECTION, dataCategories: ["personal_data"] }, { required: true });
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      "dataProtection.hostingConstraint:data_protection_required",
      "dataProtection.dpiaStatus:data_protection_required",
      "dataProtection.dataController:privacy_owner_required",
      "dataProtection.privacyOwnerRole:privacy_owner_required",
      "dataProtection.privacyOwnerOrganisation:privacy_owner_required",
    ]);
    expect(checkDataProtection(NO_DATA_PROTECTION, { required: true })).toEqual({
      ok: false,
      problems: [{ path: "dataProtection.dataCategories", code: "data_protection_required" }],
    });
    expect(checkDataProtection({ ...NO_DATA_PROTECTION, dataCategories: ["none"] }, { required: true })).toEqual({ ok: true });
    expect(checkDataProtection(DATA_PROTECTION_FULL, { required: true })).toEqual({ ok: true });
    expect(checkDataProtection(NO_DATA_PROTECTION, { required: false })).toEqual({ ok: true });
  });

  it("keeps the older answers in step with the new shape, both ways", () => {
    expect(alignDataProtection({ dataCategories: ["personal_data"], hostingConstraint: "adequacy", dpiaStatus: "exists" })).toMatchObject({
      healthData: false,
      dataResidency: "other",
      dpiaNeeded: true,
    });
    expect(alignDataProtection({ healthData: true, dataResidency: "norway", dpiaNeeded: false })).toMatchObject({
      dataCategories: ["health_data"],
      hostingConstraint: "norway",
      dpiaStatus: "not_needed",
    });
    // Given both, the new shape wins.
    expect(alignDataProtection({ healthData: false, dataCategories: ["health_data"] })).toMatchObject({ healthData: true });
    // Not given: unchanged.
    expect(alignDataProtection({ cloudAllowed: true })).toEqual({ cloudAllowed: true });
  });
});

describe("the API's scope and data protection", () => {
  const problems = (body: unknown) => {
    const parsed = EventPatchSchema.safeParse(body);
    return parsed.success ? [] : inputProblems(parsed.error);
  };

  it("refuses unknown choices, repeated choices, a system without a name and a horizon out of range, at their paths", () => {
    expect(
      problems({
        scope: { items: ["licence", "hosting"], identityAccess: ["helseid", "helseid"], integrations: [{ system: "", standard: null }], tcoHorizonYears: 31, interfaceDocs: "maybe" },
        dataProtection: { dataCategories: ["genetic"], hostingConstraint: "usa", dpiaStatus: "done" },
      }),
    ).toEqual([
      { path: "dataProtection.dataCategories.0", code: "invalid_choice" },
      { path: "dataProtection.hostingConstraint", code: "invalid_choice" },
      { path: "dataProtection.dpiaStatus", code: "invalid_choice" },
      { path: "scope.items.1", code: "invalid_choice" },
      { path: "scope.integrations.0.system", code: "required" },
      { path: "scope.interfaceDocs", code: "invalid_choice" },
      { path: "scope.identityAccess", code: "duplicate" },
      { path: "scope.tcoHorizonYears", code: "too_large" },
    ]);
  });

  it("refuses an unknown field inside scope", () => {
    expect(problems({ scope: { budget: 1 } })).toEqual([{ path: "scope.budget", code: "unknown_field" }]);
  });
});
