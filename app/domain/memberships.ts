import type { CommercialRole, MemberRole } from "./organisations";

export interface MemberSnapshot {
  userId: string;
  role: MemberRole;
}

export type MembershipChange =
  | { kind: "set_role"; userId: string; role: MemberRole }
  | { kind: "remove"; userId: string };

export type MembershipChangeProblem = "not_a_member" | "last_admin";

/**
 * An organisation must always keep at least one admin: someone has to be able
 * to invite, answer for the organisation and appoint the commercial contact.
 * The model calls this inside the transaction, after locking the organisation.
 */
export function checkMembershipChange(
  members: readonly MemberSnapshot[],
  change: MembershipChange,
): { ok: true } | { ok: false; problem: MembershipChangeProblem } {
  const target = members.find((m) => m.userId === change.userId);
  if (!target) return { ok: false, problem: "not_a_member" };
  const losesAdmin = target.role === "admin" && (change.kind === "remove" || change.role !== "admin");
  if (losesAdmin && members.filter((m) => m.role === "admin").length <= 1) return { ok: false, problem: "last_admin" };
  return { ok: true };
}

// Commercial roles follow the side of the market: business development and key
// account managers sell (vendors), commercial leads buy (buyers).
const COMMERCIAL_ROLE_SIDE: Record<CommercialRole, "buyer" | "vendor"> = {
  business_development_manager: "vendor",
  key_account_manager: "vendor",
  commercial_lead: "buyer",
};

export function commercialRoleFits(role: CommercialRole, organisation: { isBuyer: boolean; isVendor: boolean }): boolean {
  return COMMERCIAL_ROLE_SIDE[role] === "buyer" ? organisation.isBuyer : organisation.isVendor;
}
