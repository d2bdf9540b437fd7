import { generateKeyPairSync, sign } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { CustomFetch } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lucia } from "~/auth/lucia.server";
import { authorizationRequest, finishAuthorization, OidcError, providerConfiguration } from "~/auth/oidc.server";
import { identityProviderForEmail } from "~/models/identity-providers.server";
import { absoluteUrl } from "~/http/public-url.server";
import { action as settingsAction } from "~/routes/organisation.single-sign-on";
import { action as startAction } from "~/routes/login_.sso";
import { loader as callbackLoader } from "~/routes/login_.sso_.callback";
import { setupTestDatabase } from "../fixtures/database";
import { signInAtProvider as signInAtProvider_, startTestProvider, TEST_CLIENT, type TestProvider } from "../fixtures/oidc-test-provider";
import { createOrganisationWith, createPerson, respond } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

// As the portal's script sends a form (a ?_data request): answered by a redirect to the provider.
// A plain form post gets { continueTo } instead (see "without script" in single-sign-on-provider).
const SCRIPTED_SSO_START = "/login/sso?_data=routes%2Flogin_.sso";

// Single sign-on against a real OpenID provider (issue 21): oidc-provider on a free loopback
// port, started and stopped by this file, with its development login form driven over HTTP.
// The portal's side runs through its own routes and the real openid-client.

const t = setupTestDatabase();
const DOMAIN = "sso-flow.test.no";
const CLIENT = TEST_CLIENT;
let provider: TestProvider;
let issuer: string;
/** Each subject's e-mail as the provider reports it now; a test may change it. */
let emails: TestProvider["emails"];
let privateKey: TestProvider["privateKey"];

beforeAll(async () => {
  provider = await startTestProvider({ domain: DOMAIN, redirectUri: absoluteUrl("/login/sso/callback") });
  ({ issuer, emails, privateKey } = provider);
});

afterAll(async () => {
  await provider.close();
});

const signInAtProvider = (authorizationUrl: string, subject: string) => signInAtProvider_(authorizationUrl, subject, absoluteUrl("/login/sso/callback"));

async function startSignIn(email: string) {
  const response = await respond(startAction(await formRequest(SCRIPTED_SSO_START, { email, redirectTo: "/demand" })));
  expect(response.status, await response.clone().text()).toBe(302);
  const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
  return { location: response.headers.get("Location")!, cookie };
}

async function callback(url: string, cookie: string) {
  const { pathname, search } = new URL(url);
  return respond(callbackLoader(await routeArgs(`${pathname}${search}`, { cookie })));
}

async function signedInUser(response: Response) {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("md_session="))!;
  const { user } = await lucia.validateSession(cookie.split(";")[0]!.split("=")[1]!);
  return user;
}

let organisation: { id: string };

describe("single sign-on through a real OpenID provider", () => {
  beforeAll(async () => {
    const admin = await createPerson(t.db, { email: `admin@${DOMAIN}` });
    organisation = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }]);
    const saved = await respond(
      settingsAction(
        await formRequest(
          "/organisation/single-sign-on",
          { organisationId: organisation.id, intent: "save", issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, domains: DOMAIN, newcomers: "member" },
          { cookie: admin.cookie },
        ),
      ),
    );
    expect(saved.status, JSON.stringify(await readJson(saved.clone()))).toBe(200);
  });

  it("without script, answers the form with where to go (a redirect after a form post is stopped by form-action 'self'), and the flow goes on from there", async () => {
    const response = await respond(startAction(await formRequest("/login/sso", { email: `siri@${DOMAIN}`, redirectTo: "/demand" })));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const { continueTo } = (await readJson(response)) as { continueTo: string };
    expect(new URL(continueTo).origin).toBe(issuer);
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(cookie.startsWith("md_sso=")).toBe(true);
    const back = await callback(await signInAtProvider(continueTo, "siri"), cookie);
    expect(back.status, await back.clone().text()).toBe(302);
    expect(back.headers.get("Location")).toBe("/demand");
    expect((await signedInUser(back))?.email).toBe(`siri@${DOMAIN}`);
  });

  it("runs the code flow with PKCE, creates the person as a member and signs them in", async () => {
    const { location, cookie } = await startSignIn(`kari@${DOMAIN}`);
    const sent = new URL(location);
    expect(sent.origin).toBe(issuer);
    expect(sent.searchParams.get("code_challenge_method")).toBe("S256");
    expect(sent.searchParams.get("redirect_uri")).toBe(absoluteUrl("/login/sso/callback"));
    expect(sent.searchParams.get("state")).toBeTruthy();
    expect(sent.searchParams.get("nonce")).toBeTruthy();

    const back = await signInAtProvider(location, "kari");
    const response = await callback(back, cookie);
    expect(response.status, await response.clone().text()).toBe(302);
    expect(response.headers.get("Location")).toBe("/demand");
    const user = await signedInUser(response);
    expect(user?.email).toBe(`kari@${DOMAIN}`);
    const membership = await t.db.selectFrom("memberships").select("role").where("userId", "=", user!.id).where("organisationId", "=", organisation.id).executeTakeFirst();
    expect(membership?.role).toBe("member");

    // The attempt was used once: the same answer again is refused.
    expect((await callback(back, cookie)).status).toBe(400);
  });

  it("finds the person by subject on the second sign-in, even after the provider changes their e-mail", async () => {
    const first = await startSignIn(`ola@${DOMAIN}`);
    const one = await signedInUser(await callback(await signInAtProvider(first.location, "ola"), first.cookie));
    emails.set("ola", `ola.nordmann@${DOMAIN}`);
    const second = await startSignIn(`ola@${DOMAIN}`);
    const two = await signedInUser(await callback(await signInAtProvider(second.location, "ola"), second.cookie));
    expect(two?.id).toBe(one?.id);
    expect(await t.db.selectFrom("ssoLinks").select("subject").where("userId", "=", one!.id).execute()).toEqual([{ subject: "ola" }]);
  });

  it("does not let another subject whose e-mail at the provider changed to a linked person's take over that account", async () => {
    const first = await startSignIn(`boss@${DOMAIN}`);
    const boss = await signedInUser(await callback(await signInAtProvider(first.location, "boss"), first.cookie));
    emails.set("intruder", `boss@${DOMAIN}`);
    const attempt = await startSignIn(`boss@${DOMAIN}`);
    const response = await callback(await signInAtProvider(attempt.location, "intruder"), attempt.cookie);
    expect(response.status).toBe(403);
    expect((await readJson(response)).code).toBe("sso_account_elsewhere");
    expect(response.headers.getSetCookie().some((c) => c.startsWith("md_session="))).toBe(false);
    expect(await t.db.selectFrom("ssoLinks").select("userId").where("subject", "=", "intruder").executeTakeFirst()).toBeUndefined();
    const audit = await t.db.selectFrom("auditLog").select("action").where("action", "=", "sso_sign_in_refused").execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(boss).toBeTruthy();
  });

  it("refuses an answer with a wrong state, and one whose ID token carries another nonce", async () => {
    const attempt = await startSignIn(`per@${DOMAIN}`);
    const back = new URL(await signInAtProvider(attempt.location, "per"));
    back.searchParams.set("state", "a-state-from-another-sign-in");
    const wrongState = await callback(back.href, attempt.cookie);
    expect(wrongState.status).toBe(400);
    expect((await readJson(wrongState)).code).toBe("sso_response_refused");

    const other = await startSignIn(`per@${DOMAIN}`);
    await t.db.updateTable("ssoAttempts").set({ nonce: "another-nonce" }).execute();
    const wrongNonce = await callback(await signInAtProvider(other.location, "per"), other.cookie);
    expect(wrongNonce.status).toBe(400);
    expect((await readJson(wrongNonce)).code).toBe("sso_response_refused");
    expect(await t.db.selectFrom("users").select("id").where("email", "=", `per@${DOMAIN}`).executeTakeFirst()).toBeUndefined();
  });

  it("refuses a callback in a browser that did not start the sign-in", async () => {
    const attempt = await startSignIn(`lise@${DOMAIN}`);
    const back = await signInAtProvider(attempt.location, "lise");
    const response = await callback(back, "md_sso=somebody-elses");
    expect(response.status).toBe(400);
    expect((await readJson(response)).code).toBe("sso_attempt_missing");
  });

  it("answers a provider that is down with a clear message", async () => {
    const admin = await createPerson(t.db);
    const other = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }]);
    const idle = createServer();
    await new Promise<void>((resolve) => idle.listen(0, "127.0.0.1", resolve));
    const downIssuer = `http://127.0.0.1:${(idle.address() as AddressInfo).port}`;
    await new Promise((resolve) => idle.close(resolve));
    await settingsAction(
      await formRequest(
        "/organisation/single-sign-on",
        { organisationId: other.id, intent: "save", issuer: downIssuer, clientId: "c", clientSecret: "s", domains: "down.test.no", newcomers: "member" },
        { cookie: admin.cookie },
      ),
    );
    const response = await respond(startAction(await formRequest(SCRIPTED_SSO_START, { email: "x@down.test.no" })));
    expect(response.status).toBe(502);
    expect((await readJson(response)).error.email).toEqual(["sso_provider_down"]);
  });
});

/** A fetch that hands the portal the token endpoint's answer with its ID token changed by `tamper`. */
function tamperingFetch(tamper: (token: string) => string): CustomFetch {
  return async (url, options) => {
    const response = await fetch(url, options as RequestInit);
    if (!url.endsWith("/token")) return response;
    const body = (await response.json()) as { id_token: string };
    return new Response(JSON.stringify({ ...body, id_token: tamper(body.id_token) }), { status: response.status, headers: { "Content-Type": "application/json" } });
  };
}

/** The token's claims changed and signed again with the provider's own key: only the claim checks can refuse it. */
function resigned(change: (claims: Record<string, unknown>) => Record<string, unknown>) {
  return (token: string) => {
    const [header, payload] = token.split(".");
    const claims = change(JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>);
    const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
    return `${body}.${sign("sha256", Buffer.from(body), privateKey).toString("base64url")}`;
  };
}

describe("a tampered ID token is refused", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, (token: string) => string][] = [
    ["a wrong signature", (token) => token.replace(/\.[^.]+$/, `.${Buffer.alloc(256, 1).toString("base64url")}`)],
    ["a signature by another key", (token) => {
      const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
      const body = token.split(".").slice(0, 2).join(".");
      return `${body}.${sign("sha256", Buffer.from(body), other).toString("base64url")}`;
    }],
    ["a wrong audience", resigned((c) => ({ ...c, aud: "another-client" }))],
    ["an expired token", resigned((c) => ({ ...c, iat: now() - 7200, exp: now() - 3600 }))],
    ["a wrong nonce", resigned((c) => ({ ...c, nonce: "a-nonce-from-another-sign-in" }))],
    ["another issuer", resigned((c) => ({ ...c, iss: "https://evil.example" }))],
  ];
  it.each(cases)("with %s", async (_name, tamper) => {
    const provider = (await identityProviderForEmail(t.db, `tamper@${DOMAIN}`))!;
    const request = await authorizationRequest(await providerConfiguration(provider), absoluteUrl("/login/sso/callback"), `tamper@${DOMAIN}`);
    const back = new URL(await signInAtProvider(request.url.href, "tamper"));
    const config = await providerConfiguration(provider, { fetch: tamperingFetch(tamper) });
    const refused = await finishAuthorization(config, back, request).then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(OidcError);
    expect((refused as OidcError).code).toBe("sso_response_refused");
  });

  it("and the same token untouched is taken", async () => {
    const provider = (await identityProviderForEmail(t.db, `tamper@${DOMAIN}`))!;
    const request = await authorizationRequest(await providerConfiguration(provider), absoluteUrl("/login/sso/callback"), `tamper@${DOMAIN}`);
    const back = new URL(await signInAtProvider(request.url.href, "tamper"));
    const config = await providerConfiguration(provider, { fetch: tamperingFetch(resigned((c) => c)) });
    expect(await finishAuthorization(config, back, request)).toMatchObject({ issuer, subject: "tamper", email: `tamper@${DOMAIN}` });
  });
});
