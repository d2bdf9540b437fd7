import { z } from "zod";
import { type ContractForm } from "./contract";
import { cpvPrefix, isCpvCode } from "./cpv";
import { gateResult, isBlank, type GateResult, type Problem } from "./problems";
import { adviseSourcing, type SourcingAnswer } from "./sourcing";

// Own delivery (issue 19, rollebalanse): a buyer that itself, or through a named in-house
// provider or state enterprise, develops, operates or sells solutions in a CPV area says so
// on its profile. Vendors see it on every event in that area before they spend effort, and
// such an event cannot publish until the buyer has weighed market against in-house.

export const OWN_DELIVERY_ACTIVITIES = ["develops", "operates", "sells"] as const;
export type OwnDeliveryActivity = (typeof OWN_DELIVERY_ACTIVITIES)[number];

export const OWN_DELIVERY_MAX_CPV = 20;
export const OWN_DELIVERY_PROVIDER_MAX = 200;
export const OWN_DELIVERY_STANDARDS_MAX = 1000;
export const IN_HOUSE_COST_BASIS_MAX = 4000;

/** What the buyer declares on its profile. */
export interface OwnDelivery {
  cpv: string[];
  activities: OwnDeliveryActivity[];
  /** The named in-house provider or state enterprise; null when the organisation delivers itself. */
  provider: string | null;
  /** Standards it sets or owns, in its own words. */
  standards: string | null;
}

export function hasOwnDelivery(own: Pick<OwnDelivery, "cpv">): boolean {
  return own.cpv.length > 0;
}

/** Whether two CPV codes are the same area, or one lies below the other in the hierarchy. */
export function cpvOverlap(a: string, b: string): boolean {
  const pa = cpvPrefix(a);
  const pb = cpvPrefix(b);
  return pa.startsWith(pb) || pb.startsWith(pa);
}

/** The buyer's own-delivery codes that an event's codes meet (same code, ancestor or descendant). */
export function overlappingOwnDelivery(eventCpv: readonly string[], ownCpv: readonly string[]): string[] {
  return ownCpv.filter((own) => eventCpv.some((code) => cpvOverlap(own, code)));
}

/** The notice an event shows, or null when the buyer does not deliver in the event's area. */
export function ownDeliveryNotice(eventCpv: readonly string[], own: OwnDelivery): (OwnDelivery & { cpv: string[] }) | null {
  const cpv = overlappingOwnDelivery(eventCpv, own.cpv);
  return cpv.length === 0 ? null : { ...own, cpv };
}

export type OwnDeliveryPublishingCode = "sourcing_required" | "in_house_cost_basis_required";

export interface OwnDeliveryPublishing {
  /** The event's CPV codes meet the buyer's own delivery. */
  overlaps: boolean;
  sourcing: SourcingAnswer | null;
  contractForm: ContractForm | null;
  inHouseCostBasis: string | null;
}

export function checkOwnDeliveryPublishing({ overlaps, sourcing, contractForm, inHouseCostBasis }: OwnDeliveryPublishing): GateResult<OwnDeliveryPublishingCode> {
  if (!overlaps) return { ok: true };
  const problems: Problem<OwnDeliveryPublishingCode>[] = [];
  // rollebalanse and sourcingstrategi: a buyer that delivers in the area itself weighs market
  // against in-house before it asks vendors for anything.
  if (sourcing === null) problems.push({ path: "sourcing.risk", code: "sourcing_required" });
  // … and where in-house is an option, says what in-house would cost, so vendors compare like with like.
  const inHouseOption = contractForm === "in_house" || (sourcing !== null && adviseSourcing(sourcing).advice === "in_house");
  if (inHouseOption && isBlank(inHouseCostBasis)) problems.push({ path: "sourcing.inHouseCostBasis", code: "in_house_cost_basis_required" });
  return gateResult(problems);
}

// The profile form. Messages are keys under `organisations:formErrors`.
// The list is one field: a code that is not in the vocabulary is named by that field.
const codes = z
  .string()
  .optional()
  .transform((text) => [...new Set((text ?? "").split(/[\s,;]+/).filter(Boolean))])
  .superRefine((list, ctx) => {
    if (list.some((code) => !isCpvCode(code))) ctx.addIssue({ code: "custom", message: "cpvUnknown" });
    else if (list.length > OWN_DELIVERY_MAX_CPV) ctx.addIssue({ code: "custom", message: "ownDeliveryCpvTooMany" });
  });

/** The codes typed that are not in the CPV vocabulary, to name them in the message. */
export function unknownCpvCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))].filter((code) => !isCpvCode(code));
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v === undefined || isBlank(v) ? null : v));

export const OwnDeliverySchema = z
  .object({
    ownDeliveryCpv: codes,
    ownDeliveryActivities: z.array(z.enum(OWN_DELIVERY_ACTIVITIES, { error: "invalidChoice" })).optional().default([]),
    ownDeliveryProvider: optionalText(OWN_DELIVERY_PROVIDER_MAX),
    ownDeliveryStandards: optionalText(OWN_DELIVERY_STANDARDS_MAX),
  })
  .superRefine((value, ctx) => {
    // A CPV area without saying what the organisation does there tells a vendor nothing.
    if (value.ownDeliveryCpv.length > 0 && value.ownDeliveryActivities.length === 0) {
      ctx.addIssue({ code: "custom", path: ["ownDeliveryActivities"], message: "ownDeliveryActivityRequired" });
    }
  })
  .transform(
    (value): OwnDelivery => ({
      cpv: value.ownDeliveryCpv,
      activities: OWN_DELIVERY_ACTIVITIES.filter((a) => value.ownDeliveryActivities.includes(a)),
      provider: value.ownDeliveryProvider,
      standards: value.ownDeliveryStandards,
    }),
  );
