import { fromBase64Url, toBase64Url } from "./base64url";
import { z } from "zod";
import { CPV_CODES, cpvPrefix } from "./cpv";
import { EXPECTATION_STATUSES, type ExpectationStatus } from "./events";
import { DEMAND_KINDS, type DemandKind } from "./demand-kinds";
import { DEMAND_SORTS, type DemandSort } from "./demand-sort";
import { BUYER_SECTORS, type BuyerSector } from "./organisations";
import { isQuarter, type Quarter } from "./quarters";
import { REGIONS, type Region } from "./regions";
import { isUuid } from "./ids";

// The upcoming-demand filter, read from the URL. The page, GET /api/v1/demand,
// /demand.csv and the pipeline all take the same parameters, so a shared link
// reproduces the same list everywhere. A value that does not parse is left out and
// named back to the caller (never a 500): the rest of the filter still applies.

export { DEMAND_SORTS, type DemandSort } from "./demand-sort";
export { DEMAND_KINDS, eventKindsOf, type DemandKind } from "./demand-kinds";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Where the previous page ended: the sort it was read in, that sort's key as text, and the event id. */
export interface DemandCursor {
  sort: DemandSort;
  key: string;
  id: string;
}

/**
 * Whether the filter can match a consultation: it asks for consultations or for any kind, and
 * uses only what a consultation has (text, sector, buyer, open). A consultation has no CPV code,
 * region, standard, purchase expectation, budget, tender quarter or IP terms, so a filter on any
 * of those matches none, as it matches no event lacking them.
 */
export function filterMatchesConsultations(filter: DemandFilter): boolean {
  if (filter.kinds.length && !filter.kinds.includes("consultation")) return false;
  return (
    !filter.cpv.length &&
    !filter.regions.length &&
    !filter.standards.length &&
    !filter.expectations.length &&
    filter.budgetFrom === null &&
    filter.budgetTo === null &&
    !filter.quarterFrom &&
    !filter.quarterTo &&
    !filter.backgroundIp &&
    filter.integrationBudget === null
  );
}

export interface DemandFilter {
  /** Free text, searched with PostgreSQL's Norwegian configuration. */
  q: string | null;
  /** Kinds of event, and `consultation` for consultations (høring). */
  kinds: DemandKind[];
  /** CPV prefixes ("48", "48814"): each selects its subtree in the vocabulary. */
  cpv: string[];
  /** Buyer: an organisation slug (co-buyers count too), or part of a buyer's name. */
  buyer: string | null;
  sectors: BuyerSector[];
  regions: Region[];
  /** Standard codes from the catalogue. */
  standards: string[];
  expectations: ExpectationStatus[];
  /** Budget frame overlap, in millions of NOK. */
  budgetFrom: number | null;
  budgetTo: number | null;
  quarterFrom: Quarter | null;
  quarterTo: Quarter | null;
  /** Only events whose registration deadline has not passed. */
  open: boolean;
  /** Only events whose IP terms say background IP stays with the vendor (issue 17). */
  backgroundIp: boolean;
  /** `ownDelivery=exclude`: leave out events in areas where the buyer delivers itself (issue 19). */
  excludeOwnDelivery: boolean;
  /** "included": only events whose integration budget is inside the budget frame (issue 19, `integrationBudget=included`). */
  integrationBudget: "included" | null;
  sort: DemandSort;
  cursor: DemandCursor | null;
  limit: number;
}

export interface IgnoredParameter {
  param: string;
  value: string;
  /** An error code; the page says it in the reader's language (demand:ignored.<code>). */
  code: "invalid_value" | "unknown_cpv" | "range_reversed" | "cursor_invalid" | "too_long";
}

export const EMPTY_FILTER: Readonly<DemandFilter> = {
  q: null,
  kinds: [],
  cpv: [],
  buyer: null,
  sectors: [],
  regions: [],
  standards: [],
  expectations: [],
  budgetFrom: null,
  budgetTo: null,
  quarterFrom: null,
  quarterTo: null,
  open: false,
  backgroundIp: false,
  excludeOwnDelivery: false,
  integrationBudget: null,
  sort: "deadline",
  cursor: null,
  limit: DEFAULT_PAGE_SIZE,
};


// The Zod schemas are built when a filter is first parsed, not when the module loads: the
// route modules import this file for their loaders, and a schema built at import time would
// keep Zod in the browser bundle after the loader is stripped. Built once, then kept: building
// them took 3 % of the API's CPU when it happened on every request (issue 20).
let built: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (built ??= buildSchemas());

function buildSchemas() {
  return {
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100),
    // Millions of NOK as people type them: "4", "4.5", "4,5", "1 500".
    millions: z
      .string()
      .transform((s) => s.replace(/[\s\u00a0]/g, "").replace(",", "."))
      .pipe(z.string().regex(/^\d{1,7}(\.\d{1,3})?$/))
      .transform(Number),
    quarter: z
      .string()
      .transform((s) => s.trim().toUpperCase())
      .refine(isQuarter),
  };
}

/** "48814000-7", "48814000" or "488" → the prefix that selects the subtree, if the vocabulary has codes under it. */
export function normaliseCpvPrefix(value: string): string | null {
  const trimmed = value.trim();
  let prefix: string;
  if (/^\d{8}(-\d)?$/.test(trimmed)) prefix = cpvPrefix(trimmed);
  else if (/^\d{2,8}$/.test(trimmed)) prefix = trimmed;
  else return null;
  return CPV_CODES.some((entry) => entry.code.startsWith(prefix)) ? prefix : null;
}

/** The vocabulary codes a set of prefixes selects: what the indexed `cpv_codes && array[…]` filter needs. */
export function cpvCodesUnder(prefixes: readonly string[]): string[] {
  return CPV_CODES.filter((entry) => prefixes.some((prefix) => entry.code.startsWith(prefix))).map((entry) => entry.code);
}

// What a sort key looks like as the database writes it (…::text), checked before it goes
// back into a query so that a hand-edited cursor is ignored rather than failing a cast.
const CURSOR_KEY: Record<DemandSort, RegExp> = {
  relevance: /^-?\d+(\.\d+)?(e-?\d+)?$/i,
  deadline: /^(infinity|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z))$/,
  tender: /^(\d{4}-Q[1-4]|9999-Q9)$/,
  budget: /^-?\d{1,18}$/,
};

export function encodeCursor(cursor: DemandCursor): string {
  return toBase64Url(JSON.stringify([cursor.sort, cursor.key, cursor.id]));
}

export function decodeCursor(value: string): DemandCursor | null {
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(value));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [sort, key, id] = parsed as unknown[];
    if (typeof sort !== "string" || !(DEMAND_SORTS as readonly string[]).includes(sort)) return null;
    if (typeof key !== "string" || !CURSOR_KEY[sort as DemandSort].test(key)) return null;
    if (typeof id !== "string" || !isUuid(id)) return null;
    return { sort: sort as DemandSort, key, id };
  } catch {
    return null;
  }
}

function oneOf<T extends string>(values: readonly T[]) {
  return (value: string): value is T => (values as readonly string[]).includes(value);
}

/**
 * Reads the filter from query parameters. Repeated parameters (kind, cpv, sector, region,
 * standard, expectation) combine with OR inside the parameter; different parameters with AND.
 */
export function parseDemandFilter(params: URLSearchParams): { filter: DemandFilter; ignored: IgnoredParameter[] } {
  const ignored: IgnoredParameter[] = [];
  const filter: DemandFilter = { ...EMPTY_FILTER };
  const { slug: Slug, millions: Millions, quarter: Quarter } = schemas();
  // Empty fields are what a GET form sends for "any": not an error.
  const skip = (param: string, value: string, code: IgnoredParameter["code"] = "invalid_value") =>
    ignored.push({ param, value: value.slice(0, 100), code });
  // A NUL character cannot be stored or compared in PostgreSQL text: such a value is ignored
  // here rather than failing the query with a 500.
  const all = (name: string) =>
    params
      .getAll(name)
      .map((v) => v.trim())
      .filter((v) => {
        if (!v.includes("\u0000")) return v !== "";
        skip(name, v.replaceAll("\u0000", "\uFFFD"));
        return false;
      });
  const one = (name: string) => all(name)[0] ?? null;

  const listOf = <T extends string>(name: string, accept: (v: string) => v is T): T[] => {
    const out: T[] = [];
    for (const value of all(name)) {
      if (!accept(value)) skip(name, value);
      else if (!out.includes(value)) out.push(value);
    }
    return out;
  };

  const q = one("q");
  if (q !== null) {
    if (q.length > 200) skip("q", q, "too_long");
    else filter.q = q;
  }
  filter.kinds = listOf("kind", oneOf(DEMAND_KINDS));
  filter.sectors = listOf("sector", oneOf(BUYER_SECTORS));
  filter.regions = listOf("region", oneOf(REGIONS));
  filter.expectations = listOf("expectation", oneOf(EXPECTATION_STATUSES));
  filter.standards = listOf("standard", (v): v is string => Slug.safeParse(v).success);

  const cpv: string[] = [];
  for (const value of all("cpv")) {
    const prefix = normaliseCpvPrefix(value);
    if (prefix === null) skip("cpv", value, "unknown_cpv");
    else if (!cpv.includes(prefix)) cpv.push(prefix);
  }
  filter.cpv = cpv;

  const buyer = one("buyer");
  if (buyer !== null) {
    if (buyer.length > 100) skip("buyer", buyer, "too_long");
    else filter.buyer = buyer;
  }

  for (const name of ["budgetFrom", "budgetTo"] as const) {
    const value = one(name);
    if (value === null) continue;
    const parsed = Millions.safeParse(value);
    if (parsed.success) filter[name] = parsed.data;
    else skip(name, value);
  }
  if (filter.budgetFrom !== null && filter.budgetTo !== null && filter.budgetFrom > filter.budgetTo) {
    skip("budgetTo", String(filter.budgetTo), "range_reversed");
    filter.budgetTo = null;
  }

  for (const name of ["quarterFrom", "quarterTo"] as const) {
    const value = one(name);
    if (value === null) continue;
    const parsed = Quarter.safeParse(value);
    if (parsed.success) filter[name] = parsed.data as Quarter;
    else skip(name, value);
  }
  if (filter.quarterFrom && filter.quarterTo && filter.quarterFrom > filter.quarterTo) {
    skip("quarterTo", filter.quarterTo, "range_reversed");
    filter.quarterTo = null;
  }

  for (const name of ["open", "backgroundIp"] as const) {
    const value = one(name);
    if (value === null) continue;
    if (["1", "true", "on", "yes"].includes(value)) filter[name] = true;
    else if (!["0", "false", "off", "no"].includes(value)) skip(name, value);
  }

  const ownDelivery = one("ownDelivery");
  if (ownDelivery === "exclude") filter.excludeOwnDelivery = true;
  else if (ownDelivery !== null && ownDelivery !== "include") skip("ownDelivery", ownDelivery);
  const integrationBudget = one("integrationBudget");
  if (integrationBudget === "included") filter.integrationBudget = "included";
  else if (integrationBudget !== null) skip("integrationBudget", integrationBudget);

  // Relevance needs words to rank by; without them the list is read by deadline.
  const sort = one("sort");
  if (sort !== null && !oneOf(DEMAND_SORTS)(sort)) skip("sort", sort);
  filter.sort = sort !== null && oneOf(DEMAND_SORTS)(sort) ? sort : filter.q ? "relevance" : "deadline";
  if (filter.sort === "relevance" && !filter.q) filter.sort = "deadline";

  const limit = one("limit");
  if (limit !== null) {
    const n = /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
    if (n >= 1 && n <= MAX_PAGE_SIZE) filter.limit = n;
    else skip("limit", limit);
  }

  const cursor = one("cursor");
  if (cursor !== null) {
    const decoded = decodeCursor(cursor);
    // A cursor from another sort order would skip or repeat events: start from the top instead.
    if (decoded && decoded.sort === filter.sort) filter.cursor = decoded;
    else skip("cursor", cursor, "cursor_invalid");
  }

  return { filter, ignored };
}

/**
 * The parameters without the empty ones ("" or blanks: what a GET form sends for "any"), or
 * null when none is empty. The pages send the reader to the shorter URL, so a shared link
 * carries only the filter that was chosen.
 */
export function withoutEmptyParameters(params: URLSearchParams): URLSearchParams | null {
  const kept = [...params].filter(([, value]) => value.trim() !== "");
  return kept.length === params.size ? null : new URLSearchParams(kept);
}

/**
 * The filter back as query parameters, in a stable order: links to the next page, the
 * pipeline, the CSV and the API. `cursor` and `limit` only when asked for.
 */
export function demandSearchParams(
  filter: DemandFilter,
  { cursor = null, limit = false }: { cursor?: DemandCursor | null; limit?: boolean } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  for (const kind of filter.kinds) params.append("kind", kind);
  for (const prefix of filter.cpv) params.append("cpv", prefix);
  if (filter.buyer) params.set("buyer", filter.buyer);
  for (const sector of filter.sectors) params.append("sector", sector);
  for (const region of filter.regions) params.append("region", region);
  for (const standard of filter.standards) params.append("standard", standard);
  for (const status of filter.expectations) params.append("expectation", status);
  if (filter.budgetFrom !== null) params.set("budgetFrom", String(filter.budgetFrom));
  if (filter.budgetTo !== null) params.set("budgetTo", String(filter.budgetTo));
  if (filter.quarterFrom) params.set("quarterFrom", filter.quarterFrom);
  if (filter.quarterTo) params.set("quarterTo", filter.quarterTo);
  if (filter.open) params.set("open", "1");
  if (filter.backgroundIp) params.set("backgroundIp", "1");
  if (filter.excludeOwnDelivery) params.set("ownDelivery", "exclude");
  if (filter.integrationBudget) params.set("integrationBudget", filter.integrationBudget);
  const defaultSort = filter.q ? "relevance" : "deadline";
  if (filter.sort !== defaultSort) params.set("sort", filter.sort);
  if (limit && filter.limit !== DEFAULT_PAGE_SIZE) params.set("limit", String(filter.limit));
  if (cursor) params.set("cursor", encodeCursor(cursor));
  return params;
}
