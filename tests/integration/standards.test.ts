import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { standardsRoadmap } from "~/models/standards.server";
import { loader } from "~/routes/standards._index/route";
import { setupTestDatabase } from "../fixtures/database";
import { readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();
beforeAll(() => seedDemoData(t.db));

describe("the standards roadmap", () => {
  it("lists every standard in the catalogue with the number of published events naming it", async () => {
    const roadmap = await standardsRoadmap(t.db);
    const catalogue = await t.db.selectFrom("standards").select("code").execute();
    expect(roadmap.map((s) => s.code).sort()).toEqual(catalogue.map((s) => s.code).sort());

    const fhir = roadmap.find((s) => s.code === "hl7-fhir-r4")!;
    const naming = await t.db
      .selectFrom("eventStandards")
      .innerJoin("events", "events.id", "eventStandards.eventId")
      .innerJoin("standards", "standards.id", "eventStandards.standardId")
      .select("events.id")
      .where("standards.code", "=", "hl7-fhir-r4")
      .where("events.status", "=", "published")
      .execute();
    expect(fhir.openEvents).toBe(naming.length);
    expect(fhir.openEvents).toBeGreaterThanOrEqual(3);
  });

  it("says which buyers require a standard from when, required before planned, earliest first", async () => {
    const fhir = (await standardsRoadmap(t.db)).find((s) => s.code === "hl7-fhir-r4")!;
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(fhir.buyers).toEqual(
      expect.arrayContaining([
        { buyerName: "Bergvik kommune", buyerSlug: "bergvik-kommune", level: "required", from: `${nextYear}-01-01`, events: 1 },
        { buyerName: "Helse Midtnord RHF", buyerSlug: "helse-midtnord-rhf", level: "required", from: `${nextYear + 1}-01-01`, events: 1 },
      ]),
    );
    const froms = fhir.buyers.filter((b) => b.level === "required").map((b) => b.from ?? "9999");
    expect(froms).toEqual([...froms].sort());
  });

  it("counts only published events: a draft's standards are not shown", async () => {
    const before = (await standardsRoadmap(t.db)).find((s) => s.code === "openehr")!;
    const buyer = await t.db.selectFrom("organisations").select("id").where("slug", "=", "nordre-lia-kommune").executeTakeFirstOrThrow();
    const standard = await t.db.selectFrom("standards").select("id").where("code", "=", "openehr").executeTakeFirstOrThrow();
    const draft = await t.db
      .insertInto("events")
      .values({ buyerId: buyer.id, kind: "dialogue_meeting", title: "Utkast om strukturert journal", description: "" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("eventStandards").values({ eventId: draft.id, standardId: standard.id, level: "required", appliesFrom: "2028-01-01" }).execute();

    const after = (await standardsRoadmap(t.db)).find((s) => s.code === "openehr")!;
    expect(after).toEqual(before);
    expect(after.buyers.map((b) => b.buyerSlug)).not.toContain("nordre-lia-kommune");
  });

  it("is public", async () => {
    const data = await readJson(await loader(await routeArgs("/standards")));
    expect(data.standards.length).toBeGreaterThan(10);
  });
});
