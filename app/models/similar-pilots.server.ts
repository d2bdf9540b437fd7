import { sql, type SqlBool } from "kysely";
import type { Db } from "@db/client";
import { needsPilotTerms } from "~/domain/pilot";
import { cpvClass, needSimilarity, similarPilots, type EarlierPilot } from "~/domain/pilot-similarity";
import type { EventRow } from "./event-row.server";

// The duplicate-pilot warning (issue 16): which earlier pilots, R&D and innovation partnerships
// a pilot is on the same need as (app/domain/pilot-similarity.ts). A draft is compared with the
// pilots as they stand now; a published event names those it was shown when it was published.

/** An earlier pilot as the form, the event page, the register and the API name it. */
export interface SimilarPilot {
  id: string;
  title: string;
  buyer: { name: string; slug: string };
  /** The words of the need the two share, by their first six letters. */
  sharedTerms: string[];
}

type NeedRow = Pick<EventRow, "id" | "buyerId" | "kind" | "contractForm" | "status" | "cpvCodes" | "title" | "description" | "pilotDuplicateOf">;

const pilotKinds = sql<SqlBool>`(e.kind in ('pilot', 'rnd_partnership') or e.contract_form = 'innovation_partnership')`;

/** Published pilots in one of `classes` with their exit records, the candidates the domain judges. */
async function candidates(db: Db, classes: string[]) {
  if (classes.length === 0) return [];
  return db
    .selectFrom("events as e")
    .innerJoin("organisations as o", "o.id", "e.buyerId")
    .leftJoin("pilotExits as x", "x.eventId", "e.id")
    .select([
      "e.id",
      "e.title",
      "e.description",
      "e.cpvCodes",
      "o.name as buyerName",
      "o.slug as buyerSlug",
      sql<Date | null>`coalesce(e.ends_at, e.closed_at)`.as("endedAt"),
      "x.results",
      "x.decision",
    ])
    .where("e.status", "<>", "draft")
    .where(pilotKinds)
    .where(sql<SqlBool>`exists (select 1 from unnest(e.cpv_codes) c where left(c, 4) = any(array[${sql.join(classes)}]::text[]))`)
    .where("x.decision", "=", "stopped")
    .execute();
}

/** The earlier pilots on the same need as a draft, as of `now`, most alike first. */
export async function findSimilarPilots(db: Db, event: NeedRow, { now = new Date() }: { now?: Date } = {}): Promise<SimilarPilot[]> {
  if (!needsPilotTerms(event.kind, event.contractForm)) return [];
  const rows = await candidates(db, [...new Set(event.cpvCodes.map(cpvClass))]);
  const earlier: EarlierPilot[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    cpvCodes: r.cpvCodes,
    endedAt: r.endedAt,
    exit: r.decision && r.results ? { results: r.results, decision: r.decision } : null,
  }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return similarPilots(event, earlier, now).map((m) => {
    const r = byId.get(m.id)!;
    return { id: m.id, title: r.title, buyer: { name: r.buyerName, slug: r.buyerSlug }, sharedTerms: m.sharedTerms };
  });
}

/** Earlier pilots named by stored ids (events.pilot_duplicate_of), by id: their title, need and buyer. */
export async function namedPilots(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { id: string; title: string; description: string | null; buyer: { name: string; slug: string } }>();
  const rows = await db
    .selectFrom("events as e")
    .innerJoin("organisations as o", "o.id", "e.buyerId")
    .select(["e.id", "e.title", "e.description", "o.name as buyerName", "o.slug as buyerSlug"])
    .where("e.id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, description: r.description, buyer: { name: r.buyerName, slug: r.buyerSlug } }]));
}

/** The pilots an event names: found now for a draft, those it was shown at publishing otherwise. */
export async function similarPilotsOf(db: Db, event: NeedRow, { now = new Date() }: { now?: Date } = {}): Promise<SimilarPilot[]> {
  if (event.status === "draft") return findSimilarPilots(db, event, { now });
  const named = await namedPilots(db, event.pilotDuplicateOf);
  const need = `${event.title}\n${event.description ?? ""}`;
  return event.pilotDuplicateOf.flatMap((id) => {
    const p = named.get(id);
    if (!p) return [];
    return [{ id, title: p.title, buyer: p.buyer, sharedTerms: needSimilarity(need, `${p.title}\n${p.description ?? ""}`).sharedTerms }];
  });
}
