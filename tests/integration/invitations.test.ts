import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken } from "~/auth/tokens.server";
import { createInvitation } from "~/models/invitations.server";
import { action as membersAction, loader as membersLoader } from "~/routes/organisation.members/route";
import { action as acceptAction, loader as invitationLoader } from "~/routes/invitations.$token";
import { authorizationMatrix, type World } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { countRows, createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

async function invite(admin: Person, organisationId: string, email: string, role = "member") {
  return respond(membersAction(await formRequest("/organisation/members", { intent: "invite", organisationId, email, role }, { cookie: admin.cookie })));
}

/** The link from the invitation mail in the outbox. */
async function linkSentTo(email: string): Promise<string> {
  const mail = await t.db.selectFrom("outbox").selectAll().where("toAddress", "=", email).where("template", "=", "invitation").orderBy("createdAt", "desc").executeTakeFirstOrThrow();
  const match = /(https?:\/\/[^\s\]]+\/invitations\/[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no link in ${mail.text}`);
  return new URL(match[1]!).pathname;
}

const tokenOf = (path: string) => path.split("/").pop()!;

async function page(path: string, who?: Person) {
  const response = await respond(invitationLoader(await routeArgs(path, { cookie: who?.cookie, params: { token: tokenOf(path) } })));
  return { status: response.status, data: await response.json() };
}

async function accept(path: string, who: Person) {
  return respond(acceptAction(await formRequest(path, {}, { cookie: who.cookie, params: { token: tokenOf(path) } })));
}

async function team() {
  const admin = await createPerson(t.db, { name: "Ada Admin" });
  const organisation = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }], { name: `Invitasjonsvik ${randomUUID().slice(0, 4)}` });
  return { admin, organisation };
}

describe("inviting", () => {
  it("stores only the token's hash and e-mails a single-use link that expires in 7 days, in one transaction", async () => {
    const { admin, organisation } = await team();
    const email = `kari-${randomUUID()}@example.test`;
    const response = await invite(admin, organisation.id, email.toUpperCase(), "admin");
    expect(response.status).toBe(200);
    const path = await linkSentTo(email);
    expect(path).toMatch(/^\/invitations\/[A-Za-z0-9_-]{43}$/);
    const row = await t.db.selectFrom("invitations").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(hashToken(tokenOf(path)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(path));
    expect(row).toMatchObject({ role: "admin", invitedBy: admin.id, organisationId: organisation.id });
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
    const entry = await t.db.selectFrom("auditLog").selectAll().where("action", "=", "member_invited").where("subject", "=", email).executeTakeFirst();
    expect(entry).toBeDefined();

    const listed = await (await respond(membersLoader(await routeArgs("/organisation/members", { cookie: admin.cookie })))).json();
    expect(listed.invitations.map((i: { email: string }) => i.email)).toContain(email);
  });

  it("refuses bad input and existing members with field errors, storing and sending nothing", async () => {
    const { admin, organisation } = await team();
    const before = await Promise.all([countRows(t.db, "invitations"), countRows(t.db, "outbox")]);
    const bad = await invite(admin, organisation.id, "not-an-address", "owner");
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error).toEqual({ email: ["emailFormat"], role: ["invalidChoice"] });
    const existing = await invite(admin, organisation.id, admin.email);
    expect(existing.status).toBe(400);
    const body = await existing.json();
    expect(body.result.error).toEqual({ email: ["alreadyMember"] });
    expect(body.result.initialValue).toMatchObject({ email: admin.email });
    expect(await Promise.all([countRows(t.db, "invitations"), countRows(t.db, "outbox")])).toEqual(before);
  });

  it("lets an admin revoke a pending invitation, after which the link no longer works", async () => {
    const { admin, organisation } = await team();
    const invitee = await createPerson(t.db);
    await invite(admin, organisation.id, invitee.email);
    const path = await linkSentTo(invitee.email);
    const row = await t.db.selectFrom("invitations").select("id").where("email", "=", invitee.email).executeTakeFirstOrThrow();
    const revoked = await respond(
      membersAction(await formRequest("/organisation/members", { intent: "revoke", organisationId: organisation.id, invitationId: row.id }, { cookie: admin.cookie })),
    );
    expect(revoked.status).toBe(200);
    expect((await page(path, invitee)).data.state).toBe("revoked");
    const refused = await accept(path, invitee);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ problem: "revoked" });
    expect(await t.db.selectFrom("memberships").selectAll().where("userId", "=", invitee.id).execute()).toEqual([]);
  });
});

describe("accepting", () => {
  it("lets the invited, signed-in person join once: membership, accepted invitation, active organisation, audit", async () => {
    const { admin, organisation } = await team();
    const invitee = await createPerson(t.db, { name: "Kari Kollega" });
    await invite(admin, organisation.id, invitee.email, "admin");
    const path = await linkSentTo(invitee.email);
    expect((await page(path, invitee)).data.state).toBe("ready");

    const response = await accept(path, invitee);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/organisation");
    const membership = await t.db.selectFrom("memberships").selectAll().where("userId", "=", invitee.id).executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ organisationId: organisation.id, role: "admin" });
    const user = await t.db.selectFrom("users").select("activeOrganisationId").where("id", "=", invitee.id).executeTakeFirstOrThrow();
    expect(user.activeOrganisationId).toBe(organisation.id);
    const invitation = await t.db.selectFrom("invitations").selectAll().where("email", "=", invitee.email).executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ acceptedBy: invitee.id });
    expect(invitation.acceptedAt).toBeInstanceOf(Date);
    const joined = await t.db.selectFrom("auditLog").selectAll().where("action", "=", "member_joined").where("actorUserId", "=", invitee.id).executeTakeFirst();
    expect(joined?.organisationId).toBe(organisation.id);

    // Used: the same link does nothing a second time.
    const again = await accept(path, invitee);
    expect(await again.json()).toEqual({ problem: "accepted" });
    expect((await page(path, invitee)).data.state).toBe("accepted");
  });

  it("asks someone not signed in to log in or sign up, coming back to the link", async () => {
    const { admin, organisation } = await team();
    const email = `ny-${randomUUID()}@example.test`;
    await invite(admin, organisation.id, email);
    const path = await linkSentTo(email);
    const { status, data } = await page(path);
    expect(status).toBe(200);
    expect(data).toMatchObject({ state: "sign_in", path, invitation: { email, organisationName: organisation.name, role: "member" } });
    expect(data.invitation.organisationId).toBeUndefined();
  });

  it("refuses the wrong account and changes nothing", async () => {
    const { admin, organisation } = await team();
    const invitee = await createPerson(t.db);
    const someoneElse = await createPerson(t.db);
    await invite(admin, organisation.id, invitee.email);
    const path = await linkSentTo(invitee.email);
    expect((await page(path, someoneElse)).data.state).toBe("wrong_account");
    const response = await accept(path, someoneElse);
    expect(await response.json()).toEqual({ problem: "wrong_account" });
    expect(await t.db.selectFrom("memberships").selectAll().where("userId", "=", someoneElse.id).execute()).toEqual([]);
    const invitation = await t.db.selectFrom("invitations").selectAll().where("email", "=", invitee.email).executeTakeFirstOrThrow();
    expect(invitation.acceptedAt).toBeNull();
  });

  it("refuses an expired link and changes nothing", async () => {
    const { admin, organisation } = await team();
    const invitee = await createPerson(t.db);
    const { token } = ((await createInvitation(
      t.db,
      { organisationId: organisation.id, email: invitee.email, role: "member", language: "nb", baseUrl: "http://localhost", now: new Date(Date.now() - 8 * 86_400_000) },
      { userId: admin.id, name: admin.name, ip: null },
    )) as { ok: true; value: { token: string } }).value;
    const path = `/invitations/${token}`;
    expect((await page(path, invitee)).data.state).toBe("expired");
    expect(await (await accept(path, invitee)).json()).toEqual({ problem: "expired" });
    expect(await t.db.selectFrom("memberships").selectAll().where("userId", "=", invitee.id).execute()).toEqual([]);
  });

  it("answers an unknown link with 404 and a message", async () => {
    const invitee = await createPerson(t.db);
    const { status, data } = await page("/invitations/not-a-real-token", invitee);
    expect(status).toBe(404);
    expect(data.state).toBe("invalid");
    expect(await (await accept("/invitations/not-a-real-token", invitee)).json()).toEqual({ problem: "invalid" });
  });

  it("asks for a confirmed e-mail address before accepting", async () => {
    const { admin, organisation } = await team();
    const invitee = await createPerson(t.db, { verified: false });
    await invite(admin, organisation.id, invitee.email);
    const path = await linkSentTo(invitee.email);
    expect((await page(path, invitee)).data.state).toBe("unverified");
    const response = await accept(path, invitee);
    expect(response.headers.get("Location")).toBe("/verify-email");
  });
});

describe("authorization", () => {
  // Each link comes from a fresh organisation, so nobody is a member of it yet.
  const pendingLinkFor = async (w: World, email: string) => {
    const inviter = await createPerson(t.db);
    const organisation = await createOrganisationWith(t.db, [{ person: inviter, role: "admin" }]);
    const { token } = ((await createInvitation(
      t.db,
      { organisationId: organisation.id, email, role: "member", language: "nb", baseUrl: "http://localhost" },
      { userId: inviter.id, name: inviter.name, ip: null },
    )) as { ok: true; value: { token: string } }).value;
    return token;
  };
  const emailOf = (w: World, cookie: string | undefined) =>
    Object.values(w.people).find((p) => p.cookie === cookie)?.email ?? `nobody-${randomUUID()}@example.test`;
  authorizationMatrix(() => t.db, [
    {
      route: "GET /invitations/<token> (public page)",
      call: invitationLoader,
      request: async (w, cookie) => {
        const token = await pendingLinkFor(w, `x-${randomUUID()}@example.test`);
        return routeArgs(`/invitations/${token}`, { cookie, params: { token } });
      },
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /invitations/<token> (invitation for this person)",
      call: acceptAction,
      request: async (w, cookie) => {
        const token = await pendingLinkFor(w, emailOf(w, cookie));
        return formRequest(`/invitations/${token}`, {}, { cookie, params: { token } });
      },
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /invitations/<token> (invitation for someone else)",
      call: acceptAction,
      request: async (w, cookie) => {
        const token = await pendingLinkFor(w, `someone-${randomUUID()}@example.test`);
        return formRequest(`/invitations/${token}`, {}, { cookie, params: { token } });
      },
      expect: { anonymous: "login", outsider: 400, member: 400, admin: 400, operator: 400 },
    },
  ]);
});
