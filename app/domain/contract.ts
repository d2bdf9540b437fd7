import { type EventKind } from "./events";
import { type PurchaseExpectation } from "./predictability";
import { gateResult, visibleLength, type GateResult, type Problem } from "./problems";

// Kontraktsvalg (principle 2): the contract's form and duration follow the purpose, and a
// contract shorter than the purpose is justified where vendors can read it. The one source of
// the rule; the event form, the JSON API, the publishing gate and the CHECK constraint
// events_contract_choice (db/migrations/2026-12-06-0059-contract-choice.ts) follow it (ADR 0030).
//
// What counts is what the buyer guarantees: the base period. Extension options are at the
// buyer's discretion; they are shown apart and never make a short contract long. A contract is
// short when its base period is shorter than the need it serves (the horizon), or shorter than
// the period over which vendors must write off the investment it demands (depreciation).

/** In the order of the report's spectrum, from market to in-house. */
export const CONTRACT_FORMS = [
  "market_contract",
  "framework_agreement",
  "project_contract",
  "relational_contract",
  "strategic_alliance",
  "innovation_partnership",
  "in_house",
] as const;
export type ContractForm = (typeof CONTRACT_FORMS)[number];

/** Visible characters (not white space, not format characters) a justification for a short contract must have. */
export const JUSTIFICATION_MIN_CHARACTERS = 30;

export interface ContractTerms {
  form: ContractForm | null;
  /** The guaranteed base period. */
  baseMonths: number | null;
  /** Extension options in total, at the buyer's discretion; 0 or null when there are none. */
  optionMonths: number | null;
  /** How long the purpose the contract serves is expected to last. */
  horizonMonths: number | null;
  /** Optional: the period over which vendors must write off the investment the contract demands. */
  depreciationMonths?: number | null;
  justification: string | null;
}

export type ContractCode =
  | "must_be_positive_whole_months"
  | "justification_required"
  | "contract_form_required"
  | "base_period_required"
  | "horizon_required";

export function isContractForm(value: unknown): value is ContractForm {
  return typeof value === "string" && (CONTRACT_FORMS as readonly string[]).includes(value);
}

/** Base plus options, or null without a base duration: the longest the contract can run, if every option is exercised. */
export function totalMonths(baseMonths: number | null, optionMonths: number | null): number | null {
  return baseMonths === null ? null : baseMonths + (optionMonths ?? 0);
}

/**
 * RFPs, demand notices that declare a purchase, and innovation partnerships state the contract
 * form, the base period and the need's horizon: there the purchase is near enough that vendors
 * weigh the investment against the contract.
 */
export function requiresContractChoice({
  kind,
  expectation,
  contractForm,
}: {
  kind: EventKind;
  expectation: Pick<PurchaseExpectation, "status"> | null;
  contractForm: ContractForm | null | undefined;
}): boolean {
  const declaresPurchase = expectation !== null && expectation.status !== "none";
  return kind === "rfp" || (kind === "demand_notice" && declaresPurchase) || contractForm === "innovation_partnership";
}

export interface Shortness {
  /** The base period is shorter than the need's horizon. */
  ofHorizon: boolean;
  /** The base period is shorter than the vendors' depreciation period. */
  ofDepreciation: boolean;
}

/** How the guaranteed base period falls short, judged without the options; nothing is short without a base period. */
export function contractShortness(terms: Pick<ContractTerms, "baseMonths" | "horizonMonths" | "depreciationMonths">): Shortness {
  const base = terms.baseMonths;
  const shorter = (than: number | null | undefined) => base !== null && than !== null && than !== undefined && base < than;
  return { ofHorizon: shorter(terms.horizonMonths), ofDepreciation: shorter(terms.depreciationMonths) };
}

export function isShortContract(terms: Pick<ContractTerms, "baseMonths" | "horizonMonths" | "depreciationMonths">): boolean {
  const { ofHorizon, ofDepreciation } = contractShortness(terms);
  return ofHorizon || ofDepreciation;
}

export interface ContractChoiceInput {
  kind: EventKind;
  expectation: Pick<PurchaseExpectation, "status"> | null;
  /** Null when the event declares no contract terms at all. */
  contract: ContractTerms | null;
  /**
   * Published before this rule (migration 0059) and breaking it: judged as it was published —
   * nothing required, and base plus options against the horizon. Depreciation, new with the
   * rule, is judged by the base period all the same.
   */
  grandfathered?: boolean;
}

const isWholeAbove = (n: number | null | undefined, min: number) => n === null || n === undefined || (Number.isInteger(n) && n >= min);

export function checkContractChoice({ kind, expectation, contract, grandfathered = false }: ContractChoiceInput): GateResult<ContractCode> {
  const problems: Problem<ContractCode>[] = [];
  const add = (field: string, code: ContractCode) => problems.push({ path: `contract.${field}`, code });
  const terms: ContractTerms = contract ?? { form: null, baseMonths: null, optionMonths: null, horizonMonths: null, depreciationMonths: null, justification: null };

  const baseOk = isWholeAbove(terms.baseMonths, 1);
  // An option period of 0 months states plainly that there are no options.
  const optionsOk = isWholeAbove(terms.optionMonths, 0);
  const horizonOk = isWholeAbove(terms.horizonMonths, 1);
  const depreciationOk = isWholeAbove(terms.depreciationMonths, 1);
  if (!baseOk) add("baseMonths", "must_be_positive_whole_months");
  if (!optionsOk) add("optionMonths", "must_be_positive_whole_months");
  if (!horizonOk) add("horizonMonths", "must_be_positive_whole_months");
  if (!depreciationOk) add("depreciationMonths", "must_be_positive_whole_months");

  // kontraktsvalg: where the purchase is near, the buyer says what it binds itself to and for how long the need lasts.
  if (!grandfathered && requiresContractChoice({ kind, expectation, contractForm: terms.form })) {
    if (terms.form === null) add("form", "contract_form_required");
    if (terms.baseMonths === null) add("baseMonths", "base_period_required");
    if (terms.horizonMonths === null) add("horizonMonths", "horizon_required");
  }

  // kontraktsvalg: a contract shorter than its purpose, or than the vendors' write-off, says why, where vendors can read it.
  if (baseOk && optionsOk && horizonOk && depreciationOk && visibleLength(terms.justification) < JUSTIFICATION_MIN_CHARACTERS) {
    const { ofHorizon, ofDepreciation } = contractShortness(terms);
    const total = totalMonths(terms.baseMonths, terms.optionMonths);
    const shortOfHorizon = grandfathered ? total !== null && terms.horizonMonths !== null && total < terms.horizonMonths : ofHorizon;
    if (shortOfHorizon || ofDepreciation) add("justification", "justification_required");
  }
  return gateResult(problems);
}
