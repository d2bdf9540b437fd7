import { z } from "zod";
import { CALL_OFF_RESPONSES, CONTRACT_TYPES } from "./contracts";
import { calendarDate, choice, months, nok, optionalText, quarter, typeError, whole } from "./input-fields";

// The forms and API bodies of contracts after award (app/domain/contracts.ts holds the rules). Apart
// from the rules so that pages which only show contract figures (the scorecards, /insights) do not
// ship Zod (issue 20).

const QUANTITY_MAX = 2_000_000_000;
const quantity = () => whole(0, QUANTITY_MAX).nullable().optional();

const OptionInput = z.strictObject(
  {
    months: whole(1, 1200, "must_be_positive_whole_months"),
    noticeDeadline: calendarDate(),
  },
  { error: typeError },
);

/** A contract as the form and the API send it (POST /api/v1/contracts, and `contract` in a procured outcome). */
export const ContractSchema = z.strictObject(
  {
    type: choice(CONTRACT_TYPES),
    title: optionalText(200),
    vendorOrganisationIds: z
      .array(z.guid({ error: "invalid_value" }), { error: typeError })
      .min(1, "required")
      .max(20, "too_many")
      .refine((ids) => new Set(ids).size === ids.length, "duplicate"),
    start: calendarDate(),
    baseEnd: calendarDate(),
    options: z.array(OptionInput, { error: typeError }).max(10, "too_many").optional(),
    indicatedAnnualValueNok: nok(),
    indicatedAnnualQuantity: quantity(),
    unit: optionalText(60),
    bindingMinimumNok: nok(),
    bindingMinimumQuantity: quantity(),
    capacityRequired: z.boolean({ error: typeError }).optional(),
    capacityLeadTimeWeeks: whole(1, 520, "must_be_positive").nullable().optional(),
    depreciationMonths: months(1),
  },
  { error: typeError },
);
export type ContractInput = z.infer<typeof ContractSchema>;

/** A contract recorded on its own: for an agreement from before the portal, or linked to a procured event. */
export const NewContractSchema = ContractSchema.extend({ eventId: z.guid({ error: "invalid_value" }).nullable().optional() });
export type NewContractInput = z.infer<typeof NewContractSchema>;

/** One quarter's call-offs (POST /api/v1/contracts/{id}/call-offs and the buyer's form). */
export const CallOffSchema = z.strictObject(
  {
    quarter: quarter(),
    valueNok: nok(),
    quantity: quantity(),
    note: optionalText(500),
  },
  { error: typeError },
);
export type CallOffInput = z.infer<typeof CallOffSchema>;

/** The vendor's answer to a quarter, as to an interaction entry: confirm, or dispute with an account. */
export const CallOffResponseSchema = z.strictObject(
  {
    response: choice(CALL_OFF_RESPONSES),
    account: optionalText(5000),
  },
  { error: typeError },
);
export type CallOffResponseInput = z.infer<typeof CallOffResponseSchema>;

/** The buyer's decision on an option. */
export const OptionDecisionSchema = z.strictObject(
  {
    decision: choice(["exercised", "declined"] as const),
    reason: optionalText(2000),
  },
  { error: typeError },
);
export type OptionDecisionInput = z.infer<typeof OptionDecisionSchema>;
