import { describe, expect, it } from "vitest";
import { list, submittedValues, text } from "~/domain/form-entries";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("reading a posted form", () => {
  it("trims text and reads a missing field as empty", () => {
    const data = form([["title", "  Demo av medisineringsstøtte \n"]]);
    expect(text(data, "title")).toBe("Demo av medisineringsstøtte");
    expect(text(data, "description")).toBe("");
  });

  it("reads checkboxes as a list without blanks", () => {
    const data = form([
      ["kindsOfWork", "demo"],
      ["kindsOfWork", "  "],
      ["kindsOfWork", " prototype "],
    ]);
    expect(list(data, "kindsOfWork")).toEqual(["demo", "prototype"]);
    expect(list(data, "recipients")).toEqual([]);
  });

  it("keeps every value as typed to put back in the fields, a repeated field as a list", () => {
    const data = form([
      ["expectation.expectedTenderQuarter", "2027-Q2"],
      ["expectation.status", ""],
      ["recipients", "a"],
      ["recipients", "b"],
    ]);
    expect(submittedValues(data)).toEqual({ "expectation.expectedTenderQuarter": "2027-Q2", "expectation.status": "", recipients: ["a", "b"] });
  });
});
