import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { authorizationRequest, OidcError, providerConfiguration, type OidcFailure } from "~/auth/oidc.server";
import { absoluteUrl } from "~/http/public-url.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import type { SsoPurpose } from "@db/schema";
import { identityProviderForEmail, startSsoAttempt, type IdentityProviderForSignIn } from "~/models/identity-providers.server";
import { hitRateLimit, LIMITS } from "~/models/rate-limits.server";
import { SSO_CALLBACK_PATH, ssoAttemptCookie } from "./sso-attempt.server";

/** HTTP status for each way a sign-in through a provider can fail before or after it. */
export const OIDC_FAILURE_STATUS: Record<OidcFailure, number> = {
  sso_unavailable: 422,
  sso_issuer_refused: 422,
  sso_provider_down: 502,
  sso_denied: 400,
  sso_response_refused: 400,
  sso_not_fresh: 400,
};

export type SsoStart = { ok: true; url: string; cookie: string } | { ok: false; code: OidcFailure | "sso_no_provider" | "sso_rate_limited"; status: number; retryAfter?: number };

/**
 * Sends the person to the provider that vouches for their e-mail's domain (issue 21): a fresh
 * state, nonce and PKCE verifier kept in a row only this browser's cookie names, and the
 * redirect URI from configuration (PUBLIC_URL), never from the request's Host.
 */
export async function beginSsoSignIn(email: string, redirectTo: string | undefined, context: AppLoadContext): Promise<SsoStart> {
  const limited = await startLimited(context);
  if (limited) return limited;
  const provider = await identityProviderForEmail(db(), email);
  if (!provider) return { ok: false, code: "sso_no_provider", status: 400 };
  return sendToProvider(provider, { purpose: "sign_in", sessionId: null, loginHint: email, redirectTo });
}

/**
 * Sends the person to the provider they chose from the organisations' list (ADR 0034): how
 * someone linked to a provider that does not vouch for their e-mail's domain signs in with it.
 * No login hint; the callback finds the person by (issuer, subject), or applies the domain rule.
 */
export async function beginSsoSignInAt(provider: IdentityProviderForSignIn, redirectTo: string | undefined, context: AppLoadContext): Promise<SsoStart> {
  const limited = await startLimited(context);
  if (limited) return limited;
  return sendToProvider(provider, { purpose: "sign_in", sessionId: null, loginHint: null, redirectTo });
}

/** Trips to a provider are counted per address: each one costs the provider's discovery and a row. */
async function startLimited(context: AppLoadContext): Promise<Extract<SsoStart, { ok: false }> | null> {
  const limit = await hitRateLimit(db(), `sso:ip:${context.ip}`, LIMITS.ssoStartPerIp);
  return limit.allowed ? null : { ok: false, code: "sso_rate_limited", status: 429, retryAfter: limit.retryAfterSeconds };
}

/**
 * Sends the signed-in person to a provider of one of their organisations to sign in again
 * (`prompt=login`, `max_age=0`): to re-authenticate this session before a change of factors,
 * or to link their subject there to this account. The attempt belongs to this session only.
 */
export async function beginSsoForSession(
  provider: IdentityProviderForSignIn,
  { purpose, sessionId, redirectTo }: { purpose: "reauthenticate" | "link"; sessionId: string; redirectTo: string | undefined },
  context: AppLoadContext,
): Promise<SsoStart> {
  const limited = await startLimited(context);
  if (limited) return limited;
  return sendToProvider(provider, { purpose, sessionId, loginHint: null, redirectTo });
}

/** What a page without script gets instead of a redirect: where to go (see toProvider). */
export interface ContinueToProvider {
  continueTo: string;
}

/**
 * The answer that takes the person to the provider. A page running Remix's script (a `?_data`
 * request) follows a redirect to any origin. A plain form post may not: the Content-Security-
 * Policy's `form-action 'self'` stops a form's redirect to another origin (Chromium enforces it),
 * so without script the page itself says where to go and goes there (a meta refresh and a link;
 * see ContinueToProvider in ./continue-to-provider).
 */
export function toProvider(request: Request, started: { url: string; cookie: string }): Response {
  const headers = { "Set-Cookie": started.cookie, "Cache-Control": "no-store" };
  if (new URL(request.url).searchParams.has("_data")) return redirect(started.url, { headers });
  return json<ContinueToProvider>({ continueTo: started.url }, { headers });
}

async function sendToProvider(
  provider: IdentityProviderForSignIn,
  { purpose, sessionId, loginHint, redirectTo }: { purpose: SsoPurpose; sessionId: string | null; loginHint: string | null; redirectTo: string | undefined },
): Promise<SsoStart> {
  try {
    const config = await providerConfiguration(provider);
    const request = await authorizationRequest(config, absoluteUrl(SSO_CALLBACK_PATH), loginHint, { fresh: purpose !== "sign_in" });
    const token = await startSsoAttempt(db(), {
      providerId: provider.id,
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      redirectTo: redirectTo ? safeRedirectPath(redirectTo) : null,
      purpose,
      sessionId,
    });
    return { ok: true, url: request.url.href, cookie: await ssoAttemptCookie.serialize(token) };
  } catch (error) {
    if (error instanceof OidcError) {
      console.warn(`Single sign-on (${purpose}) for ${provider.issuer} failed to start: ${error.message}`);
      return { ok: false, code: error.code, status: OIDC_FAILURE_STATUS[error.code] };
    }
    throw error;
  }
}
