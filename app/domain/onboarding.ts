import type { VerificationStatus } from "./organisations";

// The first steps of a new organisation, in the order that unblocks the most: a buyer is
// verified by the portal's operators before it can publish, names the commercial contact
// vendors write to, adopts the code of conduct and publishes its first event; a vendor
// adopts the code and starts following demand (a watch or a registration). Shown on the
// organisation's page until every step is done.

export const VERIFICATION_DAYS = 2;

export interface OnboardingFacts {
  isBuyer: boolean;
  isVendor: boolean;
  verificationStatus: VerificationStatus;
  hasCommercialContact: boolean;
  /** The current code-of-conduct version is adopted (no version published counts as done). */
  codeAdopted: boolean;
  publishedEvents: number;
  /** Watches of the organisation's members, and its registrations for events. */
  watchesOrRegistrations: number;
}

export type OnboardingStepKey = "verification" | "contact" | "code" | "firstEvent" | "followDemand";
export type StepState = "done" | "todo" | "waiting" | "refused" | "blocked";

export interface OnboardingStep {
  key: OnboardingStepKey;
  state: StepState;
  /** Where the step is done; null when someone else does it (the operators verify). */
  href: string | null;
}

export function onboardingSteps(facts: OnboardingFacts): OnboardingStep[] {
  const steps: OnboardingStep[] = [];
  if (facts.isBuyer) {
    const verification: StepState = facts.verificationStatus === "verified" ? "done" : facts.verificationStatus === "rejected" ? "refused" : "waiting";
    steps.push({ key: "verification", state: verification, href: null });
    steps.push({ key: "contact", state: facts.hasCommercialContact ? "done" : "todo", href: "/organisation/members" });
  }
  steps.push({ key: "code", state: facts.codeAdopted ? "done" : "todo", href: "/conduct" });
  if (facts.isBuyer) {
    // A draft can be written at once; publishing waits for the verification.
    const firstEvent: StepState = facts.publishedEvents > 0 ? "done" : facts.verificationStatus === "verified" ? "todo" : "blocked";
    steps.push({ key: "firstEvent", state: firstEvent, href: "/events/new" });
  }
  if (facts.isVendor) steps.push({ key: "followDemand", state: facts.watchesOrRegistrations > 0 ? "done" : "todo", href: "/demand" });
  return steps;
}

/** A rejected buyer may ask the operators to look again, after correcting what the reason named. */
export function canRequestReview(status: VerificationStatus): boolean {
  return status === "rejected";
}

export function onboardingComplete(steps: readonly OnboardingStep[]): boolean {
  return steps.every((s) => s.state === "done");
}
