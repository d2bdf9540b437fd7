import { describe, expect, it } from "vitest";
import { CONTRACT_FORMS, type ContractForm } from "~/domain/contract";
import {
  adviseSourcing,
  checkSourcingChoice,
  CONTRACT_RISKS,
  OUTSIDE_NEEDS,
  type ContractRisk,
  FORM_BASIS,
  sourcingBasis,
  SOURCING_CITATIONS,
  type OutsideNeed,
  type SourcingAdvice,
  type SourcingCitation,
} from "~/domain/sourcing";

const reasonNeeded = { ok: false, problems: [{ path: "sourcing.reason", code: "sourcing_reason_required" }] };

// Each cell with the sentence(s) it rests on (SOURCING_CITATIONS), and a phrase of that sentence
// that carries the cell: the table test fails when a cell's advice or its cited basis moves.
const CITED: [ContractRisk, OutsideNeed, SourcingAdvice, [SourcingCitation, string][]][] = [
  // Low risk → market, whatever the need ("Markedet bør som hovedregel anvendes").
  ["low", "none", "market_contract", [["report_market_main_rule", "som hovedregel"], ["principle_low_risk_market", "markedskontrakter"]]],
  ["low", "temporary", "market_contract", [["principle_low_risk_market", "Lav kontraktsrisiko"]]],
  ["low", "lasting", "market_contract", [["principle_low_risk_market", "Lav kontraktsrisiko"]]],
  // Medium risk is not "spesielt stor risiko": never in-house (issue 19's acceptance).
  ["medium", "none", "market_contract", [["report_market_main_rule", "Markedet"], ["report_in_house_especially_high_risk", "kun gjøre aktiviteter selv"]]],
  ["medium", "temporary", "hybrid_relational", [["principle_medium_risk_hybrid", "prosjektkontrakter for engangsoppdrag"]]],
  ["medium", "lasting", "hybrid_relational", [["principle_medium_risk_hybrid", "hybride eller relasjonelle kontrakter"]]],
  ["high", "none", "in_house", [["report_in_house_especially_high_risk", "spesielt stor risiko"], ["principle_in_house_high_risk_no_lasting_need", "uten varig behov"]]],
  ["high", "temporary", "in_house", [["report_in_house_especially_high_risk", "spesielt stor risiko"], ["principle_in_house_high_risk_no_lasting_need", "uten varig behov"]]],
  ["high", "lasting", "hybrid_relational", [["principle_in_house_high_risk_no_lasting_need", "uten varig behov"], ["principle_medium_risk_hybrid", "relasjonelle kontrakter"]]],
];
const TABLE = CITED.map(([risk, need, advice]) => [risk, need, advice] as const);

const FORM_FOLLOWS: Record<ContractForm, SourcingAdvice> = {
  market_contract: "market_contract",
  framework_agreement: "market_contract",
  // "prosjektkontrakter for engangsoppdrag": the hybrid form for one-off work.
  project_contract: "hybrid_relational",
  relational_contract: "hybrid_relational",
  strategic_alliance: "hybrid_relational",
  // "report_innovation_partnership_short": among the short-contract habits, not the long relational form.
  innovation_partnership: "market_contract",
  in_house: "in_house",
};

describe("sourcing advice", () => {
  it("covers every combination of risk and need exactly once", () => {
    expect(TABLE).toHaveLength(CONTRACT_RISKS.length * OUTSIDE_NEEDS.length);
  });

  it.each(CITED)("advises for %s risk and %s need: %s, resting on the sentences it cites", (risk, need, advice, cited) => {
    expect(adviseSourcing({ risk, need })).toEqual({ advice, reasonRequired: false });
    expect(sourcingBasis({ risk, need })).toEqual(cited.map(([id]) => id));
    for (const [id, phrase] of cited) expect(SOURCING_CITATIONS[id].text, id).toContain(phrase);
  });

  it("no longer advises in-house at medium risk with no outside need (issue 19)", () => {
    expect(adviseSourcing({ risk: "medium", need: "none" }).advice).not.toBe("in_house");
  });

  it("advises in-house only at high risk without a lasting outside need", () => {
    const inHouse = TABLE.filter(([, , advice]) => advice === "in_house").map(([risk, need]) => `${risk}/${need}`);
    expect(inHouse).toEqual(["high/none", "high/temporary"]);
  });

  it("quotes the report verbatim where it quotes it, and cites the report for the innovation partnership", () => {
    expect(SOURCING_CITATIONS.report_market_main_rule).toMatchObject({ source: "report_3_1_2", verbatim: true });
    expect(SOURCING_CITATIONS.report_in_house_especially_high_risk).toMatchObject({ source: "report_3_1_2", verbatim: true });
    expect(FORM_BASIS.innovation_partnership).toBe("report_innovation_partnership_short");
  });

  it("places the project contract by the principle's own words: the hybrid form for one-off work", () => {
    expect(FORM_BASIS.project_contract).toBe("principle_medium_risk_hybrid");
    expect(SOURCING_CITATIONS.principle_medium_risk_hybrid.text).toContain("prosjektkontrakter for engangsoppdrag");
  });

  it.each(TABLE)("with %s risk and %s need (%s), wants a reason exactly when the choice departs from the advice", (risk, need, advice) => {
    for (const chosenForm of CONTRACT_FORMS) {
      const departs = FORM_FOLLOWS[chosenForm] !== advice;
      const result = checkSourcingChoice({ risk, need, chosenForm, reason: null });
      expect(result, chosenForm).toEqual(departs ? reasonNeeded : { ok: true });
      expect(checkSourcingChoice({ risk, need, chosenForm, reason: "Vi har ikke kompetansen selv" })).toEqual({ ok: true });
    }
  });

  it.each(TABLE)("with %s risk and %s need and no form chosen yet, asks no reason", (risk, need) => {
    expect(checkSourcingChoice({ risk, need, chosenForm: null, reason: null })).toEqual({ ok: true });
  });

  it("does not count a blank reason as a reason", () => {
    expect(checkSourcingChoice({ risk: "high", need: "temporary", chosenForm: "market_contract", reason: "  \n " })).toEqual(reasonNeeded);
  });

  it("wants a reason for a framework agreement or an innovation partnership where a lasting high-risk need calls for a relational contract", () => {
    expect(checkSourcingChoice({ risk: "high", need: "lasting", chosenForm: "framework_agreement", reason: null })).toEqual(reasonNeeded);
    expect(checkSourcingChoice({ risk: "high", need: "lasting", chosenForm: "innovation_partnership", reason: null })).toEqual(reasonNeeded);
    expect(checkSourcingChoice({ risk: "high", need: "lasting", chosenForm: "relational_contract", reason: null })).toEqual({ ok: true });
  });
});
