import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { actingMembership, type MembershipWithOrganisation } from "~/models/memberships.server";
import type { CurrentUser, SignInStep } from "./context.server";
import { isUuid } from "~/domain/ids";

export interface GuardArgs {
  request: Request;
  context: AppLoadContext;
}

function isApi(request: Request) {
  return new URL(request.url).pathname.startsWith("/api/");
}

/** Where a sign-in waiting at a step continues: the code, or setting up a second factor. */
export function signInStepPath(step: SignInStep["step"], redirectTo?: string): string {
  const base = step === "code" ? "/login/code" : "/settings/two-factor";
  return redirectTo && redirectTo !== "/" ? `${base}?redirectTo=${encodeURIComponent(redirectTo)}` : base;
}

// The pages a half-finished sign-in may open (besides logging out and choosing a language).
// Enrolment asks for the password, so someone made by single sign-on (who has none) may make one,
// or confirm it is them by signing in again at their provider (/settings/single-sign-on and back).
const STEP_PAGES: Record<SignInStep["step"], string[]> = {
  code: ["/login/code", "/login", "/login/passkey"],
  enrol: ["/settings/two-factor", "/forgot-password", "/reset-password", "/settings/single-sign-on", "/login/sso/callback"],
};
const ALWAYS_OPEN = ["/logout", "/language"];

/**
 * A person at a sign-in step sees only that step: any other page sends them there. (They are
 * signed out for every guard anyway; this only leads them on.)
 */
export function requireNoPendingStep({ request, context }: GuardArgs): void {
  const step = context.signInStep?.step;
  if (!step) return;
  const url = new URL(request.url);
  if (STEP_PAGES[step].includes(url.pathname) || ALWAYS_OPEN.includes(url.pathname)) return;
  throw redirect(signInStepPath(step, url.pathname + url.search));
}

function unauthenticated({ request, context }: GuardArgs): never {
  if (isApi(request)) throw json({ error: "unauthenticated" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  const url = new URL(request.url);
  if (context.signInStep) throw redirect(signInStepPath(context.signInStep.step, url.pathname + url.search));
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
  if (!user) unauthenticated(args);
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
  const membership = await actingMembership(db(), user, requirement.organisationId);
  if (!membership) {
    if (requirement.organisationId) forbidden(args.request);
    if (isApi(args.request)) throw json({ error: "no_organisation" }, { status: 403 });
    throw redirect("/organisations/new");
  }
  if (requirement.role === "admin" && membership.role !== "admin") forbidden(args.request);
  if (requirement.kind === "buyer" && !membership.organisation.isBuyer) forbidden(args.request);
  if (requirement.kind === "vendor" && !membership.organisation.isVendor) forbidden(args.request);
  return { user, membership, organisation: membership.organisation };
}


/**
 * A member acting for the organisation a form or a request names (`organisationId` as it came,
 * unchecked), so a person who switched organisation in another tab never changes the wrong one.
 * Without one, the active organisation; a value that cannot be an organisation's id is refused
 * like an organisation they are not a member of.
 */
export async function requireMemberFor(args: GuardArgs, organisationId: unknown, requirement: Omit<MemberRequirement, "organisationId"> = {}): Promise<Member> {
  if (organisationId === null || organisationId === undefined || organisationId === "") return requireMember(args, requirement);
  if (typeof organisationId !== "string" || !isUuid(organisationId)) {
    requireVerifiedUser(args);
    forbidden(args.request);
  }
  return requireMember(args, { ...requirement, organisationId });
}

/** Organisation forms carry the organisation they were rendered for (see requireMemberFor). */
export function requireMemberForForm(args: GuardArgs, formData: FormData, requirement: Omit<MemberRequirement, "organisationId"> = {}): Promise<Member> {
  return requireMemberFor(args, formData.get("organisationId"), requirement);
}
