import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { Db } from "@db/client";
import type { Database, OrganisationTable } from "@db/schema";
import {
  cpvCodesUnder,
  demandSearchParams,
  parseDemandFilter,
  type DemandCursor,
  type DemandFilter,
  type DemandSort,
} from "~/domain/demand-filter";
import type { EffortLevel, EventKind, ExpectationStatus } from "~/domain/events";
import type { BuyerSector } from "~/domain/organisations";
import type { Region } from "~/domain/regions";

// Upcoming demand: published events (demand notices included) read through one filter,
// for the page, the JSON API, the CSV export and the pipeline. Pages are read by keyset
// (sort key, id), never by offset, so page 50 costs what page 1 costs.

export interface DemandItem {
  id: string;
  kind: EventKind;
  title: string;
  buyerName: string;
  buyerSlug: string;
  buyerSector: BuyerSector | null;
  region: Region | null;
  cpvCodes: string[];
  registrationDeadline: Date | null;
  responseDeadline: Date | null;
  startsAt: Date | null;
  effortLevel: EffortLevel;
  effortHoursPerVendor: number | null;
  expectationStatus: ExpectationStatus | null;
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  expectedTenderQuarter: string | null;
  publishedAt: Date | null;
  standards: { code: string; name: string; level: "required" | "recommended" | "planned" }[];
}

export interface DemandPage {
  items: DemandItem[];
  /** Where the next page starts, or null on the last page. */
  next: DemandCursor | null;
}

// Route modules read the filter and build their links through these two, so that the parser
// and Zod stay on the server: a .server module is left out of the browser bundle whole,
// whereas a shared module imported only by a loader can still be kept for its imports.
export const readDemandFilter = (params: URLSearchParams) => parseDemandFilter(params);

/** `path?query` for the filter (`path` alone when it is empty), optionally at a cursor. */
export function demandHref(path: string, filter: DemandFilter, options: { cursor?: DemandCursor | null; limit?: boolean } = {}) {
  const params = demandSearchParams(filter, options);
  return params.size ? `${path}?${params}` : path;
}

type Query = SelectQueryBuilder<Database & { buyer: OrganisationTable }, "events" | "buyer", object>;

const websearch = (q: string) => sql`websearch_to_tsquery('norwegian', ${q})`;

// Each sort key is the exact expression of its index in migration 0007 (relevance aside:
// text search narrows the set through the GIN index first). Desc sorts page backwards.
const SORT_KEYS: Record<Exclude<DemandSort, "relevance">, { expression: Expression<unknown>; type: string; direction: "asc" | "desc" }> = {
  deadline: {
    expression: sql`coalesce(events.registration_deadline, events.response_deadline, 'infinity'::timestamptz)`,
    type: "timestamptz",
    direction: "asc",
  },
  tender: { expression: sql`coalesce(events.expected_tender_quarter, '9999-Q9')`, type: "text", direction: "asc" },
  budget: { expression: sql`coalesce(events.budget_max_nok, -1)`, type: "bigint", direction: "desc" },
};

function sortKey(filter: DemandFilter) {
  if (filter.sort === "relevance" && filter.q) {
    return {
      expression: sql`ts_rank(events.search_document, ${websearch(filter.q)})::float8`,
      type: "float8",
      direction: "desc" as const,
    };
  }
  return SORT_KEYS[filter.sort === "relevance" ? "deadline" : filter.sort];
}

/** Published events matching the filter, with the buyer joined as `buyer`; no order, no page. */
function filtered(db: Db, filter: DemandFilter, now: Date): Query {
  let query: Query = db
    .selectFrom("events")
    .innerJoin("organisations as buyer", "buyer.id", "events.buyerId")
    .where("events.status", "=", "published");

  if (filter.q) query = query.where(sql<SqlBool>`events.search_document @@ ${websearch(filter.q)}`);
  if (filter.kinds.length) query = query.where("events.kind", "in", filter.kinds);
  if (filter.regions.length) query = query.where("events.region", "in", filter.regions);
  if (filter.sectors.length) query = query.where("buyer.buyerSector", "in", filter.sectors);
  if (filter.expectations.length) query = query.where("events.expectationStatus", "in", filter.expectations);
  if (filter.cpv.length) {
    // A prefix is its subtree of the vocabulary, so the GIN index on cpv_codes answers it.
    const codes = cpvCodesUnder(filter.cpv);
    query = query.where(sql<SqlBool>`events.cpv_codes && array[${sql.join(codes)}]::text[]`);
  }
  if (filter.buyer) {
    // A slug picks one buyer (links from the standards roadmap and organisation pages);
    // anything else is read as part of a buyer's name, which people can type.
    const buyer = filter.buyer;
    const namePattern = `%${buyer.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb("buyer.slug", "=", buyer),
        eb("buyer.name", "ilike", namePattern),
        eb(
          "events.id",
          "in",
          eb
            .selectFrom("eventCoBuyers")
            .innerJoin("organisations as co", "co.id", "eventCoBuyers.organisationId")
            .select("eventCoBuyers.eventId")
            .where("co.slug", "=", buyer),
        ),
      ]),
    );
  }
  if (filter.standards.length) {
    const codes = filter.standards;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("eventStandards")
          .innerJoin("standards", "standards.id", "eventStandards.standardId")
          .select(sql.lit(1).as("one"))
          .whereRef("eventStandards.eventId", "=", "events.id")
          .where("standards.code", "in", codes),
      ),
    );
  }
  // A budget frame matches when it overlaps the range asked for (millions of NOK).
  if (filter.budgetFrom !== null) query = query.where("events.budgetMaxNok", ">=", Math.round(filter.budgetFrom * 1_000_000));
  if (filter.budgetTo !== null) query = query.where("events.budgetMinNok", "<=", Math.round(filter.budgetTo * 1_000_000));
  if (filter.quarterFrom) query = query.where("events.expectedTenderQuarter", ">=", filter.quarterFrom);
  if (filter.quarterTo) query = query.where("events.expectedTenderQuarter", "<=", filter.quarterTo);
  if (filter.open) query = query.where("events.registrationDeadline", ">", now);
  return query;
}

/** The SQL of one page (limit + 1 rows, to know whether another follows); the EXPLAIN test reads it. */
export function demandPageQuery(db: Db, filter: DemandFilter, now = new Date()) {
  const key = sortKey(filter);
  let query = filtered(db, filter, now);
  if (filter.cursor) {
    const { key: after, id } = filter.cursor;
    const op = sql.raw(key.direction === "asc" ? ">" : "<");
    // Keys go in as text (see ocds.server.ts): exact, whatever the driver does with typed parameters.
    query = query.where(sql<SqlBool>`(${key.expression}, events.id) ${op} (cast(${after}::text as ${sql.raw(key.type)}), cast(${id}::text as uuid))`);
  }
  return query
    .select([
      "events.id",
      "events.kind",
      "events.title",
      "buyer.name as buyerName",
      "buyer.slug as buyerSlug",
      "buyer.buyerSector",
      "events.region",
      "events.cpvCodes",
      "events.registrationDeadline",
      "events.responseDeadline",
      "events.startsAt",
      "events.effortLevel",
      "events.effortHoursPerVendor",
      "events.expectationStatus",
      "events.budgetMinNok",
      "events.budgetMaxNok",
      "events.expectedTenderQuarter",
      "events.publishedAt",
      sql<string>`(${key.expression})::text`.as("sortKey"),
      // In the same statement, evaluated for the page's rows only: on the embedded database
      // planning a second query costs more than running this one.
      sql<DemandItem["standards"]>`coalesce((
        select json_agg(json_build_object('code', s.code, 'name', s.name, 'level', es.level) order by s.name)
        from event_standards es join standards s on s.id = es.standard_id
        where es.event_id = events.id), '[]'::json)`.as("standards"),
    ])
    .orderBy(key.expression, key.direction)
    .orderBy("events.id", key.direction)
    .limit(filter.limit + 1);
}

/** One page of the filtered list, in the filter's sort, after its cursor. */
export async function listDemand(db: Db, filter: DemandFilter, { now = new Date() } = {}): Promise<DemandPage> {
  const rows = await demandPageQuery(db, filter, now).execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const next = rows.length > filter.limit && last ? { sort: filter.sort, key: last.sortKey, id: last.id } : null;
  const items = page.map(({ sortKey: _sortKey, ...row }) => row);
  return { items, next };
}

/** Every matching event, page by page, up to `max` (the CSV export). */
export async function* eachDemandItem(db: Db, filter: DemandFilter, { max = 10_000, now = new Date() } = {}) {
  let cursor = filter.cursor;
  let count = 0;
  for (;;) {
    const page = await listDemand(db, { ...filter, cursor, limit: 500 }, { now });
    for (const item of page.items) {
      if (count++ >= max) return;
      yield item;
    }
    if (!page.next) return;
    cursor = page.next;
  }
}

export interface PipelineQuarter {
  /** "2027-Q2", or null for events that declare no tender quarter. */
  quarter: string | null;
  events: number;
  budgetMinNok: number;
  budgetMaxNok: number;
}

/** The SQL of the pipeline (one row per tender quarter); the EXPLAIN test reads it. */
export function demandPipelineQuery(db: Db, filter: DemandFilter, now = new Date()) {
  return filtered(db, { ...filter, cursor: null }, now)
    .select([
      "events.expectedTenderQuarter as quarter",
      (eb) => eb.fn.countAll<number>().as("events"),
      sql<number>`coalesce(sum(events.budget_min_nok), 0)::bigint`.as("budgetMinNok"),
      sql<number>`coalesce(sum(events.budget_max_nok), 0)::bigint`.as("budgetMaxNok"),
    ])
    .groupBy("events.expectedTenderQuarter")
    .orderBy(sql`events.expected_tender_quarter`, (ob) => ob.asc().nullsLast());
}

/** The filtered set by expected tender quarter, with the declared budget frames summed. */
export async function demandPipeline(db: Db, filter: DemandFilter, { now = new Date() } = {}): Promise<PipelineQuarter[]> {
  const rows = await demandPipelineQuery(db, filter, now).execute();
  return rows.map((row) => ({ ...row, events: Number(row.events) }));
}

type FilterOptions = { standards: { code: string; name: string }[] };
let cachedOptions: { at: number; db: Db; value: Promise<FilterOptions> } | null = null;
const OPTIONS_TTL_MS = 60_000;

/**
 * What the filter form offers beyond the fixed lists: the standards catalogue. It changes
 * rarely and every /demand view shows it, so it is kept for a minute. (Buyers are typed,
 * not listed: a national list of buyers would be most of the page.)
 */
export function demandFilterOptions(db: Db, { now = Date.now() } = {}): Promise<FilterOptions> {
  if (cachedOptions && cachedOptions.db === db && now - cachedOptions.at < OPTIONS_TTL_MS) return cachedOptions.value;
  const value = db
    .selectFrom("standards")
    .select(["code", "name"])
    .orderBy("name")
    .execute()
    .then((standards) => ({ standards }));
  cachedOptions = { at: now, db, value };
  // A failed load is not kept.
  value.catch(() => {
    if (cachedOptions?.value === value) cachedOptions = null;
  });
  return value;
}
