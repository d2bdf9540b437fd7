import type { CostBenefitParty } from "~/domain/cost-benefit";
import { sql, type SqlBool } from "kysely";
import type { Db } from "@db/client";
import { SECTOR_NB, type OcdsAward, type OcdsEvent, type OcdsOrganisation } from "~/domain/ocds";
import { listEventsContracts, type OcdsContractRow } from "./contract-reads.server";
import { dataProtectionOfRow, ipTermsOfRow, nonUseUndertakingOfRow, scopeOfRow } from "./event-row.server";

// Published events for the OCDS release feed, oldest change first, read by keyset on
// (updated_at, id) so that a harvester can page through and come back with ?since=.

export interface OcdsPageCursor {
  updatedAt: string;
  id: string;
}

const ORG_COLUMNS = ["id", "name", "orgNumber", "country", "foreignRegistryId", "website"] as const;

export async function listOcdsEvents(
  db: Db,
  { since, after, limit }: { since: Date | null; after: OcdsPageCursor | null; limit: number },
): Promise<{ events: OcdsEvent[]; next: OcdsPageCursor | null }> {
  // Published events, and closed ones that were procured (their release gains the award and contracts).
  let query = db
    .selectFrom("events")
    .selectAll("events")
    .where((eb) => eb.or([eb("events.status", "=", "published"), eb.and([eb("events.status", "=", "closed"), eb("events.outcome", "=", "procured")])]));
  if (since) query = query.where("events.updatedAt", ">=", since);
  if (after) {
    // The key goes in as text: a driver that sees a timestamptz parameter may round it
    // through a JavaScript Date and lose the microseconds PostgreSQL keeps.
    query = query.where(sql<SqlBool>`(events.updated_at, events.id) > (cast(${after.updatedAt}::text as timestamptz), cast(${after.id}::text as uuid))`);
  }
  const rows = await query
    .select(sql<string>`events.updated_at::text`.as("updatedAtKey"))
    .orderBy("events.updatedAt")
    .orderBy("events.id")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? { updatedAt: last.updatedAtKey, id: last.id } : null;

  const orgIds = [...new Set(page.map((row) => row.buyerId))];
  const procured = page.filter((row) => row.outcome === "procured");
  const contracts = procured.length ? await listEventsContracts(db, procured.map((row) => row.id)) : [];
  for (const id of [...procured.map((row) => row.outcomeWinnerId), ...contracts.flatMap((c) => c.vendorIds)]) if (id && !orgIds.includes(id)) orgIds.push(id);
  const coBuyers = page.length
    ? // Only co-buyers that accepted are parties (issue 19): an invitation names nobody.
      await db.selectFrom("eventCoBuyers").select(["eventId", "organisationId"]).where("eventId", "in", page.map((r) => r.id)).where("status", "=", "accepted").execute()
    : [];
  for (const c of coBuyers) if (!orgIds.includes(c.organisationId)) orgIds.push(c.organisationId);
  // Organisations named as paying or benefiting (issue 19) are named in the document, not made parties.
  for (const row of page) for (const party of [...(row.costBenefit?.costOwners ?? []), ...(row.costBenefit?.benefitOwners ?? [])]) if (party.organisationId && !orgIds.includes(party.organisationId)) orgIds.push(party.organisationId);
  const orgs = orgIds.length
    ? await db.selectFrom("organisations").select([...ORG_COLUMNS]).where("id", "in", orgIds).execute()
    : [];
  const orgById = new Map<string, OcdsOrganisation>(orgs.map((o) => [o.id, o]));

  const events = page.map(
    (row): OcdsEvent => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      description: row.description,
      publishedAt: row.publishedAt ?? row.updatedAt,
      updatedAt: row.updatedAt,
      cpvCodes: row.cpvCodes,
      registrationDeadline: row.registrationDeadline,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      responseDeadline: row.responseDeadline,
      expectationStatus: row.expectationStatus,
      budgetMinNok: row.budgetMinNok,
      budgetMaxNok: row.budgetMaxNok,
      fundingSource: row.fundingSource,
      expectedValueNok: row.expectedValueNok,
      expectedQuantity: row.expectedQuantity,
      quantityUnit: row.quantityUnit,
      expectedTenderQuarter: row.expectedTenderQuarter,
      expectedContractStart: row.expectedContractStart,
      buyer: orgById.get(row.buyerId)!,
      coBuyers: coBuyers.filter((c) => c.eventId === row.id).map((c) => orgById.get(c.organisationId)!),
      award: row.outcome === "procured" ? awardOf(row, contracts.filter((c) => c.eventId === row.id), orgById) : null,
      intellectualProperty: ipTermsOfRow(row),
      nonUseUndertaking: nonUseUndertakingOfRow(row),
      scope: scopeOfRow(row),
      dataProtection: dataProtectionOfRow(row),
      costBenefit: row.costBenefit && {
        costOwners: row.costBenefit.costOwners.map((o) => ({ name: partyName(o, orgById), sharePercent: o.sharePercent })),
        benefitOwners: row.costBenefit.benefitOwners.map((o) => ({ name: partyName(o, orgById) })),
      },
    }),
  );
  return { events, next };
}

/** A paying or benefiting party in words: the organisation's name, or its sector. */
function partyName(party: CostBenefitParty, orgById: Map<string, OcdsOrganisation>): string {
  if (party.organisationId) return orgById.get(party.organisationId)?.name ?? "en navngitt virksomhet";
  return party.sector ? SECTOR_NB[party.sector] : "";
}

function awardOf(row: { outcomeContractDate: string | null; outcomeContractValueNok: number | null; outcomeWinnerId: string | null }, contracts: OcdsContractRow[], orgById: Map<string, OcdsOrganisation>): OcdsAward {
  const supplierIds = [...new Set([row.outcomeWinnerId, ...contracts.flatMap((c) => c.vendorIds)].filter((id): id is string => id !== null))];
  return {
    date: row.outcomeContractDate,
    valueNok: row.outcomeContractValueNok,
    suppliers: supplierIds.map((id) => orgById.get(id)).filter((o): o is OcdsOrganisation => o !== undefined),
    contracts: contracts.map(({ eventId: _eventId, vendorIds: _vendorIds, ...contract }) => contract),
  };
}
