import { createCookie } from "@remix-run/node";
import { secureCookies } from "~/auth/lucia.server";
import { SSO_ATTEMPT_SECONDS } from "~/models/identity-providers.server";

// The browser's half of a sign-in on its way through the organisation's provider (issue 21):
// a random token whose hash keys the row holding state, nonce and PKCE verifier. A callback in
// another browser (or with another sign-in's state) finds no row, or the wrong state, and is
// refused. Lax, so the provider's redirect back (a top-level GET) carries it.
export const ssoAttemptCookie = createCookie("md_sso", {
  httpOnly: true,
  sameSite: "lax",
  path: "/login/sso",
  maxAge: SSO_ATTEMPT_SECONDS,
  secure: secureCookies(),
});

/** The portal's own callback address, which every provider is registered with. */
export const SSO_CALLBACK_PATH = "/login/sso/callback";
