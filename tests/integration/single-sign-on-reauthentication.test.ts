import { sign } from "node:crypto";
import { sql } from "kysely";
import type { CustomFetch } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationRequest, finishAuthorization, OidcError, providerConfiguration } from "~/auth/oidc.server";
import { hashPassword } from "~/auth/password.server";
import { absoluteUrl } from "~/http/public-url.server";
import { identityProviderForEmail } from "~/models/identity-providers.server";
import { action as ssoStartAction } from "~/routes/login_.sso";
import { action as linksAction, loader as linksLoader } from "~/routes/settings_.single-sign-on";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/settings_.two-factor/route";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { signInAtProvider as atProvider, startTestProvider, type TestProvider } from "../fixtures/oidc-test-provider";
import { createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { storedTotpKey, totpCode } from "../fixtures/second-factor";
import { cookieOf, organisationWithTestProvider, ssoCallback } from "../fixtures/single-sign-on";

// As the portal's script sends a form (a ?_data request): answered by a redirect to the provider.
// A plain form post gets { continueTo } instead (see "without script" in single-sign-on-provider).
const SCRIPTED_SSO_START = "/login/sso?_data=routes%2Flogin_.sso";
const SCRIPTED_SSO_SETTINGS = "/settings/single-sign-on?_data=routes%2Fsettings_.single-sign-on";

// Re-authentication and linking through a real OpenID provider (issue 21): people made by
// single sign-on have no password, so they confirm it is them by signing in again at their
// provider (prompt=login, max_age=0, auth_time checked), which lets this session change factors
// for ten minutes; and a signed-in person links their subject at a provider that sends no
// e-mail (ID-porten), then signs in with it.

const t = setupTestDatabase();
const DOMAIN = "reauth.test.no";
const CALLBACK = absoluteUrl("/login/sso/callback");
let provider: TestProvider;
let organisation: { id: string };
let providerId: string;

beforeAll(async () => {
  provider = await startTestProvider({ domain: DOMAIN, redirectUri: CALLBACK });
  ({ organisation, providerId } = await organisationWithTestProvider(t.db, provider, DOMAIN));
});

afterAll(async () => {
  await provider.close();
});

const callback = ssoCallback;

/** Signs in through the provider as `subject` (made a member on the first sign-in): the person's session cookie. */
async function signInBySso(subject: string, email = `${subject}@${DOMAIN}`): Promise<{ cookie: string; userId: string }> {
  const started = await respond(ssoStartAction(await formRequest(SCRIPTED_SSO_START, { email })));
  expect(started.status).toBe(302);
  const back = await callback(await atProvider(started.headers.get("Location")!, subject, CALLBACK), cookieOf(started, "md_sso")!);
  expect(back.status, await back.clone().text()).toBe(302);
  const cookie = cookieOf(back, "md_session")!;
  const session = await t.db.selectFrom("sessions").select("userId").where("id", "=", cookie.split("=")[1]!).executeTakeFirstOrThrow();
  return { cookie, userId: session.userId };
}

/** Asks to confirm it is them at the provider from the settings: the provider's address and the attempt cookie. */
async function startReauthentication(sessionCookie: string, redirectTo = "/settings/two-factor") {
  const response = await respond(linksAction(await formRequest(SCRIPTED_SSO_SETTINGS, { intent: "reauthenticate", providerId, redirectTo }, { cookie: sessionCookie })));
  expect(response.status, await response.clone().text()).toBe(302);
  return { location: response.headers.get("Location")!, attempt: cookieOf(response, "md_sso")! };
}

const reauthenticatedAt = async (sessionCookie: string) =>
  (await t.db.selectFrom("sessions").select("reauthenticatedAt").where("id", "=", sessionCookie.split("=")[1]!).executeTakeFirstOrThrow()).reauthenticatedAt;

const twoFactor = async (fields: Record<string, string>, cookie: string) => respond(twoFactorAction(await formRequest("/settings/two-factor", fields, { cookie })));

describe("re-authentication through the provider, for people without a password", () => {
  it("lets a person made by single sign-on set up an authenticator app after signing in again at the provider", async () => {
    const kari = await signInBySso("kari");
    const page = await readJson(await respond(twoFactorLoader(await routeArgs("/settings/two-factor", { cookie: kari.cookie }))));
    expect(page).toMatchObject({ hasPassword: false, reauthenticated: false, reauthenticateWith: [{ id: providerId }] });

    // Without a password and without re-authenticating, the change is refused.
    expect((await twoFactor({ intent: "start" }, kari.cookie)).status).toBe(200);
    const key = await storedTotpKey(t.db, kari.userId);
    const refused = await twoFactor({ intent: "confirm", code: totpCode(key) }, kari.cookie);
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).result.error.currentPassword).toEqual(["reauthentication_required"]);

    const { location, attempt } = await startReauthentication(kari.cookie);
    const sent = new URL(location);
    expect(sent.origin).toBe(provider.issuer);
    expect(sent.searchParams.get("prompt")).toBe("login");
    expect(sent.searchParams.get("max_age")).toBe("0");
    const back = await callback(await atProvider(location, "kari", CALLBACK), `${kari.cookie}; ${attempt}`);
    expect(back.status, await back.clone().text()).toBe(302);
    expect(back.headers.get("Location")).toBe("/settings/two-factor");
    expect(await reauthenticatedAt(kari.cookie)).toBeInstanceOf(Date);
    expect(await t.db.selectFrom("auditLog").select("action").where("actorUserId", "=", kari.userId).where("action", "=", "reauthenticated").execute()).toHaveLength(1);

    const after = await readJson(await respond(twoFactorLoader(await routeArgs("/settings/two-factor", { cookie: kari.cookie }))));
    expect(after.reauthenticated).toBe(true);
    const confirmed = await twoFactor({ intent: "confirm", code: totpCode(key) }, kari.cookie);
    expect(confirmed.status, JSON.stringify(await readJson(confirmed.clone()))).toBe(200);
    expect((await readJson(confirmed)).recoveryCodes).toHaveLength(10);

    // Recovery codes too, with the same window; a typed (wrong) password is still checked.
    expect((await twoFactor({ intent: "regenerate" }, kari.cookie)).status).toBe(200);
    expect((await twoFactor({ intent: "regenerate", currentPassword: "a-guess" }, kari.cookie)).status).toBe(400);
  });

  it("lets them add a passkey in the window, and not after it", async () => {
    const ola = await signInBySso("ola");
    const options = async () => respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "passkey-options", name: "Laptop" }, { cookie: ola.cookie })));
    expect((await readJson(await options())).result.error.currentPassword).toEqual(["reauthentication_required"]);
    const { location, attempt } = await startReauthentication(ola.cookie);
    await callback(await atProvider(location, "ola", CALLBACK), `${ola.cookie}; ${attempt}`);
    const started = await options();
    expect(started.status).toBe(200);
    expect((await readJson(started)).passkeyCeremony?.challengeId).toBeTruthy();

    await t.db.updateTable("sessions").set({ reauthenticatedAt: new Date(Date.now() - 11 * 60_000) }).where("id", "=", ola.cookie.split("=")[1]!).execute();
    expect((await readJson(await options())).result.error.currentPassword).toEqual(["reauthentication_required"]);
  });

  it("refuses an answer for another person at the provider, and leaves the session as it was", async () => {
    const per = await signInBySso("per");
    await signInBySso("lise");
    const { location, attempt } = await startReauthentication(per.cookie);
    const back = await callback(await atProvider(location, "lise", CALLBACK), `${per.cookie}; ${attempt}`);
    expect(back.status).toBe(403);
    expect((await readJson(back)).code).toBe("sso_reauth_other_person");
    expect(await reauthenticatedAt(per.cookie)).toBeNull();
    expect(await t.db.selectFrom("auditLog").select("action").where("actorUserId", "=", per.userId).where("action", "=", "reauthentication_refused").execute()).toHaveLength(1);
  });

  it("refuses an ID token whose auth_time is from before the re-authentication was asked for", async () => {
    const nina = await signInBySso("nina");
    const { location, attempt } = await startReauthentication(nina.cookie);
    // As if the provider answered from a session older than the request: its auth_time is before the attempt began.
    await sql`update sso_attempts set created_at = now() + interval '1 hour' where session_id = ${nina.cookie.split("=")[1]!}`.execute(t.db);
    const back = await callback(await atProvider(location, "nina", CALLBACK), `${nina.cookie}; ${attempt}`);
    expect(back.status).toBe(400);
    expect((await readJson(back)).code).toBe("sso_not_fresh");
    expect(await reauthenticatedAt(nina.cookie)).toBeNull();
  });

  it("comes back only to the session that asked", async () => {
    const eva = await signInBySso("eva");
    const other = await signInBySso("eva");
    const { location, attempt } = await startReauthentication(eva.cookie);
    const back = await callback(await atProvider(location, "eva", CALLBACK), `${other.cookie}; ${attempt}`);
    expect(back.status).toBe(400);
    expect((await readJson(back)).code).toBe("sso_attempt_missing");
    expect(await reauthenticatedAt(other.cookie)).toBeNull();
    expect(await reauthenticatedAt(eva.cookie)).toBeNull();
  });

  it("refuses to start at a provider the person is not linked with", async () => {
    const stranger = await createPerson(t.db);
    const response = await respond(linksAction(await formRequest(SCRIPTED_SSO_SETTINGS, { intent: "reauthenticate", providerId }, { cookie: stranger.cookie })));
    expect(response.status).toBe(404);
  });
});

/** A fetch that hands the portal the token endpoint's answer with its ID token's claims changed and signed again with the provider's own key. */
function resigningFetch(change: (claims: Record<string, unknown>) => Record<string, unknown>): CustomFetch {
  return async (url, options) => {
    const response = await fetch(url, options as RequestInit);
    if (!url.endsWith("/token")) return response;
    const body = (await response.json()) as { id_token: string };
    const [header, payload] = body.id_token.split(".");
    const claims = change(JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>);
    const signed = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
    const idToken = `${signed}.${sign("sha256", Buffer.from(signed), provider.privateKey).toString("base64url")}`;
    return new Response(JSON.stringify({ ...body, id_token: idToken }), { status: response.status, headers: { "Content-Type": "application/json" } });
  };
}

describe("the ID token of a re-authentication must say the person signed in just now", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, (claims: Record<string, unknown>) => Record<string, unknown>][] = [
    ["an auth_time from an hour ago", (c) => ({ ...c, auth_time: now() - 3600 })],
    ["no auth_time", ({ auth_time: _gone, ...c }) => c],
    ["an auth_time that is not a number", (c) => ({ ...c, auth_time: "now" })],
  ];
  it.each(cases)("refuses %s", async (_name, change) => {
    const idp = (await identityProviderForEmail(t.db, `x@${DOMAIN}`))!;
    const startedAt = new Date();
    const request = await authorizationRequest(await providerConfiguration(idp), CALLBACK, null, { fresh: true });
    const back = new URL(await atProvider(request.url.href, "fresh", CALLBACK));
    const config = await providerConfiguration(idp, { fetch: resigningFetch(change) });
    const refused = await finishAuthorization(config, back, { ...request, authenticatedAfter: startedAt }).then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(OidcError);
    expect(["sso_not_fresh", "sso_response_refused"]).toContain((refused as OidcError).code);
  });

  it("takes the provider's own token, whose auth_time is after the request", async () => {
    const idp = (await identityProviderForEmail(t.db, `x@${DOMAIN}`))!;
    const startedAt = new Date();
    const request = await authorizationRequest(await providerConfiguration(idp), CALLBACK, null, { fresh: true });
    const back = new URL(await atProvider(request.url.href, "fresh", CALLBACK));
    const config = await providerConfiguration(idp, { fetch: resigningFetch((c) => c) });
    expect(await finishAuthorization(config, back, { ...request, authenticatedAfter: startedAt })).toMatchObject({ subject: "fresh" });
  });
});

describe("linking a provider that sends no e-mail (ID-porten) from the settings", () => {
  async function personWithPassword(email: string): Promise<Person> {
    const person = await createPerson(t.db, { email });
    await t.db.updateTable("users").set({ passwordHash: await hashPassword("correct horse battery") }).where("id", "=", person.id).execute();
    await t.db.insertInto("memberships").values({ userId: person.id, organisationId: organisation.id, role: "member", commercialRole: null }).execute();
    return person;
  }
  const link = async (person: Person, currentPassword: string) =>
    respond(linksAction(await formRequest(SCRIPTED_SSO_SETTINGS, { intent: "link", providerId, currentPassword }, { cookie: person.cookie })));

  it("links the subject to the signed-in person, who then signs in with it", async () => {
    provider.emails.set("pid-12345", null);
    const person = await personWithPassword(`anne@${DOMAIN}`);

    // Before linking, a sign-in without an e-mail cannot find anyone.
    const before = await respond(ssoStartAction(await formRequest(SCRIPTED_SSO_START, { email: person.email })));
    const refused = await callback(await atProvider(before.headers.get("Location")!, "pid-12345", CALLBACK), cookieOf(before, "md_sso")!);
    expect(refused.status).toBe(403);
    expect((await readJson(refused)).code).toBe("sso_no_email");

    expect((await readJson(await link(person, "wrong"))).result.error.currentPassword).toEqual(["wrong_password"]);
    const started = await link(person, "correct horse battery");
    expect(started.status).toBe(302);
    expect(new URL(started.headers.get("Location")!).searchParams.get("prompt")).toBe("login");
    const back = await callback(await atProvider(started.headers.get("Location")!, "pid-12345", CALLBACK), `${person.cookie}; ${cookieOf(started, "md_sso")}`);
    expect(back.status, await back.clone().text()).toBe(302);
    expect(back.headers.get("Location")).toBe("/settings/single-sign-on?linked=1");
    expect(await t.db.selectFrom("ssoLinks").select(["issuer", "subject"]).where("userId", "=", person.id).execute()).toEqual([{ issuer: provider.issuer, subject: "pid-12345" }]);
    const page = await readJson(await respond(linksLoader(await routeArgs("/settings/single-sign-on", { cookie: person.cookie }))));
    expect(page.providers).toMatchObject([{ id: providerId, linkedAt: expect.any(String) }]);

    const later = await signInBySso("pid-12345", person.email);
    expect(later.userId).toBe(person.id);
  });

  it("refuses a subject already linked to somebody else, and a second subject at the same issuer", async () => {
    const owner = await signInBySso("owner");
    const person = await personWithPassword(`bjorn@${DOMAIN}`);
    const started = await link(person, "correct horse battery");
    const back = await callback(await atProvider(started.headers.get("Location")!, "owner", CALLBACK), `${person.cookie}; ${cookieOf(started, "md_sso")}`);
    expect(back.status).toBe(403);
    expect((await readJson(back)).code).toBe("sso_subject_linked_elsewhere");
    expect(await t.db.selectFrom("ssoLinks").select("userId").where("subject", "=", "owner").execute()).toEqual([{ userId: owner.userId }]);
    expect(await t.db.selectFrom("ssoLinks").select("subject").where("userId", "=", person.id).execute()).toEqual([]);
    expect(await t.db.selectFrom("auditLog").select("action").where("actorUserId", "=", person.id).where("action", "=", "sso_link_refused").execute()).toHaveLength(1);

    // Already linked at this issuer (by the SSO sign-in): a second link is refused before the provider.
    const again = await respond(linksAction(await formRequest(SCRIPTED_SSO_SETTINGS, { intent: "link", providerId, currentPassword: "" }, { cookie: owner.cookie })));
    expect(again.status).toBe(409);
  });
});

describe("authorization: /settings/single-sign-on", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /settings/single-sign-on (anyone signed in, their own links)",
      call: linksLoader,
      request: (_w, cookie) => routeArgs("/settings/single-sign-on", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /settings/single-sign-on link at a provider of none of the person's organisations",
      call: linksAction,
      request: async (_w, cookie) => formRequest(SCRIPTED_SSO_SETTINGS, { intent: "link", providerId, currentPassword: "x" }, { cookie }),
      expect: { anonymous: "login", outsider: 404, member: 404, admin: 404, operator: 404 },
    },
    {
      route: "POST /settings/single-sign-on re-authenticate at a provider the person is not linked with",
      call: linksAction,
      request: async (_w, cookie) => formRequest(SCRIPTED_SSO_SETTINGS, { intent: "reauthenticate", providerId }, { cookie }),
      expect: { anonymous: "login", outsider: 404, member: 404, admin: 404, operator: 404 },
    },
  ]);
});
