import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { parseDemandFilter } from "~/domain/demand-filter";
import { demandCountQuery, demandPageQuery, demandPipelineQuery, listDemand } from "~/models/demand.server";
import { setupTestDatabase } from "../fixtures/database";

// The listed /demand queries must read events through an index, never by scanning the
// whole table, on a realistic amount of data: 20 000 published events from 400 buyers
// (the benchmark runs 100 000; the plans are the same once the planner has statistics).
const t = setupTestDatabase();
const EVENTS = 20_000;
const BUYERS = 400;

beforeAll(async () => {
  await seedDemoData(t.db);
  await sql`
    insert into organisations (slug, name, org_number, is_buyer, buyer_sector, region, verification_status)
    select 'bulk-buyer-' || g, 'Bulk kommune ' || g, lpad((800000000 + g)::text, 9, '0'), true, 'municipality',
           (array['oslo','vestland','trondelag','nordland','agder','innlandet'])[1 + g % 6], 'verified'
    from generate_series(1, ${BUYERS}) as g`.execute(t.db);
  await sql`
    insert into events (buyer_id, kind, status, title, description, region, registration_deadline, effort_level,
                        expectation_status, budget_min_nok, budget_max_nok, funding_source, expected_value_nok,
                        expected_tender_quarter, cpv_codes, published_at)
    select b.id,
           'dialogue_meeting', 'published',
           (array['Dialogmøte om velferdsteknologi', 'Markedsdialog om journalsystem', 'Dialog om legemiddelhåndtering',
                  'Innspill til digital hjemmeoppfølging'])[1 + g % 4] || ' ' || g,
           case when g % 97 = 0 then 'Vi vil forstå markedet for sensorbasert nattilsyn.' else 'Vi ønsker dialog med leverandører.' end,
           (array['oslo','vestland','trondelag','nordland','agder','innlandet','national','rogaland'])[1 + g % 8],
           now() + (g % 500) * interval '1 day' + (g % 1440) * interval '1 minute',
           'none', 'planned', 100000 * (g % 50), 100000 * (g % 50) + 500000, 'Økonomiplan', 100000 * (g % 50) + 250000,
           (2027 + g % 4)::text || '-Q' || (1 + g % 4)::text,
           array[(array['48814000-7','72000000-5','33196100-1','85000000-9','48180000-3','72230000-6'])[1 + g % 6]],
           now() - interval '10 days'
    from generate_series(1, ${EVENTS}) as g
    join (select id, row_number() over (order by slug) as n from organisations where slug like 'bulk-buyer-%') b
      on b.n = 1 + g % ${BUYERS}`.execute(t.db);
  // As autovacuum would: the visibility map lets the pipeline read its covering index alone.
  await sql`vacuum analyze`.execute(t.db);
}, 300_000);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

const QUERIES = { page: demandPageQuery, pipeline: demandPipelineQuery, count: demandCountQuery };

async function planOf(query: string, of: keyof typeof QUERIES = "page") {
  const { filter } = parseDemandFilter(new URLSearchParams(query));
  const compiled = QUERIES[of](t.db, filter).compile();
  const result = await t.db.executeQuery<{ "QUERY PLAN": unknown }>({
    ...compiled,
    sql: `explain (analyze, format json) ${compiled.sql}`,
  });
  const raw = result.rows[0]!["QUERY PLAN"];
  const json = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return json[0]!.Plan;
}

/** The cursor of page `n` (n − 1 full pages in) for a query. */
async function cursorOfPage(query: string, n: number): Promise<string> {
  const { filter } = parseDemandFilter(new URLSearchParams(query));
  let cursor = null;
  for (let page = 1; page < n; page++) {
    cursor = (await listDemand(t.db, { ...filter, cursor })).next;
  }
  const { encodeCursor } = await import("~/domain/demand-filter");
  return encodeCursor(cursor!);
}

describe("the /demand queries on 20 000 events", () => {
  it("would see a sequential scan over events (the check itself)", async () => {
    const result = await t.db.executeQuery<{ "QUERY PLAN": unknown }>(
      sql`explain (analyze, format json) select count(*) from events where description like '%nattilsyn%'`.compile(t.db),
    );
    const raw = result.rows[0]!["QUERY PLAN"];
    const plan = ((typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0]!.Plan;
    expect(nodes(plan).some((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "events")).toBe(true);
  });

  it.each([
    ["no filter", ""],
    ["text search", "q=nattilsyn"],
    // One event in 97 says "sensorbasert nattilsyn": as selective as a search on the bench's data.
    ["a compound part", "q=tilsyn"],
    ["a word start", "q=sensorbas"],
    ["a typed prefix", "q=nattil*"],
    ["a synonym", "q=%22digitalt%20tilsyn%22"],
    ["a word and an excluded word", "q=nattilsyn%20-journal"],
    ["CPV and region", "cpv=48&region=vestland"],
    ["sorted by expected tender", "sort=tender"],
    ["sorted by budget", "sort=budget"],
  ])("reads events through an index for %s", async (_name, query) => {
    const plan = await planOf(query);
    const seqScans = nodes(plan).filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "events");
    expect(seqScans, JSON.stringify(plan, null, 1)).toEqual([]);
  });

  it.each([
    ["no filter", ""],
    ["text search", "q=nattilsyn"],
    ["CPV and region", "cpv=48&region=vestland"],
  ])("sums the pipeline through an index for %s", async (_name, query) => {
    const plan = await planOf(query, "pipeline");
    const seqScans = nodes(plan).filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "events");
    expect(seqScans, JSON.stringify(plan, null, 1)).toEqual([]);
    expect(nodes(plan).some((n) => n["Relation Name"] === "events")).toBe(true);
  });

  it.each([
    ["no filter", ""],
    ["a compound part", "q=tilsyn"],
    ["CPV and region", "cpv=48&region=vestland"],
  ])("counts the total through an index for %s", async (_name, query) => {
    const plan = await planOf(query, "count");
    expect(nodes(plan).filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "events")).toEqual([]);
  });

  it("reads the open consultations in the same statement, the events still through an index", async () => {
    const plan = await planOf("");
    expect(nodes(plan).some((n) => n["Relation Name"] === "consultations")).toBe(true);
    expect(nodes(plan).filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "events")).toEqual([]);
    const count = await planOf("", "count");
    expect(nodes(count).some((n) => n["Relation Name"] === "consultations")).toBe(true);
  });

  it("reads page 50 through the index too, and gives 20 events there", async () => {
    const cursor = await cursorOfPage("", 50);
    const plan = await planOf(`cursor=${cursor}`);
    expect(nodes(plan).filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "events")).toEqual([]);
    const { filter } = parseDemandFilter(new URLSearchParams(`cursor=${cursor}`));
    expect((await listDemand(t.db, filter)).items).toHaveLength(20);
  });
});
