import { sql } from "kysely";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { migrateToLatest, migrator } from "@db/migrate";

// Migration 0013 on a database that already holds a published loophole row: the row stays,
// the rule it breaks is checked from its next change on, and the others are validated.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = openDatabase({ dataDir: "memory" });
  const before = await migrator(handle.db).migrateTo("2026-11-24-0012-demand-performance");
  expect(before.error).toBeUndefined();
  // A new in-memory cluster (initdb) and twelve migrations: seconds alone, more beside the other workers.
}, 180_000);
afterAll(async () => {
  await handle.close();
});

it("keeps an old published row that breaks a new rule, and refuses its next change unless it mends it", async () => {
  const db = handle.db;
  const buyer = await sql<{ id: string }>`insert into organisations (slug, name, org_number, is_buyer, buyer_sector)
    values ('gamleby-kommune', 'Gamleby kommune', '944100125', true, 'municipality') returning id`.execute(db);
  const event = await sql<{ id: string }>`insert into events (buyer_id, kind, title, status, published_at, effort_level,
      expectation_status, budget_min_nok, budget_max_nok, funding_source, expected_value_nok, expected_tender_quarter)
    values (${buyer.rows[0]!.id}, 'rfi', 'Gammel', 'published', now(), 'none', 'committed', 0, 0, ${"\u200b"}, 0, '2001-Q1')
    returning id`.execute(db);
  const id = event.rows[0]!.id;

  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  await migrateToLatest(db);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining("events_declared_budget_above_zero"));
  warn.mockRestore();

  const unvalidated = await sql<{ conname: string }>`select conname from pg_constraint where not convalidated order by conname`.execute(db);
  expect(unvalidated.rows.map((r) => r.conname)).toEqual([
    "events_declared_budget_above_zero",
    "events_expected_value_within_budget",
    "events_expected_volume_above_zero",
    "events_funding_source_visible",
  ]);
  expect((await sql`select id from events where id = ${id}`.execute(db)).rows).toHaveLength(1);
  await expect(sql`update events set title = 'Endret' where id = ${id}`.execute(db)).rejects.toThrow(/events_declared_budget_above_zero/);
  await expect(
    sql`update events set budget_max_nok = 100, expected_value_nok = 50, funding_source = 'Driftsbudsjett' where id = ${id}`.execute(db),
  ).resolves.toBeDefined();
});
