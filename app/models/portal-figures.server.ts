import { sql } from "kysely";
import type { Db } from "@db/client";

export interface PortalFigures {
  openEvents: number;
  buyers: number;
  vendors: number;
  declaredBudgetMaxNok: number;
}

/** The headline figures on the home page, in one round trip. */
export async function getPortalFigures(db: Db): Promise<PortalFigures> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("events").where("status", "=", "published").select(sql<number>`count(*)::int`.as("n")).as("openEvents"),
      eb.selectFrom("organisations").where("isBuyer", "=", true).select(sql<number>`count(*)::int`.as("n")).as("buyers"),
      eb.selectFrom("organisations").where("isVendor", "=", true).select(sql<number>`count(*)::int`.as("n")).as("vendors"),
      eb
        .selectFrom("events")
        .where("status", "=", "published")
        .select(sql<number>`coalesce(sum(budget_max_nok), 0)::int8`.as("n"))
        .as("declaredBudgetMaxNok"),
    ])
    .executeTakeFirstOrThrow();
  return {
    openEvents: Number(row.openEvents ?? 0),
    buyers: Number(row.buyers ?? 0),
    vendors: Number(row.vendors ?? 0),
    declaredBudgetMaxNok: Number(row.declaredBudgetMaxNok ?? 0),
  };
}
