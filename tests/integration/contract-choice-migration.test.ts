import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@db/client";
import { migrateToLatest, migrator } from "@db/migrate";
import { checkAmendment } from "~/domain/publishing";
import { toPublishable } from "~/models/event-row.server";
import { IP_TERMS_SQL } from "../fixtures/ip-terms";
import { SCOPE_SQL } from "../fixtures/scope";

// Migration 0059 (the contract-choice rule, ADR 0030) on a database that already holds events:
// a published or closed event that breaks the new rule is grandfathered and keeps changing as
// it was published; one that meets the rule, and every draft, is held to it from now on.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = openDatabase({ dataDir: "memory" });
  const before = await migrator(handle.db).migrateTo("2026-12-06-0057-protected-reports");
  expect(before.error).toBeUndefined();
}, 180_000);
afterAll(async () => {
  await handle.close();
});

it("grandfathers only the published and closed events that break the rule, and holds the rest to it", async () => {
  const db = handle.db;
  const buyer = await sql<{ id: string }>`insert into organisations (slug, name, org_number, is_buyer, buyer_sector)
    values ('gamleby-kommune', 'Gamleby kommune', '944100125', true, 'municipality') returning id`.execute(db);
  const buyerId = buyer.rows[0]!.id;
  const scope = Object.entries({ ...SCOPE_SQL, ...IP_TERMS_SQL });
  const insert = async (status: string, kind: string, contract: [string | null, number | null, number | null, number | null]) =>
    (
      await sql<{ id: string }>`insert into events (buyer_id, kind, title, status, published_at, closed_at, effort_level,
          contract_form, contract_base_months, contract_option_months, contract_horizon_months,
          ${sql.join(scope.map(([k]) => sql.id(k)))})
        values (${buyerId}, ${kind}, 'Gammel', ${status}, ${status === "draft" ? null : new Date()}, ${status === "closed" ? new Date() : null}, 'none',
          ${contract[0]}, ${contract[1]}, ${contract[2]}, ${contract[3]},
          ${sql.join(scope.map(([, v]) => v))}) returning id`.execute(db)
    ).rows[0]!.id;
  const withoutTerms = await insert("published", "rfp", [null, null, null, null]);
  const optionsMadeItLong = await insert("published", "rfp", ["market_contract", 12, 108, 120]);
  const closedShort = await insert("closed", "rfi", ["relational_contract", 36, 24, 60]);
  const meetsRule = await insert("published", "rfp", ["framework_agreement", 60, 24, 60]);
  const draft = await insert("draft", "rfp", [null, null, null, null]);

  await migrateToLatest(db);

  const rows = await sql<{ id: string; grandfathered: boolean }>`select id, contract_choice_grandfathered as grandfathered from events`.execute(db);
  const flag = Object.fromEntries(rows.rows.map((r) => [r.id, r.grandfathered]));
  expect(flag).toEqual({ [withoutTerms]: true, [optionsMadeItLong]: true, [closedShort]: true, [meetsRule]: false, [draft]: false });
  const unvalidated = await sql<{ conname: string }>`select conname from pg_constraint where conrelid = 'events'::regclass and conname like 'events_contract%' and not convalidated`.execute(db);
  expect(unvalidated.rows).toEqual([]);

  // A grandfathered event changes as it was published: the rules and the table let it.
  await sql`update events set title = 'Oppdatert' where id in (${withoutTerms}, ${optionsMadeItLong}, ${closedShort})`.execute(db);
  for (const id of [withoutTerms, optionsMadeItLong]) {
    const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(checkAmendment(toPublishable(row), { now: new Date(), tenderQuarterChanged: false }).ok).toBe(true);
    expect(checkAmendment({ ...toPublishable(row), contractChoiceGrandfathered: false }, { now: new Date(), tenderQuarterChanged: false }).ok).toBe(false);
  }
  // … but not out of its grandfathering, nor past the depreciation it now states.
  await expect(sql`update events set contract_choice_grandfathered = false where id = ${optionsMadeItLong}`.execute(db)).rejects.toThrow(/events_contract_choice/);
  await expect(sql`update events set contract_depreciation_months = 36 where id = ${optionsMadeItLong}`.execute(db)).rejects.toThrow(/events_contract_choice/);
  // An event that met the rule is held to it: its base period may not shrink below the need unjustified.
  await expect(sql`update events set contract_base_months = 12 where id = ${meetsRule}`.execute(db)).rejects.toThrow(/events_contract_choice/);
  // A draft publishes only under the rule.
  await expect(sql`update events set status = 'published', published_at = now() where id = ${draft}`.execute(db)).rejects.toThrow(/events_contract_choice/);

  // The two new forms are stored, and follow the hybrid or relational advice without a reason.
  await sql`update events set contract_form = 'project_contract' where id = ${meetsRule}`.execute(db);
  await sql`update events set sourcing_risk = 'medium', sourcing_need = 'temporary', sourcing_advice = 'hybrid_relational', contract_form = 'strategic_alliance' where id = ${meetsRule}`.execute(db);
  await expect(sql`update events set contract_form = 'in_house' where id = ${meetsRule}`.execute(db)).rejects.toThrow(/events_sourcing_departure_explained/);
});
