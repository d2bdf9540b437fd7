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
import { searchFinds, shapeSearch, type ShapedSearch } from "~/domain/search-query";
import type { ConsultationEffortLevel, ConsultationSubject } from "~/domain/consultations";
import type { BuyerSector } from "~/domain/organisations";
import type { Region } from "~/domain/regions";
import { consultationsMatching } from "./demand-consultations.server";
import { relevance, searchCondition } from "./demand-search.server";

// Upcoming demand: published events (demand notices included) and open consultations (issue 18)
// read through one filter, as one list for the page, the JSON API and the CSV export; the
// pipeline and the feeds read the events through the same filter. Pages are read by keyset
// (sort key, id), never by offset, so page 50 costs what page 1 costs.

export interface DemandEventItem {
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

/** An open consultation (høring) in the list: what is asked and by when, never a response. */
export interface DemandConsultationItem {
  id: string;
  kind: "consultation";
  title: string;
  caseNumber: string;
  subject: ConsultationSubject;
  /** The organiser; all three null for the operators' own consultations (the code of conduct). */
  buyerName: string | null;
  buyerSlug: string | null;
  buyerSector: BuyerSector | null;
  deadline: Date;
  effortLevel: ConsultationEffortLevel;
  hoursPerResponder: number | null;
  publishedAt: Date;
}

export type DemandItem = DemandEventItem | DemandConsultationItem;

export interface DemandPage {
  items: DemandItem[];
  /** Where the next page starts, or null on the last page. */
  next: DemandCursor | null;
  /** How many events and consultations match the whole filter (every page), when asked for. */
  total: DemandTotal | null;
}

/** The number of matching events and consultations, counted up to DEMAND_COUNT_CAP: `more` when there are more. */
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

/** The filter's text as the database searches it; null without one. */
const searchOf = (filter: DemandFilter): ShapedSearch | null => (filter.q ? shapeSearch(filter.q) : null);

// Each sort key is the exact expression of its index in migration 0007 (relevance aside:
// text search narrows the set through the GIN indexes first). Desc sorts page backwards. A
// consultation sorts by its deadline (a response deadline), and last by tender quarter and by
// budget, which it does not have.
type SortKey = { events: Expression<unknown>; consultations: Expression<unknown>; type: string; direction: "asc" | "desc" };
const SORT_KEYS: Record<Exclude<DemandSort, "relevance">, SortKey> = {
  deadline: {
    events: sql`coalesce(events.registration_deadline, events.response_deadline, 'infinity'::timestamptz)`,
    consultations: sql`consultations.deadline`,
    type: "timestamptz",
    direction: "asc",
  },
  tender: { events: sql`coalesce(events.expected_tender_quarter, '9999-Q9')`, consultations: sql`'9999-Q9'::text`, type: "text", direction: "asc" },
  budget: { events: sql`coalesce(events.budget_max_nok, -1)`, consultations: sql`(-1)::bigint`, type: "bigint", direction: "desc" },
};

function sortKey(filter: DemandFilter): SortKey {
  const search = filter.sort === "relevance" ? searchOf(filter) : null;
  if (search && searchFinds(search)) return { events: relevance(search), consultations: relevance(search, "consultations"), type: "float8", direction: "desc" };
  return SORT_KEYS[filter.sort === "relevance" ? "deadline" : filter.sort];
}

/** `(key, id)` after the filter's cursor, in the sort's direction. */
function afterCursor(cursor: DemandCursor, key: SortKey, expression: Expression<unknown>, id: Expression<unknown>) {
  const op = sql.raw(key.direction === "asc" ? ">" : "<");
  // Keys go in as text (see ocds.server.ts): exact, whatever the driver does with typed parameters.
  return sql<SqlBool>`(${expression}, ${id}) ${op} (cast(${cursor.key}::text as ${sql.raw(key.type)}), cast(${cursor.id}::text as uuid))`;
}

/** The first page of a search also counts every match: the search has found and ranked them all already. */
const countsAll = (filter: DemandFilter) => searchOf(filter) !== null && !filter.cursor;

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
 * The SQL of one page of events (limit + 1 rows, to know whether another follows), with the
 * buyer joined as `buyer`: one half of the list, and what the feeds extend.
 */
export function eventPageQuery(db: Db, filter: DemandFilter, now = new Date()) {
  const key = sortKey(filter);
  let query = filtered(db, filter, now);
  if (filter.cursor) query = query.where(afterCursor(filter.cursor, key, key.events, sql`events.id`));
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
      sql<string>`(${key.events})::text`.as("sortKey"),
      sql<number | null>`${countsAll(filter) ? sql`count(*) over ()` : sql`null::bigint`}`.as("total"),
      // In the same statement, evaluated for the page's rows only: on the embedded database
      // planning a second query costs more than running this one.
      sql<DemandEventItem["standards"]>`coalesce((
        select json_agg(json_build_object('code', s.code, 'name', s.name, 'level', es.level) order by s.name)
        from event_standards es join standards s on s.id = es.standard_id
        where es.event_id = events.id), '[]'::json)`.as("standards"),
      sql<DemandEventItem["coBuyers"]>`coalesce((
        select json_agg(json_build_object('name', co.name, 'slug', co.slug, 'shareKind', c.share_kind, 'shareValue', c.share_value) order by co.name)
        from event_co_buyers c join organisations co on co.id = c.organisation_id
        where c.event_id = events.id and c.status = 'accepted'), '[]'::json)`.as("coBuyers"),
    ])
    .orderBy(key.events, key.direction)
    .orderBy("events.id", key.direction)
    .limit(filter.limit + 1);
}

/** One page of open consultations, with the columns of an event's row (null where it has none). */
function consultationPageQuery(db: Db, filter: DemandFilter, now: Date) {
  const key = sortKey(filter);
  let query = consultationsMatching(db, filter, now);
  if (filter.cursor) query = query.where(afterCursor(filter.cursor, key, key.consultations, sql`consultations.id`));
  return query
    .select([
      "consultations.id",
      sql<"consultation">`'consultation'::text`.as("kind"),
      "consultations.title",
      "organiser.name as buyerName",
      "organiser.slug as buyerSlug",
      "organiser.buyerSector",
      sql`null::text`.as("region"),
      sql`'{}'::text[]`.as("cpvCodes"),
      sql`null::timestamptz`.as("registrationDeadline"),
      "consultations.deadline as responseDeadline",
      sql`null::timestamptz`.as("startsAt"),
      "consultations.effortLevel",
      "consultations.hoursPerResponder as effortHoursPerVendor",
      sql`null::text`.as("expectationStatus"),
      sql`null::bigint`.as("budgetMinNok"),
      sql`null::bigint`.as("budgetMaxNok"),
      sql`null::text`.as("expectedTenderQuarter"),
      "consultations.createdAt as publishedAt",
      sql`null::boolean`.as("backgroundIpStaysWithVendor"),
      sql`false`.as("buyerDeliversItself"),
      sql`null::boolean`.as("integrationBudgetIncluded"),
      sql`null::bigint`.as("integrationBudgetNok"),
      sql<string>`(${key.consultations})::text`.as("sortKey"),
      sql`${countsAll(filter) ? sql`count(*) over ()` : sql`null::bigint`}`.as("total"),
      sql`'[]'::json`.as("standards"),
      sql`'[]'::json`.as("coBuyers"),
      "consultations.subject",
      "consultations.caseNumber",
      sql`${key.consultations}`.as("sortValue"),
    ])
    .orderBy(key.consultations, key.direction)
    .orderBy("consultations.id", key.direction)
    .limit(filter.limit + 1);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventPageQuery>["execute"]>>[number];

/** A row of the list: an event's columns, a consultation's own two, and the typed sort key. */
type DemandRow = Omit<EventRow, "kind" | "effortLevel"> & {
  kind: EventKind | "consultation";
  effortLevel: EffortLevel;
  subject: ConsultationSubject | null;
  caseNumber: string | null;
  sortValue: unknown;
};

// UNION ALL matches columns by position: both halves are read through this one list, in its order.
const COLUMNS: Record<keyof DemandRow, true> = {
  id: true, kind: true, title: true, buyerName: true, buyerSlug: true, buyerSector: true, region: true, cpvCodes: true,
  registrationDeadline: true, responseDeadline: true, startsAt: true, effortLevel: true, effortHoursPerVendor: true,
  expectationStatus: true, budgetMinNok: true, budgetMaxNok: true, expectedTenderQuarter: true, publishedAt: true,
  backgroundIpStaysWithVendor: true, buyerDeliversItself: true, integrationBudgetIncluded: true, integrationBudgetNok: true,
  sortKey: true, total: true, standards: true, coBuyers: true, subject: true, caseNumber: true, sortValue: true,
};
const columnsOf = (alias: string) => sql.join(Object.keys(COLUMNS).map((column) => sql.ref(`${alias}.${column}`)));

/**
 * The SQL of one page of the list (limit + 1 rows, to know whether another follows); the
 * EXPLAIN test reads it. Each half reads its own page through its own indexes, and the two
 * are merged on (sort key, id): ids are unique across both, so one cursor serves both. The
 * first page of a search also counts every match of each half.
 */
export function demandPageQuery(db: Db, filter: DemandFilter, now = new Date()) {
  const key = sortKey(filter);
  const events = eventPageQuery(db, filter, now).select([
    sql`null::text`.as("subject"),
    sql`null::text`.as("caseNumber"),
    sql`${key.events}`.as("sortValue"),
  ]);
  const consultations = consultationPageQuery(db, filter, now);
  const both = sql<DemandRow>`(select ${columnsOf("e")} from (${events}) as e union all select ${columnsOf("c")} from (${consultations}) as c)`;
  return db
    .selectFrom(both.as("demand"))
    .selectAll()
    .select([
      sql<number | null>`max(demand.total) filter (where demand.kind <> 'consultation') over ()`.as("eventTotal"),
      sql<number | null>`max(demand.total) filter (where demand.kind = 'consultation') over ()`.as("consultationTotal"),
    ])
    .orderBy(sql.ref("demand.sortValue"), key.direction)
    .orderBy(sql.ref("demand.id"), key.direction)
    .limit(filter.limit + 1);
}



/** The SQL counting the events and consultations that match the filter, on all pages, each up to one past the cap; the EXPLAIN test reads it. */
export function demandCountQuery(db: Db, filter: DemandFilter, now = new Date()) {
  const all = { ...filter, cursor: null };
  const events = filtered(db, all, now).select(sql.lit(1).as("hit")).limit(DEMAND_COUNT_CAP + 1);
  const consultations = consultationsMatching(db, all, now).select(sql.lit(1).as("hit")).limit(DEMAND_COUNT_CAP + 1);
  return db.selectFrom(sql`(${events} union all ${consultations})`.as("hits")).select((eb) => eb.fn.countAll<number>().as("total"));
}

const totalOf = (count: number): DemandTotal => ({ count: Math.min(count, DEMAND_COUNT_CAP), more: count > DEMAND_COUNT_CAP });

function itemOf({ sortKey: _key, sortValue: _value, total: _total, subject, caseNumber, ...row }: DemandRow): DemandItem {
  if (row.kind !== "consultation") return { ...row, kind: row.kind };
  return {
    id: row.id,
    kind: "consultation",
    title: row.title,
    caseNumber: caseNumber ?? "",
    subject: subject ?? "other",
    buyerName: row.buyerName,
    buyerSlug: row.buyerSlug,
    buyerSector: row.buyerSector,
    deadline: row.responseDeadline!,
    effortLevel: row.effortLevel as ConsultationEffortLevel,
    hoursPerResponder: row.effortHoursPerVendor,
    publishedAt: row.publishedAt!,
  };
}

/**
 * One page of the filtered list (events and consultations together), in the filter's sort,
 * after its cursor; with `total`, also how many match on every page (the page and the API show it).
 */
export async function listDemand(db: Db, filter: DemandFilter, { now = new Date(), total = false } = {}): Promise<DemandPage> {
  const rows = await demandPageQuery(db, filter, now).execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const next = rows.length > filter.limit && last ? { sort: filter.sort, key: last.sortKey, id: last.id } : null;
  const items = page.map(({ eventTotal: _events, consultationTotal: _consultations, ...row }) => itemOf(row));
  let counted: DemandTotal | null = null;
  if (total) {
    // A half without rows on the first page has no match at all.
    const first = rows[0];
    const inPage = countsAll(filter) && first ? Number(first.eventTotal ?? 0) + Number(first.consultationTotal ?? 0) : rows.length === 0 && !filter.cursor ? 0 : null;
    counted = totalOf(inPage ?? Number((await demandCountQuery(db, filter, now).executeTakeFirstOrThrow()).total));
  }
  return { items, next, total: counted };
}

/** Every matching event and consultation, page by page, up to `max` (the CSV export). */
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
