import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, secretEncryptionKey } from "~/auth/secret-box.server";
import type { SsoClaims } from "~/domain/single-sign-on";
import {
  completeSsoSignIn,
  identityProviderForEmail,
  identityProviderSettings,
  removeIdentityProvider,
  saveIdentityProvider,
  startSsoAttempt,
  takeSsoAttempt,
  type IdentityProviderChange,
} from "~/models/identity-providers.server";
import { action as ssoSettingsAction, loader as ssoSettingsLoader } from "~/routes/organisation.single-sign-on";
import { action as ssoStartAction } from "~/routes/login_.sso";
import { loader as ssoCallbackLoader } from "~/routes/login_.sso_.callback";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson } from "../fixtures/people";
import { formRequest, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();
const { key } = secretEncryptionKey({ NODE_ENV: "test" }) as { key: Buffer };
const ISSUER = "https://login.example.no/tenant/v2.0";

function change(domains: string[], over: Partial<IdentityProviderChange> = {}): IdentityProviderChange {
  return { issuer: ISSUER, clientId: "markedsdialog", clientSecretBox: encryptSecret("s3cret", key), domains, autoJoin: true, joinRole: "member", ...over };
}

async function organisationWithProvider(domain: string, over: Partial<IdentityProviderChange> = {}) {
  const admin = await createPerson(t.db, { email: `admin@${domain}` });
  const organisation = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }]);
  const saved = await saveIdentityProvider(t.db, organisation.id, admin.id, change([domain], over));
  expect(saved.ok).toBe(true);
  const provider = (await identityProviderForEmail(t.db, `someone@${domain}`))!;
  return { admin, organisation, provider };
}

const claims = (over: Partial<SsoClaims>): SsoClaims => ({ issuer: ISSUER, subject: "s", email: null, emailVerified: null, name: "Ny Person", ...over });

describe("an organisation's identity provider", () => {
  it("stores the client secret only encrypted, and keeps it when an edit leaves it blank", async () => {
    const { organisation, admin, provider } = await organisationWithProvider("bergvik.test.no");
    const row = await t.db.selectFrom("identityProviders").selectAll().where("organisationId", "=", organisation.id).executeTakeFirstOrThrow();
    expect(row.clientSecretBox).not.toContain("s3cret");
    expect(decryptSecret(row.clientSecretBox, key)).toBe("s3cret");
    expect(provider.organisationId).toBe(organisation.id);

    await saveIdentityProvider(t.db, organisation.id, admin.id, change(["bergvik.test.no", "helse.test.no"], { clientSecretBox: null, clientId: "other" }));
    const settings = await identityProviderSettings(t.db, organisation.id);
    expect(settings).toMatchObject({ clientId: "other", domains: ["bergvik.test.no", "helse.test.no"] });
    expect(settings).not.toHaveProperty("clientSecretBox");
    const again = await t.db.selectFrom("identityProviders").select("clientSecretBox").where("organisationId", "=", organisation.id).executeTakeFirstOrThrow();
    expect(decryptSecret(again.clientSecretBox, key)).toBe("s3cret");
  });

  it("refuses a domain another organisation's provider already vouches for, and saves nothing", async () => {
    await organisationWithProvider("claimed.test.no");
    const other = await createPerson(t.db);
    const otherOrg = await createOrganisationWith(t.db, [{ person: other, role: "admin" }]);
    const outcome = await saveIdentityProvider(t.db, otherOrg.id, other.id, change(["free.test.no", "claimed.test.no"]));
    expect(outcome).toMatchObject({ ok: false, reason: "conflict", problems: [{ path: "domains", code: "sso_domain_taken" }] });
    expect(await identityProviderSettings(t.db, otherOrg.id)).toBeNull();
    expect(await identityProviderForEmail(t.db, "x@free.test.no")).toBeNull();
  });

  it("refuses a new provider without a secret", async () => {
    const admin = await createPerson(t.db);
    const organisation = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }]);
    expect(await saveIdentityProvider(t.db, organisation.id, admin.id, change(["nosecret.test.no"], { clientSecretBox: null }))).toMatchObject({ ok: false, problems: [{ path: "clientSecret" }] });
  });

  it("is removed with its domains", async () => {
    const { organisation } = await organisationWithProvider("removed.test.no");
    expect((await removeIdentityProvider(t.db, organisation.id)).ok).toBe(true);
    expect(await identityProviderForEmail(t.db, "x@removed.test.no")).toBeNull();
    expect((await removeIdentityProvider(t.db, organisation.id)).ok).toBe(false);
  });
});

describe("a sign-in on its way to the provider", () => {
  it("is found by the browser's token once, and not after it expired", async () => {
    const { provider } = await organisationWithProvider("attempt.test.no");
    const attempt = { providerId: provider.id, state: "st", nonce: "no", codeVerifier: "cv", redirectTo: "/events" };
    const token = await startSsoAttempt(t.db, attempt);
    expect(await t.db.selectFrom("ssoAttempts").select("tokenHash").where("tokenHash", "=", token).executeTakeFirst()).toBeUndefined();
    expect(await takeSsoAttempt(t.db, token)).toMatchObject({ ...attempt, purpose: "sign_in", sessionId: null });
    expect(await takeSsoAttempt(t.db, token)).toBeNull();
    const old = await startSsoAttempt(t.db, attempt, new Date(Date.now() - 11 * 60_000));
    expect(await takeSsoAttempt(t.db, old)).toBeNull();
  });
});

describe("who the provider's claims sign in", () => {
  it("creates a new person with the chosen role, then finds them by subject even when the provider changes their e-mail", async () => {
    const { organisation, provider } = await organisationWithProvider("jit.test.no", { joinRole: "admin" });
    const first = await completeSsoSignIn(t.db, provider, claims({ subject: "jit-1", email: "Kari@jit.test.no" }));
    expect(first).toMatchObject({ ok: true, value: { created: true, linked: true, joined: "admin", email: "kari@jit.test.no" } });
    const userId = first.ok ? first.value.userId : "";
    const membership = await t.db.selectFrom("memberships").select("role").where("userId", "=", userId).where("organisationId", "=", organisation.id).executeTakeFirst();
    expect(membership?.role).toBe("admin");
    const user = await t.db.selectFrom("users").select(["passwordHash", "emailVerifiedAt", "activeOrganisationId"]).where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ passwordHash: null, activeOrganisationId: organisation.id });
    expect(user.emailVerifiedAt).not.toBeNull();

    const second = await completeSsoSignIn(t.db, provider, claims({ subject: "jit-1", email: "kari.nordmann@jit.test.no" }));
    expect(second).toMatchObject({ ok: true, value: { userId, created: false, linked: false, joined: null } });
  });

  it("does not let a second subject take over a linked account by claiming its e-mail", async () => {
    const { provider } = await organisationWithProvider("hijack.test.no");
    const victim = await completeSsoSignIn(t.db, provider, claims({ subject: "victim", email: "boss@hijack.test.no" }));
    expect(victim.ok).toBe(true);
    const before = await t.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const attacker = await completeSsoSignIn(t.db, provider, claims({ subject: "attacker", email: "boss@hijack.test.no" }));
    expect(attacker).toMatchObject({ ok: false, problems: [{ code: "sso_account_elsewhere" }] });
    const after = await t.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await t.db.selectFrom("ssoLinks").select("subject").where("subject", "=", "attacker").executeTakeFirst()).toBeUndefined();
  });

  it("links an existing member on the first sign-in, but never an account outside the organisation", async () => {
    const { admin, provider } = await organisationWithProvider("link.test.no", { autoJoin: false });
    const linked = await completeSsoSignIn(t.db, provider, claims({ subject: "adm", email: admin.email }));
    expect(linked).toMatchObject({ ok: true, value: { userId: admin.id, linked: true, created: false } });

    const stranger = await createPerson(t.db, { email: "stranger@link.test.no" });
    expect(await completeSsoSignIn(t.db, provider, claims({ subject: "str", email: stranger.email }))).toMatchObject({ ok: false, problems: [{ code: "sso_account_elsewhere" }] });
    expect(await completeSsoSignIn(t.db, provider, claims({ subject: "new", email: "new@link.test.no" }))).toMatchObject({ ok: false, problems: [{ code: "sso_no_auto_join" }] });
    expect(await completeSsoSignIn(t.db, provider, claims({ subject: "out", email: "x@elsewhere.test.no" }))).toMatchObject({ ok: false, problems: [{ code: "sso_domain_not_vouched" }] });
  });
});

describe("authorization: single sign-on pages", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /organisation/single-sign-on (the active organisation's admins)",
      call: ssoSettingsLoader,
      request: (_w, cookie) => routeArgs("/organisation/single-sign-on", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: "ok", operator: "register" },
    },
    {
      route: "POST /organisation/single-sign-on (for organisation A)",
      call: ssoSettingsAction,
      request: (w, cookie) =>
        formRequest(
          "/organisation/single-sign-on",
          { organisationId: w.organisation.id, intent: "save", issuer: "https://login.example.no/t/v2.0", clientId: "c", clientSecret: "s", domains: `matrix-${w.organisation.id.slice(0, 8)}.test.no`, newcomers: "invite_only" },
          { cookie },
        ),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
    {
      route: "POST /login/sso (anyone may start; no provider for the domain is a field error)",
      call: ssoStartAction,
      request: (_w, cookie) => formRequest("/login/sso", { email: "someone@no-provider.test.no" }, { cookie }),
      expect: { anonymous: 400, outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "GET /login/sso/callback without an attempt in this browser",
      call: ssoCallbackLoader,
      request: (_w, cookie) => routeArgs("/login/sso/callback?code=x&state=y", { cookie }),
      expect: { anonymous: 400, outsider: 400, member: 400, admin: 400, operator: 400 },
    },
  ]);
});
