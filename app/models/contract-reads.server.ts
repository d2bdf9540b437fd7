import type { Db } from "@db/client";
import {
  capacityWithoutCommitment,
  contractEnd,
  contractFigures,
  optionStarts,
  realisationByYear,
  type CallOffResponse,
  type ContractSummary,
  type ContractType,
  type OptionStatus,
  type YearRealisation,
} from "~/domain/contracts";
import { contractTasks, type ContractTask } from "~/domain/contract-tasks";
import { isUuid } from "~/domain/ids";
import type { OcdsContract } from "~/domain/ocds";
import { csvDocument, csvOsloTime } from "~/domain/csv";
import { osloDate } from "~/domain/zoned-time";
import { fixedT } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";

// Reading contracts. The facts are public (parties, periods, options, volumes, call-offs per
// quarter and whether the vendor confirmed or disputed them); the buyer's note and the
// vendor's account of a dispute are for the two parties only.

/** The acting user's side of a contract: a member of the buyer, of a vendor on it, or neither. */
export type ContractParty = "buyer" | "vendor" | null;

export async function contractPartyOf(db: Db, contract: { id: string; buyerId: string }, userId: string | null): Promise<ContractParty> {
  if (!userId) return null;
  const rows = await db
    .selectFrom("memberships")
    .select("organisationId")
    .where("userId", "=", userId)
    .where((eb) =>
      eb.or([
        eb("organisationId", "=", contract.buyerId),
        eb("organisationId", "in", eb.selectFrom("contractVendors").select("organisationId").where("contractId", "=", contract.id)),
      ]),
    )
    .execute();
  if (rows.some((r) => r.organisationId === contract.buyerId)) return "buyer";
  return rows.length ? "vendor" : null;
}

export interface ContractOptionView {
  number: number;
  months: number;
  noticeDeadline: string;
  /** The day its period would begin. */
  start: string;
  status: OptionStatus;
  reason: string | null;
}

export interface CallOffView {
  quarter: string;
  valueNok: number | null;
  quantity: number | null;
  response: CallOffResponse | null;
  /** The day the buyer recorded the quarter (YYYY-MM-DD). */
  recordedAt: string;
  /** For the parties only (null for everyone else). */
  note: string | null;
  account: string | null;
}

type OrgRef = { id: string; name: string; slug: string };

export interface ContractView {
  id: string;
  title: string;
  type: ContractType;
  buyer: OrgRef;
  vendors: OrgRef[];
  event: { id: string; title: string } | null;
  start: string;
  baseEnd: string;
  /** The last day with the options exercised so far. */
  end: string;
  options: ContractOptionView[];
  indicatedAnnualValueNok: number | null;
  indicatedAnnualQuantity: number | null;
  unit: string | null;
  bindingMinimumNok: number | null;
  bindingMinimumQuantity: number | null;
  capacityRequired: boolean;
  capacityLeadTimeWeeks: number | null;
  capacityWithoutCommitment: boolean;
  depreciationMonths: number | null;
  callOffs: CallOffView[];
  realisation: YearRealisation[];
}

/** Contracts with their vendors, options and call-offs, as the public sees them and the parties beyond. */
async function loadContracts(db: Db, ids: string[], { partyOf, now }: { partyOf: (c: { id: string; buyerId: string }) => ContractParty; now: Date }): Promise<ContractView[]> {
  if (!ids.length) return [];
  const [rows, vendors, options, callOffs] = await Promise.all([
    db
      .selectFrom("contracts")
      .innerJoin("organisations as b", "b.id", "contracts.buyerId")
      .leftJoin("events", "events.id", "contracts.eventId")
      .selectAll("contracts")
      .select(["b.name as buyerName", "b.slug as buyerSlug", "events.title as eventTitle", "events.status as eventStatus"])
      .where("contracts.id", "in", ids)
      .orderBy("contracts.startDate", "desc")
      .orderBy("contracts.id")
      .execute(),
    db
      .selectFrom("contractVendors")
      .innerJoin("organisations", "organisations.id", "contractVendors.organisationId")
      .select(["contractVendors.contractId", "organisations.id", "organisations.name", "organisations.slug"])
      .where("contractVendors.contractId", "in", ids)
      .orderBy("organisations.name")
      .execute(),
    db.selectFrom("contractOptions").selectAll().where("contractId", "in", ids).orderBy("number").execute(),
    db.selectFrom("contractCallOffs").selectAll().where("contractId", "in", ids).orderBy("quarter").execute(),
  ]);
  return rows.map((row) => {
    const party = partyOf(row);
    const own = options.filter((o) => o.contractId === row.id);
    const starts = optionStarts(row.baseEnd, own);
    const quarters = callOffs
      .filter((c) => c.contractId === row.id)
      .map((c) => ({
        quarter: c.quarter,
        valueNok: c.valueNok,
        quantity: c.quantity,
        response: c.response,
        recordedAt: c.recordedAt.toISOString().slice(0, 10),
        note: party ? c.note : null,
        account: party ? c.account : null,
      }));
    return {
      id: row.id,
      title: row.title,
      type: row.type,
      buyer: { id: row.buyerId, name: row.buyerName, slug: row.buyerSlug },
      vendors: vendors.filter((v) => v.contractId === row.id).map(({ id, name, slug }) => ({ id, name, slug })),
      // A draft event is not public: the link would lead nowhere for most readers.
      event: row.eventId && row.eventTitle && row.eventStatus !== "draft" ? { id: row.eventId, title: row.eventTitle } : null,
      start: row.startDate,
      baseEnd: row.baseEnd,
      end: contractEnd({ start: row.startDate, baseEnd: row.baseEnd, options: own }),
      options: own.map((o, i) => ({ number: o.number, months: o.months, noticeDeadline: o.noticeDeadline, start: starts[i]!, status: o.status, reason: o.reason })),
      indicatedAnnualValueNok: row.indicatedAnnualValueNok,
      indicatedAnnualQuantity: row.indicatedAnnualQuantity,
      unit: row.unit,
      bindingMinimumNok: row.bindingMinimumNok,
      bindingMinimumQuantity: row.bindingMinimumQuantity,
      capacityRequired: row.capacityRequired,
      capacityLeadTimeWeeks: row.capacityLeadTimeWeeks,
      capacityWithoutCommitment: capacityWithoutCommitment(row),
      depreciationMonths: row.depreciationMonths,
      callOffs: quarters,
      realisation: realisationByYear(
        { start: row.startDate, indicatedAnnualValueNok: row.indicatedAnnualValueNok, indicatedAnnualQuantity: row.indicatedAnnualQuantity, callOffs: quarters },
        osloDate(now),
      ),
    };
  });
}

/** One contract and what the viewer may do with it; null for an id that is none. */
export async function getContractForViewer(
  db: Db,
  id: string,
  userId: string | null,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ contract: ContractView; party: ContractParty } | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom("contracts").select(["id", "buyerId"]).where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const party = await contractPartyOf(db, row, userId);
  const [contract] = await loadContracts(db, [id], { partyOf: () => party, now });
  return contract ? { contract, party } : null;
}

/** The contracts that came from an event, for its page (public facts only). */
export async function listEventContracts(db: Db, eventId: string, { now = new Date() }: { now?: Date } = {}): Promise<ContractView[]> {
  const rows = await db.selectFrom("contracts").select("id").where("eventId", "=", eventId).execute();
  return loadContracts(db, rows.map((r) => r.id), { partyOf: () => null, now });
}

/** A buyer's contracts, newest start first (public facts only): the scorecard's sources. */
export async function listBuyerContracts(db: Db, buyerId: string, { now = new Date() }: { now?: Date } = {}): Promise<ContractView[]> {
  const rows = await db.selectFrom("contracts").select("id").where("buyerId", "=", buyerId).execute();
  return loadContracts(db, rows.map((r) => r.id), { partyOf: () => null, now });
}

/**
 * A buyer's contracts with at least one recorded call-off, for /buyers/{id}/call-offs.csv
 * (public facts only: the notes and accounts are left out as for any non-party).
 */
export async function listBuyerCallOffContracts(db: Db, buyerId: string, { now = new Date() }: { now?: Date } = {}): Promise<ContractView[]> {
  const rows = await db
    .selectFrom("contracts")
    .select("id")
    .where("buyerId", "=", buyerId)
    .where((eb) => eb.exists(eb.selectFrom("contractCallOffs").select("contractCallOffs.id").whereRef("contractCallOffs.contractId", "=", "contracts.id")))
    .execute();
  return loadContracts(db, rows.map((r) => r.id), { partyOf: () => null, now });
}

/** The contracts an organisation is party to, as buyer or as vendor, newest start first, with its side of each. */
export async function listOrganisationContracts(db: Db, organisationId: string, { now = new Date() }: { now?: Date } = {}): Promise<ContractView[]> {
  const rows = await db
    .selectFrom("contracts")
    .select("id")
    .where((eb) =>
      eb.or([
        eb("buyerId", "=", organisationId),
        eb("id", "in", eb.selectFrom("contractVendors").select("contractId").where("organisationId", "=", organisationId)),
      ]),
    )
    .execute();
  return loadContracts(db, rows.map((r) => r.id), { partyOf: (c) => (c.buyerId === organisationId ? "buyer" : "vendor"), now });
}

/**
 * The contracts that can still ask something of a party as of `now`: those whose base period
 * ended within the last year, or that have options (an exercised option extends the period).
 */
export async function listLiveContracts(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<ContractView[]> {
  const yearAgo = new Date(now.getTime() - 366 * 86_400_000).toISOString().slice(0, 10);
  const rows = await db
    .selectFrom("contracts")
    .select("id")
    .where((eb) => eb.or([eb("baseEnd", ">=", yearAgo), eb.exists(eb.selectFrom("contractOptions").select("contractId").whereRef("contractOptions.contractId", "=", "contracts.id"))]))
    .execute();
  return loadContracts(db, rows.map((r) => r.id), { partyOf: () => null, now });
}

/** One contract in an organisation's workspace: its side, what it asks of that side, its figures. */
export interface WorkspaceContract {
  id: string;
  title: string;
  type: ContractType;
  party: "buyer" | "vendor";
  /** The other side: the vendors for the buyer, the buyer for a vendor. */
  counterparts: OrgRef[];
  start: string;
  end: string;
  capacityWithoutCommitment: boolean;
  openOptions: number;
  tasks: ContractTask[];
  indicatedNok: number;
  realisedNok: number;
  share: number | null;
  disputedQuarters: number;
  quarters: number;
}

/** The contracts workspace: every contract the organisation is party to, with its tasks as of `now`. */
export async function getContractWorkspace(db: Db, organisationId: string, { now = new Date() }: { now?: Date } = {}): Promise<WorkspaceContract[]> {
  const contracts = await listOrganisationContracts(db, organisationId, { now });
  return contracts.map((c) => {
    const party = c.buyer.id === organisationId ? "buyer" : "vendor";
    return {
      id: c.id,
      title: c.title,
      type: c.type,
      party,
      counterparts: party === "buyer" ? c.vendors : [c.buyer],
      start: c.start,
      end: c.end,
      capacityWithoutCommitment: c.capacityWithoutCommitment,
      openOptions: c.options.filter((o) => o.status === "open").length,
      tasks: contractTasks(c, party, osloDate(now)),
      ...contractFigures([summaryOf(c)], osloDate(now)).realisation,
    };
  });
}

/** A view in the shape the scorecard's figures read. */
export function summaryOf(c: ContractView): ContractSummary {
  return {
    id: c.id,
    type: c.type,
    start: c.start,
    indicatedAnnualValueNok: c.indicatedAnnualValueNok,
    indicatedAnnualQuantity: c.indicatedAnnualQuantity,
    bindingMinimumNok: c.bindingMinimumNok,
    bindingMinimumQuantity: c.bindingMinimumQuantity,
    capacityRequired: c.capacityRequired,
    options: c.options,
    callOffs: c.callOffs,
  };
}

/** One of the buyer's events recorded as procured, for the new-contract form; null otherwise. */
export async function getBuyerEventTitle(db: Db, buyerId: string, eventId: string): Promise<{ id: string; title: string } | null> {
  if (!isUuid(eventId)) return null;
  const row = await db
    .selectFrom("events")
    .select(["id", "title"])
    .where("id", "=", eventId)
    .where("buyerId", "=", buyerId)
    .where("outcome", "=", "procured")
    .executeTakeFirst();
  return row ?? null;
}

/** The scorecard's contract figures for a buyer, and each contract's own, as of `now`. */
export async function getBuyerContractFigures(db: Db, buyerId: string, { now = new Date() }: { now?: Date } = {}) {
  const contracts = await listBuyerContracts(db, buyerId, { now });
  const summaries = contracts.map(summaryOf);
  return {
    figures: contractFigures(summaries, osloDate(now)),
    contracts: contracts.map((c, i) => ({
      id: c.id,
      title: c.title,
      type: c.type,
      capacityWithoutCommitment: c.capacityWithoutCommitment,
      ...contractFigures([summaries[i]!], osloDate(now)).realisation,
    })),
  };
}

/** A contract as the open-data release tells it, with its event and vendors. */
export type OcdsContractRow = OcdsContract & { eventId: string; vendorIds: string[] };

/** The contracts of several events, for the OCDS releases (public facts only). */
export async function listEventsContracts(db: Db, eventIds: string[], { now = new Date() }: { now?: Date } = {}): Promise<OcdsContractRow[]> {
  const rows = await db.selectFrom("contracts").select(["id", "eventId"]).where("eventId", "in", eventIds).execute();
  const views = await loadContracts(db, rows.map((r) => r.id), { partyOf: () => null, now });
  return views.map((c) => ({
    id: c.id,
    eventId: rows.find((r) => r.id === c.id)!.eventId!,
    vendorIds: c.vendors.map((v) => v.id),
    title: c.title,
    start: c.start,
    baseEnd: c.baseEnd,
    maxEnd: contractEnd({ start: c.start, baseEnd: c.baseEnd, options: c.options.map((o) => ({ ...o, status: "exercised" as const })) }),
    indicatedAnnualValueNok: c.indicatedAnnualValueNok,
    bindingMinimumNok: c.bindingMinimumNok,
    capacityWithoutCommitment: c.capacityWithoutCommitment,
    options: c.options.map(({ number, months, noticeDeadline, status }) => ({ number, months, noticeDeadline, status })),
    callOffs: c.callOffs.map(({ quarter, valueNok }) => ({ quarter, valueNok })),
  }));
}

/**
 * A contract's call-offs as CSV (app/domain/csv.ts) for its parties, in the reader's language:
 * the import's four columns first (quarter, value, quantity, note; the unit beside them),
 * then the vendor's answer and account, and when the buyer recorded the quarter, in Oslo.
 */
export async function callOffsCsv(db: Db, contract: { id: string; unit: string | null }, language: Language): Promise<string> {
  const t = fixedT(language, "contracts");
  const rows = await db
    .selectFrom("contractCallOffs")
    .select(["quarter", "valueNok", "quantity", "note", "response", "account", "recordedAt"])
    .where("contractId", "=", contract.id)
    .orderBy("quarter")
    .execute();
  const header = (["quarter", "valueNok", "quantity", "unit", "note", "response", "account", "recordedAt"] as const).map((k) => t(`callOffsCsv.${k}`));
  return csvDocument([
    header,
    ...rows.map((r) => [r.quarter, r.valueNok, r.quantity, contract.unit, r.note, t(`callOffs.states.${r.response ?? "none"}`), r.account, csvOsloTime(r.recordedAt)]),
  ]);
}
