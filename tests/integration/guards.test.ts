import { describe, expect, it } from "vitest";
import { requireMember, requireOperator, requireUser, requireVerifiedUser } from "~/auth/guards.server";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson } from "../fixtures/people";
import { routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

async function outcome<T>(run: () => Promise<T> | T): Promise<{ ok: T } | { status: number; location: string | null; body: unknown }> {
  try {
    return { ok: await run() };
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    const body = error.headers.get("Content-Type")?.includes("json") ? await error.json() : null;
    return { status: error.status, location: error.headers.get("Location"), body };
  }
}

describe("authorization helpers", () => {
  it("requireUser sends anonymous browsers to log in and coming back, API clients get 401", async () => {
    expect(await outcome(async () => requireUser(await routeArgs("/organisation/members?x=1")))).toEqual({
      status: 302,
      location: "/login?redirectTo=%2Forganisation%2Fmembers%3Fx%3D1",
      body: null,
    });
    expect(await outcome(async () => requireUser(await routeArgs("/api/v1/me")))).toEqual({
      status: 401,
      location: null,
      body: { error: "unauthenticated" },
    });
  });

  it("requireVerifiedUser asks an unconfirmed person to confirm the e-mail first", async () => {
    const person = await createPerson(t.db, { verified: false });
    expect(await outcome(async () => requireVerifiedUser(await routeArgs("/organisations/new", { cookie: person.cookie })))).toMatchObject({
      status: 302,
      location: "/verify-email",
    });
  });

  it("requireOperator refuses everyone but operators with 403", async () => {
    const person = await createPerson(t.db);
    const operator = await createPerson(t.db, { operator: true });
    expect(await outcome(async () => requireOperator(await routeArgs("/admin/audit", { cookie: person.cookie })))).toMatchObject({ status: 403 });
    expect(await outcome(async () => requireOperator(await routeArgs("/admin/audit", { cookie: operator.cookie })))).toMatchObject({
      ok: { id: operator.id },
    });
  });

  it("requireMember resolves the active organisation, and checks role and kind", async () => {
    const admin = await createPerson(t.db);
    const member = await createPerson(t.db);
    const buyer = await createOrganisationWith(t.db, [
      { person: admin, role: "admin" },
      { person: member, role: "member" },
    ]);

    const asMember = await outcome(async () => requireMember(await routeArgs("/x", { cookie: member.cookie })));
    expect(asMember).toMatchObject({ ok: { organisation: { id: buyer.id }, membership: { role: "member" } } });
    expect(await outcome(async () => requireMember(await routeArgs("/x", { cookie: member.cookie }), { role: "admin" }))).toMatchObject({ status: 403 });
    expect(await outcome(async () => requireMember(await routeArgs("/x", { cookie: admin.cookie }), { role: "admin" }))).toMatchObject({
      ok: { membership: { role: "admin" } },
    });
    expect(await outcome(async () => requireMember(await routeArgs("/x", { cookie: admin.cookie }), { kind: "vendor" }))).toMatchObject({ status: 403 });
    expect(await outcome(async () => requireMember(await routeArgs("/x", { cookie: admin.cookie }), { kind: "buyer" }))).toMatchObject({
      ok: { organisation: { isBuyer: true } },
    });
  });

  it("requireMember refuses another organisation, and sends people without one to register", async () => {
    const stranger = await createPerson(t.db);
    const owner = await createPerson(t.db);
    const other = await createOrganisationWith(t.db, [{ person: owner, role: "admin" }]);
    expect(await outcome(async () => requireMember(await routeArgs("/x", { cookie: stranger.cookie })))).toMatchObject({
      status: 302,
      location: "/organisations/new",
    });
    expect(await outcome(async () => requireMember(await routeArgs("/x", { cookie: stranger.cookie }), { organisationId: other.id }))).toMatchObject({
      status: 403,
    });
    expect(await outcome(async () => requireMember(await routeArgs("/api/v1/x", { cookie: stranger.cookie })))).toMatchObject({
      status: 403,
      body: { error: "no_organisation" },
    });
  });
});
