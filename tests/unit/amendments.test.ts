import { describe, expect, it } from "vitest";
import { diffDeclarations } from "~/domain/amendments";

describe("diffDeclarations", () => {
  it("finds nothing when the declaration is unchanged", () => {
    const declaration = { title: "Dialogmøte", capacity: 40, expectation: { status: "planned", budgetMinNok: 1_000_000 } };
    expect(diffDeclarations(declaration, structuredClone(declaration))).toEqual([]);
  });

  it("names a changed nested field by its dotted path, with its value before and after", () => {
    expect(
      diffDeclarations(
        { title: "Dialogmøte", expectation: { status: "planned", expectedTenderQuarter: "2027-Q3" } },
        { title: "Dialogmøte", expectation: { status: "planned", expectedTenderQuarter: "2027-Q4" } },
      ),
    ).toEqual([{ field: "expectation.expectedTenderQuarter", before: "2027-Q3", after: "2027-Q4" }]);
  });

  it("compares dates as the ISO strings the API shows", () => {
    const before = new Date("2026-12-01T12:00:00Z");
    const after = new Date("2026-12-08T12:00:00Z");
    expect(diffDeclarations({ registrationDeadline: before }, { registrationDeadline: after })).toEqual([
      { field: "registrationDeadline", before: before.toISOString(), after: after.toISOString() },
    ]);
    expect(diffDeclarations({ registrationDeadline: before }, { registrationDeadline: new Date(before) })).toEqual([]);
  });

  it("compares a list whole, so adding one standard shows both lists", () => {
    const fhir = { code: "hl7-fhir-r4", level: "required", from: null };
    const snomed = { code: "snomed-ct", level: "planned", from: "2028-01-01" };
    expect(diffDeclarations({ standards: [fhir] }, { standards: [fhir, snomed] })).toEqual([
      { field: "standards", before: [fhir], after: [fhir, snomed] },
    ]);
  });

  it("treats a missing field, undefined and null alike", () => {
    expect(diffDeclarations({ capacity: null }, {})).toEqual([]);
    expect(diffDeclarations({ capacity: undefined }, { capacity: null })).toEqual([]);
  });

  it("lists each field of a group that is declared where there was none", () => {
    expect(diffDeclarations({ expectation: null }, { expectation: { status: "planned", budgetMinNok: 5 } })).toEqual([
      { field: "expectation.status", before: null, after: "planned" },
      { field: "expectation.budgetMinNok", before: null, after: 5 },
    ]);
  });
});
