import type { Selectable } from "kysely";
import type { EventTable } from "@db/schema";
import type { NotProcuredReason, StandardLevel } from "~/domain/events";
import type { DataProtection } from "~/domain/data-protection";
import type { IpTerms } from "~/domain/ip-terms";
import type { PilotPath } from "~/domain/pilot";
import type { PublishableEvent } from "~/domain/publishing";
import type { Scope } from "~/domain/scope";

// The one mapping from an event's stored columns to the shapes others read: the domain's
// effort and expectation, the publishing rules' input, the declaration the API returns and
// amendments compare, and the recorded outcome.
export type EventRow = Selectable<EventTable>;

/** The effort an event asks for, from its stored columns, in the domain's shape. */
export function effortOfRow(row: Pick<EventRow, "effortLevel" | "effortHoursPerVendor" | "kindsOfWork" | "compensationNok" | "compensationReason">) {
  return {
    level: row.effortLevel,
    hoursPerVendor: row.effortHoursPerVendor,
    kindsOfWork: row.kindsOfWork,
    compensationNok: row.compensationNok,
    compensationReason: row.compensationReason,
  };
}

/** The declared purchase expectation, from its stored columns, in the domain's shape (null when none is declared). */
type ExpectationColumns = Pick<
  EventRow,
  | "expectationStatus"
  | "budgetMinNok"
  | "budgetMaxNok"
  | "fundingSource"
  | "expectedValueNok"
  | "expectedQuantity"
  | "quantityUnit"
  | "expectedTenderQuarter"
  | "expectedContractStart"
>;

export function expectationOfRow(row: ExpectationColumns) {
  return row.expectationStatus === null
    ? null
    : {
        status: row.expectationStatus,
        budgetMinNok: row.budgetMinNok,
        budgetMaxNok: row.budgetMaxNok,
        fundingSource: row.fundingSource,
        expectedValueNok: row.expectedValueNok,
        quantity: row.expectedQuantity,
        unit: row.quantityUnit,
        expectedTenderQuarter: row.expectedTenderQuarter,
        expectedContractStart: row.expectedContractStart,
      };
}

/** The stored row as the publishing rules read it. */
export function toPublishable(row: EventRow): PublishableEvent {
  const hasContract = [row.contractForm, row.contractBaseMonths, row.contractOptionMonths, row.contractHorizonMonths, row.contractDepreciationMonths, row.contractJustification].some(
    (v) => v !== null,
  );
  return {
    kind: row.kind,
    registrationDeadline: row.registrationDeadline,
    responseDeadline: row.responseDeadline,
    effort: effortOfRow(row),
    expectation: expectationOfRow(row),
    contract: hasContract
      ? {
          form: row.contractForm,
          baseMonths: row.contractBaseMonths,
          optionMonths: row.contractOptionMonths,
          horizonMonths: row.contractHorizonMonths,
          depreciationMonths: row.contractDepreciationMonths,
          justification: row.contractJustification,
        }
      : null,
    contractChoiceGrandfathered: row.contractChoiceGrandfathered,
    sourcing: row.sourcingRisk && row.sourcingNeed ? { risk: row.sourcingRisk, need: row.sourcingNeed, reason: row.sourcingReason } : null,
    pilotPath: pilotPathOfRow(row),
    // A published event is held to the pilots it was shown; a draft's are found again (publishableOf).
    similarPilots: row.pilotDuplicateOf,
    intellectualProperty: ipTermsOfRow(row),
    nonUseUndertaking: nonUseUndertakingOfRow(row) !== null,
    ipTermsGrandfathered: row.ipTermsGrandfathered,
    inHouseCostBasis: row.inHouseCostBasis,
    scope: scopeOfRow(row),
    dataProtection: dataProtectionOfRow(row),
    scopeGrandfathered: row.scopeGrandfathered,
  };
}

/** The scope step, from its stored columns, in the domain's (and the API's) shape. */
export function scopeOfRow(
  row: Pick<
    EventRow,
    | "scopeItems"
    | "scopeIntegrations"
    | "interfaceDocs"
    | "interfaceDocsUrl"
    | "identityAccess"
    | "identityAccessOther"
    | "integrationBudgetIncluded"
    | "integrationBudgetNok"
    | "adaptationNeeds"
    | "serviceOwnerRole"
    | "tcoHorizonYears"
  >,
): Scope {
  return {
    items: row.scopeItems,
    integrations: row.scopeIntegrations,
    interfaceDocs: row.interfaceDocs,
    interfaceDocsUrl: row.interfaceDocsUrl,
    identityAccess: row.identityAccess,
    identityAccessOther: row.identityAccessOther,
    integrationBudgetIncluded: row.integrationBudgetIncluded,
    integrationBudgetNok: row.integrationBudgetNok,
    adaptationNeeds: row.adaptationNeeds,
    serviceOwnerRole: row.serviceOwnerRole,
    tcoHorizonYears: row.tcoHorizonYears,
  };
}

/** Data protection, the older answers and the new shape, from the stored columns. */
export function dataProtectionOfRow(
  row: Pick<
    EventRow,
    | "healthData"
    | "dataResidency"
    | "cloudAllowed"
    | "dpiaNeeded"
    | "dataCategories"
    | "hostingConstraint"
    | "dpiaStatus"
    | "dataController"
    | "privacyOwnerRole"
    | "privacyOwnerOrganisation"
  >,
): DataProtection {
  return {
    healthData: row.healthData,
    dataResidency: row.dataResidency,
    cloudAllowed: row.cloudAllowed,
    dpiaNeeded: row.dpiaNeeded,
    dataCategories: row.dataCategories,
    hostingConstraint: row.hostingConstraint,
    dpiaStatus: row.dpiaStatus,
    dataController: row.dataController,
    privacyOwnerRole: row.privacyOwnerRole,
    privacyOwnerOrganisation: row.privacyOwnerOrganisation,
  };
}

/** The structured IP terms, from their stored columns, in the domain's (and the API's) shape. */
export function ipTermsOfRow(
  row: Pick<EventRow, "ipBackgroundStaysWithVendor" | "ipForegroundOwner" | "ipLicenceScope" | "ipExistingProductsNotTransferred" | "ipInputUse">,
): IpTerms {
  return {
    backgroundStaysWithVendor: row.ipBackgroundStaysWithVendor,
    foregroundOwner: row.ipForegroundOwner,
    licenceScope: row.ipLicenceScope,
    existingProductsNotTransferred: row.ipExistingProductsNotTransferred,
    inputUse: row.ipInputUse,
  };
}

/** The buyer's non-use undertaking: who (by name, as given) and when; null while none is given. */
export function nonUseUndertakingOfRow(row: Pick<EventRow, "nonUseUndertakingName" | "nonUseUndertakingAt">): { name: string; at: Date } | null {
  return row.nonUseUndertakingAt !== null && row.nonUseUndertakingName !== null ? { name: row.nonUseUndertakingName, at: row.nonUseUndertakingAt } : null;
}

/** Acceptance criteria and the purchase path, from their stored columns, in the domain's (and the API's) shape. */
export function pilotPathOfRow(
  row: Pick<
    EventRow,
    | "pilotCriteria"
    | "pilotPlan"
    | "pilotQuarter"
    | "pilotBudgetNok"
    | "pilotBudgetEarmarked"
    | "pilotBudgetSource"
    | "pilotDeciderRole"
    | "pilotDeciderOrganisation"
    | "pilotOptionMaxPriceNok"
    | "pilotOptionWindowFrom"
    | "pilotOptionWindowTo"
    | "pilotFunding"
    | "pilotDuplicateReason"
    | "pilotVendorInvestmentHours"
    | "pilotVendorInvestmentNok"
  >,
): PilotPath {
  return {
    acceptanceCriteria: row.pilotCriteria,
    plan: row.pilotPlan,
    quarter: row.pilotQuarter,
    budgetNok: row.pilotBudgetNok,
    budgetEarmarked: row.pilotBudgetEarmarked,
    budgetSource: row.pilotBudgetSource,
    deciderRole: row.pilotDeciderRole,
    deciderOrganisation: row.pilotDeciderOrganisation,
    optionMaxPriceNok: row.pilotOptionMaxPriceNok,
    optionWindowFrom: row.pilotOptionWindowFrom,
    optionWindowTo: row.pilotOptionWindowTo,
    funding: row.pilotFunding,
    duplicateReason: row.pilotDuplicateReason,
    vendorInvestmentHours: row.pilotVendorInvestmentHours,
    vendorInvestmentNok: row.pilotVendorInvestmentNok,
  };
}

/** A standard the event names, by its code. */
export interface StandardRef {
  code: string;
  level: StandardLevel;
  /** YYYY-MM-DD */
  from: string | null;
}

/** The event as declared, in the API's field names: what amendments compare and GET returns. */
export function declarationOf(row: EventRow, standards: StandardRef[], coBuyers: string[]) {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    cpv: row.cpvCodes,
    region: row.region,
    registrationDeadline: row.registrationDeadline,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    responseDeadline: row.responseDeadline,
    location: row.location,
    onlineUrl: row.onlineUrl,
    capacity: row.capacity,
    attendeeLimitPerVendor: row.attendeeLimitPerVendor,
    effort: effortOfRow(row),
    expectation: expectationOfRow(row),
    contract: {
      form: row.contractForm,
      baseMonths: row.contractBaseMonths,
      optionMonths: row.contractOptionMonths,
      horizonMonths: row.contractHorizonMonths,
      depreciationMonths: row.contractDepreciationMonths,
      justification: row.contractJustification,
    },
    sourcing:
      row.sourcingRisk === null
        ? null
        : { risk: row.sourcingRisk, need: row.sourcingNeed, advice: row.sourcingAdvice, reason: row.sourcingReason, inHouseCostBasis: row.inHouseCostBasis },
    standards,
    ipTerms: row.ipTerms,
    intellectualProperty: ipTermsOfRow(row),
    dataProtection: dataProtectionOfRow(row),
    scope: scopeOfRow(row),
    pilotPath: pilotPathOfRow(row),
    coBuyers,
    // Who pays and who benefits (issue 19); null: not declared.
    costBenefit: row.costBenefit,
  };
}

export type EventOutcome =
  | {
      outcome: "procured";
      recordedAt: Date;
      contractValueNok: number | null;
      contractDate: string | null;
      noticeReference: string | null;
      winningVendor: { id: string; name: string } | null;
    }
  | { outcome: "not_procured"; recordedAt: Date; reason: NotProcuredReason | null }
  | { outcome: "withdrawn"; recordedAt: Date; reason: string | null };

/** The recorded outcome in the page's and API's shape, or null while none is recorded. */
export function outcomeOf(row: EventRow, winner: { id: string; name: string } | null): EventOutcome | null {
  if (row.outcome === null || row.outcomeRecordedAt === null) return null;
  const recordedAt = row.outcomeRecordedAt;
  if (row.outcome === "procured") {
    return {
      outcome: "procured",
      recordedAt,
      contractValueNok: row.outcomeContractValueNok,
      contractDate: row.outcomeContractDate,
      noticeReference: row.outcomeNoticeReference,
      winningVendor: winner,
    };
  }
  if (row.outcome === "not_procured") return { outcome: "not_procured", recordedAt, reason: row.outcomeNotProcuredReason };
  return { outcome: "withdrawn", recordedAt, reason: row.outcomeWithdrawnReason };
}
