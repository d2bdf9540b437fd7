import { describe, expect, it } from "vitest";
import { changeEpoch, listenForChanges } from "@db/coordination";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson } from "../fixtures/people";

const t = setupTestDatabase();

// The scorecard cache keeps figures for minutes and forgets them when the change epoch moves
// (ADR 0011, ADR 0026). On the embedded database nothing moved it, so a buyer who recorded an
// outcome saw the old figures for up to five minutes (found in the issue 15 work, 7 December).
describe("committed changes move the change epoch", () => {
  it(`is heard on this database (${process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite"}) at commit, not before, and not after a rollback`, async () => {
    const person = await createPerson(t.db);
    const organisation = await createOrganisationWith(t.db, [{ person, role: "admin" }], { isBuyer: true, isVendor: false });
    const stop = await listenForChanges(t.handle);
    try {
      const before = changeEpoch();
      await t.db.transaction().execute(async (trx) => {
        await trx.updateTable("organisations").set({ name: "Nytt navn kommune" }).where("id", "=", organisation.id).execute();
        expect(changeEpoch()).toBe(before);
      });
      await expect.poll(() => changeEpoch(), { timeout: 5_000 }).toBeGreaterThan(before);

      const settled = changeEpoch();
      await t.db
        .transaction()
        .execute(async (trx) => {
          await trx.updateTable("organisations").set({ name: "Angret kommune" }).where("id", "=", organisation.id).execute();
          throw new Error("roll back");
        })
        .catch(() => {});
      // A statement that touches no watched table, then a look: the rolled-back change sent nothing.
      await t.db.selectFrom("users").select("id").limit(1).execute();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(changeEpoch()).toBe(settled);
    } finally {
      await stop();
    }
  });
});
