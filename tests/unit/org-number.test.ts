import { describe, expect, it } from "vitest";
import { checkOrgNumber, formatOrgNumber, orgNumberCheckDigit } from "~/domain/org-number";

describe("Norwegian organisation number", () => {
  it("accepts real registered numbers", () => {
    // Brønnøysundregistrene (974760673) and Direktoratet for e-helse (915933149).
    expect(checkOrgNumber("974760673")).toEqual({ ok: true, value: "974760673" });
    expect(checkOrgNumber("915933149")).toEqual({ ok: true, value: "915933149" });
  });

  it("accepts the spaced form people type and normalises it", () => {
    expect(checkOrgNumber("974 760 673")).toEqual({ ok: true, value: "974760673" });
  });

  it("rejects a wrong check digit", () => {
    expect(checkOrgNumber("974760674")).toEqual({ ok: false, problem: "check_digit" });
  });

  it("rejects anything but nine digits", () => {
    for (const bad of ["", "97476067", "9747606730", "97476067a", "974-760-673"]) {
      expect(checkOrgNumber(bad)).toEqual({ ok: false, problem: "format" });
    }
  });

  it("uses 0 as check digit when the weighted sum is divisible by 11", () => {
    // 3·1 + 2·4 = 11 → remainder 0 → 11 − 0 = 11 → 0
    expect(orgNumberCheckDigit("10000004")).toBe(0);
    expect(checkOrgNumber("100000040").ok).toBe(true);
  });

  it("refuses every number whose base would need check digit 10", () => {
    // 5·2 + 2·1 = 12 → remainder 1 → 11 − 1 = 10: no valid number has this base.
    expect(orgNumberCheckDigit("00002001")).toBeNull();
    for (let digit = 0; digit <= 9; digit++) {
      expect(checkOrgNumber(`00002001${digit}`)).toEqual({ ok: false, problem: "check_digit" });
    }
  });

  it("formats as three groups", () => {
    expect(formatOrgNumber("974760673")).toBe("974 760 673");
  });
});
