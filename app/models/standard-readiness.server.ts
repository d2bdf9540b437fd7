import type { Db } from "@db/client";
import { isUuid } from "~/domain/ids";
import { readinessPath, readinessProblems, type ReadinessCounts, type ReadinessEntry } from "~/domain/standard-readiness";
import { fail, ok, type Result } from "~/domain/result";
import { audit, type AuditedActor } from "./audit.server";

// A vendor's readiness per standard (issue 19), kept in vendor_standards: written by the
// vendor's admins for their own organisation only, read back publicly as counts.

/** Every standard in the catalogue with what this vendor has said about it (null: nothing yet). */
export async function vendorReadiness(db: Db, organisationId: string) {
  return db
    .selectFrom("standards")
    .leftJoin("vendorStandards", (join) =>
      join.onRef("vendorStandards.standardId", "=", "standards.id").on("vendorStandards.organisationId", "=", organisationId),
    )
    .select([
      "standards.id",
      "standards.code",
      "standards.name",
      "standards.category",
      "standards.origin",
      "standards.nationalStatus",
      "vendorStandards.readiness",
      "vendorStandards.plannedQuarter",
    ])
    .orderBy("standards.category")
    .orderBy("standards.name")
    .execute();
}

/**
 * Replaces what the organisation has declared with `entries` (a standard left out is not
 * declared), in one transaction: unknown standards and bad quarters store nothing.
 */
export async function saveVendorReadiness(
  db: Db,
  organisationId: string,
  entries: readonly ReadinessEntry[],
  actor: AuditedActor,
  now = new Date(),
): Promise<Result<{ declared: number }>> {
  const problems = readinessProblems(entries, now);
  return db.transaction().execute(async (trx) => {
    const ids = entries.map((e) => e.standardId);
    // Only well-formed ids reach the query; any other is simply not a standard.
    const candidates = ids.filter(isUuid);
    const known = new Set(candidates.length ? (await trx.selectFrom("standards").select("id").where("id", "in", candidates).execute()).map((r) => r.id) : []);
    for (const id of ids)
      if (!known.has(id))
        problems.push({
          path: readinessPath(id, "readiness"),
          code: "unknown_standard",
        });
    if (problems.length) return fail("invalid", problems);
    await trx.deleteFrom("vendorStandards").where("organisationId", "=", organisationId).execute();
    if (entries.length) {
      await trx
        .insertInto("vendorStandards")
        .values(
          entries.map((e) => ({
            organisationId,
            standardId: e.standardId,
            readiness: e.readiness,
            plannedQuarter: e.readiness === "planned" ? e.plannedQuarter : null,
            updatedAt: now,
          })),
        )
        .execute();
    }
    await audit(trx, {
      action: "organisation_updated",
      actorUserId: actor.userId,
      organisationId,
      ip: actor.ip,
      details: { standardsReadiness: entries.length },
    });
    return ok({ declared: entries.length });
  });
}

/** Per standard id, how many vendor organisations support it, plan it, or do not: counts, never names. */
export async function readinessAcrossVendors(db: Db): Promise<Record<string, ReadinessCounts>> {
  const rows = await db
    .selectFrom("vendorStandards")
    .innerJoin("organisations", "organisations.id", "vendorStandards.organisationId")
    .where("organisations.isVendor", "=", true)
    .select(["vendorStandards.standardId", "vendorStandards.readiness", (eb) => eb.fn.countAll<string>().as("count")])
    .groupBy(["vendorStandards.standardId", "vendorStandards.readiness"])
    .execute();
  const counts: Record<string, ReadinessCounts> = {};
  for (const row of rows) {
    const c = (counts[row.standardId] ??= {
      supported: 0,
      planned: 0,
      notSupported: 0,
    });
    c[row.readiness === "not_supported" ? "notSupported" : row.readiness] = Number(row.count);
  }
  return counts;
}
