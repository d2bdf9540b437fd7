import type { Db } from "@db/client";
import { checkCallOff, checkCallOffResponse, checkContract, checkOptionDecision, type ContractPeriod } from "~/domain/contracts";
import type { CallOffInput, CallOffResponseInput, ContractInput, NewContractInput, OptionDecisionInput } from "~/domain/contract-forms";
import { checkCallOffImport, importable, parseCallOffCsv, type ImportRow } from "~/domain/call-off-import";
import { isUuid } from "~/domain/ids";
import { isQuarter } from "~/domain/quarters";
import { fail, failAt, ok, type Result } from "~/domain/result";
import { contractPartyOf, type ContractParty } from "./contract-reads.server";

// Writing contracts: recorded by the buyer (from a procured outcome or on their own), their
// call-offs per quarter, the vendor's answer to each quarter, and the buyer's decision on each
// option. Each write locks the contract row, so two writers see each other's quarters.

export interface ContractOrigin {
  buyerId: string;
  userId: string;
  /** The event whose procured outcome the contract comes from. */
  eventId: string | null;
  /** Used when the input names no title (the event's title). */
  defaultTitle: string | null;
}

/**
 * Stores a contract in the caller's transaction (recordOutcome's, or createContract's). The
 * caller has checked that the user acts for the buyer; the vendors must be vendor organisations.
 */
export async function insertContract(trx: Db, origin: ContractOrigin, input: ContractInput): Promise<Result<{ contractId: string }>> {
  const title = input.title ?? origin.defaultTitle;
  if (!title) return failAt("invalid", "title", "required");
  const vendors = await trx.selectFrom("organisations").select(["id", "isVendor"]).where("id", "in", input.vendorOrganisationIds).execute();
  for (const [i, id] of input.vendorOrganisationIds.entries()) {
    const vendor = vendors.find((v) => v.id === id);
    if (!vendor) return failAt("invalid", `vendorOrganisationIds.${i}`, "unknown_organisation");
    if (!vendor.isVendor) return failAt("invalid", `vendorOrganisationIds.${i}`, "not_a_vendor");
  }
  const rules = checkContract(input);
  if (!rules.ok) return fail("refused", rules.problems);
  const capacityRequired = input.capacityRequired ?? false;
  const { id } = await trx
    .insertInto("contracts")
    .values({
      buyerId: origin.buyerId,
      eventId: origin.eventId,
      type: input.type,
      title,
      startDate: input.start,
      baseEnd: input.baseEnd,
      indicatedAnnualValueNok: input.indicatedAnnualValueNok ?? null,
      indicatedAnnualQuantity: input.indicatedAnnualQuantity ?? null,
      unit: input.unit ?? null,
      bindingMinimumNok: input.bindingMinimumNok ?? null,
      bindingMinimumQuantity: input.bindingMinimumQuantity ?? null,
      capacityRequired,
      capacityLeadTimeWeeks: capacityRequired ? (input.capacityLeadTimeWeeks ?? null) : null,
      depreciationMonths: input.depreciationMonths ?? null,
      createdBy: origin.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.insertInto("contractVendors").values(input.vendorOrganisationIds.map((organisationId) => ({ contractId: id, organisationId }))).execute();
  const options = input.options ?? [];
  if (options.length) {
    await trx
      .insertInto("contractOptions")
      .values(options.map((o, i) => ({ contractId: id, number: i + 1, months: o.months, noticeDeadline: o.noticeDeadline })))
      .execute();
  }
  return ok({ contractId: id });
}

/**
 * A contract entered directly by a member of a buyer organisation: an agreement from before
 * the portal, or the contract of one of the buyer's events recorded as procured.
 */
export async function createContract(
  db: Db,
  member: { userId: string; organisationId: string },
  { eventId = null, ...input }: NewContractInput,
): Promise<Result<{ contractId: string }>> {
  return db.transaction().execute(async (trx) => {
    const buyer = await trx.selectFrom("organisations").select("isBuyer").where("id", "=", member.organisationId).executeTakeFirst();
    if (!buyer?.isBuyer) return fail("forbidden");
    let defaultTitle: string | null = null;
    if (eventId) {
      const event = await trx.selectFrom("events").select(["title", "outcome"]).where("id", "=", eventId).where("buyerId", "=", member.organisationId).executeTakeFirst();
      if (!event) return failAt("invalid", "eventId", "unknown_event");
      if (event.outcome !== "procured") return failAt("refused", "eventId", "event_not_procured");
      defaultTitle = event.title;
    }
    // insertContract judges everything before its first write: a refusal leaves nothing behind.
    return insertContract(trx, { buyerId: member.organisationId, userId: member.userId, eventId, defaultTitle }, input);
  });
}

/** The contract row locked for the rest of the transaction, and the acting user's side of it. */
async function lockContract(trx: Db, contractId: string, userId: string): Promise<Result<{ party: ContractParty; contract: { id: string; startDate: string; baseEnd: string } }>> {
  if (!isUuid(contractId)) return fail("not_found");
  const contract = await trx.selectFrom("contracts").select(["id", "buyerId", "startDate", "baseEnd"]).where("id", "=", contractId).forUpdate().executeTakeFirst();
  if (!contract) return fail("not_found");
  const party = await contractPartyOf(trx, contract, userId);
  return ok({ party, contract });
}

async function optionsOf(trx: Db, contractId: string) {
  return trx.selectFrom("contractOptions").selectAll().where("contractId", "=", contractId).orderBy("number").execute();
}

/** The contract locked for the buyer, with its period and the quarters recorded; else the failure. */
async function lockForBuyer(trx: Db, userId: string, contractId: string): Promise<Result<{ id: string; period: ContractPeriod; recorded: string[] }>> {
  const locked = await lockContract(trx, contractId, userId);
  if (!locked.ok) return locked;
  if (locked.value.party !== "buyer") return fail("forbidden");
  const { contract } = locked.value;
  const [options, recorded] = await Promise.all([
    optionsOf(trx, contract.id),
    trx.selectFrom("contractCallOffs").select("quarter").where("contractId", "=", contract.id).execute(),
  ]);
  return ok({ id: contract.id, period: { start: contract.startDate, baseEnd: contract.baseEnd, options }, recorded: recorded.map((r) => r.quarter) });
}

async function insertCallOffs(trx: Db, contractId: string, userId: string, inputs: readonly CallOffInput[]) {
  await trx
    .insertInto("contractCallOffs")
    .values(inputs.map((input) => ({ contractId, quarter: input.quarter, valueNok: input.valueNok ?? null, quantity: input.quantity ?? null, note: input.note ?? null, recordedBy: userId })))
    .execute();
}

/** The buyer records one quarter's call-offs. */
export async function recordCallOff(db: Db, userId: string, contractId: string, input: CallOffInput): Promise<Result<{ quarter: string }>> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockForBuyer(trx, userId, contractId);
    if (!locked.ok) return locked;
    const rules = checkCallOff(locked.value.period, input, locked.value.recorded);
    if (!rules.ok) return fail("refused", rules.problems);
    await insertCallOffs(trx, locked.value.id, userId, [input]);
    return ok({ quarter: input.quarter });
  });
}

/** A CSV's rows, each checked against the contract as it stands, under the buyer's lock on it. */
async function checkedImport(trx: Db, userId: string, contractId: string, csv: string): Promise<Result<{ id: string; rows: ImportRow[] }>> {
  const locked = await lockForBuyer(trx, userId, contractId);
  if (!locked.ok) return locked;
  const parsed = parseCallOffCsv(csv);
  if (!parsed.ok) return fail("invalid", parsed.problems);
  return ok({ id: locked.value.id, rows: checkCallOffImport(locked.value.period, parsed.rows, locked.value.recorded) });
}

/** A CSV of call-offs row by row, for the buyer's preview; nothing is written. A file-level failure (empty, too many rows) is refused whole. */
export async function previewCallOffImport(db: Db, userId: string, contractId: string, csv: string): Promise<Result<{ rows: ImportRow[] }>> {
  return db.transaction().execute(async (trx) => {
    const checked = await checkedImport(trx, userId, contractId, csv);
    return checked.ok ? ok({ rows: checked.value.rows }) : checked;
  });
}

/** Every row of the CSV recorded, or none: the rows are checked again under the contract's lock. */
export async function importCallOffs(db: Db, userId: string, contractId: string, csv: string): Promise<Result<{ count: number; rows: ImportRow[] }>> {
  return db.transaction().execute(async (trx) => {
    const checked = await checkedImport(trx, userId, contractId, csv);
    if (!checked.ok) return checked;
    const { id, rows } = checked.value;
    if (!importable(rows)) return failAt("refused", "csv", "import_has_errors");
    await insertCallOffs(trx, id, userId, rows.map((r) => r.input!));
    return ok({ count: rows.length, rows });
  });
}

/** A vendor on the contract confirms or disputes a quarter, once. */
export async function respondToCallOff(
  db: Db,
  userId: string,
  contractId: string,
  quarter: string,
  input: CallOffResponseInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ quarter: string; response: CallOffResponseInput["response"] }>> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockContract(trx, contractId, userId);
    if (!locked.ok) return locked;
    if (locked.value.party !== "vendor") return fail("forbidden");
    if (!isQuarter(quarter)) return fail("not_found");
    const callOff = await trx.selectFrom("contractCallOffs").select(["id", "response"]).where("contractId", "=", contractId).where("quarter", "=", quarter).executeTakeFirst();
    if (!callOff) return fail("not_found");
    if (callOff.response !== null) return failAt("conflict", "response", "call_off_answered");
    const rules = checkCallOffResponse(input);
    if (!rules.ok) return fail("refused", rules.problems);
    await trx
      .updateTable("contractCallOffs")
      .set({ response: input.response, account: input.account ?? null, respondedBy: userId, respondedAt: now })
      .where("id", "=", callOff.id)
      .execute();
    return ok({ quarter, response: input.response });
  });
}

/** The buyer exercises or declines option `number`; options are taken in order. */
export async function decideOption(
  db: Db,
  userId: string,
  contractId: string,
  number: number,
  input: OptionDecisionInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ number: number; status: OptionDecisionInput["decision"] }>> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockContract(trx, contractId, userId);
    if (!locked.ok) return locked;
    if (locked.value.party !== "buyer") return fail("forbidden");
    const options = await optionsOf(trx, contractId);
    const option = options.find((o) => o.number === number);
    if (!option) return fail("not_found");
    if (option.status !== "open") return failAt("conflict", "decision", "option_decided");
    const rules = checkOptionDecision(input);
    if (!rules.ok) return fail("refused", rules.problems);
    // An option extends the period after the ones before it: it cannot follow one not taken.
    if (input.decision === "exercised" && options.some((o) => o.number < number && o.status !== "exercised")) {
      return failAt("refused", "decision", "earlier_option_not_exercised");
    }
    await trx
      .updateTable("contractOptions")
      .set({ status: input.decision, reason: input.reason ?? null, decidedAt: now, decidedBy: userId })
      .where("contractId", "=", contractId)
      .where("number", "=", number)
      .execute();
    return ok({ number, status: input.decision });
  });
}
