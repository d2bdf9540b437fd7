import { sql } from "kysely";
import type { Db } from "@db/client";

// Security-relevant actions, kept for operators and organisation admins.
export const AUDIT_ACTIONS = [
  "login",
  "login_failed",
  "login_rate_limited",
  "logout",
  "logout_everywhere",
  "signup",
  "email_verified",
  "password_reset_requested",
  "password_reset",
  "password_changed",
  "organisation_created",
  "organisation_updated",
  "organisation_verified",
  "organisation_rejected",
  "member_invited",
  "invitation_revoked",
  "member_joined",
  "member_role_changed",
  "member_removed",
  "commercial_contact_changed",
  "token_created",
  "token_revoked",
  "outbox_message_retried",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  actorUserId: string | null;
  organisationId?: string | null;
  /** What the action was about, e.g. the e-mail address or the member's name. */
  subject?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("auditLog")
    .values({
      action: entry.action,
      actorUserId: entry.actorUserId,
      organisationId: entry.organisationId ?? null,
      subject: entry.subject ?? null,
      ip: entry.ip ?? null,
      // As text cast to jsonb: postgres.js would JSON-encode a string parameter a second time.
      details: sql<string>`${JSON.stringify(entry.details ?? {})}::text::jsonb`,
    })
    .execute();
}

export async function listAudit(db: Db, { organisationId, limit = 200, before }: { organisationId?: string; limit?: number; before?: number } = {}) {
  let query = db
    .selectFrom("auditLog")
    .leftJoin("users", "users.id", "auditLog.actorUserId")
    .leftJoin("organisations", "organisations.id", "auditLog.organisationId")
    .select([
      "auditLog.id",
      "auditLog.at",
      "auditLog.action",
      "auditLog.subject",
      "auditLog.ip",
      "auditLog.details",
      "users.name as actorName",
      "users.email as actorEmail",
      "organisations.name as organisationName",
    ])
    .orderBy("auditLog.id", "desc")
    .limit(limit);
  if (organisationId) query = query.where("auditLog.organisationId", "=", organisationId);
  if (before) query = query.where("auditLog.id", "<", before);
  return query.execute();
}
