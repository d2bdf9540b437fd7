import { z } from "zod";
import { choice, text, typeError } from "./input-fields";
import { normaliseText } from "./input-text";
import { confirmingPassword } from "./two-factor";

// Single sign-on through OpenID Connect (issue 21): which people an organisation's identity
// provider may sign in, and to which account. The provider vouches for e-mail domains; after
// the first sign-in a person is found by the provider's subject, never by e-mail again, so a
// changed (or forged) address at the provider cannot take over somebody else's account.

export const JOIN_ROLES = ["member", "admin"] as const;
export type JoinRole = (typeof JOIN_ROLES)[number];

/** The most e-mail domains one provider may vouch for. */
export const MAX_SSO_DOMAINS = 20;

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The domain of an e-mail address, lower-cased: "Ada@Bergvik.Kommune.no" → "bergvik.kommune.no". */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, "");
  return DOMAIN.test(domain) ? domain : null;
}

/**
 * The domains typed into the form (one per line, or separated by commas or spaces; a leading
 * "@" is allowed), lower-cased and without repeats; or the problem with them.
 */
export function parseSsoDomains(typed: string): { ok: true; domains: string[] } | { ok: false; code: "required" | "invalid_sso_domain" | "too_many_sso_domains" } {
  const words = normaliseText(typed)
    .split(/[\s,;]+/)
    .map((w) => w.replace(/^@/, "").replace(/\.$/, "").toLowerCase())
    .filter(Boolean);
  if (words.length === 0) return { ok: false, code: "required" };
  if (words.some((w) => !DOMAIN.test(w))) return { ok: false, code: "invalid_sso_domain" };
  const domains = [...new Set(words)];
  if (domains.length > MAX_SSO_DOMAINS) return { ok: false, code: "too_many_sso_domains" };
  return { ok: true, domains };
}

export type IssuerProblem = "invalid_issuer_url" | "issuer_not_https" | "issuer_private_address";

/**
 * Whether the portal may talk to this issuer. Outside development it must be HTTPS on a public
 * name or address, so the portal never becomes a proxy into its own network; in development and
 * tests plain HTTP on this machine (a provider started locally) is allowed too.
 */
export function issuerUrlProblem(issuer: string, { allowLocalHttp, internalHosts = [] }: { allowLocalHttp: boolean; internalHosts?: readonly string[] }): IssuerProblem | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "invalid_issuer_url";
  }
  if (url.username || url.password || url.search || url.hash) return "invalid_issuer_url";
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const local = isLoopback(host);
  if (url.protocol === "http:" && allowLocalHttp && local) return null;
  if (url.protocol !== "https:") return url.protocol === "http:" ? "issuer_not_https" : "invalid_issuer_url";
  if (local && allowLocalHttp) return null;
  // A host the operator named as the organisation's own, inside the network the portal runs in (SSO_INTERNAL_ISSUER_HOSTS).
  if (internalHosts.includes(host.replace(/\.$/, ""))) return null;
  if (local || isPrivateAddress(host) || (!host.includes(".") && !host.includes(":"))) return "issuer_private_address";
  return null;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "::1";
}

/** IP literals (and names) that lead into a private network: RFC 1918, link-local, CGNAT, unique-local IPv6, "internal" names. */
export function isPrivateAddress(host: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (host.includes(":")) {
    const h = host.toLowerCase();
    return h === "::" || h === "::1" || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith("::ffff:");
  }
  return /\.(internal|local|lan|intranet|corp|home\.arpa)$/.test(host);
}

/** What the provider said about the person, from the checked ID token. */
export interface SsoClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean | null;
  name: string | null;
}

/** The provider as the sign-in rule needs it. */
export interface SsoProviderRule {
  organisationId: string;
  domains: readonly string[];
  autoJoin: boolean;
  joinRole: JoinRole;
}

/** What the database holds about the person the claims may be. */
export interface SsoCandidates {
  /** The account already linked to (issuer, subject). */
  linkedUserId: string | null;
  /** The account with the claimed e-mail, with whether it is a member of the provider's organisation and whether it already has a subject at this issuer. */
  byEmail: { userId: string; isMember: boolean; linkedAtIssuer: boolean } | null;
  /** Whether the linked account is a member of the provider's organisation. */
  linkedIsMember: boolean;
}

export type SsoDecision =
  | { ok: true; userId: string | null; link: boolean; join: JoinRole | null }
  | { ok: false; code: SsoRefusal };

export type SsoRefusal = "sso_no_email" | "sso_email_unverified" | "sso_domain_not_vouched" | "sso_account_elsewhere" | "sso_no_auto_join";

/**
 * Who signs in. `userId: null` means a new account for the claimed e-mail; `link` means the
 * (issuer, subject) pair is to be stored for the account; `join` the role of a new membership.
 *
 * 1. A linked subject is the person, whatever e-mail the provider sends now.
 * 2. Otherwise the e-mail must be in a domain the provider vouches for (and not marked unverified).
 * 3. An existing account with that e-mail is linked only if it belongs to the provider's
 *    organisation and has no other subject at this issuer: the provider's admins cannot reach
 *    accounts outside their own organisation, and a second subject cannot take over a linked one.
 * 4. A new person gets an account only when the organisation lets its people join automatically.
 */
export function decideSsoSignIn(claims: SsoClaims, provider: SsoProviderRule, candidates: SsoCandidates): SsoDecision {
  const join = (isMember: boolean) => (provider.autoJoin && !isMember ? provider.joinRole : null);
  if (candidates.linkedUserId) return { ok: true, userId: candidates.linkedUserId, link: false, join: join(candidates.linkedIsMember) };
  if (!claims.email) return { ok: false, code: "sso_no_email" };
  if (claims.emailVerified === false) return { ok: false, code: "sso_email_unverified" };
  const domain = emailDomain(claims.email);
  if (!domain || !provider.domains.includes(domain)) return { ok: false, code: "sso_domain_not_vouched" };
  const existing = candidates.byEmail;
  if (existing) {
    if (!existing.isMember || existing.linkedAtIssuer) return { ok: false, code: "sso_account_elsewhere" };
    return { ok: true, userId: existing.userId, link: true, join: null };
  }
  if (!provider.autoJoin) return { ok: false, code: "sso_no_auto_join" };
  return { ok: true, userId: null, link: true, join: provider.joinRole };
}

/** The provider that vouches for this e-mail's domain, if any. */
export function providerForEmail<P extends { domains: readonly string[] }>(email: string, providers: readonly P[]): P | null {
  const domain = emailDomain(email);
  if (!domain) return null;
  return providers.find((p) => p.domains.includes(domain)) ?? null;
}

// Forms (one schema per form; messages are `forms` codes). readFormData has normalised the text.

/** What happens to a person the provider vouches for who has no account here: nothing (an admin invites them), or they join as a member or an admin. */
export const NEWCOMER_MODES = ["invite_only", "member", "admin"] as const;
export type NewcomerMode = (typeof NEWCOMER_MODES)[number];

export function newcomerMode(autoJoin: boolean, joinRole: JoinRole): NewcomerMode {
  return autoJoin ? joinRole : "invite_only";
}

export function joinRule(mode: NewcomerMode): { autoJoin: boolean; joinRole: JoinRole } {
  return mode === "invite_only" ? { autoJoin: false, joinRole: "member" } : { autoJoin: true, joinRole: mode };
}

export const IdentityProviderSchema = z.object({
  organisationId: z.string().optional(),
  intent: z.literal("save"),
  issuer: text(500).pipe(z.string().min(1, "required")),
  clientId: text(200).pipe(z.string().min(1, "required")),
  /** Blank on an edit keeps the stored secret; the stored one is never sent back to the browser. */
  clientSecret: z.string({ error: typeError }).max(500, "too_long").optional(),
  domains: z.string({ error: typeError }).max(5000, "too_long"),
  newcomers: choice(NEWCOMER_MODES),
});
export type IdentityProviderInput = z.infer<typeof IdentityProviderSchema>;

export const RemoveIdentityProviderSchema = z.object({ organisationId: z.string().optional(), intent: z.literal("remove") });

/** Signing in again at a provider the person is linked with, to re-authenticate this session before a change of factors. */
export const SsoReauthenticateSchema = z.object({ intent: z.literal("reauthenticate"), providerId: z.uuid({ error: "invalid_value" }), redirectTo: z.string().optional() });

/** Linking the person's subject at one of their organisations' providers to this account (ID-porten sends no e-mail to link by). */
export const SsoLinkSchema = z.object({ intent: z.literal("link"), providerId: z.uuid({ error: "invalid_value" }), currentPassword: confirmingPassword });

/** Removing the person's link at an issuer (ADR 0034): the issuer names the link; the password unless the session was just re-authenticated. */
export const SsoUnlinkSchema = z.object({ intent: z.literal("unlink"), issuer: text(500).pipe(z.string().min(1, "required")), currentPassword: confirmingPassword });

/**
 * Whether the portal may send a request to `host`, given the addresses it resolves to (ADR 0034):
 * not when any of them is private (RFC 1918, loopback, link-local, CGNAT, unique-local), unless
 * the operator named the host in SSO_INTERNAL_ISSUER_HOSTS (a municipality's own provider inside
 * the network the portal runs in). Checked for every request to a provider — discovery, keys,
 * token endpoint — so neither the issuer nor its discovery document can point the portal inward.
 */
export function resolvedAddressProblem(host: string, addresses: readonly string[], internalHosts: readonly string[]): "issuer_private_address" | null {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (internalHosts.includes(name)) return null;
  if (isPrivateAddress(name)) return "issuer_private_address";
  return addresses.some((address) => isPrivateAddress(address.toLowerCase())) ? "issuer_private_address" : null;
}

/** SSO_INTERNAL_ISSUER_HOSTS: host names, separated by commas or spaces, lower-cased. */
export function parseInternalHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase().replace(/\.$/, ""))
    .filter(Boolean);
}
