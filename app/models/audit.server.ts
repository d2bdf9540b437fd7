import { sql } from "kysely";
import type { Db } from "@db/client";

// Security-relevant actions, kept for operators and organisation admins.
export const AUDIT_ACTIONS = [
  "login",
  "login_failed",
  "login_rate_limited",
  "logout",
  "logout_everywhere",
  "session_ended",
  "member_session_ended",
  "signup",
  "email_verified",
  "password_reset_requested",
  "password_reset",
  "password_changed",
  "password_set",
  "organisation_created",
  "organisation_updated",
  "own_delivery_updated",
  "organisation_verified",
  "organisation_rejected",
  "verification_review_requested",
  "member_invited",
  "invitation_revoked",
  "member_joined",
  "member_role_changed",
  "member_removed",
  "commercial_contact_changed",
  "token_created",
  "token_revoked",
  "outbox_message_retried",
  // Two-factor authentication (issue 21)
  "login_awaiting_second_factor",
  "second_factor_failed",
  "second_factor_rate_limited",
  "recovery_code_used",
  "second_factor_enrolment_started",
  "second_factor_enrolled",
  "second_factor_disabled",
  "second_factor_disable_refused",
  "recovery_codes_regenerated",
  "second_factor_policy_changed",
  "passkey_added",
  "passkey_removed",
  "passkey_sign_in_failed",
  // Single sign-on (issue 21): the provider's registration, and refused sign-ins through it.
  "sso_provider_registered",
  "sso_provider_changed",
  "sso_provider_removed",
  "sso_domain_refused",
  "sso_sign_in_refused",
  // Re-authentication and linking through a provider from the person's settings.
  "reauthenticated",
  "reauthentication_refused",
  "sso_linked",
  "sso_link_refused",
  "sso_unlinked",
  "sso_unlink_refused",
  "passkey_remove_refused",
  // Protected reports (issue 18): an operator read who filed a report.
  "protected_report_reporter_read",
  // Access export (innsyn, ADR 0037): a buyer's admin exported an event's documents and responses.
  "access_export_made",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who changes an organisation's records, as the audit log keeps them: the person and where from. */
export interface AuditedActor {
  userId: string;
  ip: string | null;
}

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
      // Sent as text and cast: postgres.js would otherwise JSON-encode the
      // already encoded string for a jsonb parameter and store a JSON string.
      details: sql<string>`cast(${JSON.stringify(entry.details ?? {})} as text)::jsonb`,
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

export const AUDIT_PAGE_SIZE = 50;

/** One page of the log, newest first; `nextBefore` continues after the last row shown. */
export async function pageAudit(db: Db, { organisationId, before }: { organisationId?: string; before?: number }) {
  const rows = await listAudit(db, { organisationId, before, limit: AUDIT_PAGE_SIZE + 1 });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, nextBefore: rows.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null };
}

/** `?before=123` → 123; anything else → the newest page. */
export function parseAuditCursor(value: string | null): number | undefined {
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
