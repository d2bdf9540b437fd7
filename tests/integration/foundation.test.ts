import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrator } from "@db/migrate";
import { seedDemoData } from "@db/seed/demo";
import { DEMO_PASSWORD, SEED_ORGANISATIONS, SEED_STANDARDS } from "@db/seed/demo-data";
import { verifyPassword } from "~/auth/password.server";
import { checkOrgNumber } from "~/domain/org-number";
import { loader as healthz } from "~/routes/healthz";
import { loader as home } from "~/routes/_index";
import { action as switchLanguage } from "~/routes/language";
import { setupTestDatabase } from "../fixtures/database";
import { formRequest, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

describe("database foundation", () => {
  it("has applied every migration", async () => {
    const migrations = await migrator(t.db).getMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.every((m) => m.executedAt instanceof Date)).toBe(true);
  });

  it("returns money as numbers and calendar dates as text on both drivers", async () => {
    const row = await sql<{ big: number; day: string; at: Date }>`
      select 9007199254740991::int8 as big, date '2027-03-01' as day, timestamptz '2027-03-01 10:00+01' as at
    `.execute(t.db);
    expect(row.rows[0]).toEqual({ big: 9007199254740991, day: "2027-03-01", at: new Date("2027-03-01T09:00:00Z") });
  });

  it("seeds demo data once, however often it runs", async () => {
    const now = new Date("2026-11-24T12:00:00Z");
    await seedDemoData(t.db, now);
    const count = async () =>
      Promise.all(
        (["organisations", "users", "memberships", "standards", "events", "eventStandards"] as const).map(async (table) => {
          const r = await t.db.selectFrom(table).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
          return r.n;
        }),
      );
    const first = await count();
    await seedDemoData(t.db, now);
    expect(await count()).toEqual(first);
    expect(first[0]).toBe(SEED_ORGANISATIONS.length);
    expect(first[3]).toBe(SEED_STANDARDS.length);
  });

  it("seeds valid organisation numbers, a Swedish vendor and working demo logins", async () => {
    const orgs = await t.db.selectFrom("organisations").selectAll().execute();
    for (const o of orgs.filter((o) => o.country === "NO")) expect(checkOrgNumber(o.orgNumber ?? "").ok, o.name).toBe(true);
    expect(orgs.some((o) => o.country === "SE" && o.isVendor)).toBe(true);
    const sectors = new Set(orgs.filter((o) => o.isBuyer).map((o) => o.buyerSector));
    expect(sectors).toEqual(new Set(["municipality", "health_trust", "regional_health_authority", "state_agency"]));

    for (const email of ["buyer@demo.test", "vendor@demo.test", "admin@demo.test"]) {
      const user = await t.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
      expect(await verifyPassword(user.passwordHash!, DEMO_PASSWORD)).toBe(true);
    }
  });
});

describe("demo conduct data", () => {
  it("has adoptions and interaction entries whose hash chains verify, once", async () => {
    const { verifyAllChains } = await import("~/models/interaction-chain.server");
    const entries = await t.db.selectFrom("interactionEntries").select("id").execute();
    expect(entries).toHaveLength(2);
    const adoptions = await t.db.selectFrom("conductAdoptions").select("organisationId").execute();
    expect(adoptions.length).toBe(4);
    const verdicts = await verifyAllChains(t.db);
    expect(verdicts.map((v) => [v.slug, v.verdict.ok])).toEqual(
      expect.arrayContaining([
        ["bergvik-kommune", true],
        ["journalverket-as", true],
        ["nordlys-helse-as", true],
      ]),
    );
    expect(verdicts.every((v) => v.verdict.ok)).toBe(true);
  });
});

describe("public pages", () => {
  it("/healthz answers ok after asking the database", async () => {
    const response = await healthz();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: t.kind });
  });

  it("the home page lists open published events with their expectation, never drafts", async () => {
    const response = await home(await routeArgs("/"));
    const data = await response.json();
    expect(data.events.length).toBeGreaterThan(0);
    expect(data.events.some((e: { title: string }) => e.title.includes("(utkast)"))).toBe(false);
    const rfi = data.events.find((e: { kind: string; title: string }) => e.kind === "rfi" && e.title.startsWith("Digital hjemmeoppfølging"));
    expect(rfi).toMatchObject({ expectationStatus: "planned", budgetMinNok: 4_000_000, budgetMaxNok: 6_000_000 });
    expect(data.figures.buyers).toBe(SEED_ORGANISATIONS.filter((o) => o.isBuyer).length);
    expect(data.title).toContain("Markedsdialog i helse og omsorg");
  });

  it("the home page speaks English when the language cookie says so", async () => {
    const response = await home(await routeArgs("/", { headers: { Cookie: `lng=${encodeURIComponent(btoa(JSON.stringify("en")))}` } }));
    expect((await response.json()).title).toContain("Market dialogue in health and care");
  });

  it("switching language sets the cookie and returns to the same page only", async () => {
    const ok = await switchLanguage(await formRequest("/language", { language: "en", redirectTo: "/accessibility" }));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/accessibility");
    expect(ok.headers.get("Set-Cookie")).toMatch(/^lng=/);

    const offsite = await switchLanguage(await formRequest("/language", { language: "en", redirectTo: "//evil.example" }));
    expect(offsite.headers.get("Location")).toBe("/");
  });
});
