import { describe, expect, it } from "vitest";
import { CONTRACT_FORMS, type ContractForm } from "~/domain/contract";
import {
  adviseSourcing,
  checkSourcingChoice,
  CONTRACT_RISKS,
  OUTSIDE_NEEDS,
  type ContractRisk,
  type OutsideNeed,
  type SourcingAdvice,
} from "~/domain/sourcing";

const reasonNeeded = { ok: false, problems: [{ path: "sourcing.reason", code: "sourcing_reason_required" }] };

const TABLE: [ContractRisk, OutsideNeed, SourcingAdvice][] = [
  ["low", "none", "not_covered"],
  ["low", "temporary", "market_contract"],
  ["low", "lasting", "market_contract"],
  ["medium", "none", "in_house"],
  ["medium", "temporary", "market_contract"],
  ["medium", "lasting", "hybrid_relational"],
  ["high", "none", "in_house"],
  ["high", "temporary", "not_covered"],
  ["high", "lasting", "hybrid_relational"],
];

const FORM_FOLLOWS: Record<ContractForm, SourcingAdvice> = {
  market_contract: "market_contract",
  framework_agreement: "market_contract",
  relational_contract: "hybrid_relational",
  innovation_partnership: "hybrid_relational",
  in_house: "in_house",
};

describe("sourcing advice", () => {
  it("covers every combination of risk and need exactly once", () => {
    expect(TABLE).toHaveLength(CONTRACT_RISKS.length * OUTSIDE_NEEDS.length);
  });

  it.each(TABLE)("advises for %s risk and %s need: %s", (risk, need, advice) => {
    expect(adviseSourcing({ risk, need })).toEqual({ advice, reasonRequired: advice === "not_covered" });
  });

  it.each(TABLE)("with %s risk and %s need (%s), wants a reason exactly when the choice departs from the advice", (risk, need, advice) => {
    for (const chosenForm of CONTRACT_FORMS) {
      const departs = advice === "not_covered" || FORM_FOLLOWS[chosenForm] !== advice;
      const result = checkSourcingChoice({ risk, need, chosenForm, reason: null });
      expect(result, chosenForm).toEqual(departs ? reasonNeeded : { ok: true });
      expect(checkSourcingChoice({ risk, need, chosenForm, reason: "Vi har ikke kompetansen selv" })).toEqual({ ok: true });
    }
  });

  it.each(TABLE)("with %s risk and %s need and no form chosen yet, asks a reason only where the rule has no answer", (risk, need, advice) => {
    expect(checkSourcingChoice({ risk, need, chosenForm: null, reason: null })).toEqual(
      advice === "not_covered" ? reasonNeeded : { ok: true },
    );
  });

  it("does not count a blank reason as a reason", () => {
    expect(checkSourcingChoice({ risk: "high", need: "temporary", chosenForm: null, reason: "  \n " })).toEqual(reasonNeeded);
  });

  it("wants a reason for a framework agreement where a lasting high-risk need calls for a relational contract", () => {
    expect(checkSourcingChoice({ risk: "high", need: "lasting", chosenForm: "framework_agreement", reason: null })).toEqual(
      reasonNeeded,
    );
    expect(checkSourcingChoice({ risk: "high", need: "lasting", chosenForm: "innovation_partnership", reason: null })).toEqual({
      ok: true,
    });
  });
});
