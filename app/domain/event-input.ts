import { z } from "zod";
import { CONTRACT_FORMS } from "./contract";
import { MAX_PARTIES } from "./cost-benefit";
import { BUYER_SECTORS } from "./organisations";
import { ContractSchema } from "./contract-forms";
import { bool, calendarDate, choice, choiceError, instant, months, NOK_MAX, nok, optionalText, quarter, text, typeError, whole } from "./input-fields";
import { isCpvCode } from "./cpv";
import { DATA_CATEGORIES, DPIA_STATUSES, HOSTING_CONSTRAINTS, PRIVACY_TEXT_MAX } from "./data-protection";
import {
  DATA_RESIDENCIES,
  EFFORT_LEVELS,
  EVENT_KINDS,
  EXPECTATION_STATUSES,
  NOT_PROCURED_REASONS,
  STANDARD_LEVELS,
} from "./events";
import { FOREGROUND_OWNERS, INPUT_USES, LICENCE_SCOPE_MAX } from "./ip-terms";
import { MAX_ACCEPTANCE_CRITERIA, PILOT_PLANS } from "./pilot";
import { FUNDING_OTHER_TEXT_MAX, FUNDING_SOURCES, MAX_FUNDING_SOURCES } from "./pilot-funding";
import { INVESTMENT_HOURS_MAX } from "./pilot-investment";
import { DUPLICATE_REASON_MAX } from "./pilot-similarity";
import { EFFORT_WORK, type PurchaseExpectation } from "./predictability";
import { type Problem } from "./problems";
import { REGIONS } from "./regions";
import { IDENTITY_ACCESS, INTEGRATION_STANDARD_MAX, INTEGRATION_SYSTEM_MAX, INTERFACE_DOCS, MAX_INTEGRATIONS, SCOPE_ITEMS, TCO_HORIZON_MAX_YEARS } from "./scope";
import { CONTRACT_RISKS, OUTSIDE_NEEDS } from "./sourcing";
import { IN_HOUSE_COST_BASIS_MAX } from "./own-delivery";

// The JSON an API client (and, through the same schema, the guided form) sends for an
// event. Field names follow the domain; messages are codes, translated by the caller
// (namespace `events`, then `forms`). Drafts may be incomplete: only kind and title are
// needed to create one, and the publishing rules (checkPublishable) judge the rest.
//
// In a PATCH, a field left out is unchanged, null clears it, and a nested object
// changes only the keys it names (null clears the whole group).

/** A list of known choices, each at most once. */
function choiceList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(choice(values), { error: typeError })
    .max(values.length, "too_many")
    .refine((list) => new Set(list).size === list.length, "duplicate")
    .optional();
}

const Effort = z.strictObject(
  {
    level: choice(EFFORT_LEVELS).optional(),
    hoursPerVendor: whole(0, 10_000).nullable().optional(),
    kindsOfWork: z
      .array(choice(EFFORT_WORK), { error: typeError })
      .max(EFFORT_WORK.length, "too_many")
      .refine((kinds) => new Set(kinds).size === kinds.length, "duplicate")
      .optional(),
    compensationNok: nok(),
    /** Why the compensation is below the hourly floor (COMPENSATION_FLOOR_NOK_PER_HOUR); shown to vendors. */
    compensationReason: optionalText(2000),
  },
  { error: typeError },
);

/** A purchase expectation as the API declares it (events and effort requests). */
export const Expectation = z.strictObject(
  {
    status: choice(EXPECTATION_STATUSES).optional(),
    budgetMinNok: nok(),
    budgetMaxNok: nok(),
    fundingSource: optionalText(300),
    expectedValueNok: nok(),
    quantity: whole(0, 2_000_000_000).nullable().optional(),
    unit: optionalText(60),
    expectedTenderQuarter: quarter().nullable().optional(),
    expectedContractStart: calendarDate().nullable().optional(),
  },
  { error: typeError },
);

/** A declared expectation from the API's input, in the predictability rule's shape (absent parts are null). */
export function expectationOfInput(e: Omit<z.infer<typeof Expectation>, "status"> & { status: PurchaseExpectation["status"] }): PurchaseExpectation {
  return {
    status: e.status,
    budgetMinNok: e.budgetMinNok ?? null,
    budgetMaxNok: e.budgetMaxNok ?? null,
    fundingSource: e.fundingSource ?? null,
    expectedValueNok: e.expectedValueNok ?? null,
    quantity: e.quantity ?? null,
    unit: e.unit ?? null,
    expectedTenderQuarter: e.expectedTenderQuarter ?? null,
    expectedContractStart: e.expectedContractStart ?? null,
  };
}

const Contract = z.strictObject(
  {
    form: choice(CONTRACT_FORMS).nullable().optional(),
    baseMonths: months(1),
    optionMonths: months(0),
    horizonMonths: months(1),
    /** The vendors' depreciation period for the investment the contract demands (optional). */
    depreciationMonths: months(1),
    justification: optionalText(5000),
  },
  { error: typeError },
);

const Sourcing = z.strictObject(
  {
    risk: choice(CONTRACT_RISKS),
    need: choice(OUTSIDE_NEEDS),
    reason: optionalText(5000),
    inHouseCostBasis: optionalText(IN_HOUSE_COST_BASIS_MAX),
  },
  { error: typeError },
);

const StandardRef = z.strictObject(
  {
    code: text(100).min(1, "required"),
    level: choice(STANDARD_LEVELS),
    from: calendarDate().nullable().optional(),
  },
  { error: typeError },
);

const DataProtection = z.strictObject(
  {
    healthData: bool(),
    dataResidency: choice(DATA_RESIDENCIES).nullable().optional(),
    cloudAllowed: bool(),
    dpiaNeeded: bool(),
    dataCategories: choiceList(DATA_CATEGORIES),
    hostingConstraint: choice(HOSTING_CONSTRAINTS).nullable().optional(),
    dpiaStatus: choice(DPIA_STATUSES).nullable().optional(),
    dataController: optionalText(PRIVACY_TEXT_MAX),
    privacyOwnerRole: optionalText(PRIVACY_TEXT_MAX),
    privacyOwnerOrganisation: optionalText(PRIVACY_TEXT_MAX),
  },
  { error: typeError },
);

/** One system to integrate with; the standard is a catalogue code or words. */
const IntegrationInput = z.strictObject(
  {
    system: text(INTEGRATION_SYSTEM_MAX).min(1, "required"),
    standard: optionalText(INTEGRATION_STANDARD_MAX),
  },
  { error: typeError },
);

/** The scope step (app/domain/scope.ts); which events must fill it is checkScope's to say. */
const ScopeInput = z.strictObject(
  {
    items: choiceList(SCOPE_ITEMS),
    integrations: z.array(IntegrationInput, { error: typeError }).max(MAX_INTEGRATIONS, "too_many").optional(),
    interfaceDocs: choice(INTERFACE_DOCS).nullable().optional(),
    interfaceDocsUrl: z
      .url({ protocol: /^https?$/, error: "invalid_url" })
      .max(500, "too_long")
      .nullable()
      .optional(),
    identityAccess: choiceList(IDENTITY_ACCESS),
    identityAccessOther: optionalText(200),
    integrationBudgetIncluded: bool(),
    integrationBudgetNok: nok(),
    adaptationNeeds: optionalText(5000),
    serviceOwnerRole: optionalText(200),
    tcoHorizonYears: whole(1, TCO_HORIZON_MAX_YEARS, "must_be_positive").nullable().optional(),
  },
  { error: typeError },
);

/** Structured IP terms (app/domain/ip-terms.ts); which events must state them is checkIpTerms's to say. */
const IntellectualProperty = z.strictObject(
  {
    backgroundStaysWithVendor: bool(),
    foregroundOwner: choice(FOREGROUND_OWNERS).nullable().optional(),
    licenceScope: optionalText(LICENCE_SCOPE_MAX),
    existingProductsNotTransferred: bool(),
    inputUse: choice(INPUT_USES).nullable().optional(),
  },
  { error: typeError },
);

/** One acceptance criterion; a blank part is the publishing rule's to name (criterion_part_required). */
const CriterionInput = z.strictObject(
  {
    measure: text(500),
    threshold: text(500),
    method: text(500),
    judgedBy: text(300),
  },
  { error: typeError },
);

/** One source of the pilot's own funding; "other" without text is the rule's to name (funding_other_text_required). */
const FundingInput = z.strictObject(
  {
    source: choice(FUNDING_SOURCES),
    amountNok: nok(),
    otherText: optionalText(FUNDING_OTHER_TEXT_MAX),
  },
  { error: typeError },
);

/** A party that pays or benefits: a buyer organisation (its id) or a sector; which one is the rule's to say (costBenefitProblems). */
const PartyFields = {
  organisationId: z.guid({ error: "invalid_value" }).nullable().optional(),
  sector: choice(BUYER_SECTORS).nullable().optional(),
};

/** Who pays and who benefits (app/domain/cost-benefit.ts); null clears it. */
const CostBenefitInput = z.strictObject(
  {
    costOwners: z
      .array(z.strictObject({ ...PartyFields, sharePercent: whole(1, 100, "share_out_of_range").nullable().optional() }, { error: typeError }), { error: typeError })
      .max(MAX_PARTIES, "too_many"),
    benefitOwners: z.array(z.strictObject(PartyFields, { error: typeError }), { error: typeError }).max(MAX_PARTIES, "too_many"),
  },
  { error: typeError },
);

const PilotPathInput = z.strictObject(
  {
    acceptanceCriteria: z.array(CriterionInput, { error: typeError }).max(MAX_ACCEPTANCE_CRITERIA, "too_many").optional(),
    plan: choice(PILOT_PLANS).nullable().optional(),
    quarter: quarter().nullable().optional(),
    budgetNok: nok(),
    budgetEarmarked: bool(),
    budgetSource: optionalText(300),
    deciderRole: optionalText(200),
    deciderOrganisation: optionalText(200),
    optionMaxPriceNok: nok(),
    optionWindowFrom: quarter().nullable().optional(),
    optionWindowTo: quarter().nullable().optional(),
    funding: z.array(FundingInput, { error: typeError }).max(MAX_FUNDING_SOURCES, "too_many").optional(),
    duplicateReason: optionalText(DUPLICATE_REASON_MAX),
    vendorInvestmentHours: whole(0, INVESTMENT_HOURS_MAX).nullable().optional(),
    vendorInvestmentNok: nok(),
  },
  { error: typeError },
);

const fields = {
  kind: choice(EVENT_KINDS),
  title: text(200).min(3, "too_short"),
  description: text(20_000).optional(),
  cpv: z
    .array(z.string({ error: typeError }).refine(isCpvCode, "invalid_cpv"), { error: typeError })
    .max(20, "too_many")
    .refine((codes) => new Set(codes).size === codes.length, "duplicate")
    .optional(),
  region: choice(REGIONS).nullable().optional(),
  registrationDeadline: instant(),
  startsAt: instant(),
  endsAt: instant(),
  responseDeadline: instant(),
  location: optionalText(300),
  onlineUrl: z
    .url({ protocol: /^https?$/, error: "invalid_url" })
    .max(500, "too_long")
    .nullable()
    .optional(),
  capacity: whole(1, 100_000, "must_be_positive").nullable().optional(),
  /** The most people one vendor may bring; null: no limit. */
  attendeeLimitPerVendor: whole(1, 1000, "must_be_positive").nullable().optional(),
  effort: Effort.optional(),
  expectation: Expectation.nullable().optional(),
  contract: Contract.nullable().optional(),
  sourcing: Sourcing.nullable().optional(),
  standards: z
    .array(StandardRef, { error: typeError })
    .max(50, "too_many")
    .refine((list) => new Set(list.map((s) => s.code)).size === list.length, "duplicate")
    .optional(),
  ipTerms: optionalText(5000),
  intellectualProperty: IntellectualProperty.nullable().optional(),
  dataProtection: DataProtection.nullable().optional(),
  scope: ScopeInput.nullable().optional(),
  pilotPath: PilotPathInput.nullable().optional(),
  costBenefit: CostBenefitInput.nullable().optional(),
  coBuyers: z
    .array(z.guid({ error: "invalid_value" }), { error: typeError })
    .max(20, "too_many")
    .refine((ids) => new Set(ids).size === ids.length, "duplicate")
    .optional(),
};

/** POST /api/v1/events: a new draft. */
export const EventCreateSchema = z.strictObject(fields, { error: typeError });

/** PATCH /api/v1/events/{id}: the fields to change, and why (required once published). */
export const EventPatchSchema = z.strictObject(
  {
    ...fields,
    kind: fields.kind.optional(),
    title: fields.title.optional(),
    reason: optionalText(2000),
    /** The buyer's non-use undertaking, given with an amendment that makes a published event need it. */
    nonUseUndertaking: z.boolean({ error: typeError }).optional(),
  },
  { error: typeError },
);

export type EventCreateInput = z.infer<typeof EventCreateSchema>;
export type EventPatchInput = z.infer<typeof EventPatchSchema>;
/** The declaration part of a create or patch (the reason is not part of the event). */
export type EventFields = Omit<EventPatchInput, "reason" | "nonUseUndertaking">;

/** POST /api/v1/events/{id}/publish: an optional body; `nonUseUndertaking: true` gives the undertaking. */
export const PublishSchema = z.strictObject({ nonUseUndertaking: z.boolean({ error: typeError }).optional() }, { error: typeError });

/** POST /api/v1/events/{id}/outcome */
export const OutcomeSchema = z.discriminatedUnion(
  "outcome",
  [
    z.strictObject({
      outcome: z.literal("procured"),
      contractValueNok: whole(0, NOK_MAX),
      contractDate: calendarDate(),
      noticeReference: optionalText(200),
      winningVendorId: z.guid({ error: "invalid_value" }).nullable().optional(),
      /** The contract the procurement led to (issue 15): created with the outcome, in one transaction. */
      contract: ContractSchema.optional(),
    }),
    z.strictObject({ outcome: z.literal("not_procured"), reason: choice(NOT_PROCURED_REASONS) }),
    z.strictObject({ outcome: z.literal("withdrawn"), reason: text(2000).min(1, "required") }),
  ],
  { error: choiceError },
);
export type OutcomeInput = z.infer<typeof OutcomeSchema>;

/** Zod issues as problems with dotted paths; an unknown key is reported at its own path. */
export function inputProblems(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key].join("."), code: "unknown_field" }));
    }
    return [{ path: path.join("."), code: issue.message }];
  });
}
