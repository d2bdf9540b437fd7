import { describe, expect, it } from "vitest";
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/password-policy";

describe("password policy", () => {
  it("accepts a long, uncommon password", () => {
    expect(checkPassword("grønne epler i november")).toBeNull();
    expect(checkPassword("demo-password-1")).toBeNull();
  });

  it("refuses passwords shorter than the minimum, and accepts exactly the minimum", () => {
    expect(checkPassword("a".repeat(PASSWORD_MIN_LENGTH - 1).replace(/a$/, "b"))).toBe("too_short");
    expect(checkPassword("kx9-mq2-zp")).toBeNull();
    expect("kx9-mq2-zp").toHaveLength(PASSWORD_MIN_LENGTH);
  });

  it("refuses passwords longer than the maximum", () => {
    expect(checkPassword("x1".repeat(PASSWORD_MAX_LENGTH))).toBe("too_long");
  });

  it.each(["password123", "Passord123!", "1234567890", "qwertyuiop", "Sommeren2026", "aaaaaaaaaaaa", "iloveyou12"])(
    "refuses the common password %s",
    (password) => {
      expect(checkPassword(password)).toBe("too_common");
    },
  );

  it("refuses a password that contains the e-mail's local part", () => {
    expect(checkPassword("berit.hansen-2026!", "berit.hansen@kommune.no")).toBe("contains_email");
    expect(checkPassword("a very long passphrase", "al@x.no")).toBeNull();
  });
});
