import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { CLAUSE_GROUNDS } from "~/domain/conduct";
import { adoptionPrompt, getAdoption, getCurrentVersion, getVersion } from "~/models/conduct.server";
import { action as conductAction, loader as conductLoader } from "~/routes/conduct._index";
import { loader as versionLoader } from "~/routes/conduct.versions.$number";
import { action as draftAction, loader as draftLoader } from "~/routes/admin.conduct";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { addMember, createOrganisation } from "../fixtures/organisations";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { createUser, signIn } from "../fixtures/users";

const t = setupTestDatabase();

describe("the code of conduct for market dialogue", () => {
  it("ships version 1 with numbered clauses in bokmål and English, each on a known ground", async () => {
    const version = await getCurrentVersion(t.db);
    expect(version?.number).toBe(1);
    expect(version!.clauses.length).toBeGreaterThanOrEqual(11);
    expect(version!.clauses.map((c) => c.number)).toEqual(version!.clauses.map((_, i) => i + 1));
    // Every principle and topic has at least one clause.
    expect(new Set(version!.clauses.map((c) => c.principle))).toEqual(new Set(CLAUSE_GROUNDS));
    for (const c of version!.clauses) for (const text of [c.titleNb, c.titleEn, c.textNb, c.textEn]) expect(text.trim()).not.toBe("");
  });

  it("agrees with the domain's list of grounds", async () => {
    const row = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'conduct_clauses_principle_check'`.execute(t.db);
    for (const ground of CLAUSE_GROUNDS) expect(row.rows[0]!.def).toContain(`'${ground}'`);
  });

  it("shows the current version to anyone", async () => {
    const body = await readJson(await conductLoader(await routeArgs("/conduct")));
    expect(body.version.number).toBe(1);
    expect(body.organisation).toBeNull();
  });

  it("refuses to change the words of a published version", async () => {
    await expect(sql`update conduct_clauses set text_nb = 'Endret' where version_number = 1 and number = 1`.execute(t.db)).rejects.toThrow(/published/);
    await expect(sql`delete from conduct_versions where number = 1`.execute(t.db)).rejects.toThrow(/published/);
  });
});

describe("adoption", () => {
  it("lets an organisation's admin adopt the current version, once, and records who and when", async () => {
    const org = await createOrganisation(t.db, { name: "Fjordvik kommune", kind: "buyer" });
    const admin = await createUser(t.db, { name: "Ada Admin" });
    await addMember(t.db, admin.id, org.id, "admin");
    const cookie = await signIn(admin.id);

    const before = await readJson(await conductLoader(await routeArgs("/conduct", { cookie })));
    expect(before.organisation).toMatchObject({ isAdmin: true, canAdopt: true, adoption: null });

    for (let i = 0; i < 2; i++) {
      const response = await respond(conductAction(await formRequest("/conduct", { intent: "adopt", versionNumber: "1" }, { cookie })));
      expect(response.status).toBe(302);
    }
    const rows = await t.db.selectFrom("conductAdoptions").selectAll().where("organisationId", "=", org.id).execute();
    expect(rows).toHaveLength(1);
    const adoption = await getAdoption(t.db, org.id);
    expect(adoption).toMatchObject({ versionNumber: 1, adoptedByName: "Ada Admin", outdated: false });
    expect(adoption!.adoptedAt).toBeInstanceOf(Date);
  });

  it("does not let a member who is not an admin adopt", async () => {
    const org = await createOrganisation(t.db, { name: "Nordlys Test AS", kind: "vendor" });
    const member = await createUser(t.db);
    await addMember(t.db, member.id, org.id, "member");
    const response = await respond(conductAction(await formRequest("/conduct", { intent: "adopt", versionNumber: "1" }, { cookie: await signIn(member.id) })));
    expect(response.status).toBe(403);
    expect(await getAdoption(t.db, org.id)).toBeNull();
  });

  it("sends anonymous visitors who try to adopt to log in", async () => {
    const response = await respond(conductAction(await formRequest("/conduct", { intent: "adopt", versionNumber: "1" })));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("publishing a new version", () => {
  it("is for operators only", async () => {
    const user = await createUser(t.db);
    const org = await createOrganisation(t.db, { name: "Ikke Operatør AS", kind: "vendor" });
    await addMember(t.db, user.id, org.id, "admin");
    const cookie = await signIn(user.id);
    expect((await respond(draftLoader(await routeArgs("/admin/conduct", { cookie })))).status).toBe(403);
    expect((await respond(draftAction(await formRequest("/admin/conduct", { intent: "create" }, { cookie })))).status).toBe(403);
  });

  it("drafts from the current version, edits clauses, shows the differences, publishes, and asks adopters to re-adopt", async () => {
    const org = await createOrganisation(t.db, { name: "Adopterte HF", kind: "buyer" });
    const orgAdmin = await createUser(t.db, { email: "admin@adopterte.no" });
    await addMember(t.db, orgAdmin.id, org.id, "admin");
    await conductAction(await formRequest("/conduct", { intent: "adopt", versionNumber: "1" }, { cookie: await signIn(orgAdmin.id) })).catch(() => null);

    const operator = await createUser(t.db, { operator: true });
    const cookie = await signIn(operator.id);
    await respond(draftAction(await formRequest("/admin/conduct", { intent: "create" }, { cookie })));
    const v1 = (await getVersion(t.db, 1))!;
    const draft = (await getVersion(t.db, 2, { includeDraft: true }))!;
    expect(draft.publishedAt).toBeNull();
    expect(draft.clauses).toEqual(v1.clauses);

    // A draft is not public.
    expect((await respond(versionLoader(await routeArgs("/conduct/versions/2", { params: { number: "2" } })))).status).toBe(404);

    const first = v1.clauses[0]!;
    const bad = await draftAction(await formRequest("/admin/conduct", { intent: "save-clause", formNumber: "1", number: "1", principle: "nonsense", titleNb: "", titleEn: "x", textNb: "x", textEn: "x" }, { cookie }));
    expect((bad as Response).status).toBe(400);
    expect((await readJson(bad as Response)).result.error).toMatchObject({ principle: ["invalid_choice"], titleNb: ["required"] });

    await respond(
      draftAction(
        await formRequest("/admin/conduct", { intent: "save-clause", formNumber: "1", ...clauseFields({ ...first, textNb: `${first.textNb} Svar gis innen ti virkedager.` }) }, { cookie }),
      ),
    );
    const taken = await draftAction(await formRequest("/admin/conduct", { intent: "save-clause", formNumber: "new", ...clauseFields({ ...first, number: 3 }) }, { cookie }));
    expect((taken as Response).status).toBe(400);
    expect((await readJson(taken as Response)).result.error).toEqual({ number: ["conduct_clause_number_taken"] });
    await respond(draftAction(await formRequest("/admin/conduct", { intent: "remove-clause", number: "2" }, { cookie })));
    await respond(
      draftAction(
        await formRequest("/admin/conduct", { intent: "save-clause", formNumber: "new", number: "20", principle: "quiet_period", titleNb: "Ny", titleEn: "New", textNb: "Ny tekst.", textEn: "New text." }, { cookie }),
      ),
    );

    // Publishing needs a summary in both languages.
    const refused = await draftAction(await formRequest("/admin/conduct", { intent: "publish", confirm: "yes" }, { cookie }));
    expect((refused as Response).status).toBe(400);
    expect((await readJson(refused as Response)).problem).toBe("no_summary");
    await draftAction(await formRequest("/admin/conduct", { intent: "save-summary", summaryNb: "Svarfrist og karenstid.", summaryEn: "Reply time and quiet period." }, { cookie }));
    const unconfirmed = await draftAction(await formRequest("/admin/conduct", { intent: "publish" }, { cookie }));
    expect((unconfirmed as Response).status).toBe(400);
    expect((await readJson(unconfirmed as Response)).problem).toBe("confirm_required");
    expect(await t.db.selectFrom("conductVersions").select("number").where("publishedAt", "is not", null).where("number", "=", 2).execute()).toEqual([]);
    const published = await respond(draftAction(await formRequest("/admin/conduct", { intent: "publish", confirm: "yes" }, { cookie })));
    expect(published.headers.get("Location")).toBe("/conduct/versions/2");

    const page = await readJson(await versionLoader(await routeArgs("/conduct/versions/2", { params: { number: "2" } })));
    expect(page.changes.map((c: { kind: string; number: number }) => [c.kind, c.number])).toEqual([
      ["changed", 1],
      ["removed", 2],
      ["added", 20],
    ]);
    expect(page.changes[0].textNb.filter((p: { kind: string }) => p.kind === "added").map((p: { text: string }) => p.text).join("")).toContain("ti virkedager.");

    const mail = await t.db.selectFrom("outbox").selectAll().where("toAddress", "=", "admin@adopterte.no").where("template", "=", "code-version-published").executeTakeFirst();
    expect(mail).toBeDefined();
    const adoption = await getAdoption(t.db, org.id);
    expect(adoption).toMatchObject({ versionNumber: 1, currentVersion: 2, outdated: true });
    expect(await adoptionPrompt(t.db, { organisation: { id: org.id }, membership: { role: "admin" } })).toEqual({ currentVersion: 2, adoptedVersion: 1 });
    expect(await adoptionPrompt(t.db, { organisation: { id: org.id }, membership: { role: "member" } })).toBeNull();
  });
});

function clauseFields(c: { number: number; principle: string; titleNb: string; titleEn: string; textNb: string; textEn: string }) {
  return { number: String(c.number), principle: c.principle, titleNb: c.titleNb, titleEn: c.titleEn, textNb: c.textNb, textEn: c.textEn };
}
