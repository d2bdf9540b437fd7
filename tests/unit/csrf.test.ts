import { describe, expect, it } from "vitest";
import { isCrossSiteMutation, type RequestOriginInfo } from "~/auth/csrf";

const base: RequestOriginInfo = {
  method: "POST",
  host: "markedsdialog.no",
  origin: null,
  referer: null,
  secFetchSite: null,
  hasBearerToken: false,
};

describe("cross-site request refusal", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossSiteMutation({ ...base, method: "GET", origin: "https://evil.example" })).toBe(false);
  });

  it("allows a form post from our own origin", () => {
    expect(isCrossSiteMutation({ ...base, origin: "https://markedsdialog.no", secFetchSite: "same-origin" })).toBe(false);
  });

  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["an opaque origin", { origin: "null" }],
    ["a cross-site fetch", { secFetchSite: "cross-site" }],
    ["a sibling subdomain", { secFetchSite: "same-site", origin: "https://x.markedsdialog.no" }],
    ["a foreign referer without origin", { referer: "https://evil.example/form" }],
  ])("refuses a post from %s", (_, override) => {
    expect(isCrossSiteMutation({ ...base, ...override })).toBe(true);
  });

  it("allows API clients that authenticate with a bearer token", () => {
    expect(isCrossSiteMutation({ ...base, origin: "https://integrator.example", hasBearerToken: true })).toBe(false);
  });

  it("allows non-browser clients that send no browser headers", () => {
    expect(isCrossSiteMutation(base)).toBe(false);
  });
});
