import { describe, expect, it } from "vitest";
import { invitationState } from "~/domain/invitations";
import { checkMembershipChange, commercialRoleFits } from "~/domain/memberships";
import { firstFreeSlug, slugify } from "~/domain/slug";

const twoAdmins = [
  { userId: "a", role: "admin" as const },
  { userId: "b", role: "admin" as const },
  { userId: "m", role: "member" as const },
];
const oneAdmin = twoAdmins.filter((m) => m.userId !== "b");

describe("the last-admin rule", () => {
  it("lets an admin be demoted or removed while another admin remains", () => {
    expect(checkMembershipChange(twoAdmins, { kind: "set_role", userId: "a", role: "member" })).toEqual({ ok: true });
    expect(checkMembershipChange(twoAdmins, { kind: "remove", userId: "a" })).toEqual({ ok: true });
  });

  it("refuses to demote the last admin", () => {
    expect(checkMembershipChange(oneAdmin, { kind: "set_role", userId: "a", role: "member" })).toEqual({ ok: false, problem: "last_admin" });
  });

  it("refuses to remove the last admin, also when they leave themselves", () => {
    expect(checkMembershipChange(oneAdmin, { kind: "remove", userId: "a" })).toEqual({ ok: false, problem: "last_admin" });
  });

  it("lets the last admin keep the admin role and members come and go", () => {
    expect(checkMembershipChange(oneAdmin, { kind: "set_role", userId: "a", role: "admin" })).toEqual({ ok: true });
    expect(checkMembershipChange(oneAdmin, { kind: "remove", userId: "m" })).toEqual({ ok: true });
    expect(checkMembershipChange(oneAdmin, { kind: "set_role", userId: "m", role: "admin" })).toEqual({ ok: true });
  });

  it("refuses changes to someone who is not a member", () => {
    expect(checkMembershipChange(oneAdmin, { kind: "remove", userId: "x" })).toEqual({ ok: false, problem: "not_a_member" });
  });
});

describe("commercial roles", () => {
  it("pairs business development and key account managers with vendors, commercial leads with buyers", () => {
    const buyer = { isBuyer: true, isVendor: false };
    const vendor = { isBuyer: false, isVendor: true };
    const both = { isBuyer: true, isVendor: true };
    expect(commercialRoleFits("commercial_lead", buyer)).toBe(true);
    expect(commercialRoleFits("commercial_lead", vendor)).toBe(false);
    expect(commercialRoleFits("key_account_manager", vendor)).toBe(true);
    expect(commercialRoleFits("business_development_manager", buyer)).toBe(false);
    expect(commercialRoleFits("business_development_manager", both)).toBe(true);
    expect(commercialRoleFits("commercial_lead", both)).toBe(true);
  });
});

describe("slugs", () => {
  it("spells æ, ø and å the Norwegian way", () => {
    expect(slugify("Sør-Ålesund Helse- og Omsorgsetat")).toBe("sor-alesund-helse-og-omsorgsetat");
    expect(slugify("Bærum kommune")).toBe("baerum-kommune");
    expect(slugify("  !!! ")).toBe("organisasjon");
  });

  it("adds -2, -3 … when the address is taken", () => {
    expect(firstFreeSlug("bergvik", new Set())).toBe("bergvik");
    expect(firstFreeSlug("bergvik", new Set(["bergvik", "bergvik-2"]))).toBe("bergvik-3");
  });
});

describe("invitation links", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const base = { expiresAt: new Date("2026-12-08T12:00:00Z"), acceptedAt: null, revokedAt: null };
  it("are pending until used, revoked or expired", () => {
    expect(invitationState(base, now)).toBe("pending");
    expect(invitationState({ ...base, acceptedAt: now }, now)).toBe("accepted");
    expect(invitationState({ ...base, revokedAt: now }, now)).toBe("revoked");
    expect(invitationState(base, new Date("2026-12-08T12:00:00Z"))).toBe("expired");
  });
});
