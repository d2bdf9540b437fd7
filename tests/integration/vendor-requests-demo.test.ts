import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { getVendorRequest, vendorRequestFiguresForBuyer } from "~/models/vendor-requests.server";
import { setupTestDatabase } from "../fixtures/database";

const t = setupTestDatabase();
// The whole demo takes a while on a loaded machine.
beforeAll(() => seedDemoData(t.db), 300_000);

const orgOf = (slug: string) => t.db.selectFrom("organisations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow().then((o) => o.id);

describe("the demo's request from a vendor", () => {
  it("went to Bergvik kommune, was referred once and then answered, and the vendor sees every step", async () => {
    const [bergvik, nordlys] = await Promise.all([orgOf("bergvik-kommune"), orgOf("nordlys-helse-as")]);
    const row = await t.db.selectFrom("vendorRequests").select(["id", "status", "referrals"]).where("buyerId", "=", bergvik).where("vendorId", "=", nordlys).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "answered", referrals: 1 });
    const seen = await getVendorRequest(t.db, row.id, nordlys);
    expect(seen?.steps.map((s) => s.kind)).toEqual(["sent", "assigned", "referred_person", "answered"]);
    expect(seen?.steps[2]?.reason).toMatch(/velferdsteknologiprosjektet/);
  });

  it("is on Bergvik's scorecard figures, and Journalverket (kam@demo.test's organisation) cannot see it", async () => {
    const [bergvik, journalverket] = await Promise.all([orgOf("bergvik-kommune"), orgOf("journalverket-as")]);
    const figures = await vendorRequestFiguresForBuyer(t.db, bergvik);
    expect(figures.medianDaysToFirstAnswer).toBe(6);
    expect(figures.withinDueDate).toEqual({ answered: 1, of: 1 });
    const row = await t.db.selectFrom("vendorRequests").select("id").where("buyerId", "=", bergvik).executeTakeFirstOrThrow();
    expect(await getVendorRequest(t.db, row.id, journalverket)).toBeNull();
  });
});
