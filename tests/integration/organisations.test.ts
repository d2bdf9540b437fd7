import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { checkOrgNumber } from "~/domain/org-number";
import { isVerifiedBuyer } from "~/models/organisations.server";
import { changeMember } from "~/models/memberships.server";
import { action as createAction, loader as createLoader } from "~/routes/organisations.new";
import { action as settingsAction, loader as settingsLoader } from "~/routes/organisation._index/route";
import { action as membersAction, loader as membersLoader } from "~/routes/organisation.members/route";
import { action as switchAction } from "~/routes/organisation.switch";
import { loader as auditLoader } from "~/routes/organisation.audit";
import { loader as publicLoader } from "~/routes/organisations.$slug";
import { loader as listLoader } from "~/routes/organisations._index";
import { authorizationMatrix, createWorld, type World } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { countRows, createOrganisationWith, createPerson, nextOrgNumber, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

let standardIds: string[] = [];
beforeAll(async () => {
  const rows = await t.db
    .insertInto("standards")
    .values([
      { code: "hl7-fhir-r4", name: "HL7 FHIR R4", category: "interoperability", descriptionNb: "FHIR", descriptionEn: "FHIR" },
      { code: "snomed-ct", name: "SNOMED CT", category: "terminology", descriptionNb: "SNOMED", descriptionEn: "SNOMED" },
    ])
    .returning("id")
    .execute();
  standardIds = rows.map((r) => r.id);
});

const spaced = (n: string) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;

async function create(person: Person, fields: Record<string, string | string[]>) {
  return respond(createAction(await formRequest("/organisations/new", fields, { cookie: person.cookie })));
}

async function errorsOf(response: Response) {
  const body = await response.json();
  return (body.result ?? body).error as Record<string, string[]>;
}

describe("registering an organisation", () => {
  it("registers a Norwegian buyer typed with spaces, makes the creator its admin and acts for it", async () => {
    const person = await createPerson(t.db);
    const number = nextOrgNumber();
    const response = await create(person, {
      name: "Sør-Ålesund kommune",
      kinds: "buyer",
      registration: "norwegian",
      orgNumber: spaced(number),
      buyerSector: "municipality",
      region: "more_og_romsdal",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/organisation");

    const org = await t.db.selectFrom("organisations").selectAll().where("orgNumber", "=", number).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ slug: "sor-alesund-kommune", isBuyer: true, isVendor: false, verificationStatus: "unverified", createdBy: person.id });
    const membership = await t.db.selectFrom("memberships").selectAll().where("userId", "=", person.id).executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ organisationId: org.id, role: "admin" });
    const user = await t.db.selectFrom("users").select("activeOrganisationId").where("id", "=", person.id).executeTakeFirstOrThrow();
    expect(user.activeOrganisationId).toBe(org.id);
    const entry = await t.db.selectFrom("auditLog").selectAll().where("organisationId", "=", org.id).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: "organisation_created", actorUserId: person.id });
    expect(await isVerifiedBuyer(t.db, org.id)).toBe(false);
  });

  it("registers a public body with both roles, and a second one with the same name gets -2", async () => {
    const person = await createPerson(t.db);
    const fields = {
      name: "Statens testetat",
      kinds: ["buyer", "vendor"],
      registration: "norwegian",
      buyerSector: "state_agency",
      region: "national",
      vendorSize: "large",
      cpvAreas: "48180000-3, 72000000-5",
      standards: standardIds,
    };
    expect((await create(person, { ...fields, orgNumber: nextOrgNumber() })).status).toBe(302);
    expect((await create(person, { ...fields, orgNumber: nextOrgNumber() })).status).toBe(302);
    const orgs = await t.db.selectFrom("organisations").selectAll().where("name", "=", "Statens testetat").orderBy("createdAt").execute();
    expect(orgs.map((o) => o.slug)).toEqual(["statens-testetat", "statens-testetat-2"]);
    expect(orgs[0]).toMatchObject({ isBuyer: true, isVendor: true, cpvAreas: ["48180000-3", "72000000-5"] });
    const standards = await t.db.selectFrom("vendorStandards").selectAll().where("organisationId", "=", orgs[0]!.id).execute();
    expect(standards).toHaveLength(2);

    const page = await (await respond(publicLoader(await routeArgs("/organisations/statens-testetat", { params: { slug: "statens-testetat" } })))).json();
    expect(page.organisation).toMatchObject({ isBuyer: true, isVendor: true, verificationStatus: "unverified" });
  });

  it("registers a foreign vendor by country and registry id", async () => {
    const person = await createPerson(t.db);
    const response = await create(person, { name: "Hälsa Data AB", kinds: "vendor", registration: "foreign", country: "SE", foreignRegistryId: "5560001111", vendorSize: "micro" });
    expect(response.status).toBe(302);
    const org = await t.db.selectFrom("organisations").selectAll().where("foreignRegistryId", "=", "5560001111").executeTakeFirstOrThrow();
    expect(org).toMatchObject({ country: "SE", orgNumber: null, slug: "halsa-data-ab", isVendor: true, isBuyer: false });
  });

  it.each([
    ["an empty form", {}, { name: ["required"], kinds: ["kindsRequired"], registration: ["required"] }],
    ["a number with too few digits", { orgNumber: "974 760 67" }, { orgNumber: ["orgNumberFormat"] }],
    ["a number with a wrong check digit", { orgNumber: "974 760 674" }, { orgNumber: ["orgNumberCheckDigit"] }],
    ["a name that is too long", { name: "x".repeat(201) }, { name: ["tooLong"] }],
    ["a foreign buyer", { registration: "foreign", country: "SE", foreignRegistryId: "5560002222" }, { registration: ["buyerMustBeNorwegian"] }],
    ["a buyer without sector", { buyerSector: "" }, { buyerSector: ["required"] }],
  ])("refuses %s with 400 and field errors, storing nothing", async (_label, override, expected) => {
    const person = await createPerson(t.db);
    const base = { name: "Testvik kommune", kinds: "buyer", registration: "norwegian", orgNumber: "974760673", buyerSector: "municipality", region: "vestland" };
    const fields = Object.keys(override).length === 0 ? {} : { ...base, ...override };
    const before = await Promise.all([countRows(t.db, "organisations"), countRows(t.db, "memberships"), countRows(t.db, "auditLog")]);
    const response = await create(person, fields);
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual(expected);
    expect(await Promise.all([countRows(t.db, "organisations"), countRows(t.db, "memberships"), countRows(t.db, "auditLog")])).toEqual(before);
  });

  it("refuses a registered organisation number or address, keeps what was typed and stores nothing", async () => {
    const person = await createPerson(t.db);
    const taken = nextOrgNumber();
    await create(person, { name: "Opptatt kommune", kinds: "buyer", registration: "norwegian", orgNumber: taken, buyerSector: "municipality", region: "oslo" });
    const before = await countRows(t.db, "organisations");
    const response = await create(person, {
      name: "Ny kommune",
      kinds: "buyer",
      registration: "norwegian",
      orgNumber: spaced(taken),
      slug: "opptatt-kommune",
      buyerSector: "municipality",
      region: "oslo",
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toEqual({ orgNumber: ["orgNumberTaken"], slug: ["slugTaken"] });
    expect(body.initialValue).toMatchObject({ name: "Ny kommune", orgNumber: spaced(taken), region: "oslo" });
    expect(await countRows(t.db, "organisations")).toBe(before);
  });

  it("lists the standards to choose from", async () => {
    const person = await createPerson(t.db);
    const data = await (await respond(createLoader(await routeArgs("/organisations/new", { cookie: person.cookie })))).json();
    expect(data.standards.map((s: { code: string }) => s.code).sort()).toEqual(["hl7-fhir-r4", "snomed-ct"]);
  });

  it("sends someone with an unconfirmed e-mail address to confirm it first", async () => {
    const person = await createPerson(t.db, { verified: false });
    const response = await create(person, { name: "X" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/verify-email");
  });
});

describe("organisation profile", () => {
  it("lets an admin edit the profile, and refuses bad input without storing it", async () => {
    const admin = await createPerson(t.db);
    const org = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }], { isBuyer: false, isVendor: true });
    const ok = await respond(
      settingsAction(
        await formRequest(
          "/organisation",
          { organisationId: org.id, name: "Nytt navn AS", vendorSize: "medium", cpvAreas: "48180000-3", standards: standardIds[0]!, description: "Om oss" },
          { cookie: admin.cookie },
        ),
      ),
    );
    expect(ok.status).toBe(200);
    const after = await t.db.selectFrom("organisations").selectAll().where("id", "=", org.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ name: "Nytt navn AS", vendorSize: "medium", cpvAreas: ["48180000-3"], description: "Om oss" });

    const bad = await respond(
      settingsAction(await formRequest("/organisation", { organisationId: org.id, name: "", vendorSize: "huge", cpvAreas: "123" }, { cookie: admin.cookie })),
    );
    expect(bad.status).toBe(400);
    expect(await errorsOf(bad)).toEqual({ name: ["required"], vendorSize: ["invalidChoice"], "cpvAreas[0]": ["cpvFormat"] });
    expect(await t.db.selectFrom("organisations").selectAll().where("id", "=", org.id).executeTakeFirstOrThrow()).toEqual(after);
  });

  it("shows members their organisation read-only", async () => {
    const admin = await createPerson(t.db);
    const member = await createPerson(t.db);
    const org = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }, { person: member, role: "member" }]);
    const data = await (await respond(settingsLoader(await routeArgs("/organisation", { cookie: member.cookie })))).json();
    expect(data).toMatchObject({ canEdit: false, organisation: { id: org.id } });
  });
});

describe("first steps and a new review", () => {
  it("lists a new buyer's first steps from what it has done, and hides them once all are done", async () => {
    const admin = await createPerson(t.db);
    const org = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }]);
    const steps = async () => (await (await respond(settingsLoader(await routeArgs("/organisation", { cookie: admin.cookie })))).json()).onboarding;
    expect(await steps()).toEqual([
      { key: "verification", state: "waiting", href: null },
      { key: "contact", state: "todo", href: "/organisation/members" },
      { key: "code", state: "todo", href: "/conduct" },
      { key: "firstEvent", state: "blocked", href: "/events/new" },
    ]);
    await t.db.updateTable("organisations").set({ verificationStatus: "verified", verifiedAt: new Date(), commercialContactUserId: admin.id }).where("id", "=", org.id).execute();
    const current = await t.db.selectFrom("conductVersions").select((eb) => eb.fn.max("number").as("n")).where("publishedAt", "is not", null).executeTakeFirstOrThrow();
    if (current.n !== null) await t.db.insertInto("conductAdoptions").values({ organisationId: org.id, versionNumber: current.n, adoptedBy: admin.id }).execute();
    expect((await steps()).map((s: { key: string; state: string }) => `${s.key}:${s.state}`)).toEqual(["verification:done", "contact:done", "code:done", "firstEvent:todo"]);
    await t.db
      .insertInto("events")
      .values({ buyerId: org.id, kind: "dialogue_meeting", status: "published", publishedAt: new Date(), title: "Første", description: "Første dialogmøte.", effortLevel: "none" })
      .execute();
    expect(await steps()).toBeNull();
  });

  it("shows a rejected buyer the reason and lets its admin ask for a new review, back in the operators' queue", async () => {
    const admin = await createPerson(t.db);
    const member = await createPerson(t.db);
    const org = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }, { person: member, role: "member" }]);
    await t.db.updateTable("organisations").set({ verificationStatus: "rejected", verificationNote: "Fant ikke virksomheten." }).where("id", "=", org.id).execute();
    const page = await (await respond(settingsLoader(await routeArgs("/organisation", { cookie: admin.cookie })))).json();
    expect(page.organisation).toMatchObject({ verificationStatus: "rejected", verificationNote: "Fant ikke virksomheten." });
    expect(page.onboarding[0]).toEqual({ key: "verification", state: "refused", href: null });

    const ask = (who: Person, changes: string) => formRequest("/organisation", { intent: "request-review", organisationId: org.id, changes }, { cookie: who.cookie });
    expect((await respond(settingsAction(await ask(member, "Vi er en kommune.")))).status).toBe(403);
    const blank = await respond(settingsAction(await ask(admin, "  ")));
    expect(blank.status).toBe(400);
    expect((await t.db.selectFrom("organisations").select("verificationStatus").where("id", "=", org.id).executeTakeFirstOrThrow()).verificationStatus).toBe("rejected");

    const asked = await respond(settingsAction(await ask(admin, "Organisasjonsnummeret er rettet.")));
    expect(asked.status).toBe(200);
    expect(await t.db.selectFrom("organisations").select(["verificationStatus", "verificationNote"]).where("id", "=", org.id).executeTakeFirstOrThrow()).toEqual({ verificationStatus: "unverified", verificationNote: null });
    const entry = await t.db.selectFrom("auditLog").selectAll().where("organisationId", "=", org.id).where("action", "=", "verification_review_requested").executeTakeFirstOrThrow();
    expect(entry.details).toEqual({ changes: "Organisasjonsnummeret er rettet.", previousReason: "Fant ikke virksomheten." });

    // Asked once, it is in the queue: asking again is refused until the operators decide.
    const again = await respond(settingsAction(await ask(admin, "Igjen.")));
    expect(again.status).toBe(400);
    expect((await readJson(again)).result.error).toEqual({ "": ["reviewNotOpen"] });
  });
});

describe("members", () => {
  async function team() {
    const admin = await createPerson(t.db, { name: "Ada Admin" });
    const member = await createPerson(t.db, { name: "Mona Medlem" });
    const org = await createOrganisationWith(t.db, [
      { person: admin, role: "admin" },
      { person: member, role: "member" },
    ]);
    return { admin, member, org };
  }
  const post = async (who: Person, fields: Record<string, string>) =>
    respond(membersAction(await formRequest("/organisation/members", fields, { cookie: who.cookie })));

  it("lists members with their roles", async () => {
    const { admin, org } = await team();
    const data = await (await respond(membersLoader(await routeArgs("/organisation/members", { cookie: admin.cookie })))).json();
    expect(data.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ["Ada Admin", "admin"],
      ["Mona Medlem", "member"],
    ]);
    expect(data.organisation.id).toBe(org.id);
  });

  it("lets an admin change a member's role and commercial role, and audits it", async () => {
    const { admin, member, org } = await team();
    const response = await post(admin, { intent: "change", organisationId: org.id, userId: member.id, role: "admin", commercialRole: "commercial_lead" });
    expect(response.status).toBe(200);
    const row = await t.db.selectFrom("memberships").selectAll().where("userId", "=", member.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: "admin", commercialRole: "commercial_lead" });
    const entry = await t.db.selectFrom("auditLog").selectAll().where("organisationId", "=", org.id).where("action", "=", "member_role_changed").executeTakeFirstOrThrow();
    expect(entry.subject).toBe(member.email);
  });

  it("refuses a vendor role on a buyer, and a bad role, storing nothing", async () => {
    const { admin, member, org } = await team();
    const mismatch = await post(admin, { intent: "change", organisationId: org.id, userId: member.id, role: "member", commercialRole: "key_account_manager" });
    expect(mismatch.status).toBe(400);
    expect(await errorsOf(mismatch)).toEqual({ commercialRole: ["commercialRoleMismatch"] });
    const bad = await post(admin, { intent: "change", organisationId: org.id, userId: member.id, role: "owner" });
    expect(bad.status).toBe(400);
    expect(await errorsOf(bad)).toEqual({ role: ["invalidChoice"] });
    const row = await t.db.selectFrom("memberships").selectAll().where("userId", "=", member.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: "member", commercialRole: null });
  });

  it("never demotes or removes the last admin, and the admin cannot leave", async () => {
    const { admin, org } = await team();
    const demote = await post(admin, { intent: "change", organisationId: org.id, userId: admin.id, role: "member" });
    expect(demote.status).toBe(400);
    expect(await errorsOf(demote)).toEqual({ role: ["lastAdmin"] });
    const remove = await post(admin, { intent: "remove", confirm: "yes", organisationId: org.id, userId: admin.id });
    expect(await errorsOf(remove)).toEqual({ "": ["lastAdmin"] });
    const leave = await post(admin, { intent: "leave", confirm: "yes", organisationId: org.id, userId: admin.id });
    expect(leave.status).toBe(400);
    const row = await t.db.selectFrom("memberships").selectAll().where("userId", "=", admin.id).executeTakeFirstOrThrow();
    expect(row.role).toBe("admin");
  });

  it("leaves exactly one admin when two admins demote each other at the same time", async () => {
    const a = await createPerson(t.db);
    const b = await createPerson(t.db);
    const org = await createOrganisationWith(t.db, [
      { person: a, role: "admin" },
      { person: b, role: "admin" },
    ]);
    const results = await Promise.all([
      changeMember(t.db, { organisationId: org.id, userId: a.id, role: "member", commercialRole: null }, { userId: b.id, ip: null }),
      changeMember(t.db, { organisationId: org.id, userId: b.id, role: "member", commercialRole: null }, { userId: a.id, ip: null }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "conflict", problems: [{ path: "role", code: "last_admin" }] }]);
    const admins = await t.db.selectFrom("memberships").select("userId").where("organisationId", "=", org.id).where("role", "=", "admin").execute();
    expect(admins).toHaveLength(1);
  });

  it("lets an admin remove a member, who then no longer acts for the organisation", async () => {
    const { admin, member, org } = await team();
    // Removing is final: without the ticked box it is refused and the member stays.
    const unconfirmed = await post(admin, { intent: "remove", organisationId: org.id, userId: member.id });
    expect(unconfirmed.status).toBe(400);
    expect((await readJson(unconfirmed)).result.error).toEqual({ confirm: ["confirm_required"] });
    expect(await t.db.selectFrom("memberships").select("userId").where("userId", "=", member.id).execute()).toHaveLength(1);
    const response = await post(admin, { intent: "remove", confirm: "yes", organisationId: org.id, userId: member.id });
    expect(response.status).toBe(200);
    expect(await t.db.selectFrom("memberships").selectAll().where("userId", "=", member.id).execute()).toEqual([]);
    const user = await t.db.selectFrom("users").select("activeOrganisationId").where("id", "=", member.id).executeTakeFirstOrThrow();
    expect(user.activeOrganisationId).toBeNull();
    const entry = await t.db.selectFrom("auditLog").selectAll().where("organisationId", "=", org.id).where("action", "=", "member_removed").executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ left: false });
  });

  it("lets a member leave by themselves", async () => {
    const { member, org } = await team();
    const unconfirmed = await post(member, { intent: "leave", confirm: "no", organisationId: org.id, userId: member.id });
    expect(unconfirmed.status).toBe(400);
    expect(await t.db.selectFrom("memberships").select("userId").where("userId", "=", member.id).where("organisationId", "=", org.id).execute()).toHaveLength(1);
    const response = await post(member, { intent: "leave", confirm: "yes", organisationId: org.id, userId: member.id });
    expect(response.status).toBe(302);
    expect(await t.db.selectFrom("memberships").selectAll().where("userId", "=", member.id).where("organisationId", "=", org.id).execute()).toEqual([]);
  });

  it("lets a buyer admin choose the commercial contact point, shown publicly", async () => {
    const { admin, member, org } = await team();
    await post(admin, { intent: "change", organisationId: org.id, userId: member.id, role: "member", commercialRole: "commercial_lead" });
    const response = await post(admin, { intent: "contact", organisationId: org.id, userId: member.id });
    expect(response.status).toBe(200);
    const page = await (await respond(publicLoader(await routeArgs(`/organisations/${org.slug}`, { params: { slug: org.slug } })))).json();
    expect(page.organisation.commercialContact).toEqual({ name: "Mona Medlem", commercialRole: "commercial_lead" });
    const entry = await t.db.selectFrom("auditLog").selectAll().where("organisationId", "=", org.id).where("action", "=", "commercial_contact_changed").executeTakeFirst();
    expect(entry?.subject).toBe(member.email);

    const outsider = await createPerson(t.db);
    const refused = await post(admin, { intent: "contact", organisationId: org.id, userId: outsider.id });
    expect(refused.status).toBe(400);
    expect(await errorsOf(refused)).toEqual({ userId: ["notAMember"] });
  });
});

describe("switching organisation", () => {
  it("switches to another of one's organisations and goes back where the person was, on this site only", async () => {
    const person = await createPerson(t.db);
    const first = await createOrganisationWith(t.db, [{ person, role: "admin" }]);
    await createOrganisationWith(t.db, [{ person, role: "member" }]);
    const response = await respond(switchAction(await formRequest("/organisation/switch", { organisationId: first.id, redirectTo: "//evil.example" }, { cookie: person.cookie })));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/organisation");
    const user = await t.db.selectFrom("users").select("activeOrganisationId").where("id", "=", person.id).executeTakeFirstOrThrow();
    expect(user.activeOrganisationId).toBe(first.id);
  });
});

describe("public pages", () => {
  it("answers 404 for an unknown organisation", async () => {
    const response = await respond(publicLoader(await routeArgs("/organisations/finnes-ikke", { params: { slug: "finnes-ikke" } })));
    expect(response.status).toBe(404);
  });

  it("shows a verified buyer as a verified public body, with sector and region", async () => {
    const admin = await createPerson(t.db);
    const org = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }], { verified: true });
    const page = await (await respond(publicLoader(await routeArgs(`/organisations/${org.slug}`, { params: { slug: org.slug } })))).json();
    expect(page.organisation).toMatchObject({ verificationStatus: "verified", buyerSector: "municipality", region: "vestland", isBuyer: true });
    expect(checkOrgNumber(page.organisation.orgNumber).ok).toBe(true);
    expect(await isVerifiedBuyer(t.db, org.id)).toBe(true);
  });

  it("lists organisations filtered by role, a page at a time", async () => {
    const vendors = await (await respond(listLoader(await routeArgs("/organisations?role=vendor")))).json();
    expect(vendors.organisations.length).toBeGreaterThan(0);
    expect(vendors.organisations.every((o: { isVendor: boolean }) => o.isVendor)).toBe(true);
    const buyers = await (await respond(listLoader(await routeArgs("/organisations?role=buyer&page=1")))).json();
    expect(buyers.organisations.every((o: { isBuyer: boolean }) => o.isBuyer)).toBe(true);
    expect(buyers.page).toBe(1);
  });
});

describe("organisation audit log", () => {
  it("shows an admin their own organisation's events only", async () => {
    const admin = await createPerson(t.db);
    const member = await createPerson(t.db);
    const org = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }, { person: member, role: "member" }]);
    await changeMember(t.db, { organisationId: org.id, userId: member.id, role: "admin", commercialRole: null }, { userId: admin.id, ip: "10.0.0.1" });
    const data = await (await respond(auditLoader(await routeArgs("/organisation/audit", { cookie: admin.cookie })))).json();
    expect(data.rows.map((r: { action: string }) => r.action)).toEqual(["member_role_changed"]);
  });
});

// ------------------------------------------------------------------ who may do what

const org = (w: World) => w.organisation.id;
const members = (fields: (w: World) => Record<string, string>) => async (w: World, cookie?: string) =>
  formRequest("/organisation/members", { organisationId: org(w), ...fields(w) }, { cookie });

describe("authorization", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /organisations/new",
      call: createLoader,
      request: (_w, cookie) => routeArgs("/organisations/new", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /organisations/new",
      call: createAction,
      request: (_w, cookie) =>
        formRequest(
          "/organisations/new",
          { name: `Matrise ${randomUUID()}`, kinds: "vendor", registration: "norwegian", orgNumber: nextOrgNumber(), vendorSize: "small" },
          { cookie },
        ),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      // The outsider sees their own organisation: nothing of A.
      route: "GET /organisation",
      call: settingsLoader,
      request: (_w, cookie) => routeArgs("/organisation", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "POST /organisation (edit profile of A)",
      call: settingsAction,
      request: (w, cookie) =>
        formRequest("/organisation", { organisationId: org(w), name: w.organisation.name, buyerSector: "municipality", region: "vestland" }, { cookie }),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
    {
      route: "POST /organisation intent=request-review (A rejected)",
      call: settingsAction,
      request: async (w, cookie) => {
        await t.db.updateTable("organisations").set({ verificationStatus: "rejected", verificationNote: "Ukjent." }).where("id", "=", org(w)).execute();
        return formRequest("/organisation", { intent: "request-review", organisationId: org(w), changes: "Rettet." }, { cookie });
      },
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
    {
      route: "GET /organisation/members",
      call: membersLoader,
      request: (_w, cookie) => routeArgs("/organisation/members", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "POST /organisation/members intent=change",
      call: membersAction,
      request: members((w) => ({ intent: "change", userId: w.people.member.id, role: "member" })),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
    {
      route: "POST /organisation/members intent=remove",
      call: membersAction,
      request: async (w, cookie) => {
        const leaving = await createPerson(t.db);
        await t.db.insertInto("memberships").values({ userId: leaving.id, organisationId: org(w), role: "member", commercialRole: null }).execute();
        return formRequest("/organisation/members", { organisationId: org(w), intent: "remove", confirm: "yes", userId: leaving.id }, { cookie });
      },
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
    {
      route: "POST /organisation/members intent=contact",
      call: membersAction,
      request: members((w) => ({ intent: "contact", userId: w.people.admin.id })),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
    {
      route: "POST /organisation/members intent=invite",
      call: membersAction,
      request: members(() => ({ intent: "invite", email: `new-${randomUUID()}@example.test`, role: "member" })),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
    {
      route: "POST /organisation/members intent=revoke",
      call: membersAction,
      request: members(() => ({ intent: "revoke", invitationId: randomUUID() })),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
    {
      // Runs member before admin: both may leave (A has two admins).
      route: "POST /organisation/members intent=leave",
      call: membersAction,
      request: async (w, cookie) => {
        const me = Object.values(w.people).find((p) => p.cookie === cookie);
        return formRequest("/organisation/members", { organisationId: org(w), intent: "leave", confirm: "yes", userId: me?.id ?? randomUUID() }, { cookie });
      },
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "POST /organisation/switch (to A)",
      call: switchAction,
      request: (w, cookie) => formRequest("/organisation/switch", { organisationId: org(w), redirectTo: "/organisation" }, { cookie }),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "GET /organisation/audit",
      call: auditLoader,
      request: (_w, cookie) => routeArgs("/organisation/audit", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: "ok", operator: "register" },
    },
    {
      route: "GET /organisations/<slug> (public)",
      call: publicLoader,
      request: (w, cookie) => routeArgs(`/organisations/${w.organisation.slug}`, { cookie, params: { slug: w.organisation.slug } }),
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
  ]);

  it("never shows an outsider organisation A through the pages for the active organisation", async () => {
    const world = await createWorld(t.db);
    for (const [path, loader] of [
      ["/organisation", settingsLoader],
      ["/organisation/members", membersLoader],
      ["/organisation/audit", auditLoader],
    ] as const) {
      const text = await (await respond(loader(await routeArgs(path, { cookie: world.people.outsider.cookie })))).text();
      expect(text, path).not.toContain(world.organisation.id);
    }
  });
});
