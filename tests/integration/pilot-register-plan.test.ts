import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_REGISTER_FILTER, REGISTER_PAGE_SIZE, type RegisterCursor } from "~/domain/pilot-register";
import { pilotRegisterPage, pilotRegisterPageQuery } from "~/models/pilot-register.server";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith } from "../fixtures/people";
import { insertPilot } from "../fixtures/pilots";

// Issue 16: the pilot register (/pilots, /api/v1/pilots) pages by keyset on (ended, newest first
// with the running ones first, then id). Its pages must be read in that order from the index
// events_pilot_register_idx (migration 0075), not by sorting every pilot, on a realistic amount of
// data: 2 000 pilots and R&D partnerships among 20 000 events (as tests/integration/demand-plans.test.ts).
const t = setupTestDatabase();
const PILOTS = 2_000;
const OTHERS = 18_000;
const NOW = new Date();

beforeAll(async () => {
  const buyer = await createOrganisationWith(t.db, [], { name: "Planvik kommune" });
  const template = await insertPilot(t.db, buyer.id, { title: "Mal" });
  // Copies of one valid pilot, every column but the id and what tells them apart: some still running
  // (no end yet, or ending later), some R&D partnerships, one in ten a draft (outside the register).
  const { rows } = await sql<{ name: string }>`
    select column_name as name from information_schema.columns
    where table_schema = current_schema() and table_name = 'events'
      and column_name not in ('id', 'title', 'kind', 'status', 'starts_at', 'ends_at', 'closed_at')`.execute(t.db);
  const columns = sql.join(rows.map((r) => sql.id(r.name)));
  await sql`
    insert into events (${columns}, title, kind, status, starts_at, ends_at)
    select ${columns}, 'Pilot ' || g,
      case when g % 7 = 0 then 'rnd_partnership' else 'pilot' end,
      case when g % 10 = 0 then 'draft' else 'published' end,
      ends.at - interval '100 days', ends.at
    from events, generate_series(1, ${PILOTS}) as g,
      lateral (select case when g % 50 = 0 then null else now() - (g % 900) * interval '1 day' + (g % 1440) * interval '1 minute' end as at) ends
    where events.id = ${template}`.execute(t.db);
  await sql`
    insert into events (buyer_id, kind, status, title, description, effort_level, expectation_status, cpv_codes, published_at)
    select ${buyer.id}, 'dialogue_meeting', 'published', 'Dialogmøte ' || g, 'Vi ønsker dialog med leverandører.', 'none', 'none',
      array['48814000-7'], now() - (g % 400) * interval '1 day'
    from generate_series(1, ${OTHERS}) as g`.execute(t.db);
  await sql`vacuum analyze`.execute(t.db);
}, 300_000);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function planOf(after: RegisterCursor | null, db = t.db) {
  const compiled = pilotRegisterPageQuery(db, EMPTY_REGISTER_FILTER, { limit: REGISTER_PAGE_SIZE, after }, NOW).compile();
  const result = await db.executeQuery<{ "QUERY PLAN": unknown }>({ ...compiled, sql: `explain (format json) ${compiled.sql}` });
  const raw = result.rows[0]!["QUERY PLAN"];
  return ((typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0]!.Plan;
}

/** The cursor after `n` full pages. */
async function cursorAfter(n: number): Promise<RegisterCursor> {
  let after: RegisterCursor | null = null;
  for (let i = 0; i < n; i++) after = (await pilotRegisterPage(t.db, EMPTY_REGISTER_FILTER, { limit: REGISTER_PAGE_SIZE, after }, { now: NOW })).next;
  return after!;
}

describe("the pilot register's paging on 2 000 pilots", () => {
  it("would sort every pilot without the index (the check itself)", async () => {
    let plan: PlanNode | undefined;
    const rollback = new Error("rollback");
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`drop index events_pilot_register_idx`.execute(trx);
        plan = await planOf(null, trx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(nodes(plan!).some((n) => n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort")).toBe(true);
  });

  it.each([
    ["the first page", 0],
    ["a page among the running ones", 1],
    ["a page deep among the ended ones", 10],
  ])("reads %s from events_pilot_register_idx, in its order, without sorting the pilots", async (_name, pages) => {
    const plan = await planOf(pages === 0 ? null : await cursorAfter(pages));
    const all = nodes(plan);
    const scans = all.filter((n) => n["Relation Name"] === "events" && n["Index Name"] === "events_pilot_register_idx");
    expect(scans, JSON.stringify(plan, null, 1)).toHaveLength(1);
    expect(all.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "events"), JSON.stringify(plan, null, 1)).toEqual([]);
    expect(all.filter((n) => n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort"), JSON.stringify(plan, null, 1)).toEqual([]);
  });

  it("enters the index at the cursor once past the running pilots", async () => {
    const plan = await planOf(await cursorAfter(10));
    const scan = nodes(plan).find((n) => n["Index Name"] === "events_pilot_register_idx")!;
    expect(scan["Index Cond"], JSON.stringify(scan, null, 1)).toMatch(/COALESCE\(ends_at, closed_at\) <=/);
  });

  it("pages through every pilot in the register once, in the index's order", async () => {
    const seen: string[] = [];
    let after: RegisterCursor | null = null;
    do {
      const page = await pilotRegisterPage(t.db, EMPTY_REGISTER_FILTER, { limit: 500, after }, { now: NOW });
      seen.push(...page.pilots.map((p) => p.id));
      after = page.next;
    } while (after);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from events where status <> 'draft' and kind in ('pilot', 'rnd_partnership')`.execute(t.db);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(rows[0]!.n);
  });
});
