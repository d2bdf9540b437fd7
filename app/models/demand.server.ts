import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { ShareKind } from "~/domain/co-buyers";
import type { Db } from "@db/client";
import type { Database, OrganisationTable } from "@db/schema";
import {
  cpvCodesUnder,
  demandSearchParams,
  eventKindsOf,
  parseDemandFilter,
  type DemandCursor,
  type DemandFilter,
  type DemandSort,
} from "~/domain/demand-filter";
import type { EffortLevel, EventKind, ExpectationStatus } from "~/domain/events";
import { likePatternOf, searchFinds, shapeSearch, tsqueryOf, type SearchAlternative, type ShapedSearch } from "~/domain/search-query";
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
  /** The IP terms say background IP stays with the vendor (true), passes to the buyer (false), or say nothing (null). */
  backgroundIpStaysWithVendor: boolean | null;
  /** The buyer declares own delivery in a CPV area of the event (issue 19). */
  buyerDeliversItself: boolean;
  /** The integration budget is inside the frame (true), outside it (false), or not stated (null); and how much. */
  integrationBudgetIncluded: boolean | null;
  integrationBudgetNok: number | null;
  standards: { code: string; name: string; level: "required" | "recommended" | "planned" }[];
  /** Joint demand (issue 19): the co-buyers that accepted, each with its share of the combined frame (null: not stated). */
  coBuyers: { name: string; slug: string; shareKind: ShareKind | null; shareValue: number | null }[];
}

export interface DemandPage {
  items: DemandItem[];
  /** Where the next page starts, or null on the last page. */
  next: DemandCursor | null;
  /** How many events match the whole filter (every page), when asked for. */
  total: DemandTotal | null;
}

/** The number of matching events, counted up to DEMAND_COUNT_CAP: `more` when there are more. */
export interface DemandTotal {
  count: number;
  more: boolean;
}

/** Beyond this many events the total says "more than": counting a national list exactly costs a scan. */
export const DEMAND_COUNT_CAP = 1_000;

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

// Text search (issue 14, app/domain/search-query.ts). What was typed is found as a stemmed
// word or word start in the `norwegian` document (GIN index), or inside a compound in the
// lower-case search_text (trigram index, migration 0016). Synonyms are found in search_text
// only, unless too short: a phrase in the full-text index costs a recheck of every event
// holding each of its words, a trigram lookup of the phrase does not. The tsquery text is
// built from words of letters, digits and inner hyphens only, and goes in as a parameter.
const tsquery = (alternatives: SearchAlternative[]) =>
  sql`to_tsquery('norwegian', ${alternatives.map((a) => `(${tsqueryOf(a)})`).join(" | ")})`;

/** Synonyms long enough to look up inside words are looked up there only. */
const byFullText = (a: SearchAlternative) => a.typed || likePatternOf(a) === null;

/** The tables that carry search_document and search_text (events, and consultations since 0068). */
export type SearchedTable = "events" | "consultations";

function groupFound(alternatives: SearchAlternative[], table: SearchedTable) {
  const fullText = alternatives.filter(byFullText);
  const t = sql.raw(table);
  const inside = alternatives.flatMap((a) => {
    const pattern = likePatternOf(a);
    return pattern === null ? [] : [sql<SqlBool>`${t}.search_text like ${pattern}`];
  });
  const found = fullText.length ? [sql<SqlBool>`${t}.search_document @@ ${tsquery(fullText)}`, ...inside] : inside;
  return sql<SqlBool>`(${sql.join(found, sql` or `)})`;
}

/** The condition that `table`'s row holds what was searched for. */
export function searchCondition(search: ShapedSearch, table: SearchedTable = "events") {
  // Stop words alone find nothing, as they did before: the reader typed something.
  if (!search.groups.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.join(
    search.groups.map((g) => (g.negated ? sql<SqlBool>`not ${groupFound(g.alternatives, table)}` : groupFound(g.alternatives, table))),
    sql` and `,
  )}`;
}

// Relevance: the full-text rank (title A > buyer B > description C) of what was typed, and
// for each word or phrase found inside a compound a bonus, larger in the title. Whole words
// thus rank above compound parts, and synonyms count half of what was typed.
function relevance(search: ShapedSearch): Expression<unknown> {
  const wanted = search.groups.filter((g) => !g.negated).flatMap((g) => g.alternatives);
  const typed = wanted.filter((a) => a.typed);
  const shortSynonyms = wanted.filter((a) => !a.typed && byFullText(a));
  const parts = [sql`ts_rank(events.search_document, ${tsquery(typed)})::float8`];
  if (shortSynonyms.length) parts.push(sql`0.5 * ts_rank(events.search_document, ${tsquery(shortSynonyms)})::float8`);
  for (const a of wanted) {
    const pattern = likePatternOf(a);
    if (pattern === null) continue;
    const weight = a.typed ? 1 : 0.5;
    parts.push(sql`(case when lower(events.title) like ${pattern} then ${sql.lit(0.3 * weight)} else 0 end)`);
    parts.push(sql`(case when events.search_text like ${pattern} then ${sql.lit(0.1 * weight)} else 0 end)`);
  }
  return sql`(${sql.join(parts, sql` + `)})::float8`;
}

/** The filter's text as the database searches it; null without one. */
const searchOf = (filter: DemandFilter): ShapedSearch | null => (filter.q ? shapeSearch(filter.q) : null);

// Each sort key is the exact expression of its index in migration 0007 (relevance aside:
// text search narrows the set through the GIN indexes first). Desc sorts page backwards.
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
  const search = filter.sort === "relevance" ? searchOf(filter) : null;
  if (search && searchFinds(search)) return { expression: relevance(search), type: "float8", direction: "desc" as const };
  return SORT_KEYS[filter.sort === "relevance" ? "deadline" : filter.sort];
}

/** Published events matching the filter, with the buyer joined as `buyer`; no order, no page. */
function filtered(db: Db, filter: DemandFilter, now: Date): Query {
  let query: Query = db
    .selectFrom("events")
    .innerJoin("organisations as buyer", "buyer.id", "events.buyerId")
    .where("events.status", "=", "published");

  const search = searchOf(filter);
  if (search) query = query.where(searchCondition(search));
  if (filter.kinds.length) {
    // `consultation` alone asks for no event (consultations are read by demand-consultations.server.ts).
    const kinds = eventKindsOf(filter.kinds);
    query = kinds.length ? query.where("events.kind", "in", kinds) : query.where(sql<SqlBool>`false`);
  }
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
            .where("eventCoBuyers.status", "=", "accepted")
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
  if (filter.backgroundIp) query = query.where("events.ipBackgroundStaysWithVendor", "=", true);
  // Issue 19: the buyer delivers in the event's area itself (cpv_overlaps, migration 0045).
  if (filter.excludeOwnDelivery) query = query.where(sql<SqlBool>`not cpv_overlaps(events.cpv_codes, buyer.own_delivery_cpv)`);
  if (filter.integrationBudget === "included") query = query.where("events.integrationBudgetIncluded", "=", true);
  return query;
}

/**
 * The SQL of one page (limit + 1 rows, to know whether another follows); the EXPLAIN test
 * reads it. The first page of a search also counts every match (`total`): the search has
 * found and ranked them all already, so counting them there costs nothing more.
 */
export function demandPageQuery(db: Db, filter: DemandFilter, now = new Date()) {
  const key = sortKey(filter);
  const countsAll = searchOf(filter) !== null && !filter.cursor;
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
      "events.ipBackgroundStaysWithVendor as backgroundIpStaysWithVendor",
      sql<boolean>`cpv_overlaps(events.cpv_codes, buyer.own_delivery_cpv)`.as("buyerDeliversItself"),
      "events.integrationBudgetIncluded",
      "events.integrationBudgetNok",
      sql<string>`(${key.expression})::text`.as("sortKey"),
      sql<number | null>`${countsAll ? sql`count(*) over ()` : sql`null::bigint`}`.as("total"),
      // In the same statement, evaluated for the page's rows only: on the embedded database
      // planning a second query costs more than running this one.
      sql<DemandItem["standards"]>`coalesce((
        select json_agg(json_build_object('code', s.code, 'name', s.name, 'level', es.level) order by s.name)
        from event_standards es join standards s on s.id = es.standard_id
        where es.event_id = events.id), '[]'::json)`.as("standards"),
      sql<DemandItem["coBuyers"]>`coalesce((
        select json_agg(json_build_object('name', co.name, 'slug', co.slug, 'shareKind', c.share_kind, 'shareValue', c.share_value) order by co.name)
        from event_co_buyers c join organisations co on co.id = c.organisation_id
        where c.event_id = events.id and c.status = 'accepted'), '[]'::json)`.as("coBuyers"),
    ])
    .orderBy(key.expression, key.direction)
    .orderBy("events.id", key.direction)
    .limit(filter.limit + 1);
}

/** The SQL counting the events that match the filter, on all pages, up to one past the cap; the EXPLAIN test reads it. */
export function demandCountQuery(db: Db, filter: DemandFilter, now = new Date()) {
  const hits = filtered(db, { ...filter, cursor: null }, now)
    .select(sql.lit(1).as("hit"))
    .limit(DEMAND_COUNT_CAP + 1)
    .as("hits");
  return db.selectFrom(hits).select((eb) => eb.fn.countAll<number>().as("total"));
}

const totalOf = (count: number): DemandTotal => ({ count: Math.min(count, DEMAND_COUNT_CAP), more: count > DEMAND_COUNT_CAP });

/**
 * One page of the filtered list, in the filter's sort, after its cursor; with `total`, also
 * how many events match on every page (the page and the API show it).
 */
export async function listDemand(db: Db, filter: DemandFilter, { now = new Date(), total = false } = {}): Promise<DemandPage> {
  const rows = await demandPageQuery(db, filter, now).execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const next = rows.length > filter.limit && last ? { sort: filter.sort, key: last.sortKey, id: last.id } : null;
  const items = page.map(({ sortKey: _sortKey, total: _total, ...row }) => row);
  let counted: DemandTotal | null = null;
  if (total) {
    const inPage = rows[0]?.total ?? (rows.length === 0 && !filter.cursor ? 0 : null);
    counted = totalOf(inPage !== null ? Number(inPage) : Number((await demandCountQuery(db, filter, now).executeTakeFirstOrThrow()).total));
  }
  return { items, next, total: counted };
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
