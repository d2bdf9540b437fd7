import { describe, expect, it } from "vitest";
import { EMPTY_IP_TERMS, checkIpTerms, requiresIpTerms, type IpTermsInput } from "~/domain/ip-terms";
import { checkAmendment, checkPublishable } from "~/domain/publishing";
import { IP_TERMS } from "../fixtures/ip-terms";
import { UNSCOPED } from "../fixtures/scope";

const stated: IpTermsInput = { kind: "rfi", effortLevel: "light", contractForm: null, ip: { ...IP_TERMS }, nonUseUndertaking: true };
const none: IpTermsInput = { ...stated, ip: EMPTY_IP_TERMS, nonUseUndertaking: false };

describe("which events must state IP terms", () => {
  it.each([
    ["an RFI asking nothing", { kind: "rfi", effortLevel: "none", contractForm: null }, true],
    ["a pilot", { kind: "pilot", effortLevel: "light", contractForm: null }, true],
    ["an R&D partnership", { kind: "rnd_partnership", effortLevel: "light", contractForm: null }, true],
    ["a dialogue meeting ending in an innovation partnership", { kind: "dialogue_meeting", effortLevel: "none", contractForm: "innovation_partnership" }, true],
    ["a supplier conference asking significant effort", { kind: "supplier_conference", effortLevel: "significant", contractForm: null }, true],
    ["an RFP asking light effort", { kind: "rfp", effortLevel: "light", contractForm: "market_contract" }, false],
    ["a dialogue meeting asking nothing", { kind: "dialogue_meeting", effortLevel: "none", contractForm: null }, false],
    ["a demand notice", { kind: "demand_notice", effortLevel: "none", contractForm: null }, false],
  ] as const)("%s: %s", (_name, event, expected) => {
    expect(requiresIpTerms(event)).toBe(expected);
  });
});

describe("the IP terms rule", () => {
  it("passes an RFI with all four terms and the undertaking", () => {
    expect(checkIpTerms(stated)).toEqual({ ok: true });
  });

  it("refuses to publish an RFI without IP terms, naming each missing term and the undertaking", () => {
    expect(checkIpTerms(none)).toEqual({
      ok: false,
      problems: [
        { path: "intellectualProperty.backgroundStaysWithVendor", code: "ip_terms_required" },
        { path: "intellectualProperty.foregroundOwner", code: "ip_terms_required" },
        { path: "intellectualProperty.existingProductsNotTransferred", code: "ip_terms_required" },
        { path: "intellectualProperty.inputUse", code: "ip_terms_required" },
        { path: "nonUseUndertaking", code: "non_use_undertaking_required" },
      ],
    });
  });

  it("counts 'no' as a stated term: background IP passing to the buyer is a declaration, not a gap", () => {
    expect(checkIpTerms({ ...stated, ip: { ...IP_TERMS, backgroundStaysWithVendor: false, existingProductsNotTransferred: false } })).toEqual({ ok: true });
  });

  it("refuses terms without the buyer's undertaking", () => {
    expect(checkIpTerms({ ...stated, nonUseUndertaking: false })).toEqual({
      ok: false,
      problems: [{ path: "nonUseUndertaking", code: "non_use_undertaking_required" }],
    });
  });

  it("asks a licence of the results to say what it covers, on any event", () => {
    const licence = { ...IP_TERMS, foregroundOwner: "licence" as const, licenceScope: " \u200b" };
    const problem = { path: "intellectualProperty.licenceScope", code: "licence_scope_required" };
    expect(checkIpTerms({ ...stated, ip: licence })).toEqual({ ok: false, problems: [problem] });
    expect(checkIpTerms({ ...stated, kind: "rfp", ip: licence, nonUseUndertaking: false })).toEqual({ ok: false, problems: [problem] });
    expect(checkIpTerms({ ...stated, ip: { ...licence, licenceScope: "Bruk i egen drift i Bergvik kommune" } })).toEqual({ ok: true });
  });

  it("asks nothing of an RFP asking light effort", () => {
    expect(checkIpTerms({ ...none, kind: "rfp" })).toEqual({ ok: true });
  });

  it("does not judge an event published before the rule (grandfathered)", () => {
    expect(checkIpTerms({ ...none, grandfathered: true })).toEqual({ ok: true });
  });
});

describe("the IP terms rule in publishing and amending", () => {
  const event = {
    kind: "supplier_conference" as const,
    registrationDeadline: new Date("2027-01-10T12:00:00Z"),
    responseDeadline: null,
    effort: { level: "light" as const, hoursPerVendor: 12, kindsOfWork: [], compensationNok: null },
    expectation: {
      status: "planned" as const,
      budgetMinNok: 1_000_000,
      budgetMaxNok: 2_000_000,
      fundingSource: "Økonomiplan",
      expectedValueNok: 1_500_000,
      quantity: null,
      unit: null,
      expectedTenderQuarter: "2027-Q3",
      expectedContractStart: null,
    },
    contract: null,
    sourcing: null,
    pilotPath: null,
    intellectualProperty: EMPTY_IP_TERMS,
    nonUseUndertaking: false,
    ipTermsGrandfathered: false,
    ...UNSCOPED,
  };
  const now = new Date("2026-12-06T12:00:00Z");

  it("treats 12 hours declared as light as significant effort, which needs terms", () => {
    const result = checkPublishable(event, { buyerVerified: true, now });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual([
      "effort_level_too_low",
      "ip_terms_required",
      "ip_terms_required",
      "ip_terms_required",
      "ip_terms_required",
      "non_use_undertaking_required",
    ]);
  });

  it("refuses an amendment that takes the terms back, but not one to a grandfathered event", () => {
    const published = { ...event, effort: { ...event.effort, level: "significant" as const }, intellectualProperty: { ...IP_TERMS }, nonUseUndertaking: true };
    expect(checkAmendment(published, { now, tenderQuarterChanged: false })).toEqual({ ok: true });
    expect(checkAmendment({ ...published, intellectualProperty: { ...IP_TERMS, inputUse: null } }, { now, tenderQuarterChanged: false })).toEqual({
      ok: false,
      problems: [{ path: "intellectualProperty.inputUse", code: "ip_terms_required" }],
    });
    expect(checkAmendment({ ...published, intellectualProperty: EMPTY_IP_TERMS, nonUseUndertaking: false, ipTermsGrandfathered: true }, { now, tenderQuarterChanged: false })).toEqual({ ok: true });
  });
});
