import type { Db } from "@db/client";
import { differenceBySector, ownersDiffer, type CostBenefit, type SectorDifference } from "~/domain/cost-benefit";
import type { EventFields } from "~/domain/event-input";
import type { BuyerSector } from "~/domain/organisations";
import type { Problem } from "~/domain/problems";

// Who pays and who benefits on events (issue 19): the organisations named must be public
// buyers; the page names them; /insights counts, by sector, how often the two differ.

/** Named organisations that are not buyer organisations (public bodies), at their field. */
export async function costBenefitPartyProblems(db: Db, input: EventFields["costBenefit"]): Promise<Problem[]> {
  if (!input) return [];
  const sides = [
    ["costOwners", input.costOwners],
    ["benefitOwners", input.benefitOwners],
  ] as const;
  const ids = [...new Set(sides.flatMap(([, parties]) => parties.flatMap((p) => (p.organisationId ? [p.organisationId] : []))))];
  if (ids.length === 0) return [];
  const found = await db.selectFrom("organisations").select(["id", "isBuyer"]).where("id", "in", ids).execute();
  const problems: Problem[] = [];
  for (const [side, parties] of sides) {
    parties.forEach((p, i) => {
      if (!p.organisationId) return;
      const org = found.find((o) => o.id === p.organisationId);
      if (!org)
        problems.push({
          path: `costBenefit.${side}.${i}.organisationId`,
          code: "unknown_organisation",
        });
      else if (!org.isBuyer)
        problems.push({
          path: `costBenefit.${side}.${i}.organisationId`,
          code: "party_not_a_buyer",
        });
    });
  }
  return problems;
}

/** The input as stored: every key present, null where not given. */
export function costBenefitOfInput(input: NonNullable<EventFields["costBenefit"]>): CostBenefit {
  const party = (p: { organisationId?: string | null; sector?: BuyerSector | null }) => ({
    organisationId: p.organisationId ?? null,
    sector: p.sector ?? null,
  });
  return {
    costOwners: input.costOwners.map((p) => ({
      ...party(p),
      sharePercent: p.sharePercent ?? null,
    })),
    benefitOwners: input.benefitOwners.map(party),
  };
}

export interface NamedParty {
  organisationId: string | null;
  sector: BuyerSector | null;
  /** The organisation's name and public slug, when an organisation is named. */
  name: string | null;
  slug: string | null;
  sharePercent: number | null;
}

/** The parties with the names of the organisations, and whether payers and gainers differ: for the event page and the API (read-only). */
export async function costBenefitParties(
  db: Db,
  cb: CostBenefit | null,
): Promise<{
  costOwners: NamedParty[];
  benefitOwners: NamedParty[];
  ownersDiffer: boolean;
} | null> {
  if (!cb) return null;
  const ids = [...cb.costOwners, ...cb.benefitOwners].flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  const orgs = ids.length ? await db.selectFrom("organisations").select(["id", "name", "slug"]).where("id", "in", ids).execute() : [];
  const named = (p: { organisationId: string | null; sector: BuyerSector | null; sharePercent?: number | null }): NamedParty => {
    const org = orgs.find((o) => o.id === p.organisationId);
    return {
      organisationId: p.organisationId,
      sector: p.sector,
      name: org?.name ?? null,
      slug: org?.slug ?? null,
      sharePercent: p.sharePercent ?? null,
    };
  };
  return {
    costOwners: cb.costOwners.map(named),
    benefitOwners: cb.benefitOwners.map(named),
    ownersDiffer: ownersDiffer(cb),
  };
}

/** Published events that say who pays and who benefits, counted by paying sector: how many, and how many where the two differ. */
export async function costBenefitBySector(db: Db): Promise<SectorDifference[]> {
  const events = await db
    .selectFrom("events")
    .select("costBenefit")
    .where("status", "in", ["published", "closed"])
    .where("costBenefit", "is not", null)
    .execute();
  const ids = [
    ...new Set(
      events.flatMap((e) => [...e.costBenefit!.costOwners, ...e.costBenefit!.benefitOwners].flatMap((p) => (p.organisationId ? [p.organisationId] : []))),
    ),
  ];
  const orgs = ids.length ? await db.selectFrom("organisations").select(["id", "buyerSector"]).where("id", "in", ids).execute() : [];
  const sectorOf = (p: { organisationId: string | null; sector: BuyerSector | null }): BuyerSector =>
    p.sector ?? orgs.find((o) => o.id === p.organisationId)?.buyerSector ?? "other";
  return differenceBySector(
    events.map((e) => ({
      payerSectors: e.costBenefit!.costOwners.map(sectorOf),
      beneficiarySectors: e.costBenefit!.benefitOwners.map(sectorOf),
    })),
  );
}
