import { describe, expect, it } from "vitest";
import { lastWayInProblem } from "~/domain/sign-in-ways";

describe("never removing the last way in (ADR 0034)", () => {
  const none = { hasPassword: false, passkeys: 0, linksWithProvider: 0 };
  it("refuses to unlink a provider when nothing else would let the person sign in", () => {
    expect(lastWayInProblem(none, "sso_link")).toBe("sso_last_sign_in");
  });
  it("refuses to remove a passkey when nothing else would let the person sign in", () => {
    expect(lastWayInProblem(none, "passkey")).toBe("passkey_last_sign_in");
  });
  it("allows either with a password, a passkey, or a link at a registered provider left", () => {
    for (const removing of ["sso_link", "passkey"] as const) {
      expect(lastWayInProblem({ ...none, hasPassword: true }, removing)).toBeNull();
      expect(lastWayInProblem({ ...none, passkeys: 1 }, removing)).toBeNull();
      expect(lastWayInProblem({ ...none, linksWithProvider: 1 }, removing)).toBeNull();
    }
  });
});
