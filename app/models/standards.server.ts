import { sql } from "kysely";
import type { Db } from "@db/client";
import type { StandardLevel } from "~/domain/events";

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
  code: string;
  name: string;
  category: string;
  descriptionNb: string;
  descriptionEn: string;
  url: string | null;
  openEvents: number;
  buyers: StandardDemand[];
}

const LEVEL_ORDER: Record<StandardLevel, number> = { required: 0, recommended: 1, planned: 2 };

export async function standardsRoadmap(db: Db): Promise<StandardRoadmap[]> {
  const [standards, demands] = await Promise.all([
    db
      .selectFrom("standards")
      .leftJoin("eventStandards", "eventStandards.standardId", "standards.id")
      .leftJoin("events", (join) => join.onRef("events.id", "=", "eventStandards.eventId").on("events.status", "=", "published"))
      .select([
        "standards.code",
        "standards.name",
        "standards.category",
        "standards.descriptionNb",
        "standards.descriptionEn",
        "standards.url",
        (eb) => eb.fn.count<number>("events.id").distinct().as("openEvents"),
      ])
      .groupBy(["standards.id"])
      .orderBy("standards.category")
      .orderBy("standards.name")
      .execute(),
    db
      .selectFrom("eventStandards")
      .innerJoin("events", "events.id", "eventStandards.eventId")
      .innerJoin("standards", "standards.id", "eventStandards.standardId")
      .innerJoin("organisations as buyer", "buyer.id", "events.buyerId")
      .where("events.status", "=", "published")
      .select([
        "standards.code",
        "buyer.name as buyerName",
        "buyer.slug as buyerSlug",
        "eventStandards.level",
        sql<string | null>`min(event_standards.applies_from)::text`.as("from"),
        (eb) => eb.fn.countAll<number>().as("events"),
      ])
      .groupBy(["standards.code", "buyer.name", "buyer.slug", "eventStandards.level"])
      .execute(),
  ]);
  return standards.map((standard) => ({
    ...standard,
    openEvents: Number(standard.openEvents),
    buyers: demands
      .filter((d) => d.code === standard.code)
      .map(({ code: _code, ...d }) => ({ ...d, events: Number(d.events) }))
      .sort(
        (a, b) =>
          LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
          (a.from ?? "9999").localeCompare(b.from ?? "9999") ||
          a.buyerName.localeCompare(b.buyerName, "nb"),
      ),
  }));
}
