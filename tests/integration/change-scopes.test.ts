import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { changeEpoch, DEMAND_TABLES, listenForChanges } from "@db/coordination";
import { publicPagesVersion } from "~/http/public-page-cache.server";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson } from "../fixtures/people";

const t = setupTestDatabase();

// What a change empties (migration 0077, issue 20): a change to what the demand pages show
// moves both epochs, a change the scorecards alone count (an interaction, a registration)
// moves only the scorecards' one, so it no longer empties /demand for everyone.
describe("change scopes", () => {
  it(`tell a demand change from a scorecard-only change (${process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite"})`, async () => {
    const stop = await listenForChanges(t.handle);
    try {
      // A statement-level trigger fires for a statement that touches no row, too.
      const settle = async () => {
        await t.db.selectFrom("users").select("id").limit(1).execute();
        await new Promise((resolve) => setTimeout(resolve, 300));
      };
      await settle();
      let all = changeEpoch("all");
      let demand = changeEpoch("demand");
      await sql`update registrations set id = id where false`.execute(t.db);
      await sql`update event_questions set id = id where false`.execute(t.db);
      await expect.poll(() => changeEpoch("all"), { timeout: 5_000 }).toBeGreaterThanOrEqual(all + 2);
      await settle();
      expect(changeEpoch("demand")).toBe(demand);

      for (const table of ["events", "consultations", "organisations"]) {
        all = changeEpoch("all");
        demand = changeEpoch("demand");
        await sql`update ${sql.table(table)} set id = id where false`.execute(t.db);
        await expect.poll(() => changeEpoch("demand"), { timeout: 5_000 }).toBeGreaterThan(demand);
        expect(changeEpoch("all")).toBeGreaterThan(all);
      }
    } finally {
      await stop();
    }
  });

  it("the demand tables are exactly those that move public_pages_version, and each of them notifies", async () => {
    const triggers = await sql<{ table: string; name: string }>`
      select c.relname as table, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal or t.tgname like '%_public_pages_version'`.execute(t.db);
    const versioned = triggers.rows.filter((r) => r.name === `${r.table}_public_pages_version`).map((r) => r.table);
    const notifying = triggers.rows.filter((r) => r.name === `${r.table}_notify_change`).map((r) => r.table);
    expect([...versioned].sort()).toEqual([...DEMAND_TABLES].sort());
    for (const table of DEMAND_TABLES) expect(notifying, table).toContain(table);
  });

  it("a consultation published or changed moves public_pages_version (it is on /demand since issue 18)", async () => {
    const admin = await createPerson(t.db);
    const organiser = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }], { verified: true });
    const before = await publicPagesVersion(t.db);
    const { id } = await t.db
      .insertInto("consultations")
      .values({ organiserId: organiser.id, caseNumber: "26/77", title: "Veikart for bildedeling", summary: "Innspill, takk.", subject: "standards_roadmap", questions: ["Er tidsplanen realistisk?"], deadline: new Date(Date.now() + 20 * 86_400_000), effortLevel: "light", hoursPerResponder: 2, targetSectors: [] })
      .returning("id")
      .executeTakeFirstOrThrow();
    const afterInsert = await publicPagesVersion(t.db);
    expect(afterInsert).not.toBe(before);
    await t.db.updateTable("consultations").set({ title: "Veikart for bildedeling, utvidet" }).where("id", "=", id).execute();
    expect(await publicPagesVersion(t.db)).not.toBe(afterInsert);
  });
});
