import { describe, expect, it } from "vitest";
import { stackedSegments } from "~/domain/chart-geometry";
import { readinessFromForm, readinessProblems } from "~/domain/standard-readiness";

const NOW = new Date("2027-05-15T10:00:00Z"); // 2027-Q2 in Oslo
const fhir = "11111111-1111-4111-8111-111111111111";
const snomed = "22222222-2222-4222-8222-222222222222";

const form = (fields: Record<string, string>) => new URLSearchParams(fields) as unknown as FormData;

describe("readinessProblems", () => {
  it("accepts supported and not supported without a quarter, and planned for this quarter or later", () => {
    expect(
      readinessProblems(
        [
          { standardId: fhir, readiness: "supported", plannedQuarter: null },
          {
            standardId: snomed,
            readiness: "planned",
            plannedQuarter: "2027-Q2",
          },
        ],
        NOW,
      ),
    ).toEqual([]);
    expect(
      readinessProblems(
        [
          {
            standardId: fhir,
            readiness: "not_supported",
            plannedQuarter: null,
          },
        ],
        NOW,
      ),
    ).toEqual([]);
    expect(readinessProblems([{ standardId: fhir, readiness: "planned", plannedQuarter: "2030-Q4" }], NOW)).toEqual([]);
  });

  it("refuses a planned standard without a quarter, with a malformed one, or with one already past", () => {
    const path = `standards.${fhir}.plannedQuarter`;
    expect(readinessProblems([{ standardId: fhir, readiness: "planned", plannedQuarter: null }], NOW)).toEqual([{ path, code: "planned_quarter_required" }]);
    expect(readinessProblems([{ standardId: fhir, readiness: "planned", plannedQuarter: "2027-Q5" }], NOW)).toEqual([
      { path, code: "planned_quarter_invalid" },
    ]);
    expect(readinessProblems([{ standardId: fhir, readiness: "planned", plannedQuarter: "Q3 2027" }], NOW)).toEqual([
      { path, code: "planned_quarter_invalid" },
    ]);
    expect(readinessProblems([{ standardId: fhir, readiness: "planned", plannedQuarter: "2027-Q1" }], NOW)).toEqual([
      { path, code: "planned_quarter_in_past" },
    ]);
  });

  it("refuses a quarter on a standard that is not planned, and the same standard twice", () => {
    expect(
      readinessProblems(
        [
          {
            standardId: fhir,
            readiness: "supported",
            plannedQuarter: "2028-Q1",
          },
        ],
        NOW,
      ),
    ).toEqual([
      {
        path: `standards.${fhir}.plannedQuarter`,
        code: "planned_quarter_not_planned",
      },
    ]);
    expect(
      readinessProblems(
        [
          { standardId: fhir, readiness: "supported", plannedQuarter: null },
          {
            standardId: fhir,
            readiness: "not_supported",
            plannedQuarter: null,
          },
        ],
        NOW,
      ),
    ).toEqual([{ path: `standards.${fhir}.readiness`, code: "duplicate" }]);
  });
});

describe("readinessFromForm", () => {
  it("reads each standard's choice and quarter, leaving 'not stated' undeclared", () => {
    const parsed = readinessFromForm(
      form({
        organisationId: "x",
        [`standards.${fhir}.readiness`]: "planned",
        [`standards.${fhir}.plannedQuarter`]: "2027-Q4",
        [`standards.${snomed}.readiness`]: "",
        [`standards.${snomed}.plannedQuarter`]: "",
      }),
    );
    expect(parsed).toEqual({
      entries: [{ standardId: fhir, readiness: "planned", plannedQuarter: "2027-Q4" }],
      problems: [],
    });
  });

  it("names an unknown choice and a quarter without 'planned' at their fields", () => {
    const parsed = readinessFromForm(
      form({
        [`standards.${fhir}.readiness`]: "maybe",
        [`standards.${snomed}.readiness`]: "",
        [`standards.${snomed}.plannedQuarter`]: "2028-Q1",
      }),
    );
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toEqual([
      { path: `standards.${fhir}.readiness`, code: "invalid_choice" },
      {
        path: `standards.${snomed}.plannedQuarter`,
        code: "planned_quarter_not_planned",
      },
    ]);
  });
});

describe("stackedSegments", () => {
  it("lays the parts end to end as shares of the whole length", () => {
    expect(stackedSegments([2, 1, 1], 100)).toEqual([
      { x: 0, width: 50 },
      { x: 50, width: 25 },
      { x: 75, width: 25 },
    ]);
  });

  it("gives zero parts no width and draws nothing for an empty whole", () => {
    expect(stackedSegments([0, 3, 0], 100)).toEqual([
      { x: 0, width: 0 },
      { x: 0, width: 100 },
      { x: 100, width: 0 },
    ]);
    expect(stackedSegments([0, 0], 100).every((s) => s.width === 0)).toBe(true);
  });
});
