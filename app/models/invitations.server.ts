import type { Db } from "@db/client";
import { enqueueEmail } from "@emails/outbox.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { invitationExpiry, invitationState, type InvitationState } from "~/domain/invitations";
import type { MemberRole } from "~/domain/organisations";
import type { Language } from "~/i18n/resources";
import { fail, failAt, ok, type Result } from "~/domain/result";
import { audit, type AuditedActor } from "./audit.server";

/** The inviter, named in the invitation mail. */
export interface InvitationActor extends AuditedActor {
  name: string;
}

/**
 * Invites someone by e-mail. The token leaves this function only inside the
 * mail written to the outbox in the same transaction; the table keeps its hash.
 * A newer invitation to the same address replaces a pending one.
 */
export async function createInvitation(
  db: Db,
  invitation: { organisationId: string; email: string; role: MemberRole; language: Language; baseUrl: string; now?: Date },
  actor: InvitationActor,
): Promise<Result<{ token: string }>> {
  const now = invitation.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const organisation = await trx
      .selectFrom("organisations")
      .select(["id", "name"])
      .where("id", "=", invitation.organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!organisation) return fail("not_found");
    const existing = await trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.userId")
      .select("users.language")
      .where("memberships.organisationId", "=", organisation.id)
      .where("users.email", "=", invitation.email)
      .executeTakeFirst();
    if (existing) return failAt("conflict", "email", "already_member");
    const invitee = await trx.selectFrom("users").select("language").where("email", "=", invitation.email).executeTakeFirst();

    await trx
      .updateTable("invitations")
      .set({ revokedAt: now })
      .where("organisationId", "=", organisation.id)
      .where("email", "=", invitation.email)
      .where("acceptedAt", "is", null)
      .where("revokedAt", "is", null)
      .execute();
    const token = generateToken();
    const expiresAt = invitationExpiry(now);
    await trx
      .insertInto("invitations")
      .values({
        tokenHash: hashToken(token),
        organisationId: organisation.id,
        email: invitation.email,
        role: invitation.role,
        invitedBy: actor.userId,
        expiresAt,
      })
      .execute();
    await enqueueEmail(trx, {
      template: "invitation",
      to: invitation.email,
      language: invitee?.language ?? invitation.language,
      data: {
        organisationName: organisation.name,
        inviterName: actor.name,
        role: invitation.role,
        url: `${invitation.baseUrl}/invitations/${token}`,
        expiresAt: expiresAt.toISOString(),
      },
    });
    await audit(trx, {
      action: "member_invited",
      actorUserId: actor.userId,
      organisationId: organisation.id,
      subject: invitation.email,
      ip: actor.ip,
      details: { role: invitation.role },
    });
    return ok({ token });
  });
}

export async function listPendingInvitations(db: Db, organisationId: string, now = new Date()) {
  return db
    .selectFrom("invitations")
    .leftJoin("users as inviter", "inviter.id", "invitations.invitedBy")
    .select(["invitations.id", "invitations.email", "invitations.role", "invitations.expiresAt", "invitations.createdAt", "inviter.name as inviterName"])
    .where("invitations.organisationId", "=", organisationId)
    .where("invitations.acceptedAt", "is", null)
    .where("invitations.revokedAt", "is", null)
    .where("invitations.expiresAt", ">", now)
    .orderBy("invitations.createdAt", "desc")
    .execute();
}

export async function revokeInvitation(
  db: Db,
  target: { organisationId: string; invitationId: string },
  actor: AuditedActor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable("invitations")
      .set({ revokedAt: new Date() })
      .where("id", "=", target.invitationId)
      .where("organisationId", "=", target.organisationId)
      .where("acceptedAt", "is", null)
      .where("revokedAt", "is", null)
      .returning(["email"])
      .executeTakeFirst();
    if (!revoked) return false;
    await audit(trx, {
      action: "invitation_revoked",
      actorUserId: actor.userId,
      organisationId: target.organisationId,
      subject: revoked.email,
      ip: actor.ip,
    });
    return true;
  });
}

function invitationByToken(db: Db, token: string) {
  return db
    .selectFrom("invitations")
    .innerJoin("organisations", "organisations.id", "invitations.organisationId")
    .select([
      "invitations.id",
      "invitations.email",
      "invitations.role",
      "invitations.expiresAt",
      "invitations.acceptedAt",
      "invitations.revokedAt",
      "invitations.organisationId",
      "organisations.name as organisationName",
      "organisations.slug as organisationSlug",
    ])
    .where("invitations.tokenHash", "=", hashToken(token));
}

export interface InvitationView {
  state: InvitationState;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  organisationId: string;
  organisationName: string;
  organisationSlug: string;
}

export async function findInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView | null> {
  const row = await invitationByToken(db, token).executeTakeFirst();
  if (!row) return null;
  return {
    state: invitationState(row, now),
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationSlug: row.organisationSlug,
  };
}

export type AcceptProblem = "invalid" | "expired" | "revoked" | "accepted" | "wrong_account" | "already_member";

const refusedAccept = (reason: "not_found" | "forbidden" | "conflict", code: AcceptProblem) => failAt(reason, "", code);

/**
 * Joins the invited organisation, once, as the person the invitation was for. A refusal's
 * one problem names the invitation's state (its code is an AcceptProblem).
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  user: { id: string; email: string; ip: string | null },
  now = new Date(),
): Promise<Result<{ organisationId: string }, AcceptProblem>> {
  return db.transaction().execute(async (trx) => {
    const invitation = await invitationByToken(trx, token).forUpdate(["invitations"]).executeTakeFirst();
    if (!invitation) return refusedAccept("not_found", "invalid");
    const state = invitationState(invitation, now);
    if (state !== "pending") return refusedAccept("conflict", state);
    if (invitation.email !== user.email.toLowerCase()) return refusedAccept("forbidden", "wrong_account");
    const member = await trx
      .selectFrom("memberships")
      .select("role")
      .where("organisationId", "=", invitation.organisationId)
      .where("userId", "=", user.id)
      .executeTakeFirst();
    if (member) return refusedAccept("conflict", "already_member");
    await trx
      .insertInto("memberships")
      .values({ userId: user.id, organisationId: invitation.organisationId, role: invitation.role, commercialRole: null })
      .execute();
    await trx.updateTable("invitations").set({ acceptedAt: now, acceptedBy: user.id }).where("id", "=", invitation.id).execute();
    await trx.updateTable("users").set({ activeOrganisationId: invitation.organisationId }).where("id", "=", user.id).execute();
    await audit(trx, {
      action: "member_joined",
      actorUserId: user.id,
      organisationId: invitation.organisationId,
      subject: user.email,
      ip: user.ip,
      details: { role: invitation.role, invitationId: invitation.id },
    });
    return ok({ organisationId: invitation.organisationId });
  });
}
