import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { migrateToLatest, migrator } from "@db/migrate";
import { getEvent } from "~/models/event-reads.server";

// Migration 0045 on a database that already holds events advised by the old table (issue 19):
// a draft simply takes the new advice; a published or closed event keeps the advice vendors
// were shown and gets the revised advice beside it, dated; an event the new table agrees with
// is left alone.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = openDatabase({ dataDir: "memory" });
  const before = await migrator(handle.db).migrateTo("2026-12-06-0044-pilot-funding");
  expect(before.error).toBeUndefined();
}, 180_000);
afterAll(async () => {
  await handle.close();
});

it("marks published events whose advice changes as revised, keeps what they were shown, and updates drafts", async () => {
  const db = handle.db;
  const buyer = await sql<{ id: string }>`insert into organisations (slug, name, org_number, is_buyer, buyer_sector)
    values ('gamleby-kommune', 'Gamleby kommune', '944100125', true, 'municipality') returning id`.execute(db);
  const buyerId = buyer.rows[0]!.id;
  const insert = async (status: string, risk: string, need: string, advice: string, form: string | null, reason: string | null = null) =>
    (
      await sql<{ id: string }>`insert into events (buyer_id, kind, title, status, published_at, closed_at, effort_level,
          sourcing_risk, sourcing_need, sourcing_advice, contract_form, sourcing_reason)
        values (${buyerId}, 'dialogue_meeting', 'Gammel', ${status}, ${status === "draft" ? null : new Date()}, ${status === "closed" ? new Date() : null},
          'none', ${risk}, ${need}, ${advice}, ${form}, ${reason}) returning id`.execute(db)
    ).rows[0]!.id;
  const inHouseAtMediumRisk = await insert("published", "medium", "none", "in_house", "in_house");
  const marketAtLowRisk = await insert("published", "low", "lasting", "market_contract", "framework_agreement");
  const closedNotCovered = await insert("closed", "high", "temporary", "not_covered", null, "Vi trenger hjelp i ett år.");
  const draft = await insert("draft", "medium", "temporary", "market_contract", null);

  await migrateToLatest(db);

  const rows = await sql<{ id: string; advice: string; revised: string | null; at: Date | null }>`
    select id, sourcing_advice as advice, sourcing_revised_advice as revised, sourcing_revised_at as at from events`.execute(db);
  const byId = Object.fromEntries(rows.rows.map((r) => [r.id, r]));
  expect(byId[inHouseAtMediumRisk]).toMatchObject({ advice: "in_house", revised: "market_contract" });
  expect(byId[inHouseAtMediumRisk]!.at).toBeInstanceOf(Date);
  expect(byId[closedNotCovered]).toMatchObject({ advice: "not_covered", revised: "in_house" });
  expect(byId[marketAtLowRisk]).toMatchObject({ advice: "market_contract", revised: null, at: null });
  expect(byId[draft]).toMatchObject({ advice: "hybrid_relational", revised: null, at: null });
  const unvalidated = await sql<{ conname: string }>`select conname from pg_constraint where conname like 'events_sourcing%' and not convalidated`.execute(db);
  expect(unvalidated.rows).toEqual([]);

  // The event page and the API read what vendors were shown, and the revision.
  const shown = await getEvent(db, inHouseAtMediumRisk, null);
  expect(shown?.sourcing?.advice).toBe("in_house");
  expect(shown?.sourcingRevision).toMatchObject({ shownAdvice: "in_house", revisedAdvice: "market_contract" });
  expect((await getEvent(db, marketAtLowRisk, null))?.sourcingRevision).toBeNull();

  // A revision cannot claim another advice than the table's, nor go undated.
  await expect(sql`update events set sourcing_revised_advice = 'hybrid_relational' where id = ${inHouseAtMediumRisk}`.execute(db)).rejects.toThrow(
    /events_sourcing_advice_follows_rule/,
  );
  await expect(sql`update events set sourcing_revised_at = null where id = ${inHouseAtMediumRisk}`.execute(db)).rejects.toThrow(/events_sourcing_revision_dated/);
  // A new answer takes the new advice and is no longer a revision.
  await expect(
    sql`update events set sourcing_need = 'lasting', sourcing_advice = 'hybrid_relational', sourcing_revised_advice = null, sourcing_revised_at = null,
      contract_form = 'relational_contract' where id = ${inHouseAtMediumRisk}`.execute(db),
  ).resolves.toBeDefined();
  // A new published row with the old table's in-house advice at medium risk is refused.
  await expect(insert("published", "medium", "none", "in_house", null)).rejects.toThrow(/events_sourcing_advice_follows_rule/);
});
