import { describe, expect, it } from "vitest";
import { relyingParty } from "~/domain/passkeys";
import { publicBaseUrl } from "~/http/public-url.server";
import { action as loginAction } from "~/routes/login";
import { loader as codeLoader } from "~/routes/login_.code";
import { action as passkeyAction } from "~/routes/login_.passkey";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/settings_.two-factor/route";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, respond } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { SoftwareAuthenticator } from "../fixtures/software-authenticator";
import { createUser, sessionCookieFrom, signIn, TEST_PASSWORD } from "../fixtures/users";
import { contextFromRequest } from "~/auth/context.server";

const t = setupTestDatabase();
const rp = relyingParty(publicBaseUrl());

function authenticator(options: { userVerified?: boolean; counts?: boolean } = {}) {
  return new SoftwareAuthenticator({ origin: rp.origin, rpId: rp.id, ...options });
}

async function settings(fields: Record<string, string>, cookie: string) {
  return respond(twoFactorAction(await formRequest("/settings/two-factor", fields, { cookie })));
}

/** Adds a passkey through the page's two requests: the password for options, then the authenticator's answer. */
async function addPasskey(cookie: string, key: SoftwareAuthenticator, name = "Jobb-PC") {
  const started = await readJson(await settings({ intent: "passkey-options", currentPassword: TEST_PASSWORD, name }, cookie));
  const { challengeId, options } = started.passkeyCeremony;
  return settings({ intent: "passkey-register", challengeId, response: JSON.stringify(key.register(options)), name }, cookie);
}

async function passkeyOptions(cookie?: string) {
  return readJson(await respond(passkeyAction(await formRequest("/login/passkey", { intent: "passkey-options" }, { cookie }))));
}

async function passkeyVerify(challengeId: string, answer: unknown, cookie?: string) {
  return respond(passkeyAction(await formRequest("/login/passkey", { intent: "passkey-verify", challengeId, response: JSON.stringify(answer), redirectTo: "/demand" }, { cookie })));
}

async function withPasskey() {
  const user = await createUser(t.db);
  const cookie = await signIn(user.id);
  const key = authenticator();
  expect((await addPasskey(cookie, key)).status).toBe(200);
  return { user, cookie, key };
}

async function auditActions(userId: string) {
  return (await t.db.selectFrom("auditLog").select("action").where("actorUserId", "=", userId).orderBy("id").execute()).map((r) => r.action);
}

describe("adding a passkey", () => {
  it("asks for the password, checks the authenticator's answer, stores the public key and ends the other sessions", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    const other = await signIn(user.id);
    const wrong = await settings({ intent: "passkey-options", currentPassword: "not my password", name: "" }, cookie);
    expect(wrong.status).toBe(400);
    const body = await readJson(wrong);
    expect(body.result.error.currentPassword).toEqual(["wrong_password"]);
    expect(body.passkeyCeremony).toBeNull();

    const key = authenticator();
    expect((await addPasskey(cookie, key, "  Mobil  ")).status).toBe(200);
    const stored = await t.db.selectFrom("passkeys").selectAll().where("userId", "=", user.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ credentialId: key.id, name: "Mobil" });
    expect(Number(stored[0]!.counter)).toBe(1);
    // The other browser is signed out; this one goes on.
    expect((await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: other } }))).context.auth).toBeNull();
    expect((await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }))).context.auth?.user.id).toBe(user.id);
    expect(await auditActions(user.id)).toContain("passkey_added");
    const page = await readJson(await respond(twoFactorLoader(await routeArgs("/settings/two-factor", { cookie }))));
    expect(page.passkeys.map((p: { name: string }) => p.name)).toEqual(["Mobil"]);
    // The page never carries the key material.
    expect(JSON.stringify(page)).not.toContain(key.id);
  });

  it("refuses an answer without user verification, to someone else's challenge, or twice", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    const unverified = await addPasskey(cookie, authenticator({ userVerified: false }));
    expect(unverified.status).toBe(400);
    expect((await readJson(unverified)).result.error.response).toEqual(["passkey_not_verified"]);

    // A challenge handed to another person cannot be answered from this account.
    const stranger = await signIn((await createUser(t.db)).id);
    const theirs = (await readJson(await settings({ intent: "passkey-options", currentPassword: TEST_PASSWORD, name: "" }, stranger))).passkeyCeremony;
    const key = authenticator();
    const hijack = await settings({ intent: "passkey-register", challengeId: theirs.challengeId, response: JSON.stringify(key.register(theirs.options)), name: "" }, cookie);
    expect(hijack.status).toBe(400);

    const mine = (await readJson(await settings({ intent: "passkey-options", currentPassword: TEST_PASSWORD, name: "" }, cookie))).passkeyCeremony;
    const answer = JSON.stringify(key.register(mine.options));
    expect((await settings({ intent: "passkey-register", challengeId: mine.challengeId, response: answer, name: "" }, cookie)).status).toBe(200);
    expect((await settings({ intent: "passkey-register", challengeId: mine.challengeId, response: answer, name: "" }, cookie)).status).toBe(400);
    expect(await t.db.selectFrom("passkeys").select("name").where("userId", "=", user.id).execute()).toEqual([{ name: "Passkey" }]);
    expect(await t.db.selectFrom("passkeys").select("id").where("userId", "=", (await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: stranger } }))).context.auth!.user.id).execute()).toEqual([]);
  });

  it("refuses a made-up answer by the field and stores nothing", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    const { challengeId } = (await readJson(await settings({ intent: "passkey-options", currentPassword: TEST_PASSWORD, name: "" }, cookie))).passkeyCeremony;
    for (const response of ["{}", "not json", JSON.stringify({ id: "x", response: { clientDataJSON: "\u0000" } })]) {
      const refused = await settings({ intent: "passkey-register", challengeId, response, name: "" }, cookie);
      expect(refused.status).toBe(400);
    }
    expect(await t.db.selectFrom("passkeys").select("id").where("userId", "=", user.id).execute()).toEqual([]);
  });
});

describe("signing in with a passkey alone", () => {
  it("signs in with a fresh session, audited, and sends the person on", async () => {
    const { user, key } = await withPasskey();
    const { challengeId, options } = await passkeyOptions();
    expect(options.userVerification).toBe("required");
    expect(options.rpId).toBe(rp.id);
    const response = await passkeyVerify(challengeId, key.authenticate(options));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/demand");
    const cookie = sessionCookieFrom(response)!;
    expect((await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }))).context.auth?.user.id).toBe(user.id);
    const login = await t.db.selectFrom("auditLog").select("details").where("actorUserId", "=", user.id).where("action", "=", "login").executeTakeFirstOrThrow();
    expect(login.details).toMatchObject({ method: "passkey" });
    expect(await t.db.selectFrom("passkeys").select("lastUsedAt").where("userId", "=", user.id).executeTakeFirstOrThrow()).not.toEqual({ lastUsedAt: null });
  });

  it("refuses a replayed answer, a phishing origin, a missing verification and a cloned key's old counter", async () => {
    const { user, key } = await withPasskey();
    const first = await passkeyOptions();
    const answer = key.authenticate(first.options);
    expect((await passkeyVerify(first.challengeId, answer)).status).toBe(302);
    // The same answer again: its challenge is gone.
    const replay = await passkeyVerify(first.challengeId, answer);
    expect(replay.status).toBe(400);
    expect((await readJson(replay)).error.response).toEqual(["passkey_not_verified"]);

    const phishing = await passkeyOptions();
    expect((await passkeyVerify(phishing.challengeId, key.authenticate(phishing.options, { origin: "https://markedsdialog.evil.example" }))).status).toBe(400);

    // A copy of the key whose counter is behind the stored one.
    const clone = await passkeyOptions();
    key.counter = 0;
    expect((await passkeyVerify(clone.challengeId, key.authenticate(clone.options))).status).toBe(400);

    const other = await withPasskey();
    const noVerification = new SoftwareAuthenticator({ origin: rp.origin, rpId: rp.id, userVerified: false });
    Object.assign(noVerification, { credentialId: other.key.credentialId, privateKey: (other.key as never as { privateKey: unknown }).privateKey, counter: 10 });
    const uv = await passkeyOptions();
    expect((await passkeyVerify(uv.challengeId, noVerification.authenticate(uv.options))).status).toBe(400);

    const failures = await t.db.selectFrom("auditLog").select("action").where("action", "=", "passkey_sign_in_failed").execute();
    expect(failures.length).toBeGreaterThanOrEqual(4);
    expect(await auditActions(user.id)).toContain("login");
  });

  it("an unknown credential signs nobody in", async () => {
    const { challengeId, options } = await passkeyOptions();
    const stranger = authenticator();
    const response = await passkeyVerify(challengeId, stranger.authenticate(options));
    expect(response.status).toBe(400);
    expect(sessionCookieFrom(response)).toBeNull();
  });

  it("limits how many challenges one address may ask for", async () => {
    let last: Response | null = null;
    for (let i = 0; i < 61; i++) last = await respond(passkeyAction(await formRequest("/login/passkey", { intent: "passkey-options" }, { ip: "203.0.113.77" })));
    expect(last!.status).toBe(429);
  });
});

describe("a passkey as the second factor", () => {
  it("after the password, only the person's own passkey finishes the sign-in", async () => {
    const { user, key } = await withPasskey();
    const login = await respond(loginAction(await formRequest("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "" })));
    expect(login.headers.get("Location")).toBe("/login/code");
    const cookie = sessionCookieFrom(login)!;
    const step = await readJson(await respond(codeLoader(await routeArgs("/login/code", { cookie }))));
    expect(step).toMatchObject({ hasApp: false, hasPasskey: true });

    // The options name only this person's passkeys; someone else's passkey is refused.
    const stranger = await withPasskey();
    const wrong = await passkeyOptions(cookie);
    expect(wrong.options.allowCredentials.map((c: { id: string }) => c.id)).toEqual([key.id]);
    expect((await passkeyVerify(wrong.challengeId, stranger.key.authenticate(wrong.options), cookie)).status).toBe(400);
    expect((await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }))).context.signInStep?.step).toBe("code");

    const right = await passkeyOptions(cookie);
    const finished = await passkeyVerify(right.challengeId, key.authenticate(right.options), cookie);
    expect(finished.status).toBe(302);
    expect((await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }))).context.auth?.user.id).toBe(user.id);
  });

  it("counts for an organisation's policy: a member with a passkey is not held at enrolment", async () => {
    const { user, cookie } = await withPasskey();
    const organisation = await createOrganisationWith(t.db, [{ person: { id: user.id, email: user.email } as never, role: "member" }]);
    await t.db.updateTable("organisations").set({ secondFactorPolicy: "all" }).where("id", "=", organisation.id).execute();
    expect((await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }))).context.auth?.user.id).toBe(user.id);
    // ...and the last factor a policy requires cannot be removed.
    const [passkey] = await t.db.selectFrom("passkeys").select("id").where("userId", "=", user.id).execute();
    const refused = await settings({ intent: "passkey-remove", passkeyId: passkey!.id, currentPassword: TEST_PASSWORD }, cookie);
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).result.error.currentPassword).toEqual(["second_factor_required"]);
    expect(await t.db.selectFrom("passkeys").select("id").where("userId", "=", user.id).execute()).toHaveLength(1);
  });
});

describe("removing a passkey", () => {
  it("needs the password, only reaches one's own passkeys, and is audited", async () => {
    const { user, cookie } = await withPasskey();
    const [passkey] = await t.db.selectFrom("passkeys").select("id").where("userId", "=", user.id).execute();
    const intruder = await signIn((await createUser(t.db)).id);
    const notTheirs = await settings({ intent: "passkey-remove", passkeyId: passkey!.id, currentPassword: TEST_PASSWORD }, intruder);
    expect(notTheirs.status).toBe(404);
    const wrong = await settings({ intent: "passkey-remove", passkeyId: passkey!.id, currentPassword: "guess" }, cookie);
    expect((await readJson(wrong)).result.error.currentPassword).toEqual(["wrong_password"]);
    expect(await t.db.selectFrom("passkeys").select("id").where("userId", "=", user.id).execute()).toHaveLength(1);
    expect((await settings({ intent: "passkey-remove", passkeyId: passkey!.id, currentPassword: TEST_PASSWORD }, cookie)).status).toBe(200);
    expect(await t.db.selectFrom("passkeys").select("id").where("userId", "=", user.id).execute()).toEqual([]);
    expect(await auditActions(user.id)).toContain("passkey_removed");
  });

  it("never removes the last way in: a person without a password keeps their last passkey (a link no provider is registered for does not count)", async () => {
    const { user, cookie } = await withPasskey();
    const second = authenticator();
    expect((await addPasskey(cookie, second, "Telefon")).status).toBe(200);
    // Passkeys only: no password, and a link at an issuer no organisation has registered (it cannot sign anyone in).
    await t.db.updateTable("users").set({ passwordHash: null }).where("id", "=", user.id).execute();
    await t.db.insertInto("ssoLinks").values({ issuer: "https://gone.example.no", subject: "sub-gone", userId: user.id }).execute();
    await t.db.updateTable("sessions").set({ reauthenticatedAt: new Date() }).where("id", "=", cookie.split("=")[1]!).execute();
    const passkeys = () => t.db.selectFrom("passkeys").select("id").where("userId", "=", user.id).orderBy("createdAt").execute();
    const [first, last] = await passkeys();
    expect((await settings({ intent: "passkey-remove", passkeyId: first!.id, currentPassword: "" }, cookie)).status).toBe(200);

    const refused = await settings({ intent: "passkey-remove", passkeyId: last!.id, currentPassword: "" }, cookie);
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).result.error.passkeyId).toEqual(["passkey_last_sign_in"]);
    expect(await passkeys()).toEqual([{ id: last!.id }]);
    expect(await auditActions(user.id)).toContain("passkey_remove_refused");
    // Refused before the password is asked for, so nobody re-authenticates only to be told no.
    await t.db.updateTable("sessions").set({ reauthenticatedAt: null }).where("id", "=", cookie.split("=")[1]!).execute();
    expect((await readJson(await settings({ intent: "passkey-remove", passkeyId: last!.id, currentPassword: "" }, cookie))).result.error.passkeyId).toEqual(["passkey_last_sign_in"]);

    // A password set again is another way in: now the passkey may go (after the wait five tries in a row earn).
    await t.db.deleteFrom("rateLimits").where("key", "=", `second-factor-change:account:${user.id}`).execute();
    await t.db.updateTable("users").set({ passwordHash: (await t.db.selectFrom("users").select("passwordHash").where("passwordHash", "is not", null).limit(1).executeTakeFirstOrThrow()).passwordHash }).where("id", "=", user.id).execute();
    expect((await settings({ intent: "passkey-remove", passkeyId: last!.id, currentPassword: TEST_PASSWORD }, cookie)).status).toBe(200);
    expect(await passkeys()).toEqual([]);
  });

  it("is closed to anonymous visitors", async () => {
    const response = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "passkey-options", currentPassword: TEST_PASSWORD })));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });
});
