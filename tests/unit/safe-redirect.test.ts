import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/http/safe-redirect";

describe("safe redirect", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeRedirectPath("/demand?kind=rfi")).toBe("/demand?kind=rfi");
  });

  it("refuses other sites and odd values", () => {
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "", null, undefined]) {
      expect(safeRedirectPath(bad)).toBe("/");
    }
  });
});
