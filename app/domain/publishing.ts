import { checkCoBuyerConsent, type CoBuyerStatus } from "./co-buyers";
import { checkContractChoice, type ContractTerms } from "./contract";
import { checkDataProtection, DATA_PROTECTION_FIELD_ORDER, type DataProtection } from "./data-protection";
import { type EventKind } from "./events";
import { checkIpTerms, type IpTerms } from "./ip-terms";
import { checkOptionWindow, checkPilotPath, type PilotPath } from "./pilot";
import { checkDuplicatePilot } from "./pilot-similarity";
import {
  checkPredictability,
  checkTenderQuarter,
  effectiveEffortLevel,
  type EffortDeclaration,
  type PurchaseExpectation,
} from "./predictability";
import { checkOwnDeliveryPublishing } from "./own-delivery";
import { gateResult, problemsOf, type GateResult, type Problem } from "./problems";
import { checkScope, requiresScope, SCOPE_FIELD_ORDER, type Scope } from "./scope";
import { checkSourcingChoice, type SourcingChoice } from "./sourcing";

/** What publishing looks at; the model maps a stored event draft onto this. */
export interface PublishableEvent {
  kind: EventKind;
  registrationDeadline: Date | null;
  responseDeadline: Date | null;
  effort: EffortDeclaration;
  expectation: PurchaseExpectation | null;
  /** Null when the event declares no contract (e.g. a supplier conference). */
  contract: ContractTerms | null;
  /** Published before the contract-choice rule (migration 0059) and breaking it: judged as it was published. */
  contractChoiceGrandfathered?: boolean;
  /** Null when the buyer has not used the sourcing advisor. */
  sourcing: Omit<SourcingChoice, "chosenForm"> | null;
  pilotPath: PilotPath | null;
  /** Ids of earlier pilots on the same need that met their criteria and were not bought (app/domain/pilot-similarity.ts); absent: none. */
  similarPilots?: readonly string[];
  intellectualProperty: IpTerms;
  /** The buyer's non-use undertaking is given (stored, or given with this publish or amendment). */
  nonUseUndertaking: boolean;
  /** Published before IP terms were required (migration 0042): that rule does not judge it. */
  ipTermsGrandfathered: boolean;
  /** The event's CPV codes meet the buyer's declared own delivery (issue 19); absent means they do not. */
  ownDeliveryOverlaps?: boolean;
  /** What doing it in-house would cost, and on what basis; asked where the buyer delivers itself. */
  inHouseCostBasis?: string | null;
  scope: Scope;
  dataProtection: DataProtection;
  /** Published before the scope step was required (migration 0047): that rule does not judge it. */
  scopeGrandfathered: boolean;
  /** The answers of the buyers it is invited to be held jointly with (none: a buyer's own event). */
  coBuyers?: readonly { status: CoBuyerStatus }[];
}

export interface PublishingContext {
  buyerVerified: boolean;
  now: Date;
}

// Problems come back in the order of the form, whichever rule found them.
const FIELD_ORDER = [
  "buyer",
  "coBuyers",
  "registrationDeadline",
  "effort.level",
  "effort.hoursPerVendor",
  "effort.compensationNok",
  "expectation",
  "expectation.budgetMinNok",
  "expectation.budgetMaxNok",
  "expectation.fundingSource",
  "expectation.expectedValueNok",
  "expectation.quantity",
  "expectation.unit",
  "expectation.expectedTenderQuarter",
  "expectation.expectedContractStart",
  "contract.form",
  "contract.baseMonths",
  "contract.optionMonths",
  "contract.horizonMonths",
  "contract.depreciationMonths",
  "contract.justification",
  "sourcing.risk",
  "sourcing.reason",
  "sourcing.inHouseCostBasis",
  "intellectualProperty.backgroundStaysWithVendor",
  "intellectualProperty.foregroundOwner",
  "intellectualProperty.licenceScope",
  "intellectualProperty.existingProductsNotTransferred",
  "intellectualProperty.inputUse",
  "pilotPath.acceptanceCriteria",
  "pilotPath.plan",
  "pilotPath.quarter",
  "pilotPath.budgetNok",
  "pilotPath.optionMaxPriceNok",
  "pilotPath.optionWindowFrom",
  "pilotPath.optionWindowTo",
  "pilotPath.budgetEarmarked",
  "pilotPath.budgetSource",
  "pilotPath.deciderRole",
  "pilotPath.deciderOrganisation",
  "pilotPath.funding",
  "pilotPath.vendorInvestmentHours",
  "pilotPath.vendorInvestmentNok",
  "pilotPath.duplicateReason",
  ...SCOPE_FIELD_ORDER,
  ...DATA_PROTECTION_FIELD_ORDER,
  "nonUseUndertaking",
];

function position(path: string): number {
  // Each acceptance criterion's parts sort with the criteria ("pilotPath.acceptanceCriteria.0.measure").
  // … and each funding row's parts with the funding ("pilotPath.funding.0.otherText").
  // … and each integration row's with the integrations ("scope.integrations.0.system").
  const list = ["pilotPath.acceptanceCriteria", "pilotPath.funding", "scope.integrations"].find((prefix) => path.startsWith(`${prefix}.`)) ?? path;
  const index = FIELD_ORDER.indexOf(list);
  return index === -1 ? FIELD_ORDER.length : index;
}

/** Drops repeats of the same code on the same field and sorts by form order (stable within a field). */
export function orderProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter(({ path, code }) => {
    const key = `${path}\u0000${code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => position(a.path) - position(b.path));
}

function isFuture(date: Date | null, now: Date): boolean {
  return date !== null && date.getTime() > now.getTime();
}

/** What the event declares, judged without the clock or the publisher. */
function declarationProblems(event: PublishableEvent): Problem[] {
  const problems: Problem[] = [];
  // forutsigbarhet: a demand notice announces what is coming and asks nothing of vendors.
  if (event.kind === "demand_notice" && effectiveEffortLevel(event.effort) !== "none") {
    problems.push({ path: "effort.level", code: "demand_notice_asks_no_effort" });
  }
  problems.push(...problemsOf(checkPredictability(event)));
  // kontraktsvalg: form and guaranteed duration follow the purpose (app/domain/contract.ts).
  problems.push(
    ...problemsOf(
      checkContractChoice({ kind: event.kind, expectation: event.expectation, contract: event.contract, grandfathered: event.contractChoiceGrandfathered ?? false }),
    ),
  );
  if (event.sourcing) {
    const chosenForm = event.contract?.form ?? null;
    problems.push(...problemsOf(checkSourcingChoice({ ...event.sourcing, chosenForm })));
  }
  problems.push(
    ...problemsOf(
      checkOwnDeliveryPublishing({
        overlaps: event.ownDeliveryOverlaps ?? false,
        sourcing: event.sourcing,
        contractForm: event.contract?.form ?? null,
        inHouseCostBasis: event.inHouseCostBasis ?? null,
      }),
    ),
  );
  problems.push(...problemsOf(checkPilotPath({ kind: event.kind, contractForm: event.contract?.form, pilotPath: event.pilotPath })));
  // næringsutvikling: a new pilot on a need already piloted with success says why it is needed ("pilotsyken").
  problems.push(...problemsOf(checkDuplicatePilot({ similar: event.similarPilots ?? [], reason: event.pilotPath?.duplicateReason })));
  problems.push(
    ...problemsOf(
      checkIpTerms({
        kind: event.kind,
        effortLevel: effectiveEffortLevel(event.effort),
        contractForm: event.contract?.form,
        ip: event.intellectualProperty,
        nonUseUndertaking: event.nonUseUndertaking,
        grandfathered: event.ipTermsGrandfathered,
      }),
    ),
  );
  // forutsigbarhet: vendors know the scope, integration and cost of ownership they price (issue 19).
  problems.push(...problemsOf(checkScope({ kind: event.kind, expectation: event.expectation, scope: event.scope, grandfathered: event.scopeGrandfathered })));
  const dataProtectionRequired = !event.scopeGrandfathered && requiresScope(event);
  problems.push(...problemsOf(checkDataProtection(event.dataProtection, { required: dataProtectionRequired })));
  return problems;
}

/** Every reason the event may not be published yet, all at once. */
export function checkPublishable(event: PublishableEvent, { buyerVerified, now }: PublishingContext): GateResult {
  const problems: Problem[] = [];
  // forutsigbarhet: only verified public bodies speak to the market as buyers.
  if (!buyerVerified) problems.push({ path: "buyer", code: "buyer_not_verified" });
  // forutsigbarhet: a joint event speaks for every buyer on it, so none is named without its consent.
  problems.push(...problemsOf(checkCoBuyerConsent(event.coBuyers ?? [])));
  // forutsigbarhet: vendors can only take part in what they still have time to answer.
  if (event.kind !== "demand_notice" && !isFuture(event.registrationDeadline, now) && !isFuture(event.responseDeadline, now)) {
    problems.push({ path: "registrationDeadline", code: "deadline_in_future_required" });
  }
  problems.push(
    ...declarationProblems(event),
    ...problemsOf(checkTenderQuarter(event.expectation, { now })),
    ...problemsOf(checkOptionWindow(event.pilotPath, { now })),
  );
  return gateResult(orderProblems(problems));
}

/**
 * What an amendment to a published event must still pass: everything publishing asked of the
 * declarations (forutsigbarhet: an amendment may not take back what publishing promised), but not
 * who publishes (the buyer was judged when it published) nor a deadline that may since have passed;
 * a tender quarter or an option window now in the past counts only when the amendment sets it.
 */
export function checkAmendment(
  after: PublishableEvent,
  { now, tenderQuarterChanged, optionWindowChanged = false }: { now: Date; tenderQuarterChanged: boolean; optionWindowChanged?: boolean },
): GateResult {
  const quarter = problemsOf(checkTenderQuarter(after.expectation, { now })).filter((p) => tenderQuarterChanged || p.code !== "tender_quarter_in_past");
  const window = optionWindowChanged ? problemsOf(checkOptionWindow(after.pilotPath, { now })) : [];
  return gateResult(orderProblems([...declarationProblems(after), ...quarter, ...window]));
}
