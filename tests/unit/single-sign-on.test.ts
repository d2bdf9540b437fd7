import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, MISSING_SECRET_ENCRYPTION_KEY, secretEncryptionKey } from "~/auth/secret-box.server";
import {
  decideSsoSignIn,
  emailDomain,
  issuerUrlProblem,
  parseSsoDomains,
  providerForEmail,
  parseInternalHosts,
  resolvedAddressProblem,
  type SsoCandidates,
  type SsoClaims,
  type SsoProviderRule,
} from "~/domain/single-sign-on";

const provider: SsoProviderRule = { organisationId: "org", domains: ["bergvik.kommune.no"], autoJoin: true, joinRole: "member" };
const claims = (over: Partial<SsoClaims> = {}): SsoClaims => ({ issuer: "https://idp.example", subject: "sub-1", email: "ada@bergvik.kommune.no", emailVerified: null, name: "Ada", ...over });
const none: SsoCandidates = { linkedUserId: null, linkedIsMember: false, byEmail: null };

describe("which provider a person is sent to", () => {
  it("reads the e-mail's domain in lower case and finds the provider that vouches for it", () => {
    expect(emailDomain("Ada@Bergvik.Kommune.NO")).toBe("bergvik.kommune.no");
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(providerForEmail("ada@BERGVIK.kommune.no", [provider])).toBe(provider);
    expect(providerForEmail("ada@sub.bergvik.kommune.no", [provider])).toBeNull();
    expect(providerForEmail("ada@gmail.com", [provider])).toBeNull();
  });

  it("parses the domains typed one per line or separated by commas, without repeats", () => {
    expect(parseSsoDomains("Bergvik.kommune.no\n@helse-vest.no, bergvik.kommune.no")).toEqual({ ok: true, domains: ["bergvik.kommune.no", "helse-vest.no"] });
    expect(parseSsoDomains("  \n ")).toEqual({ ok: false, code: "required" });
    expect(parseSsoDomains("bergvik.kommune.no, not a domain!")).toEqual({ ok: false, code: "invalid_sso_domain" });
    expect(parseSsoDomains("localhost")).toEqual({ ok: false, code: "invalid_sso_domain" });
    expect(parseSsoDomains(Array.from({ length: 21 }, (_, i) => `d${i}.no`).join(" "))).toEqual({ ok: false, code: "too_many_sso_domains" });
  });
});

describe("which issuers the portal may talk to", () => {
  const production = { allowLocalHttp: false };
  const development = { allowLocalHttp: true };
  it("takes an HTTPS issuer on a public name", () => {
    expect(issuerUrlProblem("https://login.microsoftonline.com/tenant/v2.0", production)).toBeNull();
    expect(issuerUrlProblem("https://idporten.no", production)).toBeNull();
  });
  it("refuses plain HTTP and private or loopback addresses outside development", () => {
    expect(issuerUrlProblem("http://idp.example.no", production)).toBe("issuer_not_https");
    expect(issuerUrlProblem("https://127.0.0.1:8443", production)).toBe("issuer_private_address");
    expect(issuerUrlProblem("https://10.0.0.5", production)).toBe("issuer_private_address");
    expect(issuerUrlProblem("https://169.254.169.254/latest", production)).toBe("issuer_private_address");
    expect(issuerUrlProblem("https://192.168.1.1", production)).toBe("issuer_private_address");
    expect(issuerUrlProblem("https://[::1]", production)).toBe("issuer_private_address");
    expect(issuerUrlProblem("https://[fd00::1]", production)).toBe("issuer_private_address");
    expect(issuerUrlProblem("https://localhost", production)).toBe("issuer_private_address");
    expect(issuerUrlProblem("https://intranet", production)).toBe("issuer_private_address");
    expect(issuerUrlProblem("https://idp.corp", production)).toBe("issuer_private_address");
  });
  it("allows a provider on this machine over HTTP in development and tests, but not a private network", () => {
    expect(issuerUrlProblem("http://127.0.0.1:4567", development)).toBeNull();
    expect(issuerUrlProblem("http://localhost:4567/oidc", development)).toBeNull();
    expect(issuerUrlProblem("http://10.0.0.5", development)).toBe("issuer_not_https");
    expect(issuerUrlProblem("https://10.0.0.5", development)).toBe("issuer_private_address");
  });
  it("refuses what is not a plain issuer URL", () => {
    expect(issuerUrlProblem("not a url", production)).toBe("invalid_issuer_url");
    expect(issuerUrlProblem("ftp://idp.example.no", production)).toBe("invalid_issuer_url");
    expect(issuerUrlProblem("https://user:pw@idp.example.no", production)).toBe("invalid_issuer_url");
    expect(issuerUrlProblem("https://idp.example.no/?x=1", production)).toBe("invalid_issuer_url");
  });
});

describe("who signs in through the provider", () => {
  it("finds a linked person by subject, whatever e-mail the provider sends now", () => {
    const decision = decideSsoSignIn(claims({ email: "someone.else@bergvik.kommune.no" }), provider, { ...none, linkedUserId: "u1", linkedIsMember: true });
    expect(decision).toEqual({ ok: true, userId: "u1", link: false, join: null });
  });

  it("links an existing member by e-mail the first time only", () => {
    expect(decideSsoSignIn(claims(), provider, { ...none, byEmail: { userId: "u2", isMember: true, linkedAtIssuer: false } })).toEqual({ ok: true, userId: "u2", link: true, join: null });
  });

  it("never links by e-mail an account that already has another subject at the issuer (a changed e-mail cannot take it over)", () => {
    expect(decideSsoSignIn(claims({ subject: "sub-2" }), provider, { ...none, byEmail: { userId: "u2", isMember: true, linkedAtIssuer: true } })).toEqual({ ok: false, code: "sso_account_elsewhere" });
  });

  it("never links an account outside the provider's organisation by e-mail", () => {
    expect(decideSsoSignIn(claims(), provider, { ...none, byEmail: { userId: "u3", isMember: false, linkedAtIssuer: false } })).toEqual({ ok: false, code: "sso_account_elsewhere" });
  });

  it("creates a new person with the admin's chosen role when the organisation lets people join", () => {
    expect(decideSsoSignIn(claims(), { ...provider, joinRole: "admin" }, none)).toEqual({ ok: true, userId: null, link: true, join: "admin" });
    expect(decideSsoSignIn(claims(), { ...provider, autoJoin: false }, none)).toEqual({ ok: false, code: "sso_no_auto_join" });
  });

  it("lets a linked person who has left the organisation back in only when people join automatically", () => {
    expect(decideSsoSignIn(claims(), provider, { ...none, linkedUserId: "u1", linkedIsMember: false })).toEqual({ ok: true, userId: "u1", link: false, join: "member" });
    expect(decideSsoSignIn(claims(), { ...provider, autoJoin: false }, { ...none, linkedUserId: "u1", linkedIsMember: false })).toEqual({ ok: true, userId: "u1", link: false, join: null });
  });

  it("refuses an e-mail outside the provider's domains, a missing one and one the provider marks unverified", () => {
    expect(decideSsoSignIn(claims({ email: "ada@other.no" }), provider, none)).toEqual({ ok: false, code: "sso_domain_not_vouched" });
    expect(decideSsoSignIn(claims({ email: null }), provider, none)).toEqual({ ok: false, code: "sso_no_email" });
    expect(decideSsoSignIn(claims({ emailVerified: false }), provider, none)).toEqual({ ok: false, code: "sso_email_unverified" });
  });
});

describe("secrets stored encrypted", () => {
  const { key } = secretEncryptionKey({ NODE_ENV: "test" }) as { key: Buffer };
  it("opens what it sealed, with a fresh IV each time", () => {
    const a = encryptSecret("client-secret", key);
    const b = encryptSecret("client-secret", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("client-secret");
    expect(decryptSecret(a, key)).toBe("client-secret");
  });
  it("refuses a changed box and another key", () => {
    const box = encryptSecret("client-secret", key);
    const parts = box.split(".");
    const flipped = [...parts.slice(0, 3), Buffer.from("x" + Buffer.from(parts[3]!, "base64url").toString("latin1").slice(1), "latin1").toString("base64url")].join(".");
    expect(decryptSecret(flipped, key)).toBeNull();
    expect(decryptSecret(box, Buffer.alloc(32, 7))).toBeNull();
    expect(decryptSecret(`${parts[0]}.${parts[1]}.${parts[2]!.slice(0, 8)}.${parts[3]}`, key)).toBeNull();
    expect(decryptSecret("garbage", key)).toBeNull();
  });
  it("reads the key from configuration, derives a development key outside production, and refuses without one in production", () => {
    expect(secretEncryptionKey({ NODE_ENV: "production", SECRET_ENCRYPTION_KEY: "ab".repeat(32) })).toMatchObject({ ok: true, development: false });
    expect(secretEncryptionKey({ NODE_ENV: "production", SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") })).toMatchObject({ ok: true, development: false });
    expect(secretEncryptionKey({ NODE_ENV: "production", SECRET_ENCRYPTION_KEY: "short" })).toMatchObject({ ok: false });
    expect(secretEncryptionKey({ NODE_ENV: "production" })).toEqual({ ok: false, message: MISSING_SECRET_ENCRYPTION_KEY });
    expect(secretEncryptionKey({ NODE_ENV: "development" })).toMatchObject({ ok: true, development: true });
  });
});

describe("the addresses a provider's names resolve to (ADR 0034)", () => {
  it("refuses a public name that resolves into a private network, for the issuer and every endpoint", () => {
    expect(resolvedAddressProblem("login.example.no", ["20.190.128.1"], [])).toBeNull();
    expect(resolvedAddressProblem("login.example.no", ["10.0.0.5"], [])).toBe("issuer_private_address");
    expect(resolvedAddressProblem("login.example.no", ["20.190.128.1", "192.168.1.10"], [])).toBe("issuer_private_address");
    expect(resolvedAddressProblem("rebind.example.no", ["127.0.0.1"], [])).toBe("issuer_private_address");
    expect(resolvedAddressProblem("v6.example.no", ["fd00::1"], [])).toBe("issuer_private_address");
    expect(resolvedAddressProblem("169.254.169.254", ["169.254.169.254"], [])).toBe("issuer_private_address");
  });

  it("lets through the hosts the operator named as the municipality's own, inside its network", () => {
    const internal = parseInternalHosts(" adfs.bergvik.kommune.no, Login.Bergvik.Local. ");
    expect(internal).toEqual(["adfs.bergvik.kommune.no", "login.bergvik.local"]);
    expect(resolvedAddressProblem("ADFS.bergvik.kommune.no", ["10.20.30.40"], internal)).toBeNull();
    expect(resolvedAddressProblem("login.bergvik.local", ["10.20.30.41"], internal)).toBeNull();
    expect(resolvedAddressProblem("other.bergvik.kommune.no", ["10.20.30.42"], internal)).toBe("issuer_private_address");
    expect(parseInternalHosts(undefined)).toEqual([]);
  });
});

describe("an internal issuer the operator named", () => {
  it("is accepted over HTTPS only, and only the hosts named", () => {
    const rules = { allowLocalHttp: false, internalHosts: ["login.bergvik.local", "10.20.30.40"] };
    expect(issuerUrlProblem("https://login.bergvik.local/realms/bergvik", rules)).toBeNull();
    expect(issuerUrlProblem("https://10.20.30.40/adfs", rules)).toBeNull();
    expect(issuerUrlProblem("http://login.bergvik.local/realms/bergvik", rules)).toBe("issuer_not_https");
    expect(issuerUrlProblem("https://other.bergvik.local/", rules)).toBe("issuer_private_address");
  });
});
