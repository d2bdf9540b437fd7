import { list, text, type Entries, type SubmittedValues } from "./form-entries";
import type { CostBenefit } from "./cost-benefit";
import { costBenefitFromForm, costBenefitToFormValues } from "./cost-benefit-form";
import { CRITERION_PARTS, MAX_ACCEPTANCE_CRITERIA, type PilotPath } from "./pilot";
import { type DataProtection } from "./data-protection";
import { MAX_FUNDING_SOURCES } from "./pilot-funding";
import { MAX_INTEGRATIONS, type Scope } from "./scope";
import { zonedLocalToIso, toZonedLocal } from "./zoned-time";

// The guided event form posts plain fields named after the API's paths
// ("expectation.budgetMinNok"); these functions turn a submission into the API's
// JSON shape (validated by EventPatchSchema, judged by checkPublishable) and an
// event back into the form's values. Empty means "not given" (null).


const textOrNull = (form: Entries, name: string) => text(form, name) || null;

/** "4 000 000" → 4000000; text that is not a whole number is passed on for the schema to refuse. */
function numberOrNull(form: Entries, name: string): number | string | null {
  const raw = text(form, name).replace(/[\s\u00a0]/g, "");
  if (raw === "") return null;
  return /^-?\d+$/.test(raw) ? Number(raw) : raw;
}

function instantOrNull(form: Entries, name: string): string | null {
  const raw = text(form, name);
  if (raw === "") return null;
  return zonedLocalToIso(raw) ?? raw;
}

/** A yes/no select with an empty "not stated" choice. */
function yesNo(form: Entries, name: string): boolean | null {
  const raw = text(form, name);
  return raw === "yes" ? true : raw === "no" ? false : null;
}

const allEmpty = (...values: unknown[]) => values.every((v) => v === null || v === undefined || v === "");

/** The form's rows of acceptance criteria, up to the last one typed in (a blank row before it is the rule's to name). */
function criteriaOf(form: Entries) {
  const rows = Array.from({ length: MAX_ACCEPTANCE_CRITERIA }, (_, i) =>
    Object.fromEntries(CRITERION_PARTS.map((part) => [part, text(form, `pilotPath.acceptanceCriteria.${i}.${part}`)])) as Record<(typeof CRITERION_PARTS)[number], string>,
  );
  let last = rows.length;
  while (last > 0 && allEmpty(...Object.values(rows[last - 1]!))) last--;
  return rows.slice(0, last);
}

/** The form's funding rows up to the last one with anything in it (a row without a source is the schema's to name, at its own index). */
function fundingOf(form: Entries) {
  const rows = Array.from({ length: MAX_FUNDING_SOURCES }, (_, i) => ({
    source: text(form, `pilotPath.funding.${i}.source`),
    amountNok: numberOrNull(form, `pilotPath.funding.${i}.amountNok`),
    otherText: textOrNull(form, `pilotPath.funding.${i}.otherText`),
  }));
  let last = rows.length;
  while (last > 0 && allEmpty(...Object.values(rows[last - 1]!))) last--;
  return rows.slice(0, last);
}

/** The form's integration rows up to the last one typed in (a row without a system is the schema's to name, at its own index). */
function integrationsOf(form: Entries) {
  const rows = Array.from({ length: MAX_INTEGRATIONS }, (_, i) => ({
    system: text(form, `scope.integrations.${i}.system`),
    standard: textOrNull(form, `scope.integrations.${i}.standard`),
  }));
  let last = rows.length;
  while (last > 0 && allEmpty(...Object.values(rows[last - 1]!))) last--;
  return rows.slice(0, last);
}

/** The scope step's fields as the API's `scope` (null when nothing in it is filled in). */
function scopeOf(form: Entries) {
  const scope = {
    items: list(form, "scope.items"),
    integrations: integrationsOf(form),
    interfaceDocs: textOrNull(form, "scope.interfaceDocs"),
    interfaceDocsUrl: textOrNull(form, "scope.interfaceDocsUrl"),
    identityAccess: list(form, "scope.identityAccess"),
    identityAccessOther: textOrNull(form, "scope.identityAccessOther"),
    integrationBudgetIncluded: yesNo(form, "scope.integrationBudgetIncluded"),
    integrationBudgetNok: numberOrNull(form, "scope.integrationBudgetNok"),
    adaptationNeeds: textOrNull(form, "scope.adaptationNeeds"),
    serviceOwnerRole: textOrNull(form, "scope.serviceOwnerRole"),
    tcoHorizonYears: numberOrNull(form, "scope.tcoHorizonYears"),
  };
  const filled = Object.values(scope).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null));
  return filled ? scope : null;
}

export function eventFormToInput(form: Entries, standardCodes: readonly string[]) {
  const expectation = {
    status: text(form, "expectation.status") || undefined,
    budgetMinNok: numberOrNull(form, "expectation.budgetMinNok"),
    budgetMaxNok: numberOrNull(form, "expectation.budgetMaxNok"),
    fundingSource: textOrNull(form, "expectation.fundingSource"),
    expectedValueNok: numberOrNull(form, "expectation.expectedValueNok"),
    quantity: numberOrNull(form, "expectation.quantity"),
    unit: textOrNull(form, "expectation.unit"),
    expectedTenderQuarter: textOrNull(form, "expectation.expectedTenderQuarter"),
    expectedContractStart: textOrNull(form, "expectation.expectedContractStart"),
  };
  const sourcing = {
    risk: text(form, "sourcing.risk") || undefined,
    need: text(form, "sourcing.need") || undefined,
    reason: textOrNull(form, "sourcing.reason"),
    inHouseCostBasis: textOrNull(form, "sourcing.inHouseCostBasis"),
  };
  const pilotPath = {
    plan: textOrNull(form, "pilotPath.plan"),
    quarter: textOrNull(form, "pilotPath.quarter"),
    budgetNok: numberOrNull(form, "pilotPath.budgetNok"),
    budgetEarmarked: yesNo(form, "pilotPath.budgetEarmarked"),
    budgetSource: textOrNull(form, "pilotPath.budgetSource"),
    deciderRole: textOrNull(form, "pilotPath.deciderRole"),
    deciderOrganisation: textOrNull(form, "pilotPath.deciderOrganisation"),
    optionMaxPriceNok: numberOrNull(form, "pilotPath.optionMaxPriceNok"),
    optionWindowFrom: textOrNull(form, "pilotPath.optionWindowFrom"),
    optionWindowTo: textOrNull(form, "pilotPath.optionWindowTo"),
    duplicateReason: textOrNull(form, "pilotPath.duplicateReason"),
    vendorInvestmentHours: numberOrNull(form, "pilotPath.vendorInvestmentHours"),
    vendorInvestmentNok: numberOrNull(form, "pilotPath.vendorInvestmentNok"),
  };
  const acceptanceCriteria = criteriaOf(form);
  const funding = fundingOf(form);
  const intellectualProperty = {
    backgroundStaysWithVendor: yesNo(form, "intellectualProperty.backgroundStaysWithVendor"),
    foregroundOwner: textOrNull(form, "intellectualProperty.foregroundOwner"),
    licenceScope: textOrNull(form, "intellectualProperty.licenceScope"),
    existingProductsNotTransferred: yesNo(form, "intellectualProperty.existingProductsNotTransferred"),
    inputUse: textOrNull(form, "intellectualProperty.inputUse"),
  };
  return {
    kind: text(form, "kind") || undefined,
    title: text(form, "title"),
    description: text(form, "description"),
    cpv: list(form, "cpv"),
    region: textOrNull(form, "region"),
    registrationDeadline: instantOrNull(form, "registrationDeadline"),
    startsAt: instantOrNull(form, "startsAt"),
    endsAt: instantOrNull(form, "endsAt"),
    responseDeadline: instantOrNull(form, "responseDeadline"),
    location: textOrNull(form, "location"),
    onlineUrl: textOrNull(form, "onlineUrl"),
    capacity: numberOrNull(form, "capacity"),
    attendeeLimitPerVendor: numberOrNull(form, "attendeeLimitPerVendor"),
    effort: {
      level: text(form, "effort.level") || undefined,
      hoursPerVendor: numberOrNull(form, "effort.hoursPerVendor"),
      kindsOfWork: list(form, "effort.kindsOfWork"),
      compensationNok: numberOrNull(form, "effort.compensationNok"),
      compensationReason: textOrNull(form, "effort.compensationReason"),
    },
    // No status and nothing else typed: the buyer has not declared an expectation.
    expectation: allEmpty(...Object.values(expectation)) ? null : expectation,
    contract: {
      form: textOrNull(form, "contract.form"),
      baseMonths: numberOrNull(form, "contract.baseMonths"),
      optionMonths: numberOrNull(form, "contract.optionMonths"),
      horizonMonths: numberOrNull(form, "contract.horizonMonths"),
      depreciationMonths: numberOrNull(form, "contract.depreciationMonths"),
      justification: textOrNull(form, "contract.justification"),
    },
    sourcing: allEmpty(...Object.values(sourcing)) ? null : sourcing,
    standards: standardCodes
      .map((code) => ({ code, level: text(form, `standards.${code}.level`), from: textOrNull(form, `standards.${code}.from`) }))
      .filter((s) => s.level !== ""),
    ipTerms: textOrNull(form, "ipTerms"),
    intellectualProperty,
    // The older answers (health data, residency, DPIA needed) follow these (alignDataProtection).
    dataProtection: {
      cloudAllowed: yesNo(form, "dataProtection.cloudAllowed"),
      dataCategories: list(form, "dataProtection.dataCategories"),
      hostingConstraint: textOrNull(form, "dataProtection.hostingConstraint"),
      dpiaStatus: textOrNull(form, "dataProtection.dpiaStatus"),
      dataController: textOrNull(form, "dataProtection.dataController"),
      privacyOwnerRole: textOrNull(form, "dataProtection.privacyOwnerRole"),
      privacyOwnerOrganisation: textOrNull(form, "dataProtection.privacyOwnerOrganisation"),
    },
    scope: scopeOf(form),
    pilotPath: allEmpty(...Object.values(pilotPath)) && acceptanceCriteria.length === 0 && funding.length === 0 ? null : { ...pilotPath, acceptanceCriteria, funding },
    coBuyers: list(form, "coBuyers"),
    costBenefit: costBenefitFromForm(form),
  };
}

/** What an event looks like in the form: every value a string (or list of strings). */
export type EventFormValues = SubmittedValues;

interface Declared {
  kind: string;
  title: string;
  description: string;
  cpv: string[];
  region: string | null;
  registrationDeadline: Date | string | null;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  responseDeadline: Date | string | null;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  attendeeLimitPerVendor: number | null;
  effort: { level: string; hoursPerVendor: number | null; kindsOfWork: string[]; compensationNok: number | null; compensationReason?: string | null };
  expectation: Record<string, string | number | null> | null;
  contract: Record<string, string | number | null>;
  sourcing: { risk: string | null; need: string | null; reason: string | null; inHouseCostBasis?: string | null } | null;
  standards: { code: string; level: string; from: string | null }[];
  ipTerms: string | null;
  intellectualProperty: {
    backgroundStaysWithVendor: boolean | null;
    foregroundOwner: string | null;
    licenceScope: string | null;
    existingProductsNotTransferred: boolean | null;
    inputUse: string | null;
  };
  /** Given when the event was published (or amended into needing it): the form does not ask again. */
  nonUseUndertaking?: { name: string; at: Date | string } | null;
  dataProtection: DataProtection;
  scope: Scope;
  pilotPath: PilotPath;
  coBuyers: string[];
  costBenefit?: CostBenefit | null;
}

const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const local = (v: Date | string | null) => (v ? toZonedLocal(v) : "");
const yn = (v: boolean | null) => (v === true ? "yes" : v === false ? "no" : "");

export function eventToFormValues(event: Declared): EventFormValues {
  const values: EventFormValues = {
    kind: event.kind,
    title: event.title,
    description: event.description,
    cpv: event.cpv,
    region: s(event.region),
    registrationDeadline: local(event.registrationDeadline),
    startsAt: local(event.startsAt),
    endsAt: local(event.endsAt),
    responseDeadline: local(event.responseDeadline),
    location: s(event.location),
    onlineUrl: s(event.onlineUrl),
    capacity: s(event.capacity),
    attendeeLimitPerVendor: s(event.attendeeLimitPerVendor),
    "effort.level": event.effort.level,
    "effort.hoursPerVendor": s(event.effort.hoursPerVendor),
    "effort.kindsOfWork": event.effort.kindsOfWork,
    "effort.compensationNok": s(event.effort.compensationNok),
    "effort.compensationReason": s(event.effort.compensationReason),
    "sourcing.risk": s(event.sourcing?.risk),
    "sourcing.need": s(event.sourcing?.need),
    "sourcing.reason": s(event.sourcing?.reason),
    "sourcing.inHouseCostBasis": s(event.sourcing?.inHouseCostBasis),
    ipTerms: s(event.ipTerms),
    "intellectualProperty.backgroundStaysWithVendor": yn(event.intellectualProperty.backgroundStaysWithVendor),
    "intellectualProperty.foregroundOwner": s(event.intellectualProperty.foregroundOwner),
    "intellectualProperty.licenceScope": s(event.intellectualProperty.licenceScope),
    "intellectualProperty.existingProductsNotTransferred": yn(event.intellectualProperty.existingProductsNotTransferred),
    "intellectualProperty.inputUse": s(event.intellectualProperty.inputUse),
    nonUseUndertakingGiven: event.nonUseUndertaking ? "yes" : "",
    "dataProtection.cloudAllowed": yn(event.dataProtection.cloudAllowed),
    "dataProtection.dataCategories": event.dataProtection.dataCategories,
    "dataProtection.hostingConstraint": s(event.dataProtection.hostingConstraint),
    "dataProtection.dpiaStatus": s(event.dataProtection.dpiaStatus),
    "dataProtection.dataController": s(event.dataProtection.dataController),
    "dataProtection.privacyOwnerRole": s(event.dataProtection.privacyOwnerRole),
    "dataProtection.privacyOwnerOrganisation": s(event.dataProtection.privacyOwnerOrganisation),
    "scope.items": event.scope.items,
    "scope.interfaceDocs": s(event.scope.interfaceDocs),
    "scope.interfaceDocsUrl": s(event.scope.interfaceDocsUrl),
    "scope.identityAccess": event.scope.identityAccess,
    "scope.identityAccessOther": s(event.scope.identityAccessOther),
    "scope.integrationBudgetIncluded": yn(event.scope.integrationBudgetIncluded),
    "scope.integrationBudgetNok": s(event.scope.integrationBudgetNok),
    "scope.adaptationNeeds": s(event.scope.adaptationNeeds),
    "scope.serviceOwnerRole": s(event.scope.serviceOwnerRole),
    "scope.tcoHorizonYears": s(event.scope.tcoHorizonYears),
    coBuyers: event.coBuyers,
  };
  event.scope.integrations.forEach((row, i) => {
    values[`scope.integrations.${i}.system`] = row.system;
    values[`scope.integrations.${i}.standard`] = s(row.standard);
  });
  for (const key of ["status", "budgetMinNok", "budgetMaxNok", "fundingSource", "expectedValueNok", "quantity", "unit", "expectedTenderQuarter", "expectedContractStart"]) {
    values[`expectation.${key}`] = s(event.expectation?.[key]);
  }
  for (const key of ["form", "baseMonths", "optionMonths", "horizonMonths", "depreciationMonths", "justification"]) {
    values[`contract.${key}`] = s(event.contract[key]);
  }
  const { acceptanceCriteria, budgetEarmarked, funding, ...pilotPath } = event.pilotPath;
  for (const [key, value] of Object.entries(pilotPath)) values[`pilotPath.${key}`] = s(value);
  values["pilotPath.budgetEarmarked"] = yn(budgetEarmarked);
  (funding ?? []).forEach((row, i) => {
    values[`pilotPath.funding.${i}.source`] = row.source;
    values[`pilotPath.funding.${i}.amountNok`] = s(row.amountNok);
    values[`pilotPath.funding.${i}.otherText`] = s(row.otherText);
  });
  acceptanceCriteria.forEach((criterion, i) => {
    for (const part of CRITERION_PARTS) values[`pilotPath.acceptanceCriteria.${i}.${part}`] = s(criterion[part]);
  });
  for (const standard of event.standards) {
    values[`standards.${standard.code}.level`] = standard.level;
    values[`standards.${standard.code}.from`] = s(standard.from);
  }
  Object.assign(values, costBenefitToFormValues(event.costBenefit ?? null));
  return values;
}
