import type { CoBuyerStatus } from "./co-buyers";
import { alignDataProtection } from "./data-protection";
import { eventFormToInput } from "./event-form";
import { EventCreateSchema, expectationOfInput, inputProblems, type EventCreateInput } from "./event-input";
import type { Entries } from "./form-entries";
import { overlappingOwnDelivery } from "./own-delivery";
import { EMPTY_PILOT_PATH } from "./pilot";
import type { Problem } from "./problems";
import { problemsOf } from "./problems";
import { checkPublishable, type PublishableEvent } from "./publishing";

// The live checklist beside the event form (issue 14): what publishing would still refuse,
// by step, while the buyer fills the form in. It runs in the browser and calls the very
// functions the server calls on publish: eventFormToInput (the form's fields), the API's
// schema (EventCreateSchema) and the publishing gate (checkPublishable). What it adds is only
// the step of storing: the validated input read as the stored draft would be read
// (app/models/event-row.server.ts toPublishable), plus what only the server knows (verified,
// own delivery, co-buyers' answers), handed over as loader data. An integration test holds it
// to the server's answer for the same submission (tests/integration/publish-checklist.test.ts).

/** The form's steps, in order (event-form.tsx numbers them the same way). */
export const CHECKLIST_STEPS = ["organisation", "what", "when", "effort", "expectation", "contract", "sourcing", "standards", "scope", "terms", "pilot", "costBenefit", "publish"] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

/** What the server knows that the form does not; the loader hands it over. */
export interface ChecklistContext {
  buyerVerified: boolean;
  now: Date;
  standardCodes: readonly string[];
  /** The buyer's own-delivery CPV codes (issue 19). */
  ownDeliveryCpv: readonly string[];
  /** For a stored draft: what it already holds that the form does not post. */
  stored?: {
    ipTermsGrandfathered: boolean;
    scopeGrandfathered: boolean;
    /** Published before the contract-choice rule and breaking it (migration 0059); absent: not. */
    contractChoiceGrandfathered?: boolean;
    nonUseUndertaking: boolean;
    /** Co-buyers' answers so far, by organisation id; one newly picked in the form is invited. */
    coBuyers: Record<string, CoBuyerStatus>;
    /** Earlier pilots on the same need the draft was found to share (app/domain/pilot-similarity.ts), by id. */
    similarPilots?: readonly string[];
  };
}

export interface ChecklistGroup {
  step: ChecklistStep;
  problems: Problem[];
}

export interface Checklist {
  /** False: the form has fields the schema refuses (the problems say which); the gate is not judged yet. */
  wellFormed: boolean;
  groups: ChecklistGroup[];
  /** Every problem, in form order. */
  problems: Problem[];
}

const STEP_OF_PREFIX: [string, ChecklistStep][] = [
  ["buyer", "organisation"],
  ["kind", "what"],
  ["title", "what"],
  ["description", "what"],
  ["cpv", "what"],
  ["region", "what"],
  ["coBuyers", "what"],
  ["registrationDeadline", "when"],
  ["startsAt", "when"],
  ["endsAt", "when"],
  ["responseDeadline", "when"],
  ["location", "when"],
  ["onlineUrl", "when"],
  ["capacity", "when"],
  ["attendeeLimitPerVendor", "when"],
  ["effort", "effort"],
  ["expectation", "expectation"],
  ["contract", "contract"],
  ["sourcing", "sourcing"],
  ["standards", "standards"],
  ["scope", "scope"],
  ["dataProtection", "scope"],
  ["ipTerms", "terms"],
  ["intellectualProperty", "terms"],
  ["pilotPath", "pilot"],
  ["costBenefit", "costBenefit"],
  ["nonUseUndertaking", "publish"],
];

/** The step of the form a problem's field is in. */
export function checklistStepOf(path: string): ChecklistStep {
  const head = path.split(".")[0] ?? "";
  return STEP_OF_PREFIX.find(([prefix]) => prefix === head)?.[1] ?? "what";
}

/** The validated input as publishing reads the draft it would be stored as. */
export function publishableOfInput(input: EventCreateInput, context: ChecklistContext, nonUseUndertaking: boolean): PublishableEvent {
  const e = input.expectation;
  const k = input.contract;
  const s = input.sourcing;
  const ip = input.intellectualProperty;
  const sc = input.scope;
  const p = input.pilotPath;
  const d = input.dataProtection ? alignDataProtection(input.dataProtection) : null;
  const stored = context.stored;
  const hasContract = k ? [k.form, k.baseMonths, k.optionMonths, k.horizonMonths, k.depreciationMonths, k.justification].some((v) => v !== null && v !== undefined) : false;
  return {
    kind: input.kind,
    registrationDeadline: input.registrationDeadline ?? null,
    responseDeadline: input.responseDeadline ?? null,
    effort: {
      level: input.effort?.level ?? "none",
      hoursPerVendor: input.effort?.hoursPerVendor ?? null,
      kindsOfWork: input.effort?.kindsOfWork ?? [],
      compensationNok: input.effort?.compensationNok ?? null,
      compensationReason: input.effort?.compensationReason ?? null,
    },
    // A stored draft without a status has no expectation (expectationOfRow).
    expectation: e?.status ? expectationOfInput({ ...e, status: e.status }) : null,
    contract:
      k && hasContract
        ? {
            form: k.form ?? null,
            baseMonths: k.baseMonths ?? null,
            optionMonths: k.optionMonths ?? null,
            horizonMonths: k.horizonMonths ?? null,
            depreciationMonths: k.depreciationMonths ?? null,
            justification: k.justification ?? null,
          }
        : null,
    contractChoiceGrandfathered: stored?.contractChoiceGrandfathered ?? false,
    sourcing: s ? { risk: s.risk, need: s.need, reason: s.reason ?? null } : null,
    inHouseCostBasis: s?.inHouseCostBasis ?? null,
    pilotPath: p
      ? {
          ...EMPTY_PILOT_PATH,
          ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)),
          funding: (p.funding ?? []).map((f) => ({ source: f.source, amountNok: f.amountNok ?? null, otherText: f.otherText ?? null })),
        }
      : EMPTY_PILOT_PATH,
    intellectualProperty: {
      backgroundStaysWithVendor: ip?.backgroundStaysWithVendor ?? null,
      foregroundOwner: ip?.foregroundOwner ?? null,
      licenceScope: ip?.licenceScope ?? null,
      existingProductsNotTransferred: ip?.existingProductsNotTransferred ?? null,
      inputUse: ip?.inputUse ?? null,
    },
    nonUseUndertaking: (stored?.nonUseUndertaking ?? false) || nonUseUndertaking,
    ipTermsGrandfathered: stored?.ipTermsGrandfathered ?? false,
    ownDeliveryOverlaps: overlappingOwnDelivery(input.cpv ?? [], context.ownDeliveryCpv).length > 0,
    scope: {
      items: sc?.items ?? [],
      integrations: (sc?.integrations ?? []).map((i) => ({ system: i.system, standard: i.standard ?? null })),
      interfaceDocs: sc?.interfaceDocs ?? null,
      interfaceDocsUrl: sc?.interfaceDocsUrl ?? null,
      identityAccess: sc?.identityAccess ?? [],
      identityAccessOther: sc?.identityAccessOther ?? null,
      integrationBudgetIncluded: sc?.integrationBudgetIncluded ?? null,
      integrationBudgetNok: sc?.integrationBudgetNok ?? null,
      adaptationNeeds: sc?.adaptationNeeds ?? null,
      serviceOwnerRole: sc?.serviceOwnerRole ?? null,
      tcoHorizonYears: sc?.tcoHorizonYears ?? null,
    },
    dataProtection: {
      healthData: d?.healthData ?? null,
      dataResidency: d?.dataResidency ?? null,
      cloudAllowed: d?.cloudAllowed ?? null,
      dpiaNeeded: d?.dpiaNeeded ?? null,
      dataCategories: d?.dataCategories ?? [],
      hostingConstraint: d?.hostingConstraint ?? null,
      dpiaStatus: d?.dpiaStatus ?? null,
      dataController: d?.dataController ?? null,
      privacyOwnerRole: d?.privacyOwnerRole ?? null,
      privacyOwnerOrganisation: d?.privacyOwnerOrganisation ?? null,
    },
    scopeGrandfathered: stored?.scopeGrandfathered ?? false,
    similarPilots: stored?.similarPilots ?? [],
    coBuyers: (input.coBuyers ?? []).map((id) => ({ status: stored?.coBuyers[id] ?? "invited" })),
  };
}

function grouped(problems: Problem[]): ChecklistGroup[] {
  return CHECKLIST_STEPS.map((step) => ({ step, problems: problems.filter((p) => checklistStepOf(p.path) === step) })).filter((g) => g.problems.length > 0);
}

/** What publishing the form as it stands would be refused for, by step; empty groups: it would publish. */
export function publishChecklist(form: Entries, context: ChecklistContext): Checklist {
  const parsed = EventCreateSchema.safeParse(eventFormToInput(form, context.standardCodes));
  if (!parsed.success) {
    const problems = inputProblems(parsed.error);
    return { wellFormed: false, problems, groups: grouped(problems) };
  }
  const publishable = publishableOfInput(parsed.data, context, form.get("nonUseUndertaking") === "yes");
  const problems = problemsOf(checkPublishable(publishable, { buyerVerified: context.buyerVerified, now: context.now }));
  return { wellFormed: true, problems, groups: grouped(problems) };
}
