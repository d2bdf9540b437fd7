import { describe, expect, it } from "vitest";
import { canRequestReview, onboardingComplete, onboardingSteps, type OnboardingFacts } from "~/domain/onboarding";

const newBuyer: OnboardingFacts = {
  isBuyer: true,
  isVendor: false,
  verificationStatus: "unverified",
  hasCommercialContact: false,
  codeAdopted: false,
  publishedEvents: 0,
  watchesOrRegistrations: 0,
};

const states = (facts: OnboardingFacts) => Object.fromEntries(onboardingSteps(facts).map((s) => [s.key, s.state]));

describe("a new organisation's first steps", () => {
  it("tells a new buyer that verification waits on the operators and blocks publishing, not drafting", () => {
    expect(states(newBuyer)).toEqual({ verification: "waiting", contact: "todo", code: "todo", firstEvent: "blocked" });
    expect(onboardingSteps(newBuyer).find((s) => s.key === "verification")?.href).toBeNull();
  });

  it("opens the first event once verified, and is complete when every step is done", () => {
    expect(states({ ...newBuyer, verificationStatus: "verified" }).firstEvent).toBe("todo");
    const done = onboardingSteps({ ...newBuyer, verificationStatus: "verified", hasCommercialContact: true, codeAdopted: true, publishedEvents: 1 });
    expect(onboardingComplete(done)).toBe(true);
    expect(onboardingComplete(onboardingSteps(newBuyer))).toBe(false);
  });

  it("shows a rejection as refused, and only a rejected buyer may ask again", () => {
    expect(states({ ...newBuyer, verificationStatus: "rejected" }).verification).toBe("refused");
    expect(canRequestReview("rejected")).toBe(true);
    expect(canRequestReview("unverified")).toBe(false);
    expect(canRequestReview("verified")).toBe(false);
  });

  it("asks a vendor to adopt the code and follow demand, with no verification or contact step", () => {
    const vendor = { ...newBuyer, isBuyer: false, isVendor: true };
    expect(states(vendor)).toEqual({ code: "todo", followDemand: "todo" });
    expect(onboardingComplete(onboardingSteps({ ...vendor, codeAdopted: true, watchesOrRegistrations: 2 }))).toBe(true);
  });

  it("gives an organisation that buys and sells both lists", () => {
    expect(Object.keys(states({ ...newBuyer, isVendor: true }))).toEqual(["verification", "contact", "code", "firstEvent", "followDemand"]);
  });
});
