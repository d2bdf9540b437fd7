import { forbidden, requireMember, requireVerifiedUser, type GuardArgs, type Member, type MemberRequirement } from "~/auth/guards.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  if (typeof raw !== "string" || !UUID.test(raw)) {
    requireVerifiedUser(args);
    forbidden(args.request);
  }
  return requireMember(args, { ...requirement, organisationId: raw });
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Where links in e-mails point: the address this request came to. */
export function baseUrl(request: Request): string {
  return new URL(request.url).origin;
}
