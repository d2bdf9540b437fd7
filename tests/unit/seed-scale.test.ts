import { describe, expect, it } from "vitest";
import { isValidOrgNumber } from "~/domain/org-number";
import { SCALE, scaleOrgNumbers } from "@db/seed/scale";

describe("scaleOrgNumbers", () => {
  it("gives as many distinct, mod-11 valid organisation numbers as asked, the same every time", () => {
    const numbers = [...scaleOrgNumbers(70_000_000, SCALE.buyers), ...scaleOrgNumbers(71_000_000, SCALE.vendors)];
    expect(numbers).toHaveLength(SCALE.buyers + SCALE.vendors);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.filter((n) => !isValidOrgNumber(n))).toEqual([]);
    expect(scaleOrgNumbers(70_000_000, 5)).toEqual(scaleOrgNumbers(70_000_000, 5));
    expect(scaleOrgNumbers(70_000_000, 1)).toEqual(["700000001"]);
  });
});
