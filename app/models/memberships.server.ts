import type { Db } from "@db/client";
import type { EmailMessage } from "@emails/messages";
import { enqueueEmail } from "@emails/outbox.server";
import { checkMembershipChange, commercialRoleFits, type MembershipChangeProblem } from "~/domain/memberships";
import type { CommercialRole, MemberRole, VerificationStatus } from "~/domain/organisations";
import { fail, failAt, ok, type Result } from "~/domain/result";
import { audit, type AuditedActor } from "./audit.server";

export interface MembershipWithOrganisation {
  role: MemberRole;
  commercialRole: CommercialRole | null;
  organisation: {
    id: string;
    slug: string;
    name: string;
    isBuyer: boolean;
    isVendor: boolean;
    verificationStatus: VerificationStatus;
  };
}

function membershipQuery(db: Db) {
  return db
    .selectFrom("memberships")
    .innerJoin("organisations", "organisations.id", "memberships.organisationId")
    .select([
      "memberships.role",
      "memberships.commercialRole",
      "organisations.id",
      "organisations.slug",
      "organisations.name",
      "organisations.isBuyer",
      "organisations.isVendor",
      "organisations.verificationStatus",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof membershipQuery>["executeTakeFirstOrThrow"]>>;

function toMembership({ role, commercialRole, ...organisation }: Row): MembershipWithOrganisation {
  return { role, commercialRole, organisation };
}

export async function getMembership(db: Db, userId: string, organisationId: string): Promise<MembershipWithOrganisation | null> {
  const row = await membershipQuery(db)
    .where("memberships.userId", "=", userId)
    .where("memberships.organisationId", "=", organisationId)
    .executeTakeFirst();
  return row ? toMembership(row) : null;
}

export async function listMemberships(db: Db, userId: string): Promise<MembershipWithOrganisation[]> {
  const rows = await membershipQuery(db).where("memberships.userId", "=", userId).orderBy("organisations.name").execute();
  return rows.map(toMembership);
}

/**
 * Who a person acts for: the organisation named (a form's or a request's organisationId), else
 * their active organisation while they are still a member of it, else their first. Null when they
 * are not a member of the one named, or belong to none.
 */
export async function actingMembership(
  db: Db,
  user: { id: string; activeOrganisationId: string | null },
  organisationId?: string,
): Promise<MembershipWithOrganisation | null> {
  if (organisationId) return getMembership(db, user.id, organisationId);
  const active = user.activeOrganisationId ? await getMembership(db, user.id, user.activeOrganisationId) : null;
  return active ?? (await listMemberships(db, user.id))[0] ?? null;
}

// ------------------------------------------------------------ the organisation's admins

export interface AdminRecipient {
  id: string;
  email: string;
  name: string;
  language: "nb" | "en";
}

/**
 * The admins of an organisation that mail may go to: those who have confirmed their address.
 * The one rule for every message to "the organisation's admins": an unconfirmed address may be
 * mistyped or someone else's, and these messages carry what only the organisation may read
 * (interaction entries about it, effort requests, the operator's verdict on it).
 */
export async function adminRecipients(db: Db, organisationId: string): Promise<AdminRecipient[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.userId")
    .select(["users.id", "users.email", "users.name", "users.language"])
    .where("memberships.organisationId", "=", organisationId)
    .where("memberships.role", "=", "admin")
    .where("users.emailVerifiedAt", "is not", null)
    .orderBy("users.email")
    .execute();
}

/** One template and its data, without the envelope (`to`, `language`) each recipient fills in. */
export type Letter = EmailMessage extends infer M ? (M extends EmailMessage ? Omit<M, "to" | "language"> : never) : never;

/**
 * Queues a message to each admin of the organisation (see adminRecipients), in the caller's
 * transaction so the mail exists exactly when the change it tells of does. Returns how many.
 */
export async function emailAdmins(trx: Db, organisationId: string, letter: (admin: AdminRecipient) => Letter): Promise<number> {
  const admins = await adminRecipients(trx, organisationId);
  for (const admin of admins) {
    await enqueueEmail(trx, { ...letter(admin), to: admin.email, language: admin.language });
  }
  return admins.length;
}

// ------------------------------------------------------------ managing members

export async function listMembers(db: Db, organisationId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.userId")
    .select(["users.id as userId", "users.name", "users.email", "memberships.role", "memberships.commercialRole", "memberships.createdAt"])
    .where("memberships.organisationId", "=", organisationId)
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

/**
 * Locks the organisation row, then reads its members: every change to who is
 * admin goes through this lock, so two concurrent demotions are serialised and
 * the second one sees the first.
 */
async function lockMembers(trx: Db, organisationId: string) {
  const organisation = await trx
    .selectFrom("organisations")
    .select(["id", "name", "isBuyer", "isVendor", "commercialContactUserId"])
    .where("id", "=", organisationId)
    .forUpdate()
    .executeTakeFirst();
  if (!organisation) return null;
  const members = await trx
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.userId")
    .select(["memberships.userId", "memberships.role", "memberships.commercialRole", "users.name", "users.email"])
    .where("memberships.organisationId", "=", organisationId)
    .forUpdate(["memberships"])
    .execute();
  return { organisation, members };
}

/**
 * The domain's refusal of a membership change as a failure: someone who is not a member is
 * not found (a form-level problem); losing the last admin conflicts with the rule, at `lastAdminPath`.
 */
function changeRefused(problem: MembershipChangeProblem, lastAdminPath: string) {
  return problem === "not_a_member" ? failAt("not_found", "", "not_a_member") : failAt("conflict", lastAdminPath, "last_admin");
}

export async function changeMember(
  db: Db,
  change: { organisationId: string; userId: string; role: MemberRole; commercialRole: CommercialRole | null },
  actor: AuditedActor,
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockMembers(trx, change.organisationId);
    if (!locked) return failAt("not_found", "", "not_a_member");
    const check = checkMembershipChange(locked.members, { kind: "set_role", userId: change.userId, role: change.role });
    if (!check.ok) return changeRefused(check.problem, "role");
    if (change.commercialRole && !commercialRoleFits(change.commercialRole, locked.organisation)) {
      return failAt("invalid", "commercialRole", "commercial_role_mismatch");
    }
    const before = locked.members.find((m) => m.userId === change.userId)!;
    if (before.role === change.role && before.commercialRole === change.commercialRole) return ok();
    await trx
      .updateTable("memberships")
      .set({ role: change.role, commercialRole: change.commercialRole })
      .where("organisationId", "=", change.organisationId)
      .where("userId", "=", change.userId)
      .execute();
    await audit(trx, {
      action: "member_role_changed",
      actorUserId: actor.userId,
      organisationId: change.organisationId,
      subject: before.email,
      ip: actor.ip,
      details: {
        userId: change.userId,
        from: { role: before.role, commercialRole: before.commercialRole },
        to: { role: change.role, commercialRole: change.commercialRole },
      },
    });
    return ok();
  });
}

/** Removes a member (or lets a member leave). Never the last admin. */
export async function removeMember(
  db: Db,
  target: { organisationId: string; userId: string },
  actor: AuditedActor,
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockMembers(trx, target.organisationId);
    if (!locked) return failAt("not_found", "", "not_a_member");
    const check = checkMembershipChange(locked.members, { kind: "remove", userId: target.userId });
    if (!check.ok) return changeRefused(check.problem, "");
    const member = locked.members.find((m) => m.userId === target.userId)!;
    await trx
      .deleteFrom("memberships")
      .where("organisationId", "=", target.organisationId)
      .where("userId", "=", target.userId)
      .execute();
    await trx
      .updateTable("users")
      .set({ activeOrganisationId: null })
      .where("id", "=", target.userId)
      .where("activeOrganisationId", "=", target.organisationId)
      .execute();
    if (locked.organisation.commercialContactUserId === target.userId) {
      await trx.updateTable("organisations").set({ commercialContactUserId: null }).where("id", "=", target.organisationId).execute();
    }
    await audit(trx, {
      action: "member_removed",
      actorUserId: actor.userId,
      organisationId: target.organisationId,
      subject: member.email,
      ip: actor.ip,
      details: { userId: target.userId, left: actor.userId === target.userId },
    });
    return ok();
  });
}

/** A buyer's commercial contact point: one of its members, or nobody. */
export async function setCommercialContact(
  db: Db,
  target: { organisationId: string; userId: string | null },
  actor: AuditedActor,
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockMembers(trx, target.organisationId);
    if (!locked) return fail("not_found");
    if (!locked.organisation.isBuyer) return failAt("invalid", "userId", "not_a_buyer");
    const member = target.userId ? locked.members.find((m) => m.userId === target.userId) : null;
    if (target.userId && !member) return failAt("invalid", "userId", "not_a_member");
    if (locked.organisation.commercialContactUserId === target.userId) return ok();
    await trx.updateTable("organisations").set({ commercialContactUserId: target.userId }).where("id", "=", target.organisationId).execute();
    await audit(trx, {
      action: "commercial_contact_changed",
      actorUserId: actor.userId,
      organisationId: target.organisationId,
      subject: member?.email ?? null,
      ip: actor.ip,
      details: { from: locked.organisation.commercialContactUserId, to: target.userId },
    });
    return ok();
  });
}

/** Makes one of the person's organisations the one they act for. */
export async function switchActiveOrganisation(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const membership = await getMembership(db, userId, organisationId);
  if (!membership) return false;
  await db.updateTable("users").set({ activeOrganisationId: organisationId }).where("id", "=", userId).execute();
  return true;
}
