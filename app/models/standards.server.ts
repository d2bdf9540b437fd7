import { sql } from "kysely";
import type { Db } from "@db/client";
import type { StandardLevel } from "~/domain/events";
import type { NationalStatus, StandardOrigin } from "~/domain/standard-readiness";

// The standards roadmap across buyers, as their published events declare it: which buyer
// requires, recommends or plans which standard from when, and how many open events name it.

export interface StandardDemand {
  buyerName: string;
  buyerSlug: string;
  level: StandardLevel;
  /** The earliest date the buyer's events give for this level ("YYYY-MM-DD"), if any. */
  from: string | null;
  events: number;
}

export interface StandardRoadmap {
  id: string;
  code: string;
  name: string;
  category: string;
  descriptionNb: string;
  descriptionEn: string;
  url: string | null;
  origin: StandardOrigin;
  nationalStatus: NationalStatus;
  openEvents: number;
  buyers: StandardDemand[];
  /** Buyer rows (buyer × requirement level) beyond the first BUYERS_SHOWN. */
  moreBuyers: number;
}

export const BUYERS_SHOWN = 20;

export async function standardsRoadmap(db: Db): Promise<StandardRoadmap[]> {
  const [standards, demands] = await Promise.all([
    db
      .selectFrom("standards")
      .leftJoin("eventStandards", "eventStandards.standardId", "standards.id")
      .leftJoin("events", (join) => join.onRef("events.id", "=", "eventStandards.eventId").on("events.status", "=", "published"))
      .select([
        "standards.id",
        "standards.code",
        "standards.name",
        "standards.category",
        "standards.descriptionNb",
        "standards.descriptionEn",
        "standards.url",
        "standards.origin",
        "standards.nationalStatus",
        (eb) => eb.fn.count<number>("events.id").distinct().as("openEvents"),
      ])
      .groupBy(["standards.id"])
      .orderBy("standards.category")
      .orderBy("standards.name")
      .execute(),
    // Per standard, the first BUYERS_SHOWN buyer rows (required before recommended before
    // planned, earliest date first) and how many there are in all: at national scale a
    // standard can be named by hundreds of buyers, and the page links to the full list.
    sql<StandardDemand & { code: string; total: number }>`
      select code, "buyerName", "buyerSlug", level, "from", events, total from (
        select standards.code, buyer.name as "buyerName", buyer.slug as "buyerSlug", event_standards.level,
               min(event_standards.applies_from)::text as "from", count(*)::int as events,
               count(*) over (partition by standards.code)::int as total,
               row_number() over (
                 partition by standards.code
                 order by array_position(array['required','recommended','planned'], event_standards.level),
                          min(event_standards.applies_from) nulls last, buyer.name
               ) as position
        from event_standards
        join events on events.id = event_standards.event_id and events.status = 'published'
        join standards on standards.id = event_standards.standard_id
        join organisations buyer on buyer.id = events.buyer_id
        group by standards.code, buyer.name, buyer.slug, event_standards.level
      ) ranked
      where position <= ${BUYERS_SHOWN}
      order by code, position`
      .execute(db)
      .then((result) => result.rows),
  ]);
  return standards.map((standard) => {
    const rows = demands.filter((d) => d.code === standard.code);
    return {
      ...standard,
      openEvents: Number(standard.openEvents),
      buyers: rows.map(({ code: _code, total: _total, ...d }) => ({ ...d, events: Number(d.events) })),
      moreBuyers: Math.max(0, (rows[0]?.total ?? 0) - rows.length),
    };
  });
}
