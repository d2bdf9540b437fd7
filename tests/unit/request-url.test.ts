import { describe, expect, it } from "vitest";
import { normaliseRequestPath } from "~/http/request-url";

describe("normaliseRequestPath", () => {
  it("leaves a normal path and query exactly as spelt", () => {
    expect(normaliseRequestPath("/demand?q=journal+EPJ&region=03")).toBe("/demand?q=journal+EPJ&region=03");
    expect(normaliseRequestPath("/organisations/bergvik-kommune")).toBe("/organisations/bergvik-kommune");
    expect(normaliseRequestPath("/")).toBe("/");
  });

  it("names no page when a path segment holds a control character", () => {
    expect(normaliseRequestPath("/organisations/%00")).toBe("no_such_path");
    expect(normaliseRequestPath("/organisations/%00.atom")).toBe("no_such_path");
    expect(normaliseRequestPath("/standards/roadmaps/a%0Db")).toBe("no_such_path");
  });

  it("normalises query values: NUL and controls removed, NFC", () => {
    expect(normaliseRequestPath("/demand?q=a%00b")).toBe("/demand?q=ab");
    expect(normaliseRequestPath("/demand?q=e%CC%81")).toBe(`/demand?q=${encodeURIComponent("é")}`);
  });

  it("composes path segments to NFC and leaves bad percent-encoding to the router", () => {
    expect(normaliseRequestPath("/organisations/e%CC%81")).toBe(`/organisations/${encodeURIComponent("é")}`);
    expect(normaliseRequestPath("/organisations/%zz")).toBe("/organisations/%zz");
  });
});
