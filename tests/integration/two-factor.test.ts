import { afterEach, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { authorizationMatrix } from "../fixtures/authorization";
import { contextFromRequest } from "~/auth/context.server";
import { hashToken } from "~/auth/tokens.server";
import { LIMITS } from "~/models/rate-limits.server";
import { sealPlainTotpKeys, verifySecondFactor } from "~/models/two-factor.server";
import { secretEncryptionKey } from "~/auth/secret-box.server";
import { requireNoPendingStep } from "~/auth/guards.server";
import { action as loginAction } from "~/routes/login";
import { action as codeAction, loader as codeLoader } from "~/routes/login_.code";
import { action as policyAction, loader as policyLoader } from "~/routes/organisation.security";
import { loader as organisationLoader } from "~/routes/organisation._index/route";
import { loader as settingsLoader } from "~/routes/settings";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/settings_.two-factor/route";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { enrolSecondFactor, storedTotpKey, totpCode } from "../fixtures/second-factor";
import { createUser, sessionCookieFrom, signIn, TEST_PASSWORD } from "../fixtures/users";

const t = setupTestDatabase();

async function auditActions(userId: string) {
  const rows = await t.db.selectFrom("auditLog").select("action").where("actorUserId", "=", userId).orderBy("id").execute();
  return rows.map((r) => r.action);
}

/** Signs in with the password through the login form; returns the session cookie and where it sent us. */
async function passwordStep(email: string, redirectTo = "") {
  const response = await respond(loginAction(await formRequest("/login", { email, password: TEST_PASSWORD, redirectTo })));
  return { cookie: sessionCookieFrom(response)!, location: response.headers.get("Location") };
}

/** What the layout (root loader) answers a page request: it sends a half-finished sign-in to its step. */
async function layoutAnswer(path: string, cookie: string) {
  const args = await routeArgs(path, { cookie });
  return respond(Promise.resolve().then(() => requireNoPendingStep(args)));
}

async function typeCode(cookie: string, code: string, ip = "127.0.0.1") {
  return respond(codeAction(await formRequest("/login/code", { code }, { cookie, ip })));
}

/** An account with a confirmed factor (through the model's own path: start, then confirm with a real code). */
async function enrolledUser() {
  const user = await createUser(t.db);
  const cookie = await signIn(user.id);
  await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "start" }, { cookie })));
  const key = await storedTotpKey(t.db, user.id);
  const response = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "confirm", code: totpCode(key), currentPassword: TEST_PASSWORD }, { cookie })));
  const body = await readJson(response);
  // The code used to confirm is spent: sign-in tests start from the next step's code.
  return { user, key, recoveryCodes: body.recoveryCodes as string[], cookie };
}

describe("enrolling an authenticator app", () => {
  it("shows a QR code drawn as SVG and the key, and turns the factor on only with the password and a real code", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    const other = await signIn(user.id);
    expect((await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "start" }, { cookie })))).status).toBe(200);
    const page = await readJson(await respond(twoFactorLoader(await routeArgs("/settings/two-factor", { cookie }))));
    expect(page.enrolled).toBe(false);
    expect(page.picture.svg).toMatch(/^<svg[^>]*>/);
    const key = await storedTotpKey(t.db, user.id);
    expect(page.picture.key.replace(/ /g, "")).toBe(key);

    const wrongCode = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "confirm", code: totpCode(key, 3), currentPassword: TEST_PASSWORD }, { cookie })));
    expect(wrongCode.status).toBe(400);
    expect((await readJson(wrongCode)).result.error.code).toEqual(["invalid_code"]);
    const wrongPassword = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "confirm", code: totpCode(key), currentPassword: "not my password" }, { cookie })));
    expect((await readJson(wrongPassword)).result.error.currentPassword).toEqual(["wrong_password"]);
    expect(await t.db.selectFrom("totpFactors").select("confirmedAt").where("userId", "=", user.id).executeTakeFirstOrThrow()).toEqual({ confirmedAt: null });

    const confirmed = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "confirm", code: totpCode(key), currentPassword: TEST_PASSWORD }, { cookie })));
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = await readJson(confirmed);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Stored as hashes only.
    const stored = await t.db.selectFrom("recoveryCodes").select("codeHash").where("userId", "=", user.id).execute();
    expect(stored.map((r) => r.codeHash).sort()).toEqual(recoveryCodes.map(hashToken).sort());
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
    // The other browser is signed out, this one goes on.
    expect(await t.db.selectFrom("sessions").select("id").where("id", "=", other.split("=")[1]!).executeTakeFirst()).toBeUndefined();
    expect((await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }))).context.auth?.user.id).toBe(user.id);
    expect(await auditActions(user.id)).toEqual(["second_factor_enrolment_started", "second_factor_enrolled"]);
  });

  it("refuses the factor change forms to an API token", async () => {
    const { createApiToken } = await import("~/models/api-tokens.server");
    const user = await createUser(t.db);
    const { token } = await createApiToken(t.db, user.id, "script");
    const response = await respond(
      twoFactorAction(await routeArgs("/settings/two-factor", { method: "POST", body: new URLSearchParams({ intent: "start" }), headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/x-www-form-urlencoded" } })),
    );
    expect(response.status).toBe(403);
    expect(await t.db.selectFrom("totpFactors").selectAll().where("userId", "=", user.id).execute()).toEqual([]);
  });
});

describe("signing in with a second factor", () => {
  it("holds the session at the code step, where it can open nothing else, then makes it whole with a code", async () => {
    const { user, key } = await enrolledUser();
    const { cookie, location } = await passwordStep(user.email, "/settings");
    expect(location).toBe("/login/code?redirectTo=%2Fsettings");
    const { context } = await contextFromRequest(new Request("http://localhost/settings", { headers: { Cookie: cookie } }));
    expect(context.auth).toBeNull();
    expect(context.signInStep?.step).toBe("code");
    // Every guarded page sends it back to the code; so does the layout for public pages.
    expect((await respond(settingsLoader(await routeArgs("/settings", { cookie })))).headers.get("Location")).toBe("/login/code?redirectTo=%2Fsettings");
    expect((await layoutAnswer("/events", cookie)).headers.get("Location")).toBe("/login/code?redirectTo=%2Fevents");
    expect((await respond(codeLoader(await routeArgs("/login/code", { cookie })))).status).toBe(200);

    const done = await respond(codeAction(await formRequest("/login/code", { code: totpCode(key, 1), redirectTo: "/settings" }, { cookie })));
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/settings");
    const after = (await contextFromRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }))).context;
    expect(after.signInStep ?? null).toBeNull();
    expect(after.auth?.user.id).toBe(user.id);
    expect((await auditActions(user.id)).slice(-2)).toEqual(["login_awaiting_second_factor", "login"]);
  });

  it("refuses a code used once already (replay), and a code from a window two steps away", async () => {
    const { user, key } = await enrolledUser();
    const first = await passwordStep(user.email);
    // The same code both times: computed again, it could belong to the next window if the clock turned over.
    const code = totpCode(key, 1);
    expect((await typeCode(first.cookie, code)).status).toBe(302);
    const second = await passwordStep(user.email);
    const replay = await typeCode(second.cookie, code);
    expect(replay.status).toBe(400);
    expect((await readJson(replay)).error.code).toEqual(["invalid_code"]);
    expect((await typeCode(second.cookie, totpCode(key, -2))).status).toBe(400);
    expect((await typeCode(second.cookie, totpCode(key, 3))).status).toBe(400);
    expect((await auditActions(user.id)).filter((a) => a === "second_factor_failed")).toHaveLength(3);
  });

  it("accepts each recovery code once, and says how many are left", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const first = await passwordStep(user.email);
    const used = await typeCode(first.cookie, recoveryCodes[0]!.toUpperCase().replace(/(.{5})/, "$1-"));
    expect(used.status).toBe(302);
    expect(used.headers.get("Location")).toBe("/settings/two-factor?recoveryCodeUsed=1");
    const again = await passwordStep(user.email);
    expect((await typeCode(again.cookie, recoveryCodes[0]!)).status).toBe(400);
    expect(await auditActions(user.id)).toContain("recovery_code_used");
    const state = await readJson(await respond(twoFactorLoader(await routeArgs("/settings/two-factor", { cookie: first.cookie }))));
    expect(state.recoveryCodesLeft).toBe(9);
  });

  it("stops guessing after five wrong codes, even the right one, and audits it", async () => {
    const { user, key } = await enrolledUser();
    const { cookie } = await passwordStep(user.email);
    for (let i = 0; i < LIMITS.secondFactorPerAccount.limit; i++) expect((await typeCode(cookie, String(100000 + i))).status).toBe(400);
    const stopped = await typeCode(cookie, totpCode(key, 1));
    expect(stopped.status).toBe(429);
    expect(stopped.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await auditActions(user.id)).toContain("second_factor_rate_limited");
    expect(await t.db.selectFrom("totpFactors").select("lastUsedStep").where("userId", "=", user.id).executeTakeFirstOrThrow()).not.toEqual({ lastUsedStep: null });
  });

  it("lets a sign-in wait at the code step for fifteen minutes, not longer", async () => {
    const { user } = await enrolledUser();
    const { cookie } = await passwordStep(user.email);
    await t.db.updateTable("sessions").set({ createdAt: new Date(Date.now() - 16 * 60_000) } as never).where("id", "=", cookie.split("=")[1]!).execute();
    const { context } = await contextFromRequest(new Request("http://localhost/login/code", { headers: { Cookie: cookie } }));
    expect(context.signInStep ?? null).toBeNull();
    expect((await respond(codeLoader(await routeArgs("/login/code", { cookie })))).headers.get("Location")).toBe("/login?redirectTo=%2F");
  });

  it("sends a person without a factor straight in, and a stranger at the code step back to the password", async () => {
    const user = await createUser(t.db);
    const { location } = await passwordStep(user.email);
    expect(location).toBe("/");
    expect((await respond(codeAction(await formRequest("/login/code", { code: "123456" })))).headers.get("Location")).toBe("/login?redirectTo=%2F");
  });
});

describe("changing the factor", () => {
  it("makes new recovery codes only with the password; the old ones stop working", async () => {
    const { user, recoveryCodes, cookie } = await enrolledUser();
    const refused = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "regenerate", currentPassword: "wrong" }, { cookie })));
    expect((await readJson(refused)).result.error.currentPassword).toEqual(["wrong_password"]);
    const renewed = await readJson(await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "regenerate", currentPassword: TEST_PASSWORD }, { cookie }))));
    expect(renewed.recoveryCodes).toHaveLength(10);
    const { cookie: waiting } = await passwordStep(user.email);
    expect((await typeCode(waiting, recoveryCodes[1]!)).status).toBe(400);
    expect((await typeCode(waiting, renewed.recoveryCodes[1])).status).toBe(302);
    expect(await auditActions(user.id)).toContain("recovery_codes_regenerated");
  });

  it("turns the factor off with the password, after which sign-in needs the password only", async () => {
    const { user, cookie } = await enrolledUser();
    const off = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "disable", currentPassword: TEST_PASSWORD }, { cookie })));
    expect(off.status).toBe(200);
    expect(await t.db.selectFrom("recoveryCodes").selectAll().where("userId", "=", user.id).execute()).toEqual([]);
    expect((await passwordStep(user.email)).location).toBe("/");
    expect(await auditActions(user.id)).toContain("second_factor_disabled");
  });
});

describe("an organisation's policy", () => {
  async function organisationOf(role: "admin" | "member") {
    const user = await createUser(t.db);
    const person: Person = { id: user.id, email: user.email, name: user.name, cookie: await signIn(user.id) };
    const admin = await createUser(t.db);
    const adminPerson: Person = { id: admin.id, email: admin.email, name: admin.name, cookie: await signIn(admin.id) };
    const organisation = await createOrganisationWith(t.db, [
      { person, role },
      { person: adminPerson, role: "admin" },
    ]);
    return { person, adminPerson, organisation };
  }

  it("leads a member without a factor to enrolment when the organisation requires it of all, and nowhere else until done", async () => {
    const { person, adminPerson, organisation } = await organisationOf("member");
    await enrolSecondFactor(t.db, adminPerson.id);
    expect((await respond(organisationLoader(await routeArgs("/organisation", { cookie: person.cookie })))).status).toBe(200);
    const saved = await respond(policyAction(await formRequest("/organisation/security", { organisationId: organisation.id, policy: "all" }, { cookie: adminPerson.cookie })));
    expect(saved.status).toBe(200);
    const audited = await t.db.selectFrom("auditLog").selectAll().where("action", "=", "second_factor_policy_changed").where("organisationId", "=", organisation.id).executeTakeFirstOrThrow();
    expect(audited.details).toEqual({ from: "none", to: "all" });

    // The member's very next request goes to enrolment; the layout does the same for public pages.
    expect((await respond(organisationLoader(await routeArgs("/organisation", { cookie: person.cookie })))).headers.get("Location")).toBe("/settings/two-factor?redirectTo=%2Forganisation");
    expect((await layoutAnswer("/demand", person.cookie)).headers.get("Location")).toBe("/settings/two-factor?redirectTo=%2Fdemand");
    const page = await readJson(await respond(twoFactorLoader(await routeArgs("/settings/two-factor", { cookie: person.cookie }))));
    expect(page.enrolling).toBe(true);
    expect(page.required).toBe(true);

    await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "start" }, { cookie: person.cookie })));
    const key = await storedTotpKey(t.db, person.id);
    // Only setting up is open at this step: no turning off, no new codes.
    expect((await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "regenerate", currentPassword: TEST_PASSWORD }, { cookie: person.cookie })))).status).toBe(400);
    const done = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "confirm", code: totpCode(key), currentPassword: TEST_PASSWORD }, { cookie: person.cookie })));
    expect(done.status).toBe(200);
    const cookie = person.cookie;
    expect((await respond(organisationLoader(await routeArgs("/organisation", { cookie })))).status).toBe(200);
    // Required now, so it cannot be turned off.
    const off = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "disable", currentPassword: TEST_PASSWORD }, { cookie })));
    expect(off.status).toBe(422);
    expect((await readJson(off)).result.error.currentPassword).toEqual(["second_factor_required"]);
    expect(await auditActions(person.id)).toContain("second_factor_disable_refused");
  });

  it("requires a factor of admins only under the admins policy", async () => {
    const { person, adminPerson, organisation } = await organisationOf("member");
    await policyAction(await formRequest("/organisation/security", { organisationId: organisation.id, policy: "admins" }, { cookie: adminPerson.cookie }));
    expect((await respond(organisationLoader(await routeArgs("/organisation", { cookie: person.cookie })))).status).toBe(200);
    expect((await respond(organisationLoader(await routeArgs("/organisation", { cookie: adminPerson.cookie })))).headers.get("Location")).toBe(
      "/settings/two-factor?redirectTo=%2Forganisation",
    );
  });

  it("refuses a policy the database does not know, with a message by the field, and changes nothing", async () => {
    const { adminPerson, organisation } = await organisationOf("member");
    const response = await respond(policyAction(await formRequest("/organisation/security", { organisationId: organisation.id, policy: "sometimes" }, { cookie: adminPerson.cookie })));
    expect(response.status).toBe(400);
    expect((await readJson(response)).result.error.policy).toEqual(["invalid_choice"]);
    expect(await t.db.selectFrom("organisations").select("secondFactorPolicy").where("id", "=", organisation.id).executeTakeFirstOrThrow()).toEqual({ secondFactorPolicy: "none" });
    await expect(t.db.updateTable("organisations").set({ secondFactorPolicy: "sometimes" as never }).where("id", "=", organisation.id).execute()).rejects.toThrow(/organisations_second_factor_policy_known/);
  });

  it("holds an operator without a factor at enrolment", async () => {
    const operator = await t.db.insertInto("users").values({ email: "op-no-factor@example.test", name: "Op", isOperator: true, emailVerifiedAt: new Date() }).returning("id").executeTakeFirstOrThrow();
    const cookie = await signIn(operator.id);
    const { context } = await contextFromRequest(new Request("http://localhost/admin/audit", { headers: { Cookie: cookie } }));
    expect(context.auth).toBeNull();
    expect(context.signInStep?.step).toBe("enrol");
  });

  it("tells someone made by single sign-on (no password) how to get the password the changes ask for, and lets them reach it while held at enrolment", async () => {
    const person = await t.db.insertInto("users").values({ email: "sso-only@example.test", name: "Sso", isOperator: true, emailVerifiedAt: new Date() }).returning("id").executeTakeFirstOrThrow();
    const cookie = await signIn(person.id);
    const page = await readJson(await respond(twoFactorLoader(await routeArgs("/settings/two-factor", { cookie }))));
    expect(page.enrolling).toBe(true);
    expect(page.hasPassword).toBe(false);
    for (const path of ["/forgot-password", "/reset-password?token=x"]) {
      const args = await routeArgs(path, { cookie });
      expect(() => requireNoPendingStep(args)).not.toThrow();
    }
    expect((await layoutAnswer("/events", cookie)).headers.get("Location")).toBe("/settings/two-factor?redirectTo=%2Fevents");

    const withPassword = await createUser(t.db);
    const other = await signIn(withPassword.id);
    expect((await readJson(await respond(twoFactorLoader(await routeArgs("/settings/two-factor", { cookie: other }))))).hasPassword).toBe(true);
  });
});

/** The row as a copy of the database shows it: no app in between. */
async function rawFactor(userId: string) {
  const { rows } = await sql<{ key: string | null; keyBox: string | null }>`select key, key_box from totp_factors where user_id = ${userId}`.execute(t.db);
  return rows[0];
}

/** Runs the portal as `npm start` does: production, with or without SECRET_ENCRYPTION_KEY. */
function production(secretKey?: string) {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("SECRET_ENCRYPTION_KEY", secretKey ?? "");
}

describe("TOTP keys at rest (ADR 0035)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("stores a new enrolment's key only sealed: the raw row holds no usable key, and sign-in still takes its codes", async () => {
    const { user, key } = await enrolledUser();
    const row = await rawFactor(user.id);
    expect(row?.key).toBeNull();
    expect(row?.keyBox).toMatch(/^v1\./);
    expect(row?.keyBox).not.toContain(key);
    const { cookie } = await passwordStep(user.email);
    expect((await typeCode(cookie, totpCode(key, 1))).status).toBe(302);
  });

  it("takes codes from a key stored in the clear before migration 0065, and seals it on use under a configured key", async () => {
    const user = await createUser(t.db);
    const key = await enrolSecondFactor(t.db, user.id);
    // Each sign-in one 30-second step after the other, as a person's would be.
    const at = (step: number) => new Date(Date.now() + step * 30_000);
    const signInAt = (step: number) => verifySecondFactor(t.db, user.id, totpCode(key, 0, at(step)), at(step));
    // Under the development key nothing moves: a box under a key in the source guards nothing.
    expect(await signInAt(0)).toMatchObject({ ok: true });
    expect(await rawFactor(user.id)).toEqual({ key, keyBox: null });

    production(randomBytes(32).toString("base64"));
    expect(await signInAt(1)).toMatchObject({ ok: true });
    const row = await rawFactor(user.id);
    expect(row?.key).toBeNull();
    expect(row?.keyBox).toMatch(/^v1\./);
    expect(await signInAt(2)).toMatchObject({ ok: true });
    // The replay rule holds across the move.
    expect(await signInAt(2)).toMatchObject({ ok: false });
  });

  it("seals every key still in the clear at start-up under a configured key, once, and none under the development key", async () => {
    const [a, b] = [await createUser(t.db), await createUser(t.db)];
    const keys = [await enrolSecondFactor(t.db, a.id), await enrolSecondFactor(t.db, b.id)];
    expect(await sealPlainTotpKeys(t.db, secretEncryptionKey({ NODE_ENV: "test" }))).toBe(0);
    expect(await sealPlainTotpKeys(t.db, secretEncryptionKey({ NODE_ENV: "production" }))).toBe(0);
    expect((await rawFactor(a.id))?.key).toBe(keys[0]);

    const configured = randomBytes(32).toString("hex");
    expect(await sealPlainTotpKeys(t.db, secretEncryptionKey({ NODE_ENV: "production", SECRET_ENCRYPTION_KEY: configured }))).toBeGreaterThanOrEqual(2);
    expect(await sealPlainTotpKeys(t.db, secretEncryptionKey({ NODE_ENV: "production", SECRET_ENCRYPTION_KEY: configured }))).toBe(0);
    for (const [user, key] of [[a, keys[0]!], [b, keys[1]!]] as const) {
      expect((await rawFactor(user.id))?.key).toBeNull();
      production(configured);
      expect(await verifySecondFactor(t.db, user.id, totpCode(key))).toMatchObject({ ok: true });
      // Another key cannot open it: the person falls back to a recovery code or a passkey.
      production(randomBytes(32).toString("hex"));
      expect(await verifySecondFactor(t.db, user.id, totpCode(key, 1))).toMatchObject({ ok: false });
      vi.unstubAllEnvs();
    }
  });

  it("refuses to start an enrolment in production without SECRET_ENCRYPTION_KEY, with a message, and keeps existing sign-ins working", async () => {
    const user = await createUser(t.db);
    const cookie = await signIn(user.id);
    const enrolled = await createUser(t.db);
    const key = await enrolSecondFactor(t.db, enrolled.id);
    production();
    const refused = await respond(twoFactorAction(await formRequest("/settings/two-factor", { intent: "start" }, { cookie })));
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).result.error[""]).toEqual(["totp_key_missing"]);
    expect(await rawFactor(user.id)).toBeUndefined();
    expect(await auditActions(user.id)).toEqual([]);
    // A key in the clear (the demo operator's, rows from before) still signs in, and stays as it was.
    expect(await verifySecondFactor(t.db, enrolled.id, totpCode(key))).toMatchObject({ ok: true });
    expect(await rawFactor(enrolled.id)).toEqual({ key, keyBox: null });
  });

  it("holds each key one way only, in the database itself", async () => {
    const user = await createUser(t.db);
    await expect(sql`insert into totp_factors (user_id) values (${user.id})`.execute(t.db)).rejects.toThrow(/totp_factors_key_held_once/);
    await expect(sql`insert into totp_factors (user_id, key, key_box) values (${user.id}, ${"A".repeat(32)}, 'v1.x.y.z')`.execute(t.db)).rejects.toThrow(/totp_factors_key_held_once/);
    await expect(sql`insert into totp_factors (user_id, key_box) values (${user.id}, ${"A".repeat(32)})`.execute(t.db)).rejects.toThrow(/totp_factors_key_box_sealed/);
  });
});

describe("who may use the two-factor pages", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /login/code (only a sign-in waiting for its code; the signed-in go on)",
      call: codeLoader,
      request: (_w, cookie) => routeArgs("/login/code", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /login/code",
      call: codeAction,
      request: (_w, cookie) => formRequest("/login/code", { code: "123456" }, { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "GET /settings/two-factor",
      call: twoFactorLoader,
      request: (_w, cookie) => routeArgs("/settings/two-factor", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /settings/two-factor (a change with a wrong password)",
      call: twoFactorAction,
      request: (_w, cookie) => formRequest("/settings/two-factor", { intent: "disable", currentPassword: "not it" }, { cookie }),
      expect: { anonymous: "login", outsider: 400, member: 400, admin: 400, operator: 400 },
    },
    {
      route: "GET /organisation/security (the active organisation's admins)",
      call: policyLoader,
      request: (_w, cookie) => routeArgs("/organisation/security", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: "ok", operator: "register" },
    },
    {
      route: "POST /organisation/security (for organisation A)",
      call: policyAction,
      request: (w, cookie) => formRequest("/organisation/security", { organisationId: w.organisation.id, policy: "none" }, { cookie }),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
  ]);
});
