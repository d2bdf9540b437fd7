import { beforeAll, describe, expect, it } from "vitest";
import { lucia } from "~/auth/lucia.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { encryptSecret, secretEncryptionKey } from "~/auth/secret-box.server";
import { saveIdentityProvider } from "~/models/identity-providers.server";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

// A person made by single sign-on has no password, so "change password" (which asks for the
// current one) is closed to them. They set a first one from /settings after a fresh sign-in at
// their provider (issue 21), with the usual password rules; audited, told by e-mail, and every
// other session ends, as when a way in is added.

const t = setupTestDatabase();
const { key } = secretEncryptionKey({ NODE_ENV: "test" }) as { key: Buffer };
const ISSUER = "https://login.setpassword.example.no/tenant/v2.0";
const NEW_PASSWORD = "blåbærsyltetøy på fredag";
let organisation: { id: string; name: string };

beforeAll(async () => {
  const admin = await createPerson(t.db);
  organisation = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }], { name: "Passordvik kommune" });
  const saved = await saveIdentityProvider(t.db, organisation.id, admin.id, {
    issuer: ISSUER,
    clientId: "markedsdialog",
    clientSecretBox: encryptSecret("s3cret", key),
    domains: ["setpassword.example.no"],
    autoJoin: false,
    joinRole: "member",
  });
  expect(saved.ok).toBe(true);
});

/** A person made by single sign-on: linked at the organisation's provider, no password (createPerson sets none). */
async function ssoPerson(language: "nb" | "en" = "nb"): Promise<Person> {
  const person = await createPerson(t.db, { name: "Sigrid Sso" });
  await t.db.updateTable("users").set({ language }).where("id", "=", person.id).execute();
  await t.db.insertInto("memberships").values({ userId: person.id, organisationId: organisation.id, role: "member", commercialRole: null }).execute();
  await t.db.insertInto("ssoLinks").values({ issuer: ISSUER, subject: `sub-${person.id}`, userId: person.id }).execute();
  return person;
}

const sessionIdOf = (person: { cookie: string }) => person.cookie.split("=")[1]!;
const reauthenticate = (person: { cookie: string }) => t.db.updateTable("sessions").set({ reauthenticatedAt: new Date() }).where("id", "=", sessionIdOf(person)).execute();
const setPassword = async (person: Person, fields: Record<string, string>) => respond(settingsAction(await formRequest("/settings", { intent: "set-password", ...fields }, { cookie: person.cookie })));
const hashOf = async (person: Person) => (await t.db.selectFrom("users").select("passwordHash").where("id", "=", person.id).executeTakeFirstOrThrow()).passwordHash;
const audits = (person: Person) => t.db.selectFrom("auditLog").select("action").where("actorUserId", "=", person.id).where("action", "=", "password_set").execute();
const page = async (person: Person) => readJson(await respond(settingsLoader(await routeArgs("/settings", { cookie: person.cookie }))));

describe("setting a first password from the settings", () => {
  it("asks for a fresh sign-in at the provider first, then keeps the password rules, and stores nothing until both hold", async () => {
    const person = await ssoPerson();
    expect(await page(person)).toMatchObject({ hasPassword: false, reauthenticated: false, reauthenticateWith: [{ organisationName: "Passordvik kommune" }] });

    const unconfirmed = await setPassword(person, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(unconfirmed.status).toBe(400);
    expect((await readJson(unconfirmed)).result.error[""]).toEqual(["confirm_presence_first"]);

    await reauthenticate(person);
    expect(await page(person)).toMatchObject({ hasPassword: false, reauthenticated: true });
    const weak = await setPassword(person, { password: "passord", confirm: "passord" });
    expect(weak.status).toBe(400);
    expect((await readJson(weak)).result.error.password).toEqual(["password_too_short"]);
    const differ = await setPassword(person, { password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` });
    expect((await readJson(differ)).result.error.confirm).toEqual(["passwords_differ"]);
    expect(await hashOf(person)).toBeNull();
    expect(await audits(person)).toEqual([]);
    expect(await t.db.selectFrom("outbox").select("id").where("toAddress", "=", person.email).execute()).toEqual([]);
  });

  it("sets it, ends the other sessions, audits it and tells the person by e-mail in their language", async () => {
    const person = await ssoPerson("en");
    const elsewhere = await lucia.createSession(person.id, { userAgent: null, ip: null });
    await reauthenticate(person);

    const done = await setPassword(person, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/settings?passwordSet=1");
    expect(await verifyPassword((await hashOf(person))!, NEW_PASSWORD)).toBe(true);
    const sessions = await t.db.selectFrom("sessions").select("id").where("userId", "=", person.id).execute();
    expect(sessions.map((s) => s.id)).toEqual([sessionIdOf(person)]);
    expect(sessions.map((s) => s.id)).not.toContain(elsewhere.id);
    expect(await audits(person)).toHaveLength(1);
    const mails = await t.db.selectFrom("outbox").select(["template", "language", "subject"]).where("toAddress", "=", person.email).execute();
    expect(mails).toEqual([{ template: "factor-changed", language: "en", subject: "A password was set for your Markedsdialog account" }]);

    // Now it is a password like any other: the page offers to change it, and setting one again is refused.
    expect(await page(person)).toMatchObject({ hasPassword: true });
    const again = await setPassword(person, { password: "en helt annen frase", confirm: "en helt annen frase" });
    expect(again.status).toBe(409);
    expect((await readJson(again)).result.error[""]).toEqual(["password_already_set"]);
    expect(await verifyPassword((await hashOf(person))!, NEW_PASSWORD)).toBe(true);
  });

  it("never replaces an existing password, even in a re-authenticated session", async () => {
    const person = await ssoPerson();
    const existing = await hashPassword("mitt gamle passord her");
    await t.db.updateTable("users").set({ passwordHash: existing }).where("id", "=", person.id).execute();
    await reauthenticate(person);
    expect((await setPassword(person, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(409);
    expect(await hashOf(person)).toBe(existing);
    expect(await audits(person)).toEqual([]);
  });

  authorizationMatrix(() => t.db, [
    {
      // Everyone signed in may set their own first password once re-authenticated (the matrix's people have none).
      route: "POST /settings set-password",
      call: settingsAction,
      request: async (_w, cookie) => {
        if (cookie) await reauthenticate({ cookie });
        return formRequest("/settings", { intent: "set-password", password: NEW_PASSWORD, confirm: NEW_PASSWORD }, { cookie });
      },
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
  ]);
});
