import { sql, type SqlBool } from "kysely";
import type { Db } from "@db/client";
import { filterMatchesConsultations, type DemandFilter } from "~/domain/demand-filter";
import { shapeSearch } from "~/domain/search-query";
import { searchCondition } from "./demand-search.server";

// Consultations (høring, issue 18) read through /demand's filter: the list (demand.server.ts
// merges them with the events for the page, the API and the CSV), and the feeds, watches and
// their digests. A consultation is listed while it is open for responses (a closed event is
// not listed either); it matches the text (title, organiser, case number, summary, questions —
// never a response, migration 0068), `kind=consultation`, the organiser as buyer, and a sector
// as the organiser's or one of its target groups. Filters on what a consultation does not have
// (CPV, region, standard, expectation, budget, quarter, IP terms) match none.

export const DEMAND_CONSULTATIONS = 10;

/** Open consultations matching the filter, with the organiser joined as `organiser`; no order, no page (/demand's list reads it too). */
export function consultationsMatching(db: Db, filter: DemandFilter, now: Date) {
  let query = db
    .selectFrom("consultations")
    .leftJoin("organisations as organiser", "organiser.id", "consultations.organiserId")
    .where("consultations.deadline", ">", now);
  if (!filterMatchesConsultations(filter)) query = query.where(sql<SqlBool>`false`);
  if (filter.q) query = query.where(searchCondition(shapeSearch(filter.q), "consultations"));
  if (filter.sectors.length) {
    const sectors = filter.sectors;
    query = query.where((eb) =>
      eb.or([eb("organiser.buyerSector", "in", sectors), sql<SqlBool>`consultations.target_sectors && array[${sql.join(sectors)}]::text[]`]),
    );
  }
  if (filter.buyer) {
    const buyer = filter.buyer;
    const namePattern = `%${buyer.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("organiser.slug", "=", buyer), eb("organiser.name", "ilike", namePattern)]));
  }
  return query;
}

const COLUMNS = [
  "consultations.id",
  "consultations.title",
  "consultations.subject",
  "consultations.caseNumber",
  "consultations.deadline",
  "consultations.effortLevel",
  "consultations.hoursPerResponder",
  "consultations.createdAt",
  "organiser.name as organiserName",
] as const;

/** The filter's consultations for a feed: most recently opened first. */
export async function latestConsultationsForDemand(db: Db, filter: DemandFilter, { now = new Date(), limit = DEMAND_CONSULTATIONS } = {}) {
  return consultationsMatching(db, filter, now).select(COLUMNS).orderBy("consultations.createdAt", "desc").orderBy("consultations.id", "desc").limit(limit).execute();
}

export type DemandConsultation = Awaited<ReturnType<typeof latestConsultationsForDemand>>[number];

/** Which of `ids` the filter matches (a watch's digest asks about the consultations opened since its last round). */
export async function matchingConsultationIds(db: Db, filter: DemandFilter, ids: string[], now = new Date()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await consultationsMatching(db, filter, now).select("consultations.id").where("consultations.id", "in", ids).execute();
  return new Set(rows.map((row) => row.id));
}
