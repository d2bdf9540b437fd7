import { describe, expect, it } from "vitest";
import { routeFiles, routeModulePath } from "../fixtures/hostile";
import { NOT_SWEPT, PHONE_SWEEP, SWEPT_BY_FLOW } from "../e2e/phone-pages";

// The browser suite's 390 px sweep (tests/e2e/phone-width.test.ts) must cover every page of the
// portal (issue 14): a route module that renders a page is either swept, as a visitor who may see
// it, or listed in NOT_SWEPT with the reason it cannot be opened as a plain page.
describe("the 390 px sweep covers every page", () => {
  it("lists every route module with a page component", async () => {
    const swept = new Set([...PHONE_SWEEP.flatMap((visitor) => visitor.pages.map((p) => p.route)), ...Object.keys(SWEPT_BY_FLOW)]);
    const files = routeFiles();
    const missing: string[] = [];
    for (const file of files) {
      const module = (await import(routeModulePath(file))) as Record<string, unknown>;
      if (typeof module.default === "function" && !swept.has(file) && !(file in NOT_SWEPT)) missing.push(file);
    }
    expect(missing, "page routes that tests/e2e/phone-pages.ts neither sweeps nor explains").toEqual([]);
    const listed = [...swept, ...Object.keys(NOT_SWEPT)];
    expect(listed.filter((f) => !files.includes(f)), "listed routes that no longer exist").toEqual([]);
    expect(Object.keys(NOT_SWEPT).filter((f) => swept.has(f)), "routes both swept and excused").toEqual([]);
  });
});
