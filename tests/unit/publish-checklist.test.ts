import { describe, expect, it } from "vitest";
import { checklistStepOf, publishChecklist, type ChecklistContext } from "~/domain/publish-checklist";
import { expectationForm, rfiForm } from "../fixtures/rfi-form";

// The live checklist beside the event form: form values in, what publishing would still
// refuse out, grouped by the form's steps, through the publishing gate itself.

const now = new Date("2026-12-06T12:00:00Z");
const context: ChecklistContext = { buyerVerified: true, now, standardCodes: ["hl7-fhir-r4"], ownDeliveryCpv: [] };
const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v);
  return params;
};

const rfi = rfiForm(now);
const expectation = expectationForm(now);

const steps = (fields: Record<string, string | string[]>, ctx: ChecklistContext = context) =>
  Object.fromEntries(publishChecklist(form(fields), ctx).groups.map((g) => [g.step, g.problems.map((p) => p.code)]));

describe("the live publishing checklist", () => {
  it("lists nothing for an RFI that publishing accepts", () => {
    const checklist = publishChecklist(form({ ...rfi, ...expectation }), context);
    expect(checklist).toEqual({ wellFormed: true, problems: [], groups: [] });
  });

  it("names everything a bare RFI lacks at once, by step, in the form's order", () => {
    const checklist = publishChecklist(form({ kind: "rfi", title: "Forespørsel", "effort.level": "none" }), context);
    expect(checklist.wellFormed).toBe(true);
    expect(checklist.groups.map((g) => g.step)).toEqual(["when", "terms", "publish"]);
    expect(steps({ kind: "rfi", title: "Forespørsel", "effort.level": "none" })).toMatchObject({
      when: ["deadline_in_future_required"],
      publish: ["non_use_undertaking_required"],
    });
  });

  it("asks for the purchase expectation when the effort is significant, under the expectation step", () => {
    expect(steps(rfi)).toEqual({ expectation: ["expectation_required"] });
    // … and for each part of a declared purchase that is still missing.
    expect(steps({ ...rfi, "expectation.status": "planned" })).toEqual({
      expectation: ["budget_required", "budget_required", "funding_source_required", "volume_required", "tender_quarter_required"],
    });
  });

  it("shows a declared level below what the work asks under the effort step", () => {
    expect(steps({ ...rfi, ...expectation, "effort.level": "light" })).toEqual({ effort: ["effort_level_too_low"] });
  });

  it("names the organisation when the buyer is not verified yet", () => {
    expect(steps({ ...rfi, ...expectation }, { ...context, buyerVerified: false })).toEqual({ organisation: ["buyer_not_verified"] });
  });

  it("reads a tender quarter in the past by the clock it is given", () => {
    expect(steps({ ...rfi, ...expectation, "expectation.expectedTenderQuarter": "2026-Q1" })).toEqual({ expectation: ["tender_quarter_in_past"] });
  });

  it("says a co-buyer picked in the form has not consented yet, and knows one that has", () => {
    const coBuyer = "0b6a4c1e-2f8f-4f4e-9a5e-6d1c2b3a4f50";
    expect(steps({ ...rfi, ...expectation, coBuyers: coBuyer })).toEqual({ what: ["co_buyer_consent_required"] });
    const stored = { ipTermsGrandfathered: false, scopeGrandfathered: false, nonUseUndertaking: false, coBuyers: { [coBuyer]: "accepted" as const } };
    expect(steps({ ...rfi, ...expectation, coBuyers: coBuyer }, { ...context, stored })).toEqual({});
  });

  it("counts an undertaking the stored draft already holds", () => {
    const unticked = Object.fromEntries(Object.entries({ ...rfi, ...expectation }).filter(([name]) => name !== "nonUseUndertaking"));
    expect(steps(unticked)).toEqual({ publish: ["non_use_undertaking_required"] });
    const stored = { ipTermsGrandfathered: false, scopeGrandfathered: false, nonUseUndertaking: true, coBuyers: {} };
    expect(steps(unticked, { ...context, stored })).toEqual({});
  });

  it("reports malformed fields first, as the schema names them, and judges the gate once they are fixed", () => {
    const checklist = publishChecklist(form({ ...rfi, ...expectation, "effort.hoursPerVendor": "førti" }), context);
    expect(checklist.wellFormed).toBe(false);
    expect(checklist.groups).toEqual([{ step: "effort", problems: [{ path: "effort.hoursPerVendor", code: expect.any(String) }] }]);
  });

  it.each([
    ["buyer", "organisation"],
    ["coBuyers", "what"],
    ["registrationDeadline", "when"],
    ["effort.compensationNok", "effort"],
    ["expectation.budgetMaxNok", "expectation"],
    ["contract.baseMonths", "contract"],
    ["sourcing.inHouseCostBasis", "sourcing"],
    ["standards", "standards"],
    ["scope.integrations.0.system", "scope"],
    ["dataProtection.dataCategories", "scope"],
    ["intellectualProperty.foregroundOwner", "terms"],
    ["pilotPath.acceptanceCriteria.0.measure", "pilot"],
    ["costBenefit.costOwners.0.sharePercent", "costBenefit"],
    ["nonUseUndertaking", "publish"],
  ])("puts %s under the step %s", (path, step) => {
    expect(checklistStepOf(path)).toBe(step);
  });
});
