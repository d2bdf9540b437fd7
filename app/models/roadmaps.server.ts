import { sql } from "kysely";
import type { Db } from "@db/client";
import { failAt, ok, type Result } from "~/domain/result";
import type { RoadmapStatus } from "~/domain/roadmap";

// Buyers' own standards roadmaps: one entry per standard as it stands, and every change
// kept in buyer_roadmap_changes (dated, by which organisation) in the same transaction.

export interface RoadmapEntry {
  code: string;
  name: string;
  status: RoadmapStatus;
  /** "YYYY-MM-DD": since (implemented), from (required), by (planned). */
  date: string | null;
  note: string;
  changedAt: Date;
  /** Published events of this buyer naming the standard. */
  openEvents: number;
}

export interface RoadmapChange {
  id: number;
  code: string;
  name: string;
  /** null: taken off the roadmap. */
  status: RoadmapStatus | null;
  date: string | null;
  note: string;
  changedAt: Date;
  organisationName: string;
}

/** The buyer's roadmap (ordered by status, then date) and its latest changes. */
export async function buyerRoadmap(db: Db, organisationId: string, { changes = 50 } = {}) {
  const [entries, history] = await Promise.all([
    db
      .selectFrom("buyerRoadmapEntries as r")
      .innerJoin("standards", "standards.id", "r.standardId")
      .select([
        "standards.code",
        "standards.name",
        "r.status",
        sql<string | null>`r.date::text`.as("date"),
        "r.note",
        "r.changedAt",
        sql<number>`(select count(*)::int from event_standards es join events e on e.id = es.event_id
          where es.standard_id = r.standard_id and e.buyer_id = r.organisation_id and e.status = 'published')`.as("openEvents"),
      ])
      .where("r.organisationId", "=", organisationId)
      .orderBy(sql`array_position(array['required','planned','implemented'], r.status)`)
      .orderBy("r.date")
      .orderBy("standards.name")
      .execute(),
    db
      .selectFrom("buyerRoadmapChanges as c")
      .innerJoin("standards", "standards.id", "c.standardId")
      .innerJoin("organisations", "organisations.id", "c.organisationId")
      .select(["c.id", "standards.code", "standards.name", "c.status", sql<string | null>`c.date::text`.as("date"), "c.note", "c.changedAt", "organisations.name as organisationName"])
      .where("c.organisationId", "=", organisationId)
      .orderBy("c.changedAt", "desc")
      .orderBy("c.id", "desc")
      .limit(changes)
      .execute(),
  ]);
  return { entries: entries as RoadmapEntry[], history: history as RoadmapChange[] };
}

export interface BuyerRoadmapRow {
  buyerName: string;
  buyerSlug: string;
  status: RoadmapStatus;
  date: string | null;
  note: string;
  changedAt: Date;
}

/** Per standard code, what buyers' own roadmaps say (required, then planned, then implemented; earliest first). */
export async function roadmapsByStandard(db: Db, { perStandard = 20 } = {}): Promise<Record<string, BuyerRoadmapRow[]>> {
  const rows = await sql<BuyerRoadmapRow & { code: string }>`
    select code, "buyerName", "buyerSlug", status, date, note, "changedAt" from (
      select standards.code, buyer.name as "buyerName", buyer.slug as "buyerSlug", r.status, r.date::text as date,
             r.note, r.changed_at as "changedAt",
             row_number() over (partition by standards.code
               order by array_position(array['required','planned','implemented'], r.status), r.date nulls last, buyer.name) as position
      from buyer_roadmap_entries r
      join standards on standards.id = r.standard_id
      join organisations buyer on buyer.id = r.organisation_id
    ) ranked
    where position <= ${perStandard}
    order by code, position`.execute(db);
  const out: Record<string, BuyerRoadmapRow[]> = {};
  for (const { code, ...row } of rows.rows) (out[code] ??= []).push({ ...row, changedAt: new Date(row.changedAt) });
  return out;
}

/** Buyers that keep a roadmap, for the links on /standards. */
export async function buyersWithRoadmaps(db: Db) {
  return db
    .selectFrom("organisations")
    .select(["organisations.name", "organisations.slug"])
    .where((eb) => eb.exists(eb.selectFrom("buyerRoadmapEntries as r").select(sql.lit(1).as("one")).whereRef("r.organisationId", "=", "organisations.id")))
    .orderBy("organisations.name")
    .limit(200)
    .execute();
}

/** Sets the buyer's entry for one standard and records the change. */
export async function saveRoadmapEntry(
  db: Db,
  { organisationId, userId }: { organisationId: string; userId: string },
  input: { standard: string; status: RoadmapStatus; date: string | null; note: string },
  now = new Date(),
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const standard = await trx.selectFrom("standards").select("id").where("code", "=", input.standard).executeTakeFirst();
    if (!standard) return failAt("invalid", "standard", "unknown_standard");
    const values = { status: input.status, date: input.date, note: input.note, changedAt: now, changedBy: userId };
    await trx
      .insertInto("buyerRoadmapEntries")
      .values({ organisationId, standardId: standard.id, ...values })
      .onConflict((oc) => oc.columns(["organisationId", "standardId"]).doUpdateSet(values))
      .execute();
    await trx.insertInto("buyerRoadmapChanges").values({ organisationId, standardId: standard.id, ...values }).execute();
    return ok();
  });
}

/** Takes a standard off the buyer's roadmap, recording that too; false if it was not on it. */
export async function removeRoadmapEntry(
  db: Db,
  { organisationId, userId }: { organisationId: string; userId: string },
  code: string,
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("buyerRoadmapEntries")
      .where("organisationId", "=", organisationId)
      .where("standardId", "=", (eb) => eb.selectFrom("standards").select("id").where("code", "=", code))
      .returning("standardId")
      .executeTakeFirst();
    if (!removed) return false;
    await trx
      .insertInto("buyerRoadmapChanges")
      .values({ organisationId, standardId: removed.standardId, status: null, date: null, note: "", changedAt: now, changedBy: userId })
      .execute();
    return true;
  });
}
