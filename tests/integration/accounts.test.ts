import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { lucia } from "~/auth/lucia.server";
import { verifyPassword } from "~/auth/password.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings";
import { action as signupAction } from "~/routes/signup";
import { loader as verifyLoader } from "~/routes/verify-email";
import { emailJustConfirmed } from "~/domain/email-links";
import { LIMITS } from "~/models/rate-limits.server";
import { createApiToken, findApiTokenUser } from "~/models/api-tokens.server";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { createUser, lastMailTo, linkToken, sessionCookieFrom, signIn, TEST_PASSWORD } from "../fixtures/users";

const t = setupTestDatabase();

async function count(table: "users" | "outbox" | "sessions") {
  const row = await t.db.selectFrom(table).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  return row.n;
}

describe("sign-up", () => {
  it("creates the account, signs in, and queues a verification e-mail in one go", async () => {
    const response = await signupAction(await formRequest("/signup", { name: "Siri Saksbehandler", email: "Siri@Kommune.NO", password: TEST_PASSWORD }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/verify-email?redirectTo=%2Forganisations%2Fnew");
    expect(sessionCookieFrom(response)).not.toBeNull();
    const user = await t.db.selectFrom("users").selectAll().where("email", "=", "siri@kommune.no").executeTakeFirstOrThrow();
    expect(user.emailVerifiedAt).toBeNull();
    const mail = await lastMailTo(t.db, "siri@kommune.no");
    expect(mail?.template).toBe("verify-email");
    expect(mail?.language).toBe("nb");
  });

  it.each([
    ["everything empty", {}, { name: ["required"], email: ["required"], password: ["required"] }],
    ["a name that is too long", { name: "x".repeat(201), email: "a@b.no", password: TEST_PASSWORD }, { name: ["too_long"] }],
    ["a malformed e-mail", { name: "A", email: "not-an-email", password: TEST_PASSWORD }, { email: ["invalid_email"] }],
    ["a short password", { name: "A", email: "a@b.no", password: "kort" }, { password: ["password_too_short"] }],
    ["a common password", { name: "A", email: "a@b.no", password: "password123" }, { password: ["password_too_common"] }],
  ])("refuses %s with a message by the field and stores nothing", async (_, fields, expected) => {
    const before = [await count("users"), await count("outbox")];
    const response = await signupAction(await formRequest("/signup", fields as Record<string, string>));
    expect(response.status).toBe(400);
    const body = await readJson(response);
    for (const [field, codes] of Object.entries(expected)) expect(body.error[field]).toEqual(codes);
    expect([await count("users"), await count("outbox")]).toEqual(before);
  });

  it("refuses a duplicate e-mail, whatever its case, and stores nothing", async () => {
    await createUser(t.db, { email: "dup@example.no" });
    const before = [await count("users"), await count("outbox")];
    const response = await signupAction(await formRequest("/signup", { name: "Dup", email: "DUP@example.no", password: TEST_PASSWORD }));
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.email).toEqual(["email_taken"]);
    expect([await count("users"), await count("outbox")]).toEqual(before);
  });
});

describe("e-mail verification", () => {
  it("confirms the address by the e-mailed link, once", async () => {
    await signupAction(await formRequest("/signup", { name: "Vera", email: "vera@example.no", password: TEST_PASSWORD }));
    const token = linkToken((await lastMailTo(t.db, "vera@example.no"))!.text, "/verify-email");
    const first = await verifyLoader(await routeArgs(`/verify-email?token=${token}`));
    expect((await readJson(first)).state).toBe("done");
    const user = await t.db.selectFrom("users").selectAll().where("email", "=", "vera@example.no").executeTakeFirstOrThrow();
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    const again = await verifyLoader(await routeArgs(`/verify-email?token=${token}`));
    expect((await readJson(again)).state).toBe("invalid");
  });

  it("says the address is confirmed where a signed-in person lands, not only when signed out (issue 14)", async () => {
    const signedUp = await signupAction(await formRequest("/signup", { name: "Vilde", email: "vilde@example.no", password: TEST_PASSWORD }));
    const cookie = sessionCookieFrom(signedUp)!;
    const rootSays = async (path: string, as?: string) => emailJustConfirmed(new URL(path, "http://localhost"), (await routeArgs(path, { cookie: as })).context.auth?.user ?? null);
    // Before the link is followed, the marker alone says nothing.
    expect(await rootSays("/organisations/new?emailConfirmed=1", cookie)).toBe(false);
    const token = linkToken((await lastMailTo(t.db, "vilde@example.no"))!.text, "/verify-email");
    const followed = await respond(verifyLoader(await routeArgs(`/verify-email?token=${token}&redirectTo=%2Fdemand%3Fq%3Djournal`, { cookie })));
    expect(followed.status).toBe(302);
    expect(followed.headers.get("Location")).toBe("/demand?q=journal&emailConfirmed=1");
    // The root layout shows "E-postadressen er bekreftet." from this (app/root.tsx).
    expect(await rootSays("/demand?q=journal&emailConfirmed=1", cookie)).toBe(true);
    expect(await rootSays("/demand?q=journal", cookie)).toBe(false);
    expect(await rootSays("/demand?q=journal&emailConfirmed=1")).toBe(false);
  });

  it("rejects an expired link", async () => {
    await signupAction(await formRequest("/signup", { name: "Eli", email: "eli@example.no", password: TEST_PASSWORD }));
    const token = linkToken((await lastMailTo(t.db, "eli@example.no"))!.text, "/verify-email");
    await t.db.updateTable("emailTokens").set({ expiresAt: new Date(Date.now() - 1000) }).where("purpose", "=", "verify_email").execute();
    const response = await verifyLoader(await routeArgs(`/verify-email?token=${token}`));
    expect((await readJson(response)).state).toBe("invalid");
  });
});

describe("log in and out", () => {
  it("logs in with the right password, with a new session id, and goes where asked", async () => {
    const user = await createUser(t.db, { email: "login@example.no" });
    const planted = await signIn(user.id);
    const response = await loginAction(await formRequest("/login", { email: "login@example.no", password: TEST_PASSWORD, redirectTo: "/settings" }, { cookie: planted }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/settings");
    const cookie = sessionCookieFrom(response);
    expect(cookie).not.toBeNull();
    expect(cookie).not.toBe(planted);
    // The session that existed before logging in is gone (no fixation).
    expect((await lucia.validateSession(planted.split("=")[1]!)).session).toBeNull();
    const audit = await t.db.selectFrom("auditLog").selectAll().where("action", "=", "login").where("actorUserId", "=", user.id).execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses a wrong password without saying whether the account exists, and audits it", async () => {
    await createUser(t.db, { email: "wrong@example.no" });
    for (const email of ["wrong@example.no", "nobody@example.no"]) {
      const response = await loginAction(await formRequest("/login", { email, password: "feil passord her" }));
      expect(response.status).toBe(400);
      expect((await readJson(response)).error[""]).toEqual(["E-postadressen eller passordet er feil."]);
    }
    const failures = await t.db.selectFrom("auditLog").select("subject").where("action", "=", "login_failed").execute();
    expect(failures.map((f) => f.subject)).toEqual(expect.arrayContaining(["wrong@example.no", "nobody@example.no"]));
  });

  it("rate-limits attempts per account with a clear message, even with the right password", async () => {
    await createUser(t.db, { email: "limited@example.no" });
    for (let i = 0; i < LIMITS.loginPerAccount.limit; i++) {
      await loginAction(await formRequest("/login", { email: "limited@example.no", password: "feil passord her" }, { ip: `10.0.0.${i}` }));
    }
    const response = await loginAction(await formRequest("/login", { email: "limited@example.no", password: TEST_PASSWORD }, { ip: "10.0.1.1" }));
    expect(response.status).toBe(429);
    expect((await readJson(response)).error[""][0]).toMatch(/^For mange forsøk\. Vent \d+ minutter/);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("rate-limits attempts per IP address across accounts", async () => {
    for (let i = 0; i < LIMITS.loginPerIp.limit; i++) {
      await loginAction(await formRequest("/login", { email: `x${i}@example.no`, password: "feil passord her" }, { ip: "192.0.2.7" }));
    }
    const response = await loginAction(await formRequest("/login", { email: "fresh@example.no", password: "feil passord her" }, { ip: "192.0.2.7" }));
    expect(response.status).toBe(429);
  });

  it("counts failures per address, not successes: an office's people sign in one after another", async () => {
    const colleagues = await Promise.all(Array.from({ length: 5 }, (_, i) => createUser(t.db, { email: `kollega${i}@example.no` })));
    for (let round = 0; round < LIMITS.loginPerIp.limit / colleagues.length + 2; round++) {
      for (const person of colleagues) {
        const response = await loginAction(await formRequest("/login", { email: person.email, password: TEST_PASSWORD }, { ip: "198.51.100.20" }));
        expect(response.status).toBe(302);
      }
    }
    // Failures from that address still reach the limit.
    for (let i = 0; i < LIMITS.loginPerIp.limit; i++) {
      await loginAction(await formRequest("/login", { email: `y${i}@example.no`, password: "feil passord her" }, { ip: "198.51.100.20" }));
    }
    const refused = await loginAction(await formRequest("/login", { email: colleagues[0]!.email, password: TEST_PASSWORD }, { ip: "198.51.100.20" }));
    expect(refused.status).toBe(429);
  });

  it("logs out by POST, ending the session", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    const response = await logoutAction(await formRequest("/logout", {}, { cookie }));
    expect(response.headers.get("Set-Cookie")).toMatch(/md_session=;/);
    expect((await lucia.validateSession(cookie.split("=")[1]!)).session).toBeNull();
  });
});

describe("password reset", () => {
  it("resets by a single-use link, ends every session and tells the owner", async () => {
    const user = await createUser(t.db, { email: "reset@example.no" });
    const oldSession = await signIn(user.id);
    const sent = await forgotAction(await formRequest("/forgot-password", { email: "reset@example.no" }));
    expect((await readJson(sent)).sentTo).toBe("reset@example.no");
    const token = linkToken((await lastMailTo(t.db, "reset@example.no"))!.text, "/reset-password");

    expect((await readJson(await resetLoader(await routeArgs(`/reset-password?token=${token}`)))).token).toBe(token);
    const response = await resetAction(await formRequest("/reset-password", { token, password: "et helt nytt passord", confirm: "et helt nytt passord" }));
    expect(response.status).toBe(302);
    expect((await lucia.validateSession(oldSession.split("=")[1]!)).session).toBeNull();
    expect((await lastMailTo(t.db, "reset@example.no"))?.template).toBe("password-changed");

    const reused = await resetAction(await formRequest("/reset-password", { token, password: "enda et nytt passord", confirm: "enda et nytt passord" }));
    expect(reused.status).toBe(400);
    expect((await readJson(await resetLoader(await routeArgs(`/reset-password?token=${token}`)))).token).toBeNull();
  });

  it("revokes the account's personal API tokens, as the notice says every other sign-in ended", async () => {
    const user = await createUser(t.db, { email: "tokens@example.no" });
    const { token: apiToken } = await createApiToken(t.db, user.id, "Integrasjon");
    expect(await findApiTokenUser(t.db, apiToken)).not.toBeNull();
    await forgotAction(await formRequest("/forgot-password", { email: "tokens@example.no" }));
    const token = linkToken((await lastMailTo(t.db, "tokens@example.no"))!.text, "/reset-password");
    await resetAction(await formRequest("/reset-password", { token, password: "et helt nytt passord", confirm: "et helt nytt passord" }));
    expect(await findApiTokenUser(t.db, apiToken)).toBeNull();
    expect((await lastMailTo(t.db, "tokens@example.no"))!.text).toMatch(/personlige API-nøkler/);
  });

  it("refuses a new password containing the address's name, and the link still works for a better one", async () => {
    const user = await createUser(t.db, { email: "kari.nordmann@example.no" });
    await forgotAction(await formRequest("/forgot-password", { email: "kari.nordmann@example.no" }));
    const token = linkToken((await lastMailTo(t.db, "kari.nordmann@example.no"))!.text, "/reset-password");
    const before = await t.db.selectFrom("users").select("passwordHash").where("id", "=", user.id).executeTakeFirstOrThrow();
    const refused = await resetAction(await formRequest("/reset-password", { token, password: "Kari.Nordmann2026!", confirm: "Kari.Nordmann2026!" }));
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).error.password).toEqual(["password_contains_email"]);
    expect(await t.db.selectFrom("users").select("passwordHash").where("id", "=", user.id).executeTakeFirstOrThrow()).toEqual(before);
    expect((await readJson(await resetLoader(await routeArgs(`/reset-password?token=${token}`)))).token).toBe(token);
    const taken = await resetAction(await formRequest("/reset-password", { token, password: "et helt nytt passord", confirm: "et helt nytt passord" }));
    expect(taken.status).toBe(302);
  });

  it("answers the same for unknown addresses and sends nothing", async () => {
    const before = await count("outbox");
    const response = await forgotAction(await formRequest("/forgot-password", { email: "ghost@example.no" }));
    expect((await readJson(response)).sentTo).toBe("ghost@example.no");
    expect(await count("outbox")).toBe(before);
  });

  it("refuses an expired link", async () => {
    await createUser(t.db, { email: "late@example.no" });
    await forgotAction(await formRequest("/forgot-password", { email: "late@example.no" }));
    const token = linkToken((await lastMailTo(t.db, "late@example.no"))!.text, "/reset-password");
    await t.db.updateTable("emailTokens").set({ expiresAt: new Date(Date.now() - 1) }).where("purpose", "=", "reset_password").execute();
    const response = await resetAction(await formRequest("/reset-password", { token, password: "et helt nytt passord", confirm: "et helt nytt passord" }));
    expect(response.status).toBe(400);
  });

  it("limits reset requests per account", async () => {
    for (let i = 0; i < LIMITS.resetPerAccount.limit; i++) {
      await forgotAction(await formRequest("/forgot-password", { email: "spam@example.no" }, { ip: `10.1.0.${i}` }));
    }
    const response = await forgotAction(await formRequest("/forgot-password", { email: "spam@example.no" }, { ip: "10.1.1.1" }));
    expect(response.status).toBe(429);
  });
});

describe("account settings", () => {
  it("needs a signed-in user", async () => {
    const response = await respond(settingsLoader(await routeArgs("/settings")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fsettings");
  });

  it("changes the password, keeping this session and ending the others", async () => {
    const user = await createUser(t.db);
    const here = await signIn(user.id);
    const elsewhere = await signIn(user.id);
    const wrong = await settingsAction(await formRequest("/settings", { intent: "password", currentPassword: "ikke riktig passord", password: "et helt nytt passord", confirm: "et helt nytt passord" }, { cookie: here }));
    expect(wrong.status).toBe(400);
    expect((await readJson(wrong)).result.error.currentPassword).toEqual(["wrong_password"]);

    const ok = await respond(settingsAction(await formRequest("/settings", { intent: "password", currentPassword: TEST_PASSWORD, password: "et helt nytt passord", confirm: "et helt nytt passord" }, { cookie: here })));
    expect(ok.status).toBe(302);
    expect((await lucia.validateSession(here.split("=")[1]!)).session).not.toBeNull();
    expect((await lucia.validateSession(elsewhere.split("=")[1]!)).session).toBeNull();
  });

  it("refuses a new password containing the address's name, and keeps the old one", async () => {
    const user = await createUser(t.db, { email: "ola.hansen@example.no" });
    const here = await signIn(user.id);
    const refused = await settingsAction(await formRequest("/settings", { intent: "password", currentPassword: TEST_PASSWORD, password: "ola.hansen sitt passord", confirm: "ola.hansen sitt passord" }, { cookie: here }));
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).result.error.password).toEqual(["password_contains_email"]);
    const stored = await t.db.selectFrom("users").select("passwordHash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(stored.passwordHash!, TEST_PASSWORD)).toBe(true);
  });

  it("logs out everywhere", async () => {
    const user = await createUser(t.db);
    const a = await signIn(user.id);
    await signIn(user.id);
    await respond(settingsAction(await formRequest("/settings", { intent: "logout-everywhere" }, { cookie: a })));
    const left = await t.db.selectFrom("sessions").select("id").where("userId", "=", user.id).execute();
    expect(left).toEqual([]);
  });

  it("creates an API token shown once, stores only its hash, and revokes it", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    const created = await settingsAction(await formRequest("/settings", { intent: "create-token", tokenName: "Integrasjon" }, { cookie }));
    const { token } = await readJson(created);
    expect(token).toMatch(/^md_[A-Za-z0-9_-]{40,}$/);
    const stored = await t.db.selectFrom("apiTokens").selectAll().where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(await readJson(await settingsLoader(await routeArgs("/settings", { cookie }))))).not.toContain(token);

    const other = await createUser(t.db);
    const otherCookie = await signIn(other.id);
    const foreign = await respond(settingsAction(await formRequest("/settings", { intent: "revoke-token", tokenId: stored.id }, { cookie: otherCookie })));
    expect(foreign.status).toBe(404);

    const revoked = await settingsAction(await formRequest("/settings", { intent: "revoke-token", tokenId: stored.id }, { cookie }));
    expect(revoked.status).toBe(200);
    const after = await t.db.selectFrom("apiTokens").select("revokedAt").where("id", "=", stored.id).executeTakeFirstOrThrow();
    expect(after.revokedAt).toBeInstanceOf(Date);
  });

  it("refuses an empty token name and stores nothing", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    const response = await settingsAction(await formRequest("/settings", { intent: "create-token", tokenName: "  " }, { cookie }));
    expect(response.status).toBe(400);
    expect((await readJson(response)).result.error.tokenName).toEqual(["required"]);
    expect(await t.db.selectFrom("apiTokens").select("id").where("userId", "=", user.id).execute()).toEqual([]);
  });
});

describe("sessions", () => {
  it("renews a session past half its life and sends a fresh cookie", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    const sessionId = cookie.split("=")[1]!;
    await t.db.updateTable("sessions").set({ expiresAt: new Date(Date.now() + 5 * 24 * 3600 * 1000) }).where("id", "=", sessionId).execute();
    const { contextFromRequest } = await import("~/auth/context.server");
    const { setCookie } = await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    expect(setCookie).toMatch(new RegExp(`md_session=${sessionId}; .*HttpOnly.*SameSite=Lax`));
    const renewed = await t.db.selectFrom("sessions").select("expiresAt").where("id", "=", sessionId).executeTakeFirstOrThrow();
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });

  it("drops an expired session and clears its cookie", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    await t.db.updateTable("sessions").set({ expiresAt: new Date(Date.now() - 1000) }).where("id", "=", cookie.split("=")[1]!).execute();
    const { contextFromRequest } = await import("~/auth/context.server");
    const { context, setCookie } = await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    expect(context.auth).toBeNull();
    expect(setCookie).toMatch(/md_session=;/);
  });
});
