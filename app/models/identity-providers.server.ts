import type { Db } from "@db/client";
import type { SsoPurpose } from "@db/schema";
import { enqueueEmail } from "@emails/outbox.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { decideSsoSignIn, emailDomain, type JoinRole, type SsoClaims, type SsoRefusal } from "~/domain/single-sign-on";
import { lastWayInProblem } from "~/domain/sign-in-ways";
import { fail, failAt, ok, type Result } from "~/domain/result";
import { uniqueViolation } from "./database-errors.server";
import { signInWaysWithout } from "./sign-in-ways.server";
import { endOtherSessions, presenceConfirmed, type ChangeContext } from "./two-factor.server";

// An organisation's identity provider (issue 21), the e-mail domains it vouches for, the
// accounts linked to its subjects, and the sign-ins on their way through it.

/** What the admin page shows: everything but the secret. */
export interface IdentityProviderSettings {
  id: string;
  issuer: string;
  clientId: string;
  domains: string[];
  autoJoin: boolean;
  joinRole: JoinRole;
  updatedAt: Date;
}

/** What a sign-in needs, the secret still sealed. */
export interface IdentityProviderForSignIn {
  id: string;
  organisationId: string;
  issuer: string;
  clientId: string;
  clientSecretBox: string;
  domains: string[];
  autoJoin: boolean;
  joinRole: JoinRole;
}

async function domainsOf(db: Db, providerId: string): Promise<string[]> {
  const rows = await db.selectFrom("identityProviderDomains").select("domain").where("providerId", "=", providerId).orderBy("domain").execute();
  return rows.map((r) => r.domain);
}

export async function identityProviderSettings(db: Db, organisationId: string): Promise<IdentityProviderSettings | null> {
  const row = await db
    .selectFrom("identityProviders")
    .select(["id", "issuer", "clientId", "autoJoin", "joinRole", "updatedAt"])
    .where("organisationId", "=", organisationId)
    .executeTakeFirst();
  return row ? { ...row, domains: await domainsOf(db, row.id) } : null;
}

export interface IdentityProviderChange {
  issuer: string;
  clientId: string;
  /** Sealed already; null keeps the stored one (an edit that left the field blank). */
  clientSecretBox: string | null;
  domains: string[];
  autoJoin: boolean;
  joinRole: JoinRole;
}

export type SaveProviderCode = "required" | "sso_domain_taken";

/**
 * Registers or changes the organisation's provider, its domains replaced in the same
 * transaction. A domain another organisation's provider vouches for is refused by field.
 */
export async function saveIdentityProvider(
  db: Db,
  organisationId: string,
  userId: string,
  change: IdentityProviderChange,
): Promise<Result<{ created: boolean }, SaveProviderCode>> {
  const taken = await db
    .selectFrom("identityProviderDomains")
    .innerJoin("identityProviders", "identityProviders.id", "identityProviderDomains.providerId")
    .select("identityProviderDomains.domain")
    .where("identityProviderDomains.domain", "in", change.domains)
    .where("identityProviders.organisationId", "<>", organisationId)
    .execute();
  if (taken.length > 0) return failAt("conflict", "domains", "sso_domain_taken");
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom("identityProviders").select("id").where("organisationId", "=", organisationId).forUpdate().executeTakeFirst();
      let providerId: string;
      if (existing) {
        await trx
          .updateTable("identityProviders")
          .set({
            issuer: change.issuer,
            clientId: change.clientId,
            autoJoin: change.autoJoin,
            joinRole: change.joinRole,
            updatedAt: new Date(),
            ...(change.clientSecretBox ? { clientSecretBox: change.clientSecretBox } : {}),
          })
          .where("id", "=", existing.id)
          .execute();
        providerId = existing.id;
        await trx.deleteFrom("identityProviderDomains").where("providerId", "=", providerId).execute();
      } else {
        if (!change.clientSecretBox) return failAt("invalid", "clientSecret", "required");
        const row = await trx
          .insertInto("identityProviders")
          .values({ organisationId, issuer: change.issuer, clientId: change.clientId, clientSecretBox: change.clientSecretBox, autoJoin: change.autoJoin, joinRole: change.joinRole, createdBy: userId })
          .returning("id")
          .executeTakeFirstOrThrow();
        providerId = row.id;
      }
      await trx
        .insertInto("identityProviderDomains")
        .values(change.domains.map((domain) => ({ domain, providerId })))
        .execute();
      return ok({ created: !existing });
    });
  } catch (error) {
    // Two organisations saving the same domain at once: the primary key decides.
    if (uniqueViolation(error) === "identity_provider_domains_pkey") return failAt("conflict", "domains", "sso_domain_taken");
    throw error;
  }
}

export async function removeIdentityProvider(db: Db, organisationId: string): Promise<Result<{ issuer: string }>> {
  const row = await db.deleteFrom("identityProviders").where("organisationId", "=", organisationId).returning("issuer").executeTakeFirst();
  return row ? ok({ issuer: row.issuer }) : fail("not_found");
}

/** The provider that vouches for this e-mail's domain. */
export async function identityProviderForEmail(db: Db, email: string): Promise<IdentityProviderForSignIn | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const row = await db
    .selectFrom("identityProviderDomains")
    .innerJoin("identityProviders", "identityProviders.id", "identityProviderDomains.providerId")
    .select(["identityProviders.id", "organisationId", "issuer", "clientId", "clientSecretBox", "autoJoin", "joinRole"])
    .where("identityProviderDomains.domain", "=", domain)
    .executeTakeFirst();
  return row ? { ...row, domains: await domainsOf(db, row.id) } : null;
}

export async function identityProviderById(db: Db, id: string): Promise<IdentityProviderForSignIn | null> {
  const row = await db
    .selectFrom("identityProviders")
    .select(["id", "organisationId", "issuer", "clientId", "clientSecretBox", "autoJoin", "joinRole"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { ...row, domains: await domainsOf(db, row.id) } : null;
}

/** A provider on the public list people choose their organisation's sign-in from. */
export interface ProviderChoice {
  id: string;
  organisationName: string;
  /** Shown beside the name, so two organisations with alike names can be told apart. */
  orgNumber: string | null;
}

/** The most choices one page of the list shows; more are reached by typing more of the name. */
export const PROVIDER_CHOICES_SHOWN = 50;

/**
 * The organisations' providers by organisation name, for signing in with a linked provider the
 * e-mail's domain does not lead to (ADR 0034). The same list for everyone: it reads no e-mail and
 * no account, so it tells nobody who has an account or what it is linked to. Rejected
 * organisations are left out.
 */
export async function providersToChoose(db: Db, nameContains: string): Promise<{ choices: ProviderChoice[]; more: boolean }> {
  let query = db
    .selectFrom("identityProviders")
    .innerJoin("organisations", "organisations.id", "identityProviders.organisationId")
    .select(["identityProviders.id", "organisations.name as organisationName", "organisations.orgNumber"])
    .where("organisations.verificationStatus", "<>", "rejected");
  const typed = nameContains.trim();
  if (typed) query = query.where("organisations.name", "ilike", `%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await query.orderBy("organisations.name").orderBy("identityProviders.id").limit(PROVIDER_CHOICES_SHOWN + 1).execute();
  return { choices: rows.slice(0, PROVIDER_CHOICES_SHOWN), more: rows.length > PROVIDER_CHOICES_SHOWN };
}

/** One provider from that list, for starting a sign-in with it; null when it is not on the list. */
export async function providerToChoose(db: Db, id: string): Promise<IdentityProviderForSignIn | null> {
  const listed = await db
    .selectFrom("identityProviders")
    .innerJoin("organisations", "organisations.id", "identityProviders.organisationId")
    .select("identityProviders.id")
    .where("identityProviders.id", "=", id)
    .where("organisations.verificationStatus", "<>", "rejected")
    .executeTakeFirst();
  return listed ? identityProviderById(db, listed.id) : null;
}

/** How long a sign-in may stay at the provider. */
export const SSO_ATTEMPT_SECONDS = 10 * 60;

export interface SsoAttempt {
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectTo: string | null;
  /** A sign-in (the default), or a re-authentication or link for the session that started it. */
  purpose?: SsoPurpose;
  sessionId?: string | null;
}

export interface TakenSsoAttempt extends SsoAttempt {
  purpose: SsoPurpose;
  sessionId: string | null;
  createdAt: Date;
}

/** Stores a sign-in on its way to the provider; returns the token for the browser's cookie (only its hash is kept). */
export async function startSsoAttempt(db: Db, attempt: SsoAttempt, now = new Date()): Promise<string> {
  const token = generateToken();
  await db.deleteFrom("ssoAttempts").where("expiresAt", "<", now).execute();
  await db
    .insertInto("ssoAttempts")
    .values({ ...attempt, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + SSO_ATTEMPT_SECONDS * 1000) })
    .execute();
  return token;
}

/** The attempt this browser's cookie names, removed as it is read: each is used once. */
export async function takeSsoAttempt(db: Db, token: string, now = new Date()): Promise<TakenSsoAttempt | null> {
  const row = await db
    .deleteFrom("ssoAttempts")
    .where("tokenHash", "=", hashToken(token))
    .returning(["providerId", "state", "nonce", "codeVerifier", "redirectTo", "expiresAt", "purpose", "sessionId", "createdAt"])
    .executeTakeFirst();
  if (!row || row.expiresAt.getTime() < now.getTime()) return null;
  const { expiresAt: _expiresAt, ...attempt } = row;
  return attempt;
}

/** A provider the signed-in person may use from their settings: to re-authenticate (linked) or to link. */
export interface ProviderForPerson {
  id: string;
  issuer: string;
  organisationName: string;
  /** The person's subject at this issuer, when linked. */
  linkedAt: Date | null;
}

/**
 * The providers of the organisations the person belongs to, with whether the person has a
 * subject at each issuer: the linked ones can re-authenticate them, the others can be linked.
 */
export async function providersForPerson(db: Db, userId: string): Promise<ProviderForPerson[]> {
  const rows = await db
    .selectFrom("identityProviders")
    .innerJoin("memberships", (join) => join.onRef("memberships.organisationId", "=", "identityProviders.organisationId").on("memberships.userId", "=", userId))
    .innerJoin("organisations", "organisations.id", "identityProviders.organisationId")
    .leftJoin("ssoLinks", (join) => join.onRef("ssoLinks.issuer", "=", "identityProviders.issuer").on("ssoLinks.userId", "=", userId))
    .select(["identityProviders.id", "identityProviders.issuer", "organisations.name as organisationName", "ssoLinks.createdAt as linkedAt"])
    .orderBy("organisations.name")
    .execute();
  return rows;
}

/** One of those providers, for starting a re-authentication or a link; null when the person may not use it. */
export async function providerForPerson(db: Db, userId: string, providerId: string): Promise<(IdentityProviderForSignIn & { linked: boolean }) | null> {
  const mine = (await providersForPerson(db, userId)).find((p) => p.id === providerId);
  const provider = mine ? await identityProviderById(db, mine.id) : null;
  return provider && mine ? { ...provider, linked: mine.linkedAt !== null } : null;
}

export type SsoLinkRefusal = "sso_subject_linked_elsewhere" | "sso_already_linked_at_issuer";

/**
 * Links the subject the provider just vouched for to the signed-in person (issue 21): how
 * someone whose provider sends no e-mail (ID-porten) gets an account they can sign in to
 * with it. Refused when the subject belongs to another account, or when the person already has
 * another subject at this issuer; linking the same subject again changes nothing.
 */
export async function linkSsoSubject(db: Db, userId: string, claims: Pick<SsoClaims, "issuer" | "subject">): Promise<Result<{ created: boolean }, SsoLinkRefusal>> {
  return db.transaction().execute(async (trx) => {
    const bySubject = await trx.selectFrom("ssoLinks").select("userId").where("issuer", "=", claims.issuer).where("subject", "=", claims.subject).executeTakeFirst();
    if (bySubject && bySubject.userId !== userId) return failAt("conflict", "providerId", "sso_subject_linked_elsewhere");
    if (bySubject) return ok({ created: false });
    const atIssuer = await trx.selectFrom("ssoLinks").select("subject").where("userId", "=", userId).where("issuer", "=", claims.issuer).executeTakeFirst();
    if (atIssuer) return failAt("conflict", "providerId", "sso_already_linked_at_issuer");
    const inserted = await trx.insertInto("ssoLinks").values({ issuer: claims.issuer, subject: claims.subject, userId }).onConflict((oc) => oc.doNothing()).returning("userId").executeTakeFirst();
    // Another request linked the same subject (or this person at this issuer) in the meantime.
    if (!inserted) return failAt("conflict", "providerId", "sso_subject_linked_elsewhere");
    return ok({ created: true });
  });
}

/** Whether (issuer, subject) is linked to this person: a re-authentication must come back as the same person. */
export async function isLinkedTo(db: Db, userId: string, claims: Pick<SsoClaims, "issuer" | "subject">): Promise<boolean> {
  const row = await db.selectFrom("ssoLinks").select("userId").where("issuer", "=", claims.issuer).where("subject", "=", claims.subject).executeTakeFirst();
  return row?.userId === userId;
}

/** One of the person's links, with the organisations whose provider has that issuer now (none when every such provider is gone). */
export interface SsoLinkOfPerson {
  issuer: string;
  linkedAt: Date;
  lastUsedAt: Date;
  organisationNames: string[];
}

/** Every link the person has, whether or not they still belong to an organisation with that issuer: each can be removed. */
export async function ssoLinksOfPerson(db: Db, userId: string): Promise<SsoLinkOfPerson[]> {
  const rows = await db
    .selectFrom("ssoLinks")
    .leftJoin("identityProviders", "identityProviders.issuer", "ssoLinks.issuer")
    .leftJoin("organisations", "organisations.id", "identityProviders.organisationId")
    .select(["ssoLinks.issuer", "ssoLinks.createdAt as linkedAt", "ssoLinks.lastUsedAt", "organisations.name as organisationName"])
    .where("ssoLinks.userId", "=", userId)
    .orderBy("ssoLinks.createdAt")
    .orderBy("organisations.name")
    .execute();
  const links = new Map<string, SsoLinkOfPerson>();
  for (const { organisationName, ...row } of rows) {
    const link = links.get(row.issuer) ?? { ...row, organisationNames: [] };
    if (organisationName) link.organisationNames.push(organisationName);
    links.set(row.issuer, link);
  }
  return [...links.values()];
}

export type SsoUnlinkCode = "sso_link_not_found" | "sso_last_sign_in" | "wrong_password" | "reauthentication_required";

/**
 * Removes the person's link at `issuer` (ADR 0034): after the password or a fresh
 * re-authentication, never the last way they can sign in. Every other session ends, as after a
 * change of factors, and the person is told by e-mail. The person's row is locked while the
 * rule is checked again, so two links removed at once cannot both be "the other one".
 */
export async function unlinkSsoSubject(db: Db, change: ChangeContext, issuer: string, now = new Date()): Promise<Result<{ subject: string; provider: string }, SsoUnlinkCode>> {
  const link = await db.selectFrom("ssoLinks").select("subject").where("userId", "=", change.userId).where("issuer", "=", issuer).executeTakeFirst();
  if (!link) return failAt("not_found", "issuer", "sso_link_not_found");
  // Said before the password is asked for: nobody should sign in again at the provider only to be refused.
  if (lastWayInProblem(await signInWaysWithout(db, change.userId, { issuer }), "sso_link")) return failAt("refused", "issuer", "sso_last_sign_in");
  const present = await presenceConfirmed(db, change, now);
  if (!present.ok) return present;
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["email", "name", "language"]).where("id", "=", change.userId).forUpdate().executeTakeFirstOrThrow();
    if (lastWayInProblem(await signInWaysWithout(trx, change.userId, { issuer }), "sso_link")) return failAt("refused", "issuer", "sso_last_sign_in");
    const removed = await trx.deleteFrom("ssoLinks").where("userId", "=", change.userId).where("issuer", "=", issuer).returning("subject").executeTakeFirst();
    if (!removed) return failAt("not_found", "issuer", "sso_link_not_found");
    const owners = await trx
      .selectFrom("identityProviders")
      .innerJoin("organisations", "organisations.id", "identityProviders.organisationId")
      .select("organisations.name")
      .where("identityProviders.issuer", "=", issuer)
      .orderBy("organisations.name")
      .execute();
    const provider = owners.map((o) => o.name).join(", ") || issuer;
    await endOtherSessions(trx, change.userId, change.keepSessionId);
    await enqueueEmail(trx, { template: "sso-unlinked", to: user.email, language: user.language, data: { name: user.name, provider } });
    return ok({ subject: removed.subject, provider });
  });
}

export interface SsoSignIn {
  userId: string;
  email: string;
  created: boolean;
  linked: boolean;
  joined: JoinRole | null;
}

/**
 * The person the checked claims are, by the rule in app/domain/single-sign-on.ts: found by
 * subject, linked on first sign-in, created and made a member when the organisation allows.
 * One transaction, so a refused or failed sign-in leaves nothing behind.
 */
export async function completeSsoSignIn(db: Db, provider: IdentityProviderForSignIn, claims: SsoClaims): Promise<Result<SsoSignIn, SsoRefusal>> {
  return db.transaction().execute(async (trx) => {
    const link = await trx.selectFrom("ssoLinks").select("userId").where("issuer", "=", claims.issuer).where("subject", "=", claims.subject).executeTakeFirst();
    const email = claims.email?.toLowerCase() ?? null;
    const byEmail = !link && email ? await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst() : undefined;
    const isMember = async (userId: string) =>
      Boolean(await trx.selectFrom("memberships").select("userId").where("userId", "=", userId).where("organisationId", "=", provider.organisationId).executeTakeFirst());
    const decision = decideSsoSignIn({ ...claims, email }, provider, {
      linkedUserId: link?.userId ?? null,
      linkedIsMember: link ? await isMember(link.userId) : false,
      byEmail: byEmail
        ? {
            userId: byEmail.id,
            isMember: await isMember(byEmail.id),
            linkedAtIssuer: Boolean(await trx.selectFrom("ssoLinks").select("subject").where("userId", "=", byEmail.id).where("issuer", "=", claims.issuer).executeTakeFirst()),
          }
        : null,
    });
    if (!decision.ok) return failAt("refused", "email", decision.code);

    let userId = decision.userId;
    const created = userId === null;
    if (userId === null) {
      const row = await trx
        .insertInto("users")
        .values({ email: email!, name: claims.name?.trim().slice(0, 200) || email!, passwordHash: null, emailVerifiedAt: new Date() })
        .returning("id")
        .executeTakeFirstOrThrow();
      userId = row.id;
    }
    if (decision.link) {
      await trx.insertInto("ssoLinks").values({ issuer: claims.issuer, subject: claims.subject, userId }).execute();
      // The provider vouches for the address it was linked by.
      await trx.updateTable("users").set({ emailVerifiedAt: new Date() }).where("id", "=", userId).where("emailVerifiedAt", "is", null).execute();
    }
    else await trx.updateTable("ssoLinks").set({ lastUsedAt: new Date() }).where("issuer", "=", claims.issuer).where("subject", "=", claims.subject).execute();
    if (decision.join) {
      await trx.insertInto("memberships").values({ userId, organisationId: provider.organisationId, role: decision.join, commercialRole: null }).onConflict((oc) => oc.doNothing()).execute();
      await trx.updateTable("users").set({ activeOrganisationId: provider.organisationId }).where("id", "=", userId).where("activeOrganisationId", "is", null).execute();
    }
    const user = await trx.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
    return ok({ userId, email: user.email, created, linked: decision.link, joined: decision.join });
  });
}
