import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { isCrossSiteMutation } from "~/auth/csrf";
import { lucia } from "~/auth/lucia.server";
import { hashPassword } from "~/auth/password.server";
import { encryptSecret, secretEncryptionKey } from "~/auth/secret-box.server";
import { saveIdentityProvider } from "~/models/identity-providers.server";
import { action as linksAction, loader as linksLoader } from "~/routes/settings_.single-sign-on";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { lastMailTo } from "../fixtures/users";

// Unlinking a provider from the settings (issue 21, ADR 0034): the person's own link only,
// after the password or a fresh re-authentication, never the last way they can sign in; every
// other session ends, the audit log keeps it, and the person is told by e-mail.

const t = setupTestDatabase();
const { key } = secretEncryptionKey({ NODE_ENV: "test" }) as { key: Buffer };
const ISSUER = "https://login.unlink.example.no/tenant/v2.0";
const OTHER_ISSUER = "https://login.other.example.no/tenant/v2.0";
const PASSWORD = "correct horse battery";
const SETTINGS = "/settings/single-sign-on";
let organisation: { id: string; name: string };

beforeAll(async () => {
  const admin = await createPerson(t.db);
  organisation = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }], { name: "Unlinkvik kommune" });
  const saved = await saveIdentityProvider(t.db, organisation.id, admin.id, {
    issuer: ISSUER,
    clientId: "markedsdialog",
    clientSecretBox: encryptSecret("s3cret", key),
    domains: ["unlink.example.no"],
    autoJoin: false,
    joinRole: "member",
  });
  expect(saved.ok).toBe(true);
});

async function linkedPerson({ password = false, issuer = ISSUER }: { password?: boolean; issuer?: string } = {}): Promise<Person> {
  const person = await createPerson(t.db);
  await t.db.insertInto("memberships").values({ userId: person.id, organisationId: organisation.id, role: "member", commercialRole: null }).execute();
  if (password) await t.db.updateTable("users").set({ passwordHash: await hashPassword(PASSWORD) }).where("id", "=", person.id).execute();
  await t.db.insertInto("ssoLinks").values({ issuer, subject: `sub-${randomUUID()}`, userId: person.id }).execute();
  return person;
}

const unlink = async (person: Person, fields: Record<string, string>) => respond(linksAction(await formRequest(SETTINGS, { intent: "unlink", issuer: ISSUER, ...fields }, { cookie: person.cookie })));
const linksOf = (person: Person) => t.db.selectFrom("ssoLinks").select("issuer").where("userId", "=", person.id).execute();
const auditOf = (person: Person, action: "sso_unlinked" | "sso_unlink_refused") => t.db.selectFrom("auditLog").select(["subject", "details"]).where("actorUserId", "=", person.id).where("action", "=", action).execute();
const reauthenticate = (person: Person) => t.db.updateTable("sessions").set({ reauthenticatedAt: new Date() }).where("id", "=", person.cookie.split("=")[1]!).execute();

describe("unlinking a provider from the settings", () => {
  it("unlinks after the password, ends the other sessions, audits it and tells the person by e-mail", async () => {
    const person = await linkedPerson({ password: true });
    const elsewhere = await lucia.createSession(person.id, { userAgent: null, ip: null });

    const wrong = await unlink(person, { currentPassword: "a guess" });
    expect(wrong.status).toBe(400);
    expect((await readJson(wrong)).result.error.currentPassword).toEqual(["wrong_password"]);
    expect(await linksOf(person)).toHaveLength(1);

    const done = await unlink(person, { currentPassword: PASSWORD });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`${SETTINGS}?unlinked=1`);
    expect(await linksOf(person)).toEqual([]);
    const sessions = await t.db.selectFrom("sessions").select("id").where("userId", "=", person.id).execute();
    expect(sessions.map((s) => s.id)).toEqual([person.cookie.split("=")[1]]);
    expect(sessions.map((s) => s.id)).not.toContain(elsewhere.id);
    expect(await auditOf(person, "sso_unlinked")).toEqual([{ subject: ISSUER, details: expect.objectContaining({ provider: "Unlinkvik kommune" }) }]);
    const mail = await lastMailTo(t.db, person.email);
    expect(mail).toMatchObject({ template: "sso-unlinked" });
    expect(mail!.text).toContain("Unlinkvik kommune");

    // Gone from the page; a second try finds nothing.
    const page = await readJson(await respond(linksLoader(await routeArgs(SETTINGS, { cookie: person.cookie }))));
    expect(page.providers).toMatchObject([{ issuer: ISSUER, linkedAt: null }]);
    expect(page.otherLinks).toEqual([]);
    expect((await unlink(person, { currentPassword: PASSWORD })).status).toBe(404);
  });

  it("refuses to unlink the only way a person made by single sign-on can sign in, with nothing changed, until they have a passkey", async () => {
    const person = await linkedPerson();
    await reauthenticate(person);
    const refused = await unlink(person, { currentPassword: "" });
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).result.error.issuer).toEqual(["sso_last_sign_in"]);
    expect(await linksOf(person)).toHaveLength(1);
    expect(await auditOf(person, "sso_unlink_refused")).toHaveLength(1);
    expect(await lastMailTo(t.db, person.email)).toBeUndefined();

    await t.db.insertInto("passkeys").values({ userId: person.id, credentialId: `cred-${randomUUID()}`, publicKey: new Uint8Array(32).fill(7), name: "Laptop" }).execute();
    expect((await unlink(person, { currentPassword: "" })).status).toBe(302);
    expect(await linksOf(person)).toEqual([]);
  });

  it("asks people without a password to confirm it is them at the provider first", async () => {
    const person = await linkedPerson();
    await t.db.insertInto("ssoLinks").values({ issuer: OTHER_ISSUER, subject: `sub-${randomUUID()}`, userId: person.id }).execute();
    const other = await createPerson(t.db);
    const otherOrg = await createOrganisationWith(t.db, [{ person: other, role: "admin" }]);
    await saveIdentityProvider(t.db, otherOrg.id, other.id, { issuer: OTHER_ISSUER, clientId: "md", clientSecretBox: encryptSecret("x", key), domains: ["other.example.no"], autoJoin: false, joinRole: "member" });

    // The page offers to confirm it at a linked provider, the person having no password to type.
    const before = await readJson(await respond(linksLoader(await routeArgs(SETTINGS, { cookie: person.cookie }))));
    expect(before).toMatchObject({ hasPassword: false, reauthenticated: false, providers: [{ issuer: ISSUER, linkedAt: expect.any(String) }] });
    const unconfirmed = await unlink(person, { currentPassword: "" });
    expect(unconfirmed.status).toBe(400);
    expect((await readJson(unconfirmed)).result.error.currentPassword).toEqual(["reauthentication_required"]);
    // The link at the other organisation's provider is a way in too: after re-authenticating, this one may go.
    await reauthenticate(person);
    expect((await unlink(person, { currentPassword: "" })).status).toBe(302);
    expect(await linksOf(person)).toEqual([{ issuer: OTHER_ISSUER }]);
    // That one is now the last.
    expect((await respond(linksAction(await formRequest(SETTINGS, { intent: "unlink", issuer: OTHER_ISSUER, currentPassword: "" }, { cookie: person.cookie })))).status).toBe(422);
    // It is shown as another link (not one of their organisations' providers), with a form to remove it.
    const page = await readJson(await respond(linksLoader(await routeArgs(SETTINGS, { cookie: person.cookie }))));
    expect(page.otherLinks).toMatchObject([{ issuer: OTHER_ISSUER, organisationNames: [otherOrg.name] }]);
  });

  it("answers 404 to unlinking another person's link, and leaves it", async () => {
    const owner = await linkedPerson({ password: true });
    const other = await linkedPerson({ password: true, issuer: OTHER_ISSUER });
    const response = await unlink(other, { currentPassword: PASSWORD });
    expect(response.status).toBe(404);
    expect(await linksOf(owner)).toEqual([{ issuer: ISSUER }]);
    expect(await linksOf(other)).toEqual([{ issuer: OTHER_ISSUER }]);
  });

  it("refuses a cross-site post of the unlink form (CSRF), and lets the portal's own page through", async () => {
    const person = await linkedPerson({ password: true });
    const { request } = await formRequest(SETTINGS, { intent: "unlink", issuer: ISSUER, currentPassword: PASSWORD }, { cookie: person.cookie });
    const asSent = (headers: Record<string, string | null>) => ({
      method: request.method,
      host: new URL(request.url).host,
      origin: null,
      referer: null,
      secFetchSite: null,
      hasBearerToken: false,
      ...headers,
    });
    expect(isCrossSiteMutation(asSent({ origin: "https://angriper.example" }))).toBe(true);
    expect(isCrossSiteMutation(asSent({ secFetchSite: "cross-site" }))).toBe(true);
    expect(isCrossSiteMutation(asSent({ origin: "null" }))).toBe(true);
    expect(isCrossSiteMutation(asSent({ origin: request.headers.get("Origin") }))).toBe(false);
    expect(await linksOf(person)).toHaveLength(1);
  });
});

describe("authorization: unlinking at /settings/single-sign-on", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "POST /settings/single-sign-on unlink somebody else's link",
      call: linksAction,
      request: async (_w, cookie) => {
        const owner = await linkedPerson({ password: true });
        expect(owner.id).toBeTruthy();
        return formRequest(SETTINGS, { intent: "unlink", issuer: ISSUER, currentPassword: PASSWORD }, { cookie });
      },
      expect: { anonymous: "login", outsider: 404, member: 404, admin: 404, operator: 404 },
    },
  ]);
});
