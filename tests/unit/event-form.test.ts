import { describe, expect, it } from "vitest";
import { eventFormToInput, eventToFormValues } from "~/domain/event-form";
import { EMPTY_PILOT_PATH } from "~/domain/pilot";
import { EMPTY_SCOPE } from "~/domain/scope";
import { NO_DATA_PROTECTION } from "../fixtures/scope";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

describe("the guided form's fields as the API's input", () => {
  it("turns typed text into numbers, Oslo times, lists and yes/no", () => {
    const input = eventFormToInput(
      form({
        kind: "rfi",
        title: " Digital hjemmeoppfølging ",
        registrationDeadline: "2027-01-15T12:00",
        capacity: "60",
        attendeeLimitPerVendor: "3",
        "effort.level": "significant",
        "effort.hoursPerVendor": "40",
        "effort.kindsOfWork": ["written_response", "demo"],
        "expectation.status": "planned",
        "expectation.budgetMinNok": "4 000 000",
        "expectation.budgetMaxNok": "6\u00a0000\u00a0000",
        "dataProtection.dataCategories": "health_data",
        "dataProtection.cloudAllowed": "no",
        cpv: ["48180000-3"],
        "standards.hl7-fhir-r4.level": "required",
        "standards.hl7-fhir-r4.from": "2027-01-01",
        "standards.snomed-ct.level": "",
      }),
      ["hl7-fhir-r4", "snomed-ct"],
    );
    expect(input).toMatchObject({
      kind: "rfi",
      title: "Digital hjemmeoppfølging",
      registrationDeadline: "2027-01-15T12:00:00+01:00",
      capacity: 60,
      attendeeLimitPerVendor: 3,
      effort: { level: "significant", hoursPerVendor: 40, kindsOfWork: ["written_response", "demo"], compensationNok: null },
      expectation: { status: "planned", budgetMinNok: 4_000_000, budgetMaxNok: 6_000_000, fundingSource: null },
      dataProtection: { dataCategories: ["health_data"], cloudAllowed: false, hostingConstraint: null, dpiaStatus: null, privacyOwnerRole: null },
      scope: null,
      cpv: ["48180000-3"],
      standards: [{ code: "hl7-fhir-r4", level: "required", from: "2027-01-01" }],
      sourcing: null,
      pilotPath: null,
    });
  });

  it("reads the IP terms as yes/no and choices, and leaves the undertaking to the submission", () => {
    const input = eventFormToInput(
      form({
        kind: "rfi",
        title: "Med vilkår",
        "intellectualProperty.backgroundStaysWithVendor": "yes",
        "intellectualProperty.foregroundOwner": "shared",
        "intellectualProperty.existingProductsNotTransferred": "no",
        "intellectualProperty.inputUse": "wider_planning",
        nonUseUndertaking: "yes",
      }),
      [],
    );
    expect(input.intellectualProperty).toEqual({
      backgroundStaysWithVendor: true,
      foregroundOwner: "shared",
      licenceScope: null,
      existingProductsNotTransferred: false,
      inputUse: "wider_planning",
    });
    expect(input).not.toHaveProperty("nonUseUndertaking");
  });

  it("declares no expectation when nothing of it is typed", () => {
    expect(eventFormToInput(form({ kind: "rfi", title: "Uten forventning" }), []).expectation).toBeNull();
  });

  it("passes text that is not a whole number on, for the schema to refuse", () => {
    expect(eventFormToInput(form({ "effort.hoursPerVendor": "førti" }), []).effort.hoursPerVendor).toBe("førti");
  });

  it("shows a stored event in the form the way it was typed", () => {
    const values = eventToFormValues({
      kind: "rfi",
      title: "T",
      description: "",
      cpv: ["48180000-3"],
      region: null,
      registrationDeadline: new Date("2027-01-15T11:00:00Z"),
      startsAt: null,
      endsAt: null,
      responseDeadline: null,
      location: null,
      onlineUrl: null,
      capacity: 60,
      attendeeLimitPerVendor: 2,
      effort: { level: "light", hoursPerVendor: 6, kindsOfWork: [], compensationNok: null },
      expectation: { status: "planned", budgetMinNok: 4_000_000, budgetMaxNok: null },
      contract: { form: null, baseMonths: 24 },
      sourcing: null,
      standards: [{ code: "hl7-fhir-r4", level: "required", from: null }],
      ipTerms: null,
      intellectualProperty: { backgroundStaysWithVendor: true, foregroundOwner: "licence", licenceScope: "Egen drift", existingProductsNotTransferred: false, inputUse: null },
      nonUseUndertaking: { name: "Berit Innkjøp", at: "2026-12-06T10:00:00Z" },
      dataProtection: { ...NO_DATA_PROTECTION, healthData: true, dataResidency: "norway", dpiaNeeded: false, dataCategories: ["health_data"], hostingConstraint: "norway", dpiaStatus: "not_needed" },
      scope: EMPTY_SCOPE,
      pilotPath: {
        ...EMPTY_PILOT_PATH,
        acceptanceCriteria: [{ measure: "Svartid", threshold: "Under 2 s", method: "Logg", judgedBy: "IKT-sjef" }],
        plan: "purchase_option",
        optionMaxPriceNok: 3_000_000,
        optionWindowTo: "2027-Q4",
        budgetEarmarked: false,
      },
      coBuyers: [],
    });
    expect(values).toMatchObject({
      registrationDeadline: "2027-01-15T12:00",
      capacity: "60",
      attendeeLimitPerVendor: "2",
      "expectation.budgetMinNok": "4000000",
      "expectation.budgetMaxNok": "",
      "contract.baseMonths": "24",
      "dataProtection.dataCategories": ["health_data"],
      "dataProtection.hostingConstraint": "norway",
      "dataProtection.dpiaStatus": "not_needed",
      "dataProtection.cloudAllowed": "",
      "scope.items": [],
      "scope.tcoHorizonYears": "",
      "intellectualProperty.backgroundStaysWithVendor": "yes",
      "intellectualProperty.foregroundOwner": "licence",
      "intellectualProperty.licenceScope": "Egen drift",
      "intellectualProperty.existingProductsNotTransferred": "no",
      "intellectualProperty.inputUse": "",
      nonUseUndertakingGiven: "yes",
      "standards.hl7-fhir-r4.level": "required",
      "pilotPath.acceptanceCriteria.0.threshold": "Under 2 s",
      "pilotPath.plan": "purchase_option",
      "pilotPath.optionMaxPriceNok": "3000000",
      "pilotPath.optionWindowTo": "2027-Q4",
      "pilotPath.budgetEarmarked": "no",
      "pilotPath.deciderRole": "",
    });
  });

  it("reads the criteria up to the last row typed in, keeping a blank row before it for the rule to name", () => {
    const input = eventFormToInput(
      form({
        kind: "pilot",
        title: "Utprøving",
        "pilotPath.acceptanceCriteria.0.measure": "Svartid",
        "pilotPath.acceptanceCriteria.0.threshold": "Under 2 s",
        "pilotPath.acceptanceCriteria.2.measure": " Oppetid ",
        "pilotPath.acceptanceCriteria.3.measure": "",
        "pilotPath.plan": "none_planned",
        "pilotPath.budgetEarmarked": "yes",
      }),
      [],
    );
    expect(input.pilotPath).toMatchObject({
      plan: "none_planned",
      budgetEarmarked: true,
      acceptanceCriteria: [
        { measure: "Svartid", threshold: "Under 2 s", method: "", judgedBy: "" },
        { measure: "", threshold: "", method: "", judgedBy: "" },
        { measure: "Oppetid", threshold: "", method: "", judgedBy: "" },
      ],
    });
  });
});

describe("the pilot step's funding rows", () => {
  it("reads the rows up to the last one filled, keeping a blank row's index, and parses amounts", () => {
    const input = eventFormToInput(
      form({
        kind: "pilot",
        title: "Pilot",
        "pilotPath.funding.0.source": "innovation_norway",
        "pilotPath.funding.0.amountNok": "1 200 000",
        "pilotPath.funding.2.source": "other",
        "pilotPath.funding.2.otherText": "Sparebankstiftelsen",
      }),
      [],
    );
    expect(input.pilotPath?.funding).toEqual([
      { source: "innovation_norway", amountNok: 1_200_000, otherText: null },
      { source: "", amountNok: null, otherText: null },
      { source: "other", amountNok: null, otherText: "Sparebankstiftelsen" },
    ]);
  });

  it("leaves the pilot path out when nothing of it is filled", () => {
    expect(eventFormToInput(form({ kind: "rfi", title: "Uten pilot" }), []).pilotPath).toBeNull();
  });
});
