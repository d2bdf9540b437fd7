import { type ContractForm } from "./contract";
import { type EffortLevel, type EventKind } from "./events";
import { gateResult, isBlank, type GateResult, type Problem } from "./problems";

// næringsutvikling (issue 17): what vendors hand over in a market dialogue stays theirs unless
// the event says otherwise, in structured terms vendors can compare, and the buyer undertakes,
// by name and date, not to use vendors' information in its own business. The one source of the
// rule; the form, the JSON API and the CHECK constraints (migration 0042) follow it.

/** Who owns what the dialogue produces (foreground IP). */
export const FOREGROUND_OWNERS = ["buyer", "vendor", "shared", "licence"] as const;
export type ForegroundOwner = (typeof FOREGROUND_OWNERS)[number];

/** What the buyer may use vendors' input for. */
export const INPUT_USES = ["this_procurement", "wider_planning"] as const;
export type InputUse = (typeof INPUT_USES)[number];

/** Licence scope text, at most. */
export const LICENCE_SCOPE_MAX = 2000;

export interface IpTerms {
  /** Background IP (what the vendor brings) stays with the vendor. */
  backgroundStaysWithVendor: boolean | null;
  foregroundOwner: ForegroundOwner | null;
  /** What the buyer's licence covers, when the results are licensed. */
  licenceScope: string | null;
  /** The vendor's existing products are not transferred to the buyer. */
  existingProductsNotTransferred: boolean | null;
  inputUse: InputUse | null;
}

export const EMPTY_IP_TERMS: IpTerms = {
  backgroundStaysWithVendor: null,
  foregroundOwner: null,
  licenceScope: null,
  existingProductsNotTransferred: null,
  inputUse: null,
};

/** The terms each event requiring them must state, in form order. */
export const IP_TERM_FIELDS = ["backgroundStaysWithVendor", "foregroundOwner", "existingProductsNotTransferred", "inputUse"] as const satisfies readonly (keyof IpTerms)[];

export type IpTermsCode = "ip_terms_required" | "licence_scope_required" | "non_use_undertaking_required";

export interface IpTermsInput {
  kind: EventKind;
  /** The effort level the gate judges by (effectiveEffortLevel). */
  effortLevel: EffortLevel;
  contractForm: ContractForm | null | undefined;
  ip: IpTerms;
  /** The buyer has given the non-use undertaking (now, or when the event was published). */
  nonUseUndertaking: boolean;
  /** Published before the rule (migration 0042) without terms: not judged by it. */
  grandfathered?: boolean;
}

/**
 * Which events must state IP terms and carry the undertaking: RFIs, pilots, R&D partnerships,
 * innovation partnerships, and any event asking significant effort (more than 8 hours, or
 * written answers, demos, workshops, pilots, prototypes: SIGNIFICANT_WORK), since that is where
 * vendors hand over what they know.
 */
export function requiresIpTerms({ kind, effortLevel, contractForm }: Pick<IpTermsInput, "kind" | "effortLevel" | "contractForm">): boolean {
  return kind === "rfi" || kind === "pilot" || kind === "rnd_partnership" || contractForm === "innovation_partnership" || effortLevel === "significant";
}

export function checkIpTerms(input: IpTermsInput): GateResult<IpTermsCode> {
  const problems: Problem<IpTermsCode>[] = [];
  const { ip } = input;
  const required = !input.grandfathered && requiresIpTerms(input);
  // næringsutvikling: vendors know before they answer who owns what, and what their input is used for.
  if (required) {
    for (const field of IP_TERM_FIELDS) {
      if (ip[field] === null) problems.push({ path: `intellectualProperty.${field}`, code: "ip_terms_required" });
    }
  }
  // A licence says what it covers, whether or not the event must state terms.
  if (ip.foregroundOwner === "licence" && isBlank(ip.licenceScope)) {
    problems.push({ path: "intellectualProperty.licenceScope", code: "licence_scope_required" });
  }
  if (!required) return gateResult(problems);
  // næringsutvikling: the buyer will not use vendors' information in its own business (report §6.2.2).
  if (!input.nonUseUndertaking) problems.push({ path: "nonUseUndertaking", code: "non_use_undertaking_required" });
  return gateResult(problems);
}
