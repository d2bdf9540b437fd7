import { describe, expect, it } from "vitest";
import {
  formatRecoveryCode,
  groupKey,
  matchTotp,
  readSecondFactorCode,
  SECOND_FACTOR_POLICIES,
  secondFactorRequired,
  SecondFactorPolicySchema,
  totpStep,
} from "~/domain/two-factor";

// RFC 6238 appendix B: the SHA-1 key is the ASCII "12345678901234567890"; the six-digit codes
// are the last six of the eight-digit ones the RFC lists.
const RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (seconds: number) => new Date(seconds * 1000);

describe("who must have a second factor", () => {
  it("always requires one of operators, even without an organisation", () => {
    expect(secondFactorRequired({ isOperator: true, memberships: [] })).toBe(true);
  });

  it("requires nothing of a member whose organisations ask nothing", () => {
    expect(secondFactorRequired({ isOperator: false, memberships: [] })).toBe(false);
    expect(secondFactorRequired({ isOperator: false, memberships: [{ role: "admin", policy: "none" }] })).toBe(false);
  });

  it("requires one of admins only where the policy is admins", () => {
    expect(secondFactorRequired({ isOperator: false, memberships: [{ role: "admin", policy: "admins" }] })).toBe(true);
    expect(secondFactorRequired({ isOperator: false, memberships: [{ role: "member", policy: "admins" }] })).toBe(false);
  });

  it("requires one of every member where the policy is all, whatever the other organisations say", () => {
    expect(secondFactorRequired({ isOperator: false, memberships: [{ role: "member", policy: "all" }] })).toBe(true);
    expect(
      secondFactorRequired({
        isOperator: false,
        memberships: [
          { role: "admin", policy: "none" },
          { role: "member", policy: "all" },
        ],
      }),
    ).toBe(true);
  });

  it("offers exactly the policies the database allows", () => {
    expect(SECOND_FACTOR_POLICIES).toEqual(["none", "admins", "all"]);
    expect(SecondFactorPolicySchema.safeParse({ policy: "everyone" }).success).toBe(false);
    expect(SecondFactorPolicySchema.safeParse({ policy: "admins" }).success).toBe(true);
  });
});

describe("TOTP codes (RFC 6238)", () => {
  it("accepts the RFC's test vectors at their times", () => {
    expect(matchTotp(RFC_KEY, "287082", at(59), null)).toBe(1);
    expect(matchTotp(RFC_KEY, "081804", at(1111111109), null)).toBe(totpStep(at(1111111109)));
    expect(matchTotp(RFC_KEY, "005924", at(1234567890), null)).toBe(totpStep(at(1234567890)));
  });

  it("accepts the code of the step before or after now, for a phone clock a little off", () => {
    expect(matchTotp(RFC_KEY, "287082", at(59 + 30), null)).toBe(1);
    expect(matchTotp(RFC_KEY, "287082", at(59 - 30), null)).toBe(1);
  });

  it("refuses a code from a window two steps away", () => {
    expect(matchTotp(RFC_KEY, "287082", at(59 + 60), null)).toBeNull();
    expect(matchTotp(RFC_KEY, "287082", at(59 - 60), null)).toBeNull();
  });

  it("refuses a code whose step was already used, or an older one (replay)", () => {
    expect(matchTotp(RFC_KEY, "287082", at(59), 1)).toBeNull();
    expect(matchTotp(RFC_KEY, "287082", at(59), 2)).toBeNull();
    expect(matchTotp(RFC_KEY, "287082", at(59), 0)).toBe(1);
  });

  it("refuses a wrong code and anything that is not six digits", () => {
    expect(matchTotp(RFC_KEY, "287083", at(59), null)).toBeNull();
    expect(matchTotp(RFC_KEY, "94287082", at(59), null)).toBeNull();
    expect(matchTotp(RFC_KEY, "", at(59), null)).toBeNull();
  });
});

describe("reading what was typed in the code field", () => {
  it("reads six digits as an app code, with spaces", () => {
    expect(readSecondFactorCode(" 287 082 ")).toEqual({ kind: "totp", code: "287082" });
  });

  it("reads a recovery code whatever its case, hyphen or full-width digits", () => {
    expect(readSecondFactorCode("ABCDE-FGH23")).toEqual({ kind: "recovery", code: "abcdefgh23" });
    expect(readSecondFactorCode("２８７０８２")).toEqual({ kind: "totp", code: "287082" });
  });

  it("reads nothing else", () => {
    for (const typed of ["", "12345", "1234567", "abcde-fgh1", "' or 1=1 --", "abcdefghijk"]) expect(readSecondFactorCode(typed)).toBeNull();
  });

  it("shows recovery codes and keys in groups", () => {
    expect(formatRecoveryCode("abcdefgh23")).toBe("abcde-fgh23");
    expect(groupKey(RFC_KEY)).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
  });
});
