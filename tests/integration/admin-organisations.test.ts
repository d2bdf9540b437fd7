import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { audit } from "~/models/audit.server";
import { adminRecipients } from "~/models/memberships.server";
import { isVerifiedBuyer } from "~/models/organisations.server";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as decideAction, loader as organisationsLoader } from "~/routes/admin.organisations";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { countRows, createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

async function buyerAwaiting(name: string) {
  const admin = await createPerson(t.db, { name: `Admin of ${name}` });
  const secondAdmin = await createPerson(t.db, { name: `Second admin of ${name}` });
  const member = await createPerson(t.db);
  const organisation = await createOrganisationWith(
    t.db,
    [
      { person: admin, role: "admin" },
      { person: secondAdmin, role: "admin" },
      { person: member, role: "member" },
    ],
    { name },
  );
  return { organisation, admins: [admin, secondAdmin], member };
}

async function decide(operator: Person, fields: Record<string, string>) {
  return respond(decideAction(await formRequest("/admin/organisations", fields, { cookie: operator.cookie })));
}

describe("operator verification of buyers", () => {
  it("lists buyers awaiting verification oldest first, and everyone else apart", async () => {
    const operator = await createPerson(t.db, { operator: true });
    const first = await buyerAwaiting(`Eldst kommune ${randomUUID().slice(0, 4)}`);
    const second = await buyerAwaiting(`Yngst kommune ${randomUUID().slice(0, 4)}`);
    await t.db.updateTable("organisations").set({ createdAt: new Date("2026-01-01") } as never).where("id", "=", second.organisation.id).execute();
    const vendorAdmin = await createPerson(t.db);
    const vendor = await createOrganisationWith(t.db, [{ person: vendorAdmin, role: "admin" }], { isBuyer: false, isVendor: true });

    const data = await (await respond(organisationsLoader(await routeArgs("/admin/organisations", { cookie: operator.cookie })))).json();
    const awaitingIds = data.awaiting.map((o: { id: string }) => o.id);
    expect(awaitingIds.indexOf(second.organisation.id)).toBeLessThan(awaitingIds.indexOf(first.organisation.id));
    expect(awaitingIds).not.toContain(vendor.id);
    expect(data.others.map((o: { id: string }) => o.id)).toContain(vendor.id);
  });

  it("verifies a buyer: status, audit and a mail to each of its admins, together", async () => {
    const operator = await createPerson(t.db, { operator: true });
    const { organisation, admins, member } = await buyerAwaiting(`Verifiservik ${randomUUID().slice(0, 4)}`);
    // Verifying is a deliberate step: without the ticked box nothing changes and nobody is mailed.
    const unconfirmed = await decide(operator, { intent: "verify", organisationId: organisation.id });
    expect(unconfirmed.status).toBe(400);
    expect((await readJson(unconfirmed)).result.error).toEqual({ confirm: ["confirm_required"] });
    expect(await isVerifiedBuyer(t.db, organisation.id)).toBe(false);
    expect(await t.db.selectFrom("outbox").select("id").where("template", "=", "organisation-verified").where("toAddress", "in", admins.map((a) => a.email)).execute()).toEqual([]);
    const response = await decide(operator, { intent: "verify", confirm: "yes", organisationId: organisation.id });
    expect(response.status).toBe(200);
    expect(await isVerifiedBuyer(t.db, organisation.id)).toBe(true);
    const row = await t.db.selectFrom("organisations").selectAll().where("id", "=", organisation.id).executeTakeFirstOrThrow();
    expect(row.verifiedAt).toBeInstanceOf(Date);
    const mails = await t.db.selectFrom("outbox").selectAll().where("template", "=", "organisation-verified").where("toAddress", "in", [...admins, member].map((p) => p.email)).execute();
    expect(mails.map((m) => m.toAddress).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(mails[0]!.text).toContain(`/organisations/${organisation.slug}`);
    const entry = await t.db.selectFrom("auditLog").selectAll().where("organisationId", "=", organisation.id).where("action", "=", "organisation_verified").executeTakeFirst();
    expect(entry?.actorUserId).toBe(operator.id);
  });

  it("mails only the admins who have confirmed their address, the one rule for every message to an organisation's admins", async () => {
    const operator = await createPerson(t.db, { operator: true });
    const confirmed = await createPerson(t.db);
    const unconfirmed = await createPerson(t.db, { verified: false });
    const organisation = await createOrganisationWith(t.db, [
      { person: confirmed, role: "admin" },
      { person: unconfirmed, role: "admin" },
    ]);
    expect((await adminRecipients(t.db, organisation.id)).map((a) => a.email)).toEqual([confirmed.email]);
    expect((await decide(operator, { intent: "verify", confirm: "yes", organisationId: organisation.id })).status).toBe(200);
    const mails = await t.db.selectFrom("outbox").select("toAddress").where("template", "=", "organisation-verified").where("toAddress", "in", [confirmed.email, unconfirmed.email]).execute();
    expect(mails.map((m) => m.toAddress)).toEqual([confirmed.email]);
  });

  it("rejects a buyer with a reason that its admins receive", async () => {
    const operator = await createPerson(t.db, { operator: true });
    const { organisation, admins } = await buyerAwaiting(`Avvisvik ${randomUUID().slice(0, 4)}`);
    const response = await decide(operator, { intent: "reject", confirm: "yes", organisationId: organisation.id, reason: "Fant ikke virksomheten i Enhetsregisteret." });
    expect(response.status).toBe(200);
    const row = await t.db.selectFrom("organisations").selectAll().where("id", "=", organisation.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ verificationStatus: "rejected", verificationNote: "Fant ikke virksomheten i Enhetsregisteret.", verifiedAt: null });
    const mails = await t.db.selectFrom("outbox").selectAll().where("template", "=", "organisation-rejected").where("toAddress", "in", admins.map((a) => a.email)).execute();
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain("Enhetsregisteret");
    const entry = await t.db.selectFrom("auditLog").selectAll().where("organisationId", "=", organisation.id).where("action", "=", "organisation_rejected").executeTakeFirst();
    expect(entry?.details).toEqual({ reason: "Fant ikke virksomheten i Enhetsregisteret." });
  });

  it.each([
    ["no reason", { reason: "" }, { reason: ["required"] }],
    ["a blank reason", { reason: "   " }, { reason: ["required"] }],
    ["a reason that is too long", { reason: "x".repeat(1001) }, { reason: ["tooLong"] }],
    // Irreversible (issue 14): without the ticked box nothing happens.
    ["the confirmation box unticked", { reason: "Fant ikke virksomheten.", confirm: "" }, { confirm: ["confirm_required"] }],
  ])("refuses to reject with %s, with 400 and nothing stored or sent", async (_label, fields, expected) => {
    const operator = await createPerson(t.db, { operator: true });
    const { organisation } = await buyerAwaiting(`Uendretvik ${randomUUID().slice(0, 4)}`);
    const before = await Promise.all([countRows(t.db, "outbox"), countRows(t.db, "auditLog")]);
    const response = await decide(operator, { intent: "reject", confirm: "yes", organisationId: organisation.id, ...fields });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual(expected);
    const row = await t.db.selectFrom("organisations").select("verificationStatus").where("id", "=", organisation.id).executeTakeFirstOrThrow();
    expect(row.verificationStatus).toBe("unverified");
    expect(await Promise.all([countRows(t.db, "outbox"), countRows(t.db, "auditLog")])).toEqual(before);
  });

  it("does not verify vendors, and answers 404 for an unknown organisation", async () => {
    const operator = await createPerson(t.db, { operator: true });
    const vendorAdmin = await createPerson(t.db);
    const vendor = await createOrganisationWith(t.db, [{ person: vendorAdmin, role: "admin" }], { isBuyer: false, isVendor: true });
    const refused = await decide(operator, { intent: "verify", confirm: "yes", organisationId: vendor.id });
    expect(refused.status).toBe(400);
    expect((await refused.json()).result.error).toEqual({ "": ["notABuyer"] });
    expect((await decide(operator, { intent: "verify", confirm: "yes", organisationId: randomUUID() })).status).toBe(404);
  });
});

describe("the platform audit log", () => {
  it("pages through the whole log, newest first, by keyset", async () => {
    const operator = await createPerson(t.db, { operator: true });
    for (let i = 0; i < 60; i++) await audit(t.db, { action: "login", actorUserId: operator.id, subject: `entry ${i}` });
    const first = await (await respond(auditLoader(await routeArgs("/admin/audit", { cookie: operator.cookie })))).json();
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].subject).toBe("entry 59");
    expect(first.nextBefore).toBe(first.rows[49].id);
    const second = await (await respond(auditLoader(await routeArgs(`/admin/audit?before=${first.nextBefore}`, { cookie: operator.cookie })))).json();
    expect(second.rows[0].id).toBeLessThan(first.nextBefore);
    const ids = [...first.rows, ...second.rows].map((r: { id: number }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("authorization", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /admin/organisations",
      call: organisationsLoader,
      request: (_w, cookie) => routeArgs("/admin/organisations", { cookie }),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: "ok" },
    },
    {
      route: "POST /admin/organisations intent=verify",
      call: decideAction,
      request: (w, cookie) => formRequest("/admin/organisations", { intent: "verify", confirm: "yes", organisationId: w.organisation.id }, { cookie }),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: "ok" },
    },
    {
      route: "POST /admin/organisations intent=reject",
      call: decideAction,
      request: (w, cookie) => formRequest("/admin/organisations", { intent: "reject", confirm: "yes", organisationId: w.organisation.id, reason: "Ikke offentlig." }, { cookie }),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: "ok" },
    },
    {
      route: "GET /admin/audit",
      call: auditLoader,
      request: (_w, cookie) => routeArgs("/admin/audit", { cookie }),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: "ok" },
    },
  ]);
});
