import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { getMembership, listMemberships, type MembershipWithOrganisation } from "~/models/memberships.server";
import type { CurrentUser } from "./context.server";
import { isUuid } from "~/domain/ids";

export interface GuardArgs {
  request: Request;
  context: AppLoadContext;
}

function isApi(request: Request) {
  return new URL(request.url).pathname.startsWith("/api/");
}

function unauthenticated(request: Request): never {
  if (isApi(request)) throw json({ error: "unauthenticated" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export function forbidden(request: Request): never {
  if (isApi(request)) throw json({ error: "forbidden" }, { status: 403 });
  throw new Response(null, { status: 403, statusText: "Forbidden" });
}

export function getUser({ context }: GuardArgs): CurrentUser | null {
  return context.auth?.user ?? null;
}

/** Anyone signed in (browser session or API token). */
export function requireUser(args: GuardArgs): CurrentUser {
  const user = getUser(args);
  if (!user) unauthenticated(args.request);
  return user;
}

/** Signed in with a confirmed e-mail address: needed to act for an organisation. */
export function requireVerifiedUser(args: GuardArgs): CurrentUser {
  const user = requireUser(args);
  if (!user.emailVerifiedAt) {
    if (isApi(args.request)) throw json({ error: "email_not_verified" }, { status: 403 });
    throw redirect("/verify-email");
  }
  return user;
}

export function requireOperator(args: GuardArgs): CurrentUser {
  const user = requireUser(args);
  if (!user.isOperator) forbidden(args.request);
  return user;
}

export interface MemberRequirement {
  /** Act for this organisation; default: the person's active organisation. */
  organisationId?: string;
  role?: "admin" | "member";
  kind?: "buyer" | "vendor";
}

export interface Member {
  user: CurrentUser;
  membership: MembershipWithOrganisation;
  organisation: MembershipWithOrganisation["organisation"];
}

/**
 * A member of an organisation, acting for it. Without an organisation the person
 * is sent to create or join one; with the wrong role or kind they get 403.
 */
export async function requireMember(args: GuardArgs, requirement: MemberRequirement = {}): Promise<Member> {
  const user = requireVerifiedUser(args);
  let organisationId = requirement.organisationId ?? user.activeOrganisationId;
  if (!organisationId) {
    const first = (await listMemberships(db(), user.id))[0];
    if (!first) {
      if (isApi(args.request)) throw json({ error: "no_organisation" }, { status: 403 });
      throw redirect("/organisations/new");
    }
    organisationId = first.organisation.id;
  }
  const membership = await getMembership(db(), user.id, organisationId);
  if (!membership) forbidden(args.request);
  if (requirement.role === "admin" && membership.role !== "admin") forbidden(args.request);
  if (requirement.kind === "buyer" && !membership.organisation.isBuyer) forbidden(args.request);
  if (requirement.kind === "vendor" && !membership.organisation.isVendor) forbidden(args.request);
  return { user, membership, organisation: membership.organisation };
}


/**
 * Organisation forms carry the organisation they were rendered for, so a
 * person who switched organisation in another tab never changes the wrong one.
 * Without the field the active organisation is used.
 */
export async function requireMemberForForm(
  args: GuardArgs,
  formData: FormData,
  requirement: Omit<MemberRequirement, "organisationId"> = {},
): Promise<Member> {
  const raw = formData.get("organisationId");
  if (raw === null || raw === "") return requireMember(args, requirement);
  if (typeof raw !== "string" || !isUuid(raw)) {
    requireVerifiedUser(args);
    forbidden(args.request);
  }
  return requireMember(args, { ...requirement, organisationId: raw });
}
