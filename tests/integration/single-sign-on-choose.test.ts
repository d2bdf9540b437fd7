import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { absoluteUrl } from "~/http/public-url.server";
import { PROVIDER_CHOICES_SHOWN, providersToChoose } from "~/models/identity-providers.server";
import { action as loginAction } from "~/routes/login";
import { action as ssoStartAction } from "~/routes/login_.sso";
import { action as chooseAction, loader as chooseLoader } from "~/routes/login_.sso_.organisations";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { signInAtProvider as atProvider, startTestProvider, type TestProvider } from "../fixtures/oidc-test-provider";
import { createPerson, respond } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { cookieOf, organisationWithTestProvider, ssoCallback } from "../fixtures/single-sign-on";

// Signing in with a linked provider that does not vouch for the person's e-mail domain (issue 21,
// ADR 0034): the e-mail cannot lead there, so the person chooses the organisation from a list
// that is the same for every visitor; the callback finds them by (issuer, subject). Nothing a
// visitor can ask tells whether an account exists or what it is linked to.

const t = setupTestDatabase();
const DOMAIN = "choose.test.no";
const OUTSIDE = "privat.example.no";
const CALLBACK = absoluteUrl("/login/sso/callback");
const SCRIPTED_CHOOSE = "/login/sso/organisations?_data=routes%2Flogin_.sso_.organisations";
const SCRIPTED_SSO_START = "/login/sso?_data=routes%2Flogin_.sso";
let provider: TestProvider;
let organisation: { id: string; name: string };
let providerId: string;

beforeAll(async () => {
  provider = await startTestProvider({ domain: DOMAIN, redirectUri: CALLBACK });
  ({ organisation, providerId } = await organisationWithTestProvider(t.db, provider, DOMAIN, { name: "Velgvik kommune" }));
});

afterAll(async () => {
  await provider.close();
});

const choose = async (fields: Record<string, string>, cookie?: string) => respond(chooseAction(await formRequest(SCRIPTED_CHOOSE, fields, { cookie })));
const callback = ssoCallback;

/** A member of the organisation whose address is outside its domains, linked to `subject` at its provider (as after linking from the settings). */
async function linkedOutsider(subject: string) {
  const person = await createPerson(t.db, { email: `${subject}@${OUTSIDE}` });
  await t.db.insertInto("memberships").values({ userId: person.id, organisationId: organisation.id, role: "member", commercialRole: null }).execute();
  await t.db.insertInto("ssoLinks").values({ issuer: provider.issuer, subject, userId: person.id }).execute();
  provider.emails.set(subject, person.email);
  return person;
}

describe("signing in with a provider chosen from the organisations' list", () => {
  it("lists the organisation, and signs in a linked person whose e-mail its provider does not vouch for", async () => {
    const kari = await linkedOutsider("kari-outside");

    // The e-mail cannot lead there: its domain has no provider.
    const byEmail = await respond(ssoStartAction(await formRequest(SCRIPTED_SSO_START, { email: kari.email })));
    expect(byEmail.status).toBe(400);
    expect((await readJson(byEmail)).error.email).toEqual(["sso_no_provider"]);

    const page = await readJson(await respond(chooseLoader(await routeArgs("/login/sso/organisations"))));
    expect(page.choices).toContainEqual({ id: providerId, organisationName: "Velgvik kommune", orgNumber: expect.any(String) });

    const started = await choose({ providerId, redirectTo: "/settings" });
    expect(started.status).toBe(302);
    const location = new URL(started.headers.get("Location")!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get("login_hint")).toBeNull();
    const back = await callback(await atProvider(location.href, "kari-outside", CALLBACK), cookieOf(started, "md_sso")!);
    expect(back.status, await back.clone().text()).toBe(302);
    expect(back.headers.get("Location")).toBe("/settings");
    const session = await t.db.selectFrom("sessions").select("userId").where("id", "=", cookieOf(back, "md_session")!.split("=")[1]!).executeTakeFirstOrThrow();
    expect(session.userId).toBe(kari.id);
    expect(await t.db.selectFrom("auditLog").select("details").where("actorUserId", "=", kari.id).where("action", "=", "login").execute()).toMatchObject([{ details: { method: "sso", linked: false } }]);
  });

  it("refuses a person who is not linked and whose e-mail the provider does not vouch for, and makes no account", async () => {
    provider.emails.set("stranger", `stranger@${OUTSIDE}`);
    const started = await choose({ providerId });
    const back = await callback(await atProvider(started.headers.get("Location")!, "stranger", CALLBACK), cookieOf(started, "md_sso")!);
    expect(back.status).toBe(403);
    expect((await readJson(back)).code).toBe("sso_domain_not_vouched");
    expect(await t.db.selectFrom("users").select("id").where("email", "=", `stranger@${OUTSIDE}`).execute()).toEqual([]);
  });

  it("takes a person at one of the provider's domains through the list too, as through the e-mail", async () => {
    const started = await choose({ providerId });
    const back = await callback(await atProvider(started.headers.get("Location")!, "ola", CALLBACK), cookieOf(started, "md_sso")!);
    expect(back.status, await back.clone().text()).toBe(302);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", `ola@${DOMAIN}`).execute()).toHaveLength(1);
  });

  it("goes there without script too: the answer says where to go", async () => {
    const plain = await respond(chooseAction(await formRequest("/login/sso/organisations", { providerId })));
    expect(plain.status).toBe(200);
    expect(new URL((await readJson(plain)).continueTo).origin).toBe(provider.issuer);
  });

  it("answers 404 to a provider not on the list, and 400 to a choice that is not one", async () => {
    expect((await choose({ providerId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await choose({ providerId: "not-an-id" })).status).toBe(400);
  });

  it("filters the list by the organisation's name, and leaves out rejected organisations", async () => {
    const { choices } = await providersToChoose(t.db, "velgVIK");
    expect(choices.map((c) => c.id)).toEqual([providerId]);
    expect((await providersToChoose(t.db, "%")).choices).toEqual([]);
    await t.db.updateTable("organisations").set({ verificationStatus: "rejected" }).where("id", "=", organisation.id).execute();
    try {
      expect((await providersToChoose(t.db, "Velgvik")).choices).toEqual([]);
      expect((await choose({ providerId })).status).toBe(404);
    } finally {
      await t.db.updateTable("organisations").set({ verificationStatus: "unverified" }).where("id", "=", organisation.id).execute();
    }
    expect(PROVIDER_CHOICES_SHOWN).toBeGreaterThan(0);
  });
});

describe("no account enumeration", () => {
  /** The answer with the typed address taken out: what differs then differs by the account. */
  const answer = async (response: Response, email: string) => ({ status: response.status, location: response.headers.get("Location"), body: (await response.text()).replaceAll(email, "<email>") });

  it("gives the same answer to a linked person's e-mail outside the provider's domains as to an address with no account", async () => {
    const linked = await linkedOutsider("same-answer");
    const nobody = `nobody@${OUTSIDE}`;
    const start = async (email: string) => answer(await respond(ssoStartAction(await formRequest(SCRIPTED_SSO_START, { email }))), email);
    expect(await start(linked.email)).toEqual(await start(nobody));

    const viaLogin = async (email: string) => answer(await respond(loginAction(await formRequest("/login", { intent: "sso", email, password: "" }))), email);
    expect(await viaLogin(linked.email)).toEqual(await viaLogin(nobody));

    // A wrong password says the same for an account made by single sign-on (no password), one with a password, and no account.
    const withPassword = await createPerson(t.db, { email: `pw@${OUTSIDE}` });
    await t.db.updateTable("users").set({ passwordHash: await hashPassword("correct horse battery") }).where("id", "=", withPassword.id).execute();
    const wrong = async (email: string) => answer(await respond(loginAction(await formRequest("/login", { email, password: "a wrong guess" }))), email);
    const none = await wrong(nobody);
    expect(await wrong(linked.email)).toEqual(none);
    expect(await wrong(withPassword.email)).toEqual(none);
  });

  it("sends an address at the provider's domain to the provider whether or not an account exists", async () => {
    // admin@ has an account; no-such-person@ has none.
    const start = async (email: string) => {
      const response = await respond(ssoStartAction(await formRequest(SCRIPTED_SSO_START, { email })));
      return { status: response.status, origin: new URL(response.headers.get("Location")!).origin };
    };
    expect(await start(`admin@${DOMAIN}`)).toEqual(await start(`no-such-person@${DOMAIN}`));
  });

  it("shows every visitor the same list: the page reads no e-mail and no account", async () => {
    const anonymous = await readJson(await respond(chooseLoader(await routeArgs("/login/sso/organisations"))));
    const again = await readJson(await respond(chooseLoader(await routeArgs("/login/sso/organisations", { headers: { Cookie: "md_session=unknown" } }))));
    expect(again).toEqual(anonymous);
  });
});

describe("authorization: /login/sso/organisations", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /login/sso/organisations (visitors; the signed-in are sent on)",
      call: chooseLoader,
      request: (_w, cookie) => routeArgs("/login/sso/organisations", { cookie }),
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /login/sso/organisations a provider not on the list",
      call: chooseAction,
      request: (_w, cookie) => formRequest(SCRIPTED_CHOOSE, { providerId: "00000000-0000-4000-8000-000000000000" }, { cookie }),
      expect: { anonymous: 404, outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
  ]);
});
