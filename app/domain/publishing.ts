import { checkContractDuration, type ContractTerms } from "./contract";
import { type EventKind } from "./events";
import { checkPilotPath, type PilotPath } from "./pilot";
import {
  checkPredictability,
  checkTenderQuarter,
  effectiveEffortLevel,
  type EffortDeclaration,
  type PurchaseExpectation,
} from "./predictability";
import { gateResult, problemsOf, type GateResult, type Problem } from "./problems";
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
  /** Null when the buyer has not used the sourcing advisor. */
  sourcing: Omit<SourcingChoice, "chosenForm"> | null;
  pilotPath: PilotPath | null;
}

export interface PublishingContext {
  buyerVerified: boolean;
  now: Date;
}

// Problems come back in the order of the form, whichever rule found them.
const FIELD_ORDER = [
  "buyer",
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
  "contract.baseMonths",
  "contract.optionMonths",
  "contract.horizonMonths",
  "contract.justification",
  "sourcing.reason",
  "pilotPath.plan",
  "pilotPath.quarter",
  "pilotPath.budgetNok",
];

function position(path: string): number {
  const index = FIELD_ORDER.indexOf(path);
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

/** Every reason the event may not be published yet, all at once. */
export function checkPublishable(event: PublishableEvent, { buyerVerified, now }: PublishingContext): GateResult {
  const problems: Problem[] = [];

  // forutsigbarhet: only verified public bodies speak to the market as buyers.
  if (!buyerVerified) problems.push({ path: "buyer", code: "buyer_not_verified" });

  if (event.kind === "demand_notice") {
    // forutsigbarhet: a demand notice announces what is coming and asks nothing of vendors.
    if (effectiveEffortLevel(event.effort) !== "none") {
      problems.push({ path: "effort.level", code: "demand_notice_asks_no_effort" });
    }
  } else if (!isFuture(event.registrationDeadline, now) && !isFuture(event.responseDeadline, now)) {
    // forutsigbarhet: vendors can only take part in what they still have time to answer.
    problems.push({ path: "registrationDeadline", code: "deadline_in_future_required" });
  }

  problems.push(...problemsOf(checkPredictability(event)));
  problems.push(...problemsOf(checkTenderQuarter(event.expectation, { now })));
  if (event.contract) problems.push(...problemsOf(checkContractDuration(event.contract)));
  if (event.sourcing) {
    const chosenForm = event.contract?.form ?? null;
    problems.push(...problemsOf(checkSourcingChoice({ ...event.sourcing, chosenForm })));
  }
  problems.push(...problemsOf(checkPilotPath(event)));

  return gateResult(orderProblems(problems));
}
