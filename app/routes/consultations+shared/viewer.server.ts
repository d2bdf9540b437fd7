import { db } from "@db/db.server";
import { forbidden, getUser, requireMember, requireUser, type GuardArgs } from "~/auth/guards.server";
import type { ConsultationActor } from "~/domain/consultations";
import { actingMembership } from "~/models/memberships.server";

/**
 * Who is reading a consultation page or the API: nobody, a person acting for an organisation
 * (only with a confirmed address, as requireMember asks), and whether they are an operator.
 */
export async function consultationViewer(args: GuardArgs) {
  const user = getUser(args);
  if (!user) return { user: null, membership: null, actor: null };
  const membership = user.emailVerifiedAt ? await actingMembership(db(), user) : null;
  const actor: ConsultationActor = { userId: user.id, isOperator: user.isOperator, organisationId: membership?.organisation.id ?? null };
  return { user, membership, actor };
}

/** Who may open a new consultation: a member of a buyer organisation, or an operator. */
export function mayCreateConsultation(viewer: Awaited<ReturnType<typeof consultationViewer>>): boolean {
  return Boolean(viewer.user?.isOperator || viewer.membership?.organisation.isBuyer);
}

/** An operator organises for the portal (organiser null); anyone else must act for a buyer organisation. */
export async function requireOrganiser(args: GuardArgs): Promise<{ userId: string; organiserId: string | null; isOperator: boolean }> {
  const user = requireUser(args);
  if (user.isOperator) return { userId: user.id, organiserId: null, isOperator: true };
  const member = await requireMember(args, { kind: "buyer" });
  return { userId: member.user.id, organiserId: member.organisation.id, isOperator: false };
}

/** The organiser of one consultation acting: an operator for the operators' ones, otherwise a member of the organiser (403 for anyone else). */
export async function requireOrganiserOf(args: GuardArgs, organiserId: string | null): Promise<ConsultationActor> {
  const user = requireUser(args);
  if (organiserId === null) {
    if (!user.isOperator) forbidden(args.request);
    return { userId: user.id, isOperator: true, organisationId: null };
  }
  const member = await requireMember(args, { organisationId: organiserId, kind: "buyer" });
  return { userId: member.user.id, isOperator: user.isOperator, organisationId: member.organisation.id };
}
