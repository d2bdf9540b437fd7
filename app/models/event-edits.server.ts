import type { Updateable } from "kysely";
import type { Db } from "@db/client";
import { jsonb } from "@db/jsonb";
import type { EventTable } from "@db/schema";
import { enqueueEmail } from "@emails/outbox.server";
import { diffDeclarations, type AmendmentChange } from "~/domain/amendments";
import type { EventCreateInput, EventFields } from "~/domain/event-input";
import type { EventStatus } from "~/domain/events";
import { isBlank, problemsOf, type Problem } from "~/domain/problems";
import { checkAmendment } from "~/domain/publishing";
import { adviseSourcing } from "~/domain/sourcing";
import { alignDataProtection, dataCategoryProblems } from "~/domain/data-protection";
import { scopeStorableProblems } from "~/domain/scope";
import { fixedT } from "~/i18n/i18n";
import { amendmentFieldLabel, amendmentValueText } from "~/i18n/amendment-text";
import { eventFor, type ActingUser, type BuyerMember } from "./event-access.server";
import { fail, type Result } from "~/domain/result";
import { costBenefitProblems } from "~/domain/cost-benefit";
import { costBenefitOfInput, costBenefitPartyProblems } from "./cost-benefit.server";
import { tellInvited } from "./co-buyers.server";
import { coBuyerIdsOf, eventStandardsOf, resolveReferences, standardsFromIds, writeReferences } from "./event-references.server";
import { declarationOf, nonUseUndertakingOfRow, toPublishable, type EventRow } from "./event-row.server";
import { undertakingColumns } from "./non-use-undertaking.server";
import { withOwnDelivery } from "./own-delivery.server";
import { participantMembers } from "./registration-reads.server";

// Creating an event and changing what it declares: a draft freely, a published event only
// as an amendment that says why, lists each change, and tells the vendors taking part.

/** Columns a create or patch may write, in the types they are read back in. */
type EventColumns = { [K in keyof EventRow & keyof Updateable<EventTable>]?: EventRow[K] };

/**
 * An event whose advice 0045 revised keeps what vendors were shown while its risk and need stay
 * as they were; a new answer gets the new table's advice and no longer counts as revised.
 */
function keepSourcingRevision(before: EventRow, columns: EventColumns): EventColumns {
  if (before.sourcingRevisedAt === null || columns.sourcingAdvice === undefined) return columns;
  const sameAnswer = (columns.sourcingRisk ?? null) === before.sourcingRisk && (columns.sourcingNeed ?? null) === before.sourcingNeed;
  if (sameAnswer) return { ...columns, sourcingAdvice: before.sourcingAdvice };
  return { ...columns, sourcingRevisedAdvice: null, sourcingRevisedAt: null };
}

/** Columns for the fields a create or patch names; undefined leaves a column as it is. */
function toColumns(input: EventFields): EventColumns {
  const c: EventColumns = {};
  const put = <K extends keyof EventColumns>(key: K, value: EventColumns[K]) => {
    if (value !== undefined) c[key] = value;
  };
  put("kind", input.kind);
  put("title", input.title);
  put("description", input.description);
  put("cpvCodes", input.cpv);
  put("region", input.region);
  put("registrationDeadline", input.registrationDeadline);
  put("startsAt", input.startsAt);
  put("endsAt", input.endsAt);
  put("responseDeadline", input.responseDeadline);
  put("location", input.location);
  put("onlineUrl", input.onlineUrl);
  put("capacity", input.capacity);
  put("attendeeLimitPerVendor", input.attendeeLimitPerVendor);
  put("ipTerms", input.ipTerms);
  if (input.effort) {
    put("effortLevel", input.effort.level);
    put("effortHoursPerVendor", input.effort.hoursPerVendor);
    put("kindsOfWork", input.effort.kindsOfWork);
    put("compensationNok", input.effort.compensationNok);
    put("compensationReason", input.effort.compensationReason);
  }
  const e = input.expectation;
  if (e !== undefined) {
    put("expectationStatus", e === null ? null : e.status);
    put("budgetMinNok", e === null ? null : e.budgetMinNok);
    put("budgetMaxNok", e === null ? null : e.budgetMaxNok);
    put("fundingSource", e === null ? null : e.fundingSource);
    put("expectedValueNok", e === null ? null : e.expectedValueNok);
    put("expectedQuantity", e === null ? null : e.quantity);
    put("quantityUnit", e === null ? null : e.unit);
    put("expectedTenderQuarter", e === null ? null : e.expectedTenderQuarter);
    put("expectedContractStart", e === null ? null : e.expectedContractStart);
  }
  const k = input.contract;
  if (k !== undefined) {
    put("contractForm", k === null ? null : k.form);
    put("contractBaseMonths", k === null ? null : k.baseMonths);
    put("contractOptionMonths", k === null ? null : k.optionMonths);
    put("contractHorizonMonths", k === null ? null : k.horizonMonths);
    put("contractDepreciationMonths", k === null ? null : k.depreciationMonths);
    put("contractJustification", k === null ? null : k.justification);
  }
  const s = input.sourcing;
  if (s !== undefined) {
    put("sourcingRisk", s === null ? null : s.risk);
    put("sourcingNeed", s === null ? null : s.need);
    // sourcingstrategi: the advice is the rule's answer, stored beside the buyer's choice.
    put("sourcingAdvice", s === null ? null : adviseSourcing(s).advice);
    put("sourcingReason", s === null ? null : s.reason);
    put("inHouseCostBasis", s === null ? null : (s.inHouseCostBasis ?? null));
  }
  if (input.dataProtection !== undefined) {
    // The older answers and the new shape agree (alignDataProtection); null clears the group.
    const d = input.dataProtection === null ? null : alignDataProtection(input.dataProtection);
    put("healthData", d === null ? null : d.healthData);
    put("dataResidency", d === null ? null : d.dataResidency);
    put("cloudAllowed", d === null ? null : d.cloudAllowed);
    put("dpiaNeeded", d === null ? null : d.dpiaNeeded);
    put("dataCategories", d === null ? [] : d.dataCategories);
    put("hostingConstraint", d === null ? null : d.hostingConstraint);
    put("dpiaStatus", d === null ? null : d.dpiaStatus);
    put("dataController", d === null ? null : d.dataController);
    put("privacyOwnerRole", d === null ? null : d.privacyOwnerRole);
    put("privacyOwnerOrganisation", d === null ? null : d.privacyOwnerOrganisation);
  }
  const sc = input.scope;
  if (sc !== undefined) {
    put("scopeItems", sc === null ? [] : sc.items);
    put("scopeIntegrations", sc === null ? [] : sc.integrations?.map((i) => ({ system: i.system, standard: i.standard ?? null })));
    put("interfaceDocs", sc === null ? null : sc.interfaceDocs);
    put("interfaceDocsUrl", sc === null ? null : sc.interfaceDocsUrl);
    put("identityAccess", sc === null ? [] : sc.identityAccess);
    put("identityAccessOther", sc === null ? null : sc.identityAccessOther);
    put("integrationBudgetIncluded", sc === null ? null : sc.integrationBudgetIncluded);
    put("integrationBudgetNok", sc === null ? null : sc.integrationBudgetNok);
    put("adaptationNeeds", sc === null ? null : sc.adaptationNeeds);
    put("serviceOwnerRole", sc === null ? null : sc.serviceOwnerRole);
    put("tcoHorizonYears", sc === null ? null : sc.tcoHorizonYears);
  }
  const ip = input.intellectualProperty;
  if (ip !== undefined) {
    put("ipBackgroundStaysWithVendor", ip === null ? null : ip.backgroundStaysWithVendor);
    put("ipForegroundOwner", ip === null ? null : ip.foregroundOwner);
    put("ipLicenceScope", ip === null ? null : ip.licenceScope);
    put("ipExistingProductsNotTransferred", ip === null ? null : ip.existingProductsNotTransferred);
    put("ipInputUse", ip === null ? null : ip.inputUse);
  }
  const p = input.pilotPath;
  if (p !== undefined) {
    put("pilotPlan", p === null ? null : p.plan);
    put("pilotQuarter", p === null ? null : p.quarter);
    put("pilotBudgetNok", p === null ? null : p.budgetNok);
    put("pilotCriteria", p === null ? [] : p.acceptanceCriteria);
    put("pilotBudgetEarmarked", p === null ? null : p.budgetEarmarked);
    put("pilotBudgetSource", p === null ? null : p.budgetSource);
    put("pilotDeciderRole", p === null ? null : p.deciderRole);
    put("pilotDeciderOrganisation", p === null ? null : p.deciderOrganisation);
    put("pilotOptionMaxPriceNok", p === null ? null : p.optionMaxPriceNok);
    put("pilotOptionWindowFrom", p === null ? null : p.optionWindowFrom);
    put("pilotOptionWindowTo", p === null ? null : p.optionWindowTo);
    put("pilotFunding", p === null ? [] : p.funding?.map((f) => ({ source: f.source, amountNok: f.amountNok ?? null, otherText: f.otherText ?? null })));
    put("pilotDuplicateReason", p === null ? null : p.duplicateReason);
    put("pilotVendorInvestmentHours", p === null ? null : p.vendorInvestmentHours);
    put("pilotVendorInvestmentNok", p === null ? null : p.vendorInvestmentNok);
  }
  if (input.costBenefit !== undefined) put("costBenefit", input.costBenefit === null ? null : costBenefitOfInput(input.costBenefit));
  return c;
}

/** The columns as written: the criteria list goes in as jsonb. */
function stored({ pilotCriteria, pilotFunding, costBenefit, scopeIntegrations, ...columns }: EventColumns) {
  return {
    ...columns,
    ...(costBenefit === undefined ? {} : { costBenefit: costBenefit === null ? null : jsonb(costBenefit) }),
    ...(scopeIntegrations === undefined ? {} : { scopeIntegrations: jsonb(scopeIntegrations) }),
    ...(pilotCriteria === undefined ? {} : { pilotCriteria: jsonb(pilotCriteria) }),
    ...(pilotFunding === undefined ? {} : { pilotFunding: jsonb(pilotFunding) }),
  };
}

/** What the database refuses even in a draft, said as field problems instead of a 500. */
function storableProblems(
  row: Pick<EventRow, "startsAt" | "endsAt" | "budgetMinNok" | "budgetMaxNok" | "costBenefit" | "integrationBudgetIncluded" | "integrationBudgetNok" | "dataCategories">,
): Problem[] {
  const problems: Problem[] = [];
  // Who pays and who benefits: optional, but what is declared reads without doubt (events_cost_benefit_valid).
  if (row.costBenefit) problems.push(...costBenefitProblems(row.costBenefit));
  if (row.startsAt && row.endsAt && row.endsAt.getTime() < row.startsAt.getTime()) {
    problems.push({ path: "endsAt", code: "ends_before_start" });
  }
  if (row.budgetMinNok !== null && row.budgetMaxNok !== null && row.budgetMinNok > row.budgetMaxNok) {
    problems.push({ path: "expectation.budgetMaxNok", code: "budget_range_invalid" });
  }
  problems.push(...scopeStorableProblems(row, row.budgetMaxNok), ...dataCategoryProblems(row.dataCategories));
  return problems;
}

/** Defaults of an unsaved row, to check a create like an update. */
const EMPTY_ROW: Parameters<typeof storableProblems>[0] = {
  startsAt: null,
  endsAt: null,
  budgetMinNok: null,
  budgetMaxNok: null,
  costBenefit: null,
  integrationBudgetIncluded: null,
  integrationBudgetNok: null,
  dataCategories: [],
};

/** A new draft for the member's (buyer) organisation. */
export async function createDraft(
  db: Db,
  member: BuyerMember,
  input: EventCreateInput,
  { baseUrl = null }: { /** Where invited co-buyers' mail links to; null sends none (seeding). */ baseUrl?: string | null } = {},
): Promise<Result<{ id: string; status: "draft" }>> {
  // Only buyers announce market dialogues; a vendor-only organisation cannot.
  if (!member.organisation.isBuyer) return fail("forbidden");
  return db.transaction().execute(async (trx) => {
    const refs = await resolveReferences(trx, member.organisation.id, input);
    if (!refs.ok) return refs;
    const columns = toColumns(input);
    const problems = [...storableProblems({ ...EMPTY_ROW, ...columns }), ...(await costBenefitPartyProblems(trx, input.costBenefit))];
    if (problems.length) return fail("invalid", problems);
    const { id } = await trx
      .insertInto("events")
      .values({ ...stored(columns), buyerId: member.organisation.id, kind: input.kind, title: input.title, description: input.description ?? "", status: "draft" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const invited = await writeReferences(trx, id, refs.value, member.user.id);
    if (baseUrl) await tellInvited(trx, id, invited, baseUrl);
    return { ok: true, value: { id, status: "draft" as const } };
  });
}

/**
 * Changes an event. A draft changes freely (buyer or co-buyer members). A published event
 * changes only with a reason, and the change is kept as an amendment listing each field
 * before and after; it must still pass the publishing rules. Closed events do not change.
 *
 * Every member of every vendor taking part (registered or wait-listed) is e-mailed the
 * amendment, its reason and the changed fields, in the same transaction.
 */
export async function updateEvent(
  db: Db,
  actor: ActingUser,
  id: string,
  input: EventFields,
  {
    reason = null,
    now = new Date(),
    baseUrl,
    nonUseUndertaking = false,
  }: { reason?: string | null; now?: Date; baseUrl: string; /** Given with an amendment that makes the event need it. */ nonUseUndertaking?: boolean },
): Promise<Result<{ id: string; status: EventStatus; amendment: { id: string; changes: AmendmentChange[] } | null }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, id, "co_buyer");
    if (!found.ok) return found;
    const { access, ...before } = found.value;
    // Who organises a joint event is the buyer's decision; co-buyers edit the rest.
    if (input.coBuyers !== undefined && access !== "buyer") return fail("forbidden");
    if (before.status === "closed") return fail("conflict", [{ path: "status", code: "event_closed" }]);
    const published = before.status === "published";
    // An amendment says why: vendors may have planned around what it changes.
    if (published && isBlank(reason)) return fail("invalid", [{ path: "reason", code: "reason_required" }]);
    const why = reason?.trim() ?? "";

    const refs = await resolveReferences(trx, before.buyerId, input);
    if (!refs.ok) return refs;
    const columns = keepSourcingRevision(before, toColumns(input));
    const after: EventRow = { ...before, ...columns };
    const storable = [...storableProblems(after), ...(await costBenefitPartyProblems(trx, input.costBenefit))];
    if (storable.length) return fail("invalid", storable);

    const [standardsBefore, coBuyersBefore] = await Promise.all([eventStandardsOf(trx, id), coBuyerIdsOf(trx, id)]);
    const standardsAfter = refs.value.standards
      ? await standardsFromIds(trx, refs.value.standards)
      : standardsBefore;
    const coBuyersAfter = refs.value.coBuyers ? [...refs.value.coBuyers].sort() : coBuyersBefore;

    let amendment: { id: string; changes: AmendmentChange[] } | null = null;
    if (published) {
      const tenderQuarterChanged = after.expectedTenderQuarter !== before.expectedTenderQuarter;
      const optionWindowChanged = after.pilotOptionWindowTo !== before.pilotOptionWindowTo;
      // næringsutvikling: an amendment that makes the event need IP terms also needs the undertaking.
      const undertakingNow = nonUseUndertaking && nonUseUndertakingOfRow(before) === null;
      const publishable = await withOwnDelivery(trx, before.buyerId, after.cpvCodes, toPublishable(after));
      const judged = { ...publishable, ...(undertakingNow ? { nonUseUndertaking: true } : {}) };
      const gate = problemsOf(checkAmendment(judged, { now, tenderQuarterChanged, optionWindowChanged }));
      if (gate.length) return fail("refused", gate);
      if (undertakingNow) Object.assign(columns, await undertakingColumns(trx, actor, now));
      const changes = diffDeclarations(
        declarationOf(before, standardsBefore, coBuyersBefore),
        declarationOf(after, standardsAfter, coBuyersAfter),
      );
      if (changes.length === 0) return { ok: true, value: { id, status: before.status, amendment: null } };
      const row = await trx
        .insertInto("eventAmendments")
        .values({ eventId: id, byUserId: actor.id, reason: why, changes: jsonb(changes), at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      amendment = { id: row.id, changes };
      // forutsigbarhet: vendors who planned around the event hear of every change.
      await notifyAmendment(trx, { id, title: after.title, buyerId: before.buyerId }, why, changes, baseUrl);
    }

    if (Object.keys(columns).length) {
      await trx.updateTable("events").set({ ...stored(columns), updatedAt: now }).where("id", "=", id).execute();
    }
    await tellInvited(trx, id, await writeReferences(trx, id, refs.value, actor.id), baseUrl);
    return { ok: true, value: { id, status: before.status, amendment } };
  });
}

/**
 * Tells every member of every taking-part vendor that a published event was amended, with
 * the reason and the changed fields. Called by updateEvent inside its transaction, so the
 * mail exists exactly when the amendment does.
 */
export async function notifyAmendment(trx: Db, event: { id: string; title: string; buyerId: string }, reason: string, changes: AmendmentChange[], baseUrl: string) {
  const recipients = await participantMembers(trx, event.id);
  if (recipients.length === 0) return 0;
  const buyer = await trx.selectFrom("organisations").select("name").where("id", "=", event.buyerId).executeTakeFirstOrThrow();
  for (const person of recipients) {
    const t = fixedT(person.language, "eventPage");
    const changed = changes.map((c) => ({
      field: amendmentFieldLabel(t, c.field),
      before: amendmentValueText(t, person.language, c.field, c.before),
      after: amendmentValueText(t, person.language, c.field, c.after),
    }));
    await enqueueEmail(trx, {
      template: "event-amended",
      to: person.email,
      language: person.language,
      data: { name: person.name, eventTitle: event.title, buyerName: buyer.name, reason, changes: changed, url: `${baseUrl}/events/${event.id}` },
    });
  }
  return recipients.length;
}
