import { type EventKind } from "./events";
import { type PurchaseExpectation } from "./predictability";
import { gateResult, isBlank, type GateResult, type Problem } from "./problems";

// Scope, integration and cost of ownership, and the event's data protection (issue 19).
// Vendors price what they must know: what the purchase covers beyond the licence, which
// systems to integrate with by which standard, identity and access, whether the integration
// budget is inside the frame, the adaptations bidders must price, who owns the service, and
// over how many years the cost of ownership is counted. The one source of the rule; the form,
// the JSON API and the CHECK constraints of migration 0047 follow it.

/** What the purchase covers (the scope checklist), in the form's order. */
export const SCOPE_ITEMS = [
  "licence",
  "implementation",
  "integration",
  "support",
  "further_development",
  "operations",
  "training",
  "integrated_service",
] as const;
export type ScopeItem = (typeof SCOPE_ITEMS)[number];

/** Whether the interfaces to integrate with are documented. */
export const INTERFACE_DOCS = ["available", "not_available"] as const;
export type InterfaceDocs = (typeof INTERFACE_DOCS)[number];

/** Identity and access the solution must use. */
export const IDENTITY_ACCESS = ["helseid", "id_porten", "buyer_directory", "other"] as const;
export type IdentityAccess = (typeof IDENTITY_ACCESS)[number];

export const MAX_INTEGRATIONS = 10;
export const INTEGRATION_SYSTEM_MAX = 200;
export const INTEGRATION_STANDARD_MAX = 200;
export const TCO_HORIZON_MAX_YEARS = 30;

/** One system to integrate with, and by which standard (a catalogue code or free text). */
export interface Integration {
  system: string;
  standard: string | null;
}

export interface Scope {
  items: ScopeItem[];
  integrations: Integration[];
  interfaceDocs: InterfaceDocs | null;
  interfaceDocsUrl: string | null;
  identityAccess: IdentityAccess[];
  identityAccessOther: string | null;
  /** The integration budget is inside the purchase's budget frame. */
  integrationBudgetIncluded: boolean | null;
  integrationBudgetNok: number | null;
  /** Known adaptation needs bidders must price (not add as change orders later). */
  adaptationNeeds: string | null;
  /** The service owner's (tjenesteansvarlig) role at the buyer. */
  serviceOwnerRole: string | null;
  tcoHorizonYears: number | null;
}

export const EMPTY_SCOPE: Scope = {
  items: [],
  integrations: [],
  interfaceDocs: null,
  interfaceDocsUrl: null,
  identityAccess: [],
  identityAccessOther: null,
  integrationBudgetIncluded: null,
  integrationBudgetNok: null,
  adaptationNeeds: null,
  serviceOwnerRole: null,
  tcoHorizonYears: null,
};

export type ScopeCode =
  | "scope_required"
  | "integration_budget_over_frame"
  | "integration_budget_without_frame"
  | "identity_access_other_required"
  | "interface_docs_url_without_docs";

type Expectation = Pick<PurchaseExpectation, "status" | "budgetMaxNok"> | null;

/** An expectation that declares a purchase: any status but "none". */
export function declaresPurchase(expectation: Pick<PurchaseExpectation, "status"> | null): boolean {
  return expectation !== null && expectation.status !== "none";
}

/** RFPs, and demand notices that declare a purchase, must fill in the scope step. */
export function requiresScope({ kind, expectation }: { kind: EventKind; expectation: Expectation }): boolean {
  return kind === "rfp" || (kind === "demand_notice" && declaresPurchase(expectation));
}

/**
 * What the database refuses even in a draft (and the CHECK constraints hold): an integration
 * budget inside the frame is no larger than the frame, and a frame exists to hold it.
 */
export function scopeStorableProblems(scope: Pick<Scope, "integrationBudgetIncluded" | "integrationBudgetNok">, budgetMaxNok: number | null): Problem<ScopeCode>[] {
  if (scope.integrationBudgetIncluded !== true || scope.integrationBudgetNok === null) return [];
  if (budgetMaxNok === null) return [{ path: "scope.integrationBudgetNok", code: "integration_budget_without_frame" }];
  if (scope.integrationBudgetNok > budgetMaxNok) return [{ path: "scope.integrationBudgetNok", code: "integration_budget_over_frame" }];
  return [];
}

export interface ScopeInput {
  kind: EventKind;
  expectation: Expectation;
  scope: Scope;
  /** Published before the rule (migration 0047): not required to fill the step. */
  grandfathered?: boolean;
}

export function checkScope({ kind, expectation, scope, grandfathered = false }: ScopeInput): GateResult<ScopeCode> {
  const problems: Problem<ScopeCode>[] = [...scopeStorableProblems(scope, expectation?.budgetMaxNok ?? null)];
  const add = (field: string, code: ScopeCode) => problems.push({ path: `scope.${field}`, code });
  // Whatever the event, "other" says which, and a link documents something that is available.
  if (scope.identityAccess.includes("other") && isBlank(scope.identityAccessOther)) add("identityAccessOther", "identity_access_other_required");
  if (scope.interfaceDocs !== "available" && !isBlank(scope.interfaceDocsUrl)) add("interfaceDocsUrl", "interface_docs_url_without_docs");
  if (grandfathered || !requiresScope({ kind, expectation })) return gateResult(problems);
  // forutsigbarhet: vendors know what the purchase covers before they price it (§4.6, §4.7.7).
  if (scope.items.length === 0) add("items", "scope_required");
  if (scope.items.includes("integration")) {
    // Integration is "den største jobben" (§4.11.1): with whom, documented or not, which identity.
    if (scope.integrations.length === 0) add("integrations", "scope_required");
    if (scope.interfaceDocs === null) add("interfaceDocs", "scope_required");
    if (scope.identityAccess.length === 0) add("identityAccess", "scope_required");
  }
  if (scope.integrationBudgetIncluded === null) add("integrationBudgetIncluded", "scope_required");
  else if (scope.integrationBudgetIncluded && scope.integrationBudgetNok === null) add("integrationBudgetNok", "scope_required");
  if (isBlank(scope.serviceOwnerRole)) add("serviceOwnerRole", "scope_required");
  if (scope.tcoHorizonYears === null) add("tcoHorizonYears", "scope_required");
  return gateResult(problems);
}

/** Form order of the scope step's fields, for the publishing rules' problem order. */
export const SCOPE_FIELD_ORDER = [
  "scope.items",
  "scope.integrations",
  "scope.interfaceDocs",
  "scope.interfaceDocsUrl",
  "scope.identityAccess",
  "scope.identityAccessOther",
  "scope.integrationBudgetIncluded",
  "scope.integrationBudgetNok",
  "scope.adaptationNeeds",
  "scope.serviceOwnerRole",
  "scope.tcoHorizonYears",
];
