import { describe, expect, it } from "vitest";
import { challengeLive, counterAcceptable, FinishPasskeyRegistrationSchema, passkeyName, relyingParty, StartPasskeyRegistrationSchema } from "~/domain/passkeys";

describe("the relying party", () => {
  it("is the configured public address: its host name and origin", () => {
    expect(relyingParty("https://markedsdialog.example.no")).toEqual({ id: "markedsdialog.example.no", origin: "https://markedsdialog.example.no", name: "Markedsdialog" });
    expect(relyingParty("http://localhost:3000")).toMatchObject({ id: "localhost", origin: "http://localhost:3000" });
  });
});

describe("the signature counter", () => {
  it("lets an authenticator without a counter through, and one with a counter only upwards", () => {
    expect(counterAcceptable(0, 0)).toBe(true);
    expect(counterAcceptable(0, 1)).toBe(true);
    expect(counterAcceptable(5, 6)).toBe(true);
    // A copy of the key answering with an older count.
    expect(counterAcceptable(5, 5)).toBe(false);
    expect(counterAcceptable(5, 3)).toBe(false);
    expect(counterAcceptable(5, 0)).toBe(false);
  });
});

describe("challenges and names", () => {
  it("a challenge lives until its expiry, not a millisecond after", () => {
    const expiresAt = new Date("2026-12-06T10:05:00Z");
    expect(challengeLive(expiresAt, new Date("2026-12-06T10:04:59.999Z"))).toBe(true);
    expect(challengeLive(expiresAt, expiresAt)).toBe(false);
  });
  it("a passkey is named by what was typed, else by the device, and never longer than 60 characters", () => {
    expect(passkeyName("  Jobb-PC  ", "Chrome on Windows")).toBe("Jobb-PC");
    expect(passkeyName("", "Chrome on Windows")).toBe("Chrome on Windows");
    expect(passkeyName("", "")).toBe("Passkey");
    expect(passkeyName("x".repeat(80), "")).toHaveLength(60);
  });
  it("the forms take the password (blank when the session was re-authenticated at the provider: the server decides) and refuse a made-up challenge", () => {
    expect(StartPasskeyRegistrationSchema.safeParse({ intent: "passkey-options", name: "Mobil" })).toMatchObject({ success: true, data: { currentPassword: "" } });
    expect(StartPasskeyRegistrationSchema.safeParse({ intent: "passkey-options", currentPassword: "x".repeat(10_000), name: "Mobil" }).success).toBe(false);
    expect(StartPasskeyRegistrationSchema.safeParse({ intent: "passkey-options", currentPassword: "pw", name: "Mobil" }).success).toBe(true);
    expect(FinishPasskeyRegistrationSchema.safeParse({ intent: "passkey-register", challengeId: "not-a-uuid", response: "{}" }).success).toBe(false);
    expect(FinishPasskeyRegistrationSchema.safeParse({ intent: "passkey-register", challengeId: crypto.randomUUID(), response: "x".repeat(20_000) }).success).toBe(false);
  });
});
