import { z } from "zod";
import { nok, optionalText, typeError, whole } from "./input-fields";
import { INVESTMENT_HOURS_MAX, INVESTMENT_NOTE_MAX } from "./pilot-investment";

// The correction form and API body of a vendor's investment (app/domain/pilot-investment.ts holds
// the rules). Apart from the rules, which the event form's pilot fields and every page with the form
// kit import, so that those pages do not ship Zod (issue 20).

/** A vendor's correction, from its form or the API: hours and/or NOK, a note, and which of its organisations (when it is in several). */
export const InvestmentCorrectionSchema = z.strictObject(
  {
    organisationId: z.guid({ error: "invalid_value" }).optional(),
    hours: whole(0, INVESTMENT_HOURS_MAX).nullable().optional(),
    nok: nok(),
    note: optionalText(INVESTMENT_NOTE_MAX),
  },
  { error: typeError },
);
export type InvestmentCorrectionInput = z.infer<typeof InvestmentCorrectionSchema>;
