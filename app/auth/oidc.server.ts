import * as client from "openid-client";
import { authenticatedSince } from "~/domain/reauthentication";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { issuerUrlProblem, parseInternalHosts, resolvedAddressProblem, type SsoClaims } from "~/domain/single-sign-on";
import type { IdentityProviderForSignIn } from "~/models/identity-providers.server";
import { decryptSecret, secretEncryptionKey } from "./secret-box.server";

// The OpenID Connect protocol, through openid-client (issue 21, ADR 0034): discovery, the
// authorization code flow with PKCE, state and nonce, and the ID token's signature and claims.
// Every failure is one of a few codes the pages translate; nothing of a provider's answer
// reaches the person who signs in.

export type OidcFailure =
  /** SECRET_ENCRYPTION_KEY missing in production, or the secret sealed under another key. */
  | "sso_unavailable"
  /** The issuer may not be contacted from here (HTTP or a private address outside development). */
  | "sso_issuer_refused"
  /** Discovery or the token endpoint did not answer, or answered nonsense. */
  | "sso_provider_down"
  /** The provider sent the person back with an error (they cancelled, or it refused them). */
  | "sso_denied"
  /** The answer failed a check: state, issuer, PKCE, the ID token's signature, audience, expiry or nonce. */
  | "sso_response_refused"
  /** A re-authentication whose ID token does not say the person signed in again just now (`auth_time`). */
  | "sso_not_fresh";

export class OidcError extends Error {
  constructor(
    readonly code: OidcFailure,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/**
 * Plain HTTP to a provider on this machine (loopback only), in development and tests; and in a
 * production build only when SSO_ALLOW_LOOPBACK_ISSUERS=true, which the browser tests set for
 * the provider they start (ADR 0034). Never set it for a portal people use.
 */
export const allowLocalHttp = () => process.env.NODE_ENV !== "production" || process.env.SSO_ALLOW_LOOPBACK_ISSUERS === "true";

/** The provider's configuration from its discovery document, with the client secret unsealed. */
export async function providerConfiguration(provider: IdentityProviderForSignIn, options: { fetch?: client.CustomFetch } = {}): Promise<client.Configuration> {
  const key = secretEncryptionKey();
  if (!key.ok) throw new OidcError("sso_unavailable", key.message);
  const secret = decryptSecret(provider.clientSecretBox, key.key);
  if (secret === null) throw new OidcError("sso_unavailable", "the client secret cannot be opened with this SECRET_ENCRYPTION_KEY");
  if (issuerUrlProblem(provider.issuer, issuerRules())) throw new OidcError("sso_issuer_refused");
  const issuer = new URL(provider.issuer);
  // ID tokens are checked against the provider's published keys too, not only trusted for
  // coming over TLS (openid-client leaves that out by default).
  const execute = [client.enableNonRepudiationChecks, ...(issuer.protocol === "http:" ? [client.allowInsecureRequests] : [])];
  try {
    // `fetch`: the tests' way to stand between the portal and a real provider (a tampered ID token).
    return await client.discovery(issuer, provider.clientId, secret, undefined, { execute, timeout: 10, [client.customFetch]: guardedFetch(options.fetch) });
  } catch (error) {
    const refused = guardRefusal(error);
    if (refused) throw refused;
    throw new OidcError("sso_provider_down", error instanceof Error ? error.message : String(error));
  }
}

/**
 * Every request to a provider (discovery, keys, token endpoint) goes only to public addresses,
 * checked after resolving the name (ADR 0034), unless the operator named the host as internal;
 * in development and tests, and with SSO_ALLOW_LOOPBACK_ISSUERS, the check is off.
 */
/** What issuers this portal may talk to: the rules for the admin page and for every sign-in. */
export function issuerRules() {
  return { allowLocalHttp: allowLocalHttp(), internalHosts: parseInternalHosts(process.env.SSO_INTERNAL_ISSUER_HOSTS) };
}

function guardedFetch(inner: client.CustomFetch | undefined): client.CustomFetch {
  return async (url, options) => {
    if (!allowLocalHttp()) {
      const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
      const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
      if (resolvedAddressProblem(host, addresses, parseInternalHosts(process.env.SSO_INTERNAL_ISSUER_HOSTS))) {
        throw new OidcError("sso_issuer_refused", `${host} resolves to a private address`);
      }
    }
    return inner ? inner(url, options) : fetch(url, options as RequestInit);
  };
}

/** The guard's refusal, thrown as is or wrapped by openid-client. */
function guardRefusal(error: unknown): OidcError | null {
  if (error instanceof OidcError) return error;
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof OidcError ? cause : null;
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * Where to send the person: the provider's authorization endpoint with a fresh state, nonce and
 * PKCE challenge. `fresh` asks the provider to have the person sign in again even when it has a
 * session for them (`prompt=login`, `max_age=0`): a re-authentication, or linking an account.
 */
export async function authorizationRequest(config: client.Configuration, redirectUri: string, loginHint: string | null, { fresh = false }: { fresh?: boolean } = {}): Promise<AuthorizationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
    ...(fresh ? { prompt: "login", max_age: "0" } : {}),
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * The code exchanged and the ID token checked (signature against the provider's keys, issuer,
 * audience, expiry, nonce; the response's state; PKCE at the token endpoint): the claims the
 * sign-in rule needs. `callbackUrl` is the portal's configured address with the query the
 * provider sent, never the request's own Host. With `authenticatedAfter` (a re-authentication
 * or a link), the token must also say the person signed in at the provider after that moment
 * (`auth_time`): a provider that answered from an older session is refused.
 */
export async function finishAuthorization(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string; authenticatedAfter?: Date | null },
): Promise<SsoClaims> {
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    const refused = guardRefusal(error);
    if (refused) throw refused;
    if (error instanceof client.AuthorizationResponseError) throw new OidcError("sso_denied", error.error);
    if (error instanceof TypeError && /fetch failed/i.test(error.message)) throw new OidcError("sso_provider_down", error.message);
    throw new OidcError("sso_response_refused", error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error));
  }
  const claims = tokens.claims();
  if (!claims) throw new OidcError("sso_response_refused", "no ID token");
  if (checks.authenticatedAfter && !authenticatedSince(claims.auth_time, checks.authenticatedAfter)) {
    throw new OidcError("sso_not_fresh", `auth_time ${claims.auth_time ?? "missing"}, started ${checks.authenticatedAfter.toISOString()}`);
  }
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    // Only `email`: Entra ID's `preferred_username` is not an address anyone vouches for (docs/single-sign-on.md).
    email: text(claims.email),
    emailVerified: typeof claims.email_verified === "boolean" ? claims.email_verified : null,
    name: text(claims.name),
  };
}
