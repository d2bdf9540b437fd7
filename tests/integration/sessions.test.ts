import { describe, expect, it } from "vitest";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { contextFromRequest } from "~/auth/context.server";
import { lucia } from "~/auth/lucia.server";
import { SESSION_TOUCH_INTERVAL_MS } from "~/domain/sessions";
import { action as orgSessionsAction, loader as orgSessionsLoader } from "~/routes/organisation.sessions";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings";

const t = setupTestDatabase();

const PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const DESKTOP_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/** A second sign-in for the person, from another device; its cookie. */
async function signInFrom(person: Person, userAgent: string, ip: string) {
  const session = await lucia.createSession(person.id, { userAgent, ip });
  return { cookie: `md_session=${session.id}`, id: session.id };
}

async function handleOf(sessionId: string) {
  return (await t.db.selectFrom("sessions").select("handle").where("id", "=", sessionId).executeTakeFirstOrThrow()).handle;
}

async function stillSignedIn(cookie: string) {
  const { context } = await contextFromRequest(new Request("http://localhost/settings", { headers: { Cookie: cookie } }));
  return context.auth !== null;
}

describe("a person's own sign-ins on /settings", () => {
  it("lists every live sign-in with device, network and times, the one in use first, and no session id in the page", async () => {
    const person = await createPerson(t.db);
    const phone = await signInFrom(person, PHONE_UA, "193.69.12.201");
    const desk = await signInFrom(person, DESKTOP_UA, "10.0.0.7");
    const response = await respond(settingsLoader(await routeArgs("/settings", { cookie: desk.cookie })));
    const text = await response.clone().text();
    const { sessions } = await readJson(response);
    expect(sessions).toHaveLength(3);
    expect(sessions[0]).toMatchObject({ current: true, device: { browser: "Chrome 156", os: "Windows 10", type: "desktop" }, address: { kind: "private" } });
    expect(sessions.find((s: { device: { type: string } }) => s.device.type === "mobile")).toMatchObject({
      current: false,
      device: { browser: "Safari 17", os: "iOS 17.4" },
      address: { kind: "network", network: "193.69.12.0/24" },
    });
    // The id is the cookie's secret: never in what the page sends, nor the full address.
    for (const id of [phone.id, desk.id, person.cookie.slice("md_session=".length)]) expect(text).not.toContain(id);
    expect(text).not.toContain("193.69.12.201");
  });

  it("ends another of one's sign-ins: that browser is signed out at its next request, the others go on", async () => {
    const person = await createPerson(t.db);
    const phone = await signInFrom(person, PHONE_UA, "193.69.12.201");
    expect(await stillSignedIn(phone.cookie)).toBe(true);
    const response = await respond(settingsAction(await formRequest("/settings", { intent: "end-session", handle: await handleOf(phone.id) }, { cookie: person.cookie })));
    expect(response.status).toBe(200);
    expect(await stillSignedIn(phone.cookie)).toBe(false);
    expect(await stillSignedIn(person.cookie)).toBe(true);
    const logged = await t.db.selectFrom("auditLog").select(["action", "details"]).where("actorUserId", "=", person.id).execute();
    expect(logged).toEqual([{ action: "session_ended", details: { by: "self" } }]);
  });

  it("gets 404 for someone else's sign-in and leaves it alone", async () => {
    const [person, other] = await Promise.all([createPerson(t.db), createPerson(t.db)]);
    const theirs = await signInFrom(other, PHONE_UA, "193.69.12.201");
    const response = await respond(settingsAction(await formRequest("/settings", { intent: "end-session", handle: await handleOf(theirs.id) }, { cookie: person.cookie })));
    expect(response.status).toBe(404);
    expect(await stillSignedIn(theirs.cookie)).toBe(true);
  });

  it("refuses a handle that is not one, by the field, ending nothing", async () => {
    const person = await createPerson(t.db);
    const phone = await signInFrom(person, PHONE_UA, "193.69.12.201");
    const response = await respond(settingsAction(await formRequest("/settings", { intent: "end-session", handle: phone.id }, { cookie: person.cookie })));
    expect(response.status).toBe(400);
    expect((await readJson(response)).result.error.handle).toEqual(["invalid_value"]);
    expect(await stillSignedIn(phone.cookie)).toBe(true);
  });

  it("writes when a sign-in was last used, at most once a minute", async () => {
    const person = await createPerson(t.db);
    const sessionId = person.cookie.slice("md_session=".length);
    const lastUsed = async () => (await t.db.selectFrom("sessions").select("lastUsedAt").where("id", "=", sessionId).executeTakeFirstOrThrow()).lastUsedAt.getTime();
    const recent = new Date(Date.now() - SESSION_TOUCH_INTERVAL_MS / 2);
    await t.db.updateTable("sessions").set({ lastUsedAt: recent }).where("id", "=", sessionId).execute();
    await stillSignedIn(person.cookie);
    expect(await lastUsed()).toBe(recent.getTime());
    const old = new Date(Date.now() - 2 * SESSION_TOUCH_INTERVAL_MS);
    await t.db.updateTable("sessions").set({ lastUsedAt: old }).where("id", "=", sessionId).execute();
    const before = Date.now();
    await stillSignedIn(person.cookie);
    expect(await lastUsed()).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe("an organisation's admins and their members' sign-ins", () => {
  async function organisation() {
    const [admin, member, outsider] = await Promise.all([createPerson(t.db, { name: "Ada Admin" }), createPerson(t.db, { name: "Mia Member" }), createPerson(t.db)]);
    const org = await createOrganisationWith(t.db, [
      { person: admin, role: "admin" },
      { person: member, role: "member" },
    ]);
    await createOrganisationWith(t.db, [{ person: outsider, role: "admin" }]);
    return { admin, member, outsider, org };
  }

  it("lists each member with their sign-ins, and ends one the member lost", async () => {
    const { admin, member, org } = await organisation();
    const lost = await signInFrom(member, PHONE_UA, "193.69.12.201");
    const { members } = await readJson(await respond(orgSessionsLoader(await routeArgs("/organisation/sessions", { cookie: admin.cookie }))));
    expect(members.map((m: { name: string; sessions: unknown[] }) => [m.name, m.sessions.length])).toEqual([
      ["Ada Admin", 1],
      ["Mia Member", 2],
    ]);
    const response = await respond(
      orgSessionsAction(await formRequest("/organisation/sessions", { intent: "end-member-session", organisationId: org.id, handle: await handleOf(lost.id) }, { cookie: admin.cookie })),
    );
    expect(response.status).toBe(200);
    expect((await readJson(response)).ended).toBe("Mia Member");
    expect(await stillSignedIn(lost.cookie)).toBe(false);
    expect(await stillSignedIn(member.cookie)).toBe(true);
    const logged = await t.db.selectFrom("auditLog").select(["action", "organisationId", "subject"]).where("actorUserId", "=", admin.id).execute();
    expect(logged).toEqual([{ action: "member_session_ended", organisationId: org.id, subject: "Mia Member" }]);
  });

  it("cannot end the sign-in of someone outside the organisation (404), and a member cannot end anyone's (403)", async () => {
    const { admin, member, outsider, org } = await organisation();
    const theirs = await signInFrom(outsider, PHONE_UA, "193.69.12.201");
    const byAdmin = await respond(
      orgSessionsAction(await formRequest("/organisation/sessions", { intent: "end-member-session", organisationId: org.id, handle: await handleOf(theirs.id) }, { cookie: admin.cookie })),
    );
    expect(byAdmin.status).toBe(404);
    const adminSession = await handleOf(admin.cookie.slice("md_session=".length));
    const byMember = await respond(
      orgSessionsAction(await formRequest("/organisation/sessions", { intent: "end-member-session", organisationId: org.id, handle: adminSession }, { cookie: member.cookie })),
    );
    expect(byMember.status).toBe(403);
    expect(await stillSignedIn(theirs.cookie)).toBe(true);
    expect(await stillSignedIn(admin.cookie)).toBe(true);
  });
});

describe("who may see and end sign-ins", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /organisation/sessions (the active organisation's admins)",
      call: orgSessionsLoader,
      request: (_w, cookie) => routeArgs("/organisation/sessions", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: "ok", operator: "register" },
    },
    {
      route: "POST /organisation/sessions (for organisation A, a handle that names no session)",
      call: orgSessionsAction,
      request: (w, cookie) => formRequest("/organisation/sessions", { organisationId: w.organisation.id, handle: "not-a-handle" }, { cookie }),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 400, operator: 403 },
    },
    {
      route: "POST /settings (end a sign-in, with a malformed handle)",
      call: settingsAction,
      request: (_w, cookie) => formRequest("/settings", { intent: "end-session", handle: "not-a-handle" }, { cookie }),
      expect: { anonymous: "login", outsider: 400, member: 400, admin: 400, operator: 400 },
    },
  ]);
});
