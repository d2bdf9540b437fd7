import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { migrateToLatest, migrator } from "@db/migrate";

// Migration 0042 on a database that already holds published events (ADR 0020): what was published
// before the rule is grandfathered, not given terms or an undertaking nobody declared; it stays
// readable and changeable. A draft from before publishes only with terms and the undertaking.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = openDatabase({ dataDir: "memory" });
  const before = await migrator(handle.db).migrateTo("2026-12-05-0039-final-answers");
  expect(before.error).toBeUndefined();
}, 180_000);
afterAll(async () => {
  await handle.close();
});

it("grandfathers events published before IP terms were required, and holds every later publish to the rule", async () => {
  const db = handle.db;
  const buyer = await sql<{ id: string }>`insert into organisations (slug, name, org_number, is_buyer, buyer_sector)
    values ('gamleby-kommune', 'Gamleby kommune', '944100125', true, 'municipality') returning id`.execute(db);
  const buyerId = buyer.rows[0]!.id;
  const insert = async (kind: string, status: string) =>
    (
      await sql<{ id: string }>`insert into events (buyer_id, kind, title, status, published_at, effort_level)
        values (${buyerId}, ${kind}, 'Gammel', ${status}, ${status === "draft" ? null : new Date()}, 'none') returning id`.execute(db)
    ).rows[0]!.id;
  const oldRfi = await insert("rfi", "published");
  const oldMeeting = await insert("dialogue_meeting", "published");
  const oldDraft = await insert("rfi", "draft");

  await migrateToLatest(db);

  const rows = await sql<{ id: string; grandfathered: boolean }>`select id, ip_terms_grandfathered as grandfathered from events`.execute(db);
  const grandfathered = Object.fromEntries(rows.rows.map((r) => [r.id, r.grandfathered]));
  expect(grandfathered).toEqual({ [oldRfi]: true, [oldMeeting]: true, [oldDraft]: false });
  // Every constraint holds for every row, so all are validated.
  const unvalidated = await sql<{ conname: string }>`select conname from pg_constraint where conname like 'events_ip%' and not convalidated`.execute(db);
  expect(unvalidated.rows).toEqual([]);

  await expect(sql`update events set title = 'Endret' where id = ${oldRfi}`.execute(db)).resolves.toBeDefined();
  // New events are not grandfathered.
  const fresh = await insert("rfi", "draft");
  expect((await sql<{ g: boolean }>`select ip_terms_grandfathered as g from events where id = ${fresh}`.execute(db)).rows[0]!.g).toBe(false);
  await expect(sql`update events set status = 'published', published_at = now() where id = ${oldDraft}`.execute(db)).rejects.toThrow(/events_ip_(non_use_undertaking_given|terms_stated)/);
  await expect(
    sql`update events set status = 'published', published_at = now(), ip_background_stays_with_vendor = true, ip_foreground_owner = 'vendor',
      ip_existing_products_not_transferred = true, ip_input_use = 'this_procurement', non_use_undertaking_name = 'Berit Innkjøp',
      non_use_undertaking_at = now() where id = ${oldDraft}`.execute(db),
  ).resolves.toBeDefined();
});
