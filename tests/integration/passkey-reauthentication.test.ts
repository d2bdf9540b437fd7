import { describe, expect, it } from "vitest";
import { relyingParty } from "~/domain/passkeys";
import { publicBaseUrl } from "~/http/public-url.server";
import { createApiToken } from "~/models/api-tokens.server";
import { sessionReauthenticated } from "~/models/two-factor.server";
import { action as reauthAction, loader as reauthLoader } from "~/routes/settings_.passkey-reauthentication";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings";
import { action as twoFactorAction } from "~/routes/settings_.two-factor/route";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { SoftwareAuthenticator } from "../fixtures/software-authenticator";
import { createUser, signIn, TEST_PASSWORD } from "../fixtures/users";

// A person without a password (made by single sign-on, then signing in with passkeys) confirms
// it is them with one of their passkeys before the settings pages' changes: a first password,
// factors, unlinking a provider. Before, only a fresh sign-in at a provider could, so a person
// with passkeys alone met a dead end on the settings pages.

const t = setupTestDatabase();
const rp = relyingParty(publicBaseUrl());
const PATH = "/settings/passkey-reauthentication";
const sessionId = (cookie: string) => cookie.split("=")[1]!;

/** A person with a passkey and, afterwards, no password (the passkey is added while they had one). */
async function passkeyOnlyPerson() {
  const user = await createUser(t.db);
  const cookie = await signIn(user.id);
  const key = new SoftwareAuthenticator({ origin: rp.origin, rpId: rp.id });
  const started = await readJson(await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "passkey-options", currentPassword: TEST_PASSWORD, name: "Mobil" }, { cookie }))));
  const { challengeId, options } = started.passkeyCeremony;
  const added = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "passkey-register", challengeId, response: JSON.stringify(key.register(options)), name: "Mobil" }, { cookie })));
  expect(added.status).toBe(200);
  await t.db.updateTable("users").set({ passwordHash: null }).where("id", "=", user.id).execute();
  return { user, cookie, key };
}

async function confirmWith(cookie: string, key: SoftwareAuthenticator, redirectTo = "/settings") {
  const started = await readJson(await respond(reauthAction(await formRequest(PATH, { intent: "passkey-options" }, { cookie }))));
  return respond(reauthAction(await formRequest(PATH, { intent: "passkey-verify", challengeId: started.challengeId, response: JSON.stringify(key.authenticate(started.options)), redirectTo }, { cookie })));
}

describe("confirming it is you with a passkey", () => {
  it("offers it on /settings to a person without a password, marks this session, and then lets them set a first password", async () => {
    const { user, cookie, key } = await passkeyOnlyPerson();
    const page = await readJson(await respond(settingsLoader(await routeArgs("/settings", { cookie }))));
    expect(page).toMatchObject({ hasPassword: false, hasPasskey: true, reauthenticated: false });

    const before = await respond(settingsAction(await formRequest("/settings", { intent: "set-password", password: "et helt nytt passord", confirm: "et helt nytt passord" }, { cookie })));
    expect(before.status).toBe(400);

    const confirmed = await confirmWith(cookie, key, "/settings?from=passkey");
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/settings?from=passkey");
    expect(await sessionReauthenticated(t.db, sessionId(cookie))).toBe(true);
    const audit = await t.db.selectFrom("auditLog").select(["action", "details"]).where("actorUserId", "=", user.id).where("action", "=", "reauthenticated").execute();
    expect(audit).toEqual([{ action: "reauthenticated", details: expect.objectContaining({ method: "passkey" }) }]);
    expect((await readJson(await respond(settingsLoader(await routeArgs("/settings", { cookie }))))).reauthenticated).toBe(true);

    const set = await respond(settingsAction(await formRequest("/settings", { intent: "set-password", password: "et helt nytt passord", confirm: "et helt nytt passord" }, { cookie })));
    expect(set.status).toBe(302);
    expect((await t.db.selectFrom("users").select("passwordHash").where("id", "=", user.id).executeTakeFirstOrThrow()).passwordHash).not.toBeNull();
  });

  it("marks only the session that answered, and refuses another person's passkey and a spent challenge", async () => {
    const { user, cookie, key } = await passkeyOnlyPerson();
    const other = await passkeyOnlyPerson();
    const elsewhere = await signIn(user.id);

    // The challenge is bound to the signed-in person: another person's passkey does not answer it.
    const started = await readJson(await respond(reauthAction(await formRequest(PATH, { intent: "passkey-options" }, { cookie }))));
    const foreign = await respond(reauthAction(await formRequest(PATH, { intent: "passkey-verify", challengeId: started.challengeId, response: JSON.stringify(other.key.authenticate({ ...started.options, allowCredentials: [] })) }, { cookie })));
    expect(foreign.status).toBe(400);
    expect((await readJson(foreign)).error.response).toEqual(["passkey_not_verified"]);
    expect(await sessionReauthenticated(t.db, sessionId(cookie))).toBe(false);

    const fresh = await readJson(await respond(reauthAction(await formRequest(PATH, { intent: "passkey-options" }, { cookie }))));
    const answer = JSON.stringify(key.authenticate(fresh.options));
    const taken = await respond(reauthAction(await formRequest(PATH, { intent: "passkey-verify", challengeId: fresh.challengeId, response: answer }, { cookie })));
    expect(taken.status).toBe(302);
    expect(await sessionReauthenticated(t.db, sessionId(cookie))).toBe(true);
    // The same answer again: the challenge is spent.
    const replayed = await respond(reauthAction(await formRequest(PATH, { intent: "passkey-verify", challengeId: fresh.challengeId, response: answer }, { cookie: elsewhere })));
    expect(replayed.status).toBe(400);
    expect(await sessionReauthenticated(t.db, sessionId(elsewhere))).toBe(false);
    const refused = await t.db.selectFrom("auditLog").select("action").where("actorUserId", "=", user.id).where("action", "=", "reauthentication_refused").execute();
    expect(refused).toHaveLength(2);
  });

  it("needs a signed-in browser session: anonymous goes to sign in, an API token is refused, a GET goes back to the settings", async () => {
    const { user } = await passkeyOnlyPerson();
    const anonymous = await respond(reauthAction(await formRequest(PATH, { intent: "passkey-options" })));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    const { token } = await createApiToken(t.db, user.id, "Integrasjon");
    const byToken = await respond(reauthAction(await formRequest(PATH, { intent: "passkey-options" }, { headers: { Authorization: `Bearer ${token}` } })));
    expect(byToken.status).toBe(403);
    const get = await respond(Promise.resolve().then(() => reauthLoader()));
    expect(get.headers.get("Location")).toBe("/settings");
  });
});
